"""What checking that the agreements name an asked topic costs an ask (assistant/named_topics.py,
HybridRetriever.says): the 40 fit contracts' questions, every second one, asked with the check on and
off in turn in one process (the order alternating, so neither side always pays the first embedding),
through `Assistant.ask`.

    .venv/bin/python eval/bench_named_topics.py [--style terse]

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
    """Turns the named-topic check on and off."""
    from assistant import api

    check = api.unaddressed

    def turn(on: bool) -> None:
        api.unaddressed = check if on else (lambda question, says: None)

    return turn


def main() -> None:
    fit_contracts_on_and_off(__doc__, "topic check", "terse", switch)


if __name__ == "__main__":
    main()
