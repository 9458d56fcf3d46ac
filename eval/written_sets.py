"""Contracts and questions written blind to the code (eval/written/), asked through `Assistant.ask`.

Helpers who never saw this repository wrote each set: realistic NDAs and commercial agreements with
about 20 questions each, a third of them about topics that contract leaves out (answerable false),
the others with the verbatim quotes that answer them. Nothing is fitted on them. Three NDA sets and
the checklist set's first two NDAs were read to decide on rules (marked "fit" in their names or in
CHECKLIST_FIT); the NDA and commercial validation sets and the checklist's other NDAs were read only
after the commits they measure. Usage: python -m eval.written_sets [SET ...]
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from eval import metrics as m
from eval.result import REPO

WRITTEN = Path(__file__).with_name("written")
CHECKLIST_FIT = ("e1", "e2")  # the checklist NDAs read to decide on; e3-e5 are its validation part


@dataclass(frozen=True)
class Row:
    """One question's outcome: whether the first (any) citation overlaps a gold quote."""

    file: str
    answerable: bool
    found: bool
    first: bool
    any: bool
    chars: int


def ask_set(folder: Path, index_dir: Path) -> list[Row]:
    """Index the set's contracts and ask each question of its own file."""
    from assistant import Assistant

    questions = json.loads((folder / "questions.json").read_text())
    qa = Assistant.from_paths(sorted(str(p) for p in folder.glob("*.txt")), index_dir=str(index_dir))
    rows = []
    for q in questions:
        text = qa.document_text(q["file"])
        gold = [{"start": text.index(e), "end": text.index(e) + len(e)} for e in q["evidence"]]
        answer = qa.ask(q["question"], files=[q["file"]])
        rows.append(Row(q["file"], q["answerable"], answer.found, m.first_cite_overlap(answer, q["file"], gold),
                        m.any_cite_overlap(answer, q["file"], gold), m.cited_chars(answer) or 0))
    return rows


def figures(rows: list[Row]) -> str:
    """First citation / any / mean cited chars / found recall / specificity / balanced accuracy."""
    answerable = [r for r in rows if r.answerable]
    unanswerable = [r for r in rows if not r.answerable]
    found = [r for r in rows if r.found]
    recall = sum(r.found for r in answerable) / len(answerable)
    specificity = 1 - sum(r.found for r in unanswerable) / len(unanswerable) if unanswerable else 1.0
    first = sum(r.first for r in answerable) / len(answerable)
    cited_any = sum(r.any for r in answerable) / len(answerable)
    chars = sum(r.chars for r in found) / max(1, len(found))
    return (f"{len(rows)} questions ({len(answerable)} answerable): first citation {first:.3f}, any {cited_any:.3f}, "
            f"mean cited chars {chars:.0f}, found recall {recall:.3f}, specificity {specificity:.3f}, "
            f"balanced accuracy {(recall + specificity) / 2:.3f}")


def main(names: list[str]) -> None:
    for folder in sorted(p for p in WRITTEN.iterdir() if p.is_dir()):  # beside them, their README
        if names and folder.name not in names:
            continue
        rows = ask_set(folder, REPO / ".clauseqa" / f"eval-written-{folder.name}")
        print(f"{folder.name}: {figures(rows)}")
        if folder.name == "nda-checklist":
            fit = [r.file.startswith(CHECKLIST_FIT) for r in rows]
            print(f"  fit part ({', '.join(CHECKLIST_FIT)}): {figures([r for r, f in zip(rows, fit) if f])}")
            print(f"  validation part: {figures([r for r, f in zip(rows, fit) if not f])}")


if __name__ == "__main__":
    main(sys.argv[1:])
