"""What an ask needs to know of each clause beyond its text, computed once per file version at
index time: its lexical terms, the words of its section's title, the words of its lead-in."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

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

    def to_json(self) -> list:
        return [list(self.terms), list(self.title), list(self.lead_in)]

    @classmethod
    def from_json(cls, row: list) -> "ClauseFacts":
        return cls(*(tuple(part) for part in row))


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
