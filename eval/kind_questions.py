"""Each fitted kind's own question (`make train`): the words its lawyers' spans were marked for.

For every kind of question the answer prototypes were fitted on (a CUAD category of the fit part),
the question CUAD asks for it, as the fit part's rows ask it. A refused question much like a fitted
phrasing of a kind is asked again in these words, and a found one very much like one is confirmed in
them (`assistant.rephrase`).

Reads only the split's fit part (eval/split.py). No counting that could vary: the same data gives
the same bytes (sorted keys). A kind asked in more than one wording is an error: the rows would not
say which one was marked.

    python eval/kind_questions.py [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.rephrase import (  # noqa: E402
    CONFIRM_SIMILARITY, KIND_QUESTIONS_FILE, REPHRASE_FOUND, REPHRASE_SIMILARITY)
from eval.cuad import cuad_dir, read_jsonl  # noqa: E402
from eval.split import FIT, cuad_files  # noqa: E402

CARD_FILE = KIND_QUESTIONS_FILE.with_name("KIND_QUESTIONS.md")


def kind_questions(rows: list[dict], part: str = FIT) -> dict[str, str]:
    """Per category of the part's rows, the one question its rows ask."""
    chosen = set(cuad_files({r["file"] for r in rows}, part))
    asked: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["file"] in chosen:
            asked[r["category"]].add(r["question"])
    several = {c: sorted(q) for c, q in asked.items() if len(q) > 1}
    if several:
        raise ValueError(f"kinds asked in more than one wording: {several}")
    return {c: next(iter(q)) for c, q in sorted(asked.items())}


def card(questions: dict[str, str], contracts: int) -> str:
    return "\n".join([
        "# Kind questions: data card",
        "",
        "Written by `make train` (`python eval/kind_questions.py --write`): `kind_questions.json`, per kind of",
        "question the answer prototypes were fitted on (a CUAD category), the question CUAD's rows ask for it:",
        f"the words its lawyers' spans were marked for. Read from the split's fit part ({contracts} contracts;",
        "`eval/split.py`); no counting, no randomness: the same data gives the same bytes.",
        "",
        "Used at ask time (`assistant/rephrase.py`): a question refused in its own words that is at least",
        f"{REPHRASE_SIMILARITY} like a fitted phrasing (cosine of the embeddings) is asked again in its nearest "
        "kind's question;",
        f"that answer stands when the \"found\" model gives it at least {REPHRASE_FOUND}, and says which question "
        "it answered.",
        f"A found answer to a question at least {CONFIRM_SIMILARITY} like a fitted phrasing stands only when "
        "its kind's question",
        "is found too (unless its quote holds a rare word of the question that the kind's question lacks).",
        "",
        "| kind | its own question |",
        "| --- | --- |",
        *(f"| {c} | {q} |" for c, q in questions.items()),
        "",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true",
                        help="write assistant/models/kind_questions.json and KIND_QUESTIONS.md")
    args = parser.parse_args()
    rows = read_jsonl(cuad_dir() / "qa.jsonl")
    questions = kind_questions(rows)
    contracts = len(cuad_files({r["file"] for r in rows}, FIT))
    for c, q in questions.items():
        print(f"{c:40s} {q}")
    if args.write:
        KIND_QUESTIONS_FILE.write_text(json.dumps({"question": questions, "fit_contracts": contracts},
                                                  indent=1, sort_keys=True) + "\n")
        CARD_FILE.write_text(card(questions, contracts))
        print(f"wrote {KIND_QUESTIONS_FILE} and {CARD_FILE}")


if __name__ == "__main__":
    main()
