"""How well each named topic's words (assistant/named_topics.py) tell CUAD's contracts apart.

For every topic that a CUAD category labels, over one part of the split: how many contracts whose
lawyers marked that category use at least one of the topic's words (the rest would be refused
whatever they say), and how many unmarked contracts use none (refused by the check, rightly). Reads
the contracts' text only: no index, no model. A topic's word list is changed on the fit part's
figures; the validation part is read afterwards. Usage: python -m eval.topic_coverage [--part fit]
"""

from __future__ import annotations

import argparse
import re

from assistant.named_topics import TOPICS
from eval.cuad import cuad_dir, read_jsonl
from eval.split import FIT, VALIDATION, cuad_part

# the CUAD category that labels each topic CUAD has
CATEGORIES = {
    "audits": "Audit Rights",
    "competition": "Non-Compete",
    "a change of control": "Change Of Control",
    "disparagement": "Non-Disparagement",
    "soliciting or hiring staff": "No-Solicit Of Employees",
    "insurance": "Insurance",
    "liquidated damages": "Liquidated Damages",
    "governing law": "Governing Law",
    "assignment": "Anti-Assignment",
    "a licence": "License Grant",
}


def coverage(part: str) -> list[tuple[str, int, int, int, int]]:
    """(topic, answerable contracts, those using none of its words, unanswerable, those using none)."""
    root = cuad_dir()
    rows = read_jsonl(root / "qa.jsonl")
    texts: dict[str, str] = {}
    out = []
    for topic in TOPICS:
        category = CATEGORIES.get(topic.name)
        if category is None:
            continue
        pattern = re.compile(topic.addressed, re.IGNORECASE)
        counts = [0, 0, 0, 0]
        for row in rows:
            if row["category"] != category or cuad_part(row["file"]) != part:
                continue
            if row["file"] not in texts:
                texts[row["file"]] = (root / "contracts" / row["file"]).read_text(errors="replace")
            silent = not pattern.search(texts[row["file"]])
            at = 0 if row["answerable"] else 2
            counts[at] += 1
            counts[at + 1] += silent
        out.append((topic.name, *counts))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=(FIT, VALIDATION), default=FIT)
    args = parser.parse_args()
    print(f"CUAD {args.part} part: topic, answerable contracts using none of its words, unanswerable using none")
    for name, answerable, missed, unanswerable, refused in coverage(args.part):
        print(f"{name:28} {missed:3} of {answerable:3} answerable   {refused:3} of {unanswerable:3} unanswerable")


if __name__ == "__main__":
    main()
