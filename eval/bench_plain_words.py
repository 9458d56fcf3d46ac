"""What the everyday-phrase glossary (assistant/plain_words.py) costs an ask: the 40 fit contracts'
questions, every second one, asked with the glossary on and off in turn in one process (the order
alternating, so neither side always pays the first embedding), through `Assistant.ask`.

    .venv/bin/python eval/bench_plain_words.py [--style casual]

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
    from assistant import api, query
    from eval import cuad

    root = cuad.cuad_dir()
    files, rows = cuad.load_rows(40, "fit", root)
    qa, _ = cuad.open_index(root, files, "fit", None, None)
    real = (query.in_contract_words, api.contract_wording)
    off = (lambda q: q, lambda q: q)

    def switch(on: bool) -> None:
        query.in_contract_words, api.contract_wording = real if on else off

    for style in ["cuad", *(args.style or ["casual"])]:
        asked = (rows if style == "cuad" else cuad.styled(rows, style))[::2]
        print(on_and_off_line(style, "glossary", on_and_off(qa, asked, switch)), flush=True)


if __name__ == "__main__":
    main()
