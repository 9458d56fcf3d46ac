"""What asking a refused question again in its kind's words costs an ask, now that questions loosely
like a kind are asked again too (assistant/rephrase.py, LOOSE_SIMILARITY): the 40 fit contracts'
questions, every second one, asked with that on and off in turn in one process (the order alternating,
so neither side always pays the first embedding), through `Assistant.ask`.

    .venv/bin/python eval/bench_rephrase.py [--style blind-c]

Reuses the index `clauseqa eval --suite cuad --part fit --limit 40` builds (.clauseqa/eval-cuad-fit-40).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `eval` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.bench_common import offline  # noqa: E402

offline()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--style", action="append", help="a cuad --style besides CUAD's own words (repeatable)")
    args = parser.parse_args()
    from assistant import rephrase
    from eval import cuad

    root = cuad.cuad_dir()
    files, rows = cuad.load_rows(40, "fit", root)
    qa, _ = cuad.open_index(root, files, "fit", None, None)
    loose = rephrase.LOOSE_SIMILARITY
    for style in ["cuad", *(args.style or ["blind-c"])]:
        asked = (rows if style == "cuad" else cuad.styled(rows, style))[::2]
        seconds: dict[bool, list[float]] = {True: [], False: []}
        for n, row in enumerate(asked):
            for on in ((True, False) if n % 2 else (False, True)):
                rephrase.LOOSE_SIMILARITY = loose if on else 2.0  # off: no question is that alike
                start = time.perf_counter()
                qa.ask(row["question"], files=[row["file"]])
                seconds[on].append(time.perf_counter() - start)
        rephrase.LOOSE_SIMILARITY = loose

        def shown(times: list[float]) -> str:
            p95 = statistics.quantiles(times, n=20)[18]
            return f"mean {1000 * statistics.mean(times):.2f} ms, p95 {1000 * p95:.1f}"

        print(f"{style}: {len(asked)} questions; loose off {shown(seconds[False])} | on {shown(seconds[True])} "
              f"(x{statistics.mean(seconds[True]) / statistics.mean(seconds[False]):.3f})", flush=True)


if __name__ == "__main__":
    main()
