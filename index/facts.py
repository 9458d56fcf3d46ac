"""What an ask needs to know of each clause beyond its text, computed once per file version at
index time: its lexical terms, the words of its section's title, the words of its lead-in."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.clean import clean_for_embedding
from index.terms import content_terms
from index.types import Clause

_TITLE = re.compile(r"^[\s#*>]*(?:(?:section|article|clause)\s+)?\d{1,3}(?:\.\d{1,3})*\.?\s+"
                    r"([A-Z][A-Za-z,;&/' -]{2,80}?)(?:\.(?=\s)|:|\n|\s+-\s)", re.IGNORECASE)


@dataclass(frozen=True)
class ClauseFacts:
    terms: tuple[str, ...]  # stemmed content words the lexical index holds (label, number, text)
    title: tuple[str, ...] = ()  # words of the section's title ("12. Governing Law."), for every part
    lead_in: tuple[str, ...] = ()  # words of a sub-item's short lead-in ("You further warrant that:")



@dataclass(frozen=True)
class FileFacts:
    """The ClauseFacts of one file, compact: its distinct stems once, each clause's as numbers."""

    vocabulary: tuple[str, ...]
    term_ids: np.ndarray  # int32 indexes into vocabulary, clause after clause
    term_ptr: np.ndarray  # int64, clause i's stems are term_ids[term_ptr[i]:term_ptr[i + 1]]
    titles: tuple[tuple[str, ...], ...]
    lead_ins: tuple[tuple[str, ...], ...]

    @classmethod
    def of(cls, facts: Sequence[ClauseFacts]) -> "FileFacts":
        vocabulary: dict[str, int] = {}
        ids = [vocabulary.setdefault(t, len(vocabulary)) for f in facts for t in f.terms]
        ptr = np.concatenate([[0], np.cumsum([len(f.terms) for f in facts], dtype=np.int64)]).astype(np.int64)
        return cls(tuple(vocabulary), np.asarray(ids, dtype=np.int32), ptr,
                   tuple(f.title for f in facts), tuple(f.lead_in for f in facts))

    def __len__(self) -> int:
        return len(self.titles)

    def save(self, folder: Path) -> None:
        np.save(folder / "term_ids.npy", self.term_ids)
        np.save(folder / "term_ptr.npy", self.term_ptr)
        (folder / "facts.json").write_text(json.dumps({
            "vocabulary": self.vocabulary, "titles": self.titles, "lead_ins": self.lead_ins}), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> "FileFacts":
        meta = json.loads((folder / "facts.json").read_text(encoding="utf-8"))
        return cls(tuple(meta["vocabulary"]), np.load(folder / "term_ids.npy"), np.load(folder / "term_ptr.npy"),
                   tuple(tuple(t) for t in meta["titles"]), tuple(tuple(t) for t in meta["lead_ins"]))


def clause_facts(clauses: Sequence[Clause]) -> list[ClauseFacts]:
    """One ClauseFacts per clause of one file, in order."""
    titles = _section_titles(clauses)
    lead_ins = _lead_in_terms(clauses)
    return [ClauseFacts(tuple(content_terms(lexical_text(c)) or ["_"]), titles[n], lead_ins[n])
            for n, c in enumerate(clauses)]


def lexical_text(clause: Clause) -> str:
    return f"{clause.agreement_label} {clause.clause_id} {clean_for_embedding(clause.text)}"


def _section_titles(clauses: Sequence[Clause]) -> list[tuple[str, ...]]:
    """Every chunk of a numbered section (its parts and sub-items) gets the words of the section's
    title, where the section starts with one ("12. Governing Law.", "SECTION 4. Term:")."""
    titles: dict[tuple[int, str], tuple[str, ...]] = {}
    for c in clauses:
        if re.fullmatch(r"\d{1,3}(?:\.\d{1,3})?", c.clause_id):
            match = _TITLE.match(c.text)
            if match and len(match.group(1).split()) <= 8:
                titles[(c.agreement, c.clause_id)] = tuple(sorted(set(content_terms(match.group(1)))))
    out = []
    for c in clauses:
        number = re.match(r"\d{1,3}(?:\.\d{1,3})?", c.clause_id)
        top = re.match(r"\d{1,3}", c.clause_id)
        found: tuple[str, ...] = ()
        for key in ((number.group(0) if number else None), (top.group(0) if top else None)):
            if key and (c.agreement, key) in titles:
                found = titles[(c.agreement, key)]
                break
        out.append(found)
    return out


def _lead_in_terms(clauses: Sequence[Clause]) -> list[tuple[str, ...]]:
    """For sub-items (6.1, 6(a)), the words of their parent's short lead-in clause."""
    by_id = {(c.agreement, c.clause_id): c.text for c in clauses}
    out = []
    for c in clauses:
        match = re.match(r"(\d+)[.(]", c.clause_id)
        lead = by_id.get((c.agreement, match.group(1)), "") if match else ""
        out.append(tuple(sorted(set(content_terms(lead)))) if 0 < len(lead) < 240 else ())
    return out
