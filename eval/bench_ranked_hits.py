"""What citing a found answer from the top RANKED_HITS clauses instead of the top_k costs an ask
(assistant/api.py): the 40 fit contracts' questions, every second one, asked with it on and off in turn
in one process (the order alternating, so neither side always pays the first embedding), through
`Assistant.ask`.

    .venv/bin/python eval/bench_ranked_hits.py [--style everyday]

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
    """Turns the deeper ranking on and off: off, a found answer is cited from the top_k clauses it was found in."""
    from assistant import api

    deeper = api.RANKED_HITS

    def turn(on: bool) -> None:
        api.RANKED_HITS = deeper if on else 0

    return turn


def main() -> None:
    fit_contracts_on_and_off(__doc__, "deeper ranking", "everyday", switch)


if __name__ == "__main__":
    main()
