"""What checking that the agreements name an asked topic costs an ask (assistant/named_topics.py,
HybridRetriever.says): the 40 fit contracts' questions, every second one, asked with the check on and
off in turn in one process (the order alternating, so neither side always pays the first embedding),
through `Assistant.ask`.

    .venv/bin/python eval/bench_named_topics.py [--style terse]

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
    from assistant import api
    from eval import cuad

    root = cuad.cuad_dir()
    files, rows = cuad.load_rows(40, "fit", root)
    qa, _ = cuad.open_index(root, files, "fit", None, None)
    check = api.unaddressed

    def switch(on: bool) -> None:
        api.unaddressed = check if on else (lambda question, says: None)

    for style in ["cuad", *(args.style or ["terse"])]:
        asked = (rows if style == "cuad" else cuad.styled(rows, style))[::2]
        print(on_and_off_line(style, "topic check", on_and_off(qa, asked, switch)), flush=True)


if __name__ == "__main__":
    main()
