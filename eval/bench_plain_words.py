"""What the everyday-phrase glossary (assistant/plain_words.py) costs an ask: the 40 fit contracts'
questions, every second one, asked with the glossary on and off in turn in one process (the order
alternating, so neither side always pays the first embedding), through `Assistant.ask`.

    .venv/bin/python eval/bench_plain_words.py [--style casual]

Reuses the index `clauseqa eval --suite cuad --part fit --limit 40` builds (.clauseqa/eval-cuad-fit-40).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `eval` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.bench_common import fit_contracts_on_and_off, offline  # noqa: E402

offline()


def switch() -> Callable[[bool], None]:
    """Turns the glossary on and off: the question as analysed and as the checks read it."""
    from assistant import api, query

    real = (query.in_contract_words, api.contract_wording)
    off = (lambda q: q, lambda q: q)

    def turn(on: bool) -> None:
        query.in_contract_words, api.contract_wording = real if on else off

    return turn


def main() -> None:
    fit_contracts_on_and_off(__doc__, "glossary", "casual", switch)


if __name__ == "__main__":
    main()
