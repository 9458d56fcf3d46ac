"""What asking a refused question again in its kind's words costs an ask, now that questions loosely
like a kind are asked again too (assistant/rephrase.py, LOOSE_SIMILARITY): the 40 fit contracts'
questions, every second one, asked with that on and off in turn in one process (the order alternating,
so neither side always pays the first embedding), through `Assistant.ask`.

    .venv/bin/python eval/bench_rephrase.py [--style blind-c]

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
    """Turns asking again at LOOSE_SIMILARITY on and off."""
    from assistant import rephrase

    loose = rephrase.LOOSE_SIMILARITY

    def turn(on: bool) -> None:
        rephrase.LOOSE_SIMILARITY = loose if on else 2.0  # off: no question is that alike

    return turn


def main() -> None:
    fit_contracts_on_and_off(__doc__, "loose", "blind-c", switch)


if __name__ == "__main__":
    main()
