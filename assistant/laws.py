"""Which agreements a law governs: "which agreements are governed by New York law?", "list the
agreements with their governing law". The answer is read from the catalog (each agreement's governing
law, compared by the place's name: "English law" is the law of England and Wales), each agreement cited
at its governing-law clause: the ranker alone gathers the agreements whose law sentences look alike,
which can be those of another place, and quotes a party's place of incorporation as its law.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from assistant.catalog import CatalogRow, each_cited
from assistant.groups import group, summary
from assistant.types import Answer
from index.jurisdictions import canonical, pattern

_LAW = r"(?:laws?|governed|governing|govern)"
_MANY = re.compile(r"\b(?:which|what|list|all|every|each|any)\s+(?:of\s+the\s+)?(?:\w+\s+){0,2}?"
                   r"(?:agreements|contracts|documents|ones)\b|\beach\s+(?:agreement|contract)\b", re.IGNORECASE)
_ASKS_EACH = re.compile(rf"\b(?:governing\s+law|(?:which|what)\s+laws?|{_LAW}\s+(?:each|every|all)|their\s+laws?)\b",
                        re.IGNORECASE)


def asks_laws(question: str) -> tuple[str, ...] | None:
    """The places (canonical names) a question asks which agreements' law is ("which agreements are
    governed by English law?" -> ("england",)); () when it asks every agreement's law ("list the
    agreements with their governing law"); None when it asks neither."""
    if not _MANY.search(question or "") or not re.search(rf"\b{_LAW}\b", question, re.IGNORECASE):
        return None
    places = asked_places(question)
    if places:
        return places
    return () if _ASKS_EACH.search(question) else None


def laws_answer(question: str, places: tuple[str, ...], rows: Sequence[CatalogRow], searched: str) -> Answer | None:
    """The agreements in `rows` governed by one of `places` (every agreement with a stated law when
    `places` is empty), each cited at its governing-law clause, grouped by law. "Not found" when the
    catalog reads every agreement's law and none is one of `places`; None when it reads no such law
    and some agreement's law not at all (the ranker answers then)."""
    chosen = [r for r in rows if r.governing_law.stated
              and (not places or normal_place(r.governing_law.normal or r.governing_law.text) in places)]
    if not chosen:
        if not places or not rows or not all(r.governing_law.stated for r in rows):
            return None  # a law the catalog did not read may be the one asked about
        laws = Counter(r.governing_law.text for r in rows)
        asked = " or ".join(dict.fromkeys(m.group() for m in pattern().finditer(question)))
        read = ", ".join(f"{law} in {n}" for law, n in laws.most_common())
        return Answer(question=question, found=False, searched=searched,
                      text=f"Not found: none of the {len(rows)} agreements is governed by the law of {asked} "
                           f"(their governing laws: {read}).")
    citations, values, lines = each_cited(
        [(f"{row.agreement} (clause {row.governing_law.citation.clause})", row.governing_law) for row in chosen], "law")
    groups = group(citations, values)
    lead = summary(groups, citations, question) or "; ".join(
        f"{row.agreement}: {v.text} [{v.citation + 1}]" for row, v in zip(chosen, values))
    if places and len(chosen) < len(rows):
        lead = f"{lead} (of the {len(rows)} agreements searched)" if lead else lead
    return Answer(question=question, text="\n".join([lead, *lines]) if lead else "\n".join(lines), found=True,
                  citations=tuple(citations), searched=searched, values=tuple(values), groups=groups)


def asked_places(question: str) -> tuple[str, ...]:
    """The places a question names, each once, as the catalog compares them ("English law" -> ("england",))."""
    return tuple(dict.fromkeys(normal_place(m.group()) for m in pattern().finditer(question)))


def normal_place(place: str) -> str:
    """A place as the catalog compares it: "English" and "England and Wales" are England."""
    name = canonical(place)
    return "england" if name in ("england and wales", "wales and england") else name


def without_places(question: str) -> str:
    """The question without the places it names: in "which agreements are governed by New York law?"
    New York is asked about, and names no agreement (whose party may be "a New York corporation")."""
    return pattern().sub(" ", question)
