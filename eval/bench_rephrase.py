"""What asking a refused question again in its kind's words costs an ask, now that questions loosely
like a kind are asked again too (assistant/rephrase.py, LOOSE_SIMILARITY): the 40 fit contracts'
questions, every second one, asked with that on and off in turn in one process (the order alternating,
so neither side always pays the first embedding), through `Assistant.ask`.

    .venv/bin/python eval/bench_rephrase.py [--style blind-c]

Reuses the index `clauseqa eval --suite cuad --part fit --limit 40` builds (.clauseqa/eval-cuad-fit-40).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `eval` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.bench_common import offline, on_and_off, on_and_off_line  # noqa: E402

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

    def switch(on: bool) -> None:
        rephrase.LOOSE_SIMILARITY = loose if on else 2.0  # off: no question is that alike

    for style in ["cuad", *(args.style or ["blind-c"])]:
        asked = (rows if style == "cuad" else cuad.styled(rows, style))[::2]
        print(on_and_off_line(style, "loose", on_and_off(qa, asked, switch)), flush=True)


if __name__ == "__main__":
    main()
