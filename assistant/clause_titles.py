"""A clause whose title names what is asked: "Is there a non-compete?" and "8. Post-Contractual
Non-Competition", "liability limit?" and "14. LIMITATION OF LIABILITY".

A short question asked by its topic's name, as a checklist or a search box words it, holds few words,
and the "not found" decision, fitted on CUAD's longer questions, reads few words matched as little
evidence: it refused such questions where the contract gives the topic a clause of its own, titled in
the question's words, and then said "no clause about non-compete". A clause's title is the contract
saying what the clause is about, so where the ranker's candidates include a clause titled in the
question's words, the answer comes from that clause (or its sub-clauses), found.

Only where it cannot mislead:
- the question asks whether, not what, who or when ("Who are the parties?" and a clause titled
  "The Parties" say different things; "What is the title?" and "Title" mean different titles);
- the title's words and the question's are the same words (each one's stems the other's, or listed
  synonyms: "compete" and "Competition"), with the same "without", "no" or "not" ("terminate without
  cause?" is not "TERMINATION FOR CAUSE");
- a title saying "No Third-Party Beneficiaries" names no topic the agreement has;
- a title is a heading: capitals before the clause's first words ("ASSIGNMENT This Agreement ..."), or
  capitalised words ending at a period, a colon or the line's end ("Confidentiality. Each party ..."),
  after the clause's number; the first words of a sentence ("This Assignment and ...") are none.
Measured on CUAD's fit part (40 contracts) in every hand-written style: see the README.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assistant.answer import base_clause
from assistant.text import content_terms, related

_SMALL = r"(?:of|and|or|to|the|for|in|on|by|with|a|an|&)"
_CAPITALISED = r"[A-Z][\w'’/&-]*"
# the clause's number before its title: "8.", "10.2", "Section 4", "Article IV", "(b)"
_NUMBER = re.compile(r"^\s*(?:(?:section|article|clause)\s+)?(?:[\dIVXLC]+(?:\.\d+)*|\([a-z0-9]+\))\.?\s+",
                     re.IGNORECASE)
_IN_CAPITALS = re.compile(r"^([A-Z][A-Z'’/&-]+(?:[ \t]+(?:[A-Z][A-Z'’/&-]*|OF|AND|OR|TO|THE|FOR|IN|ON|BY|WITH|&))"
                          r"{0,7})(?![\w'’])")
_TITLE_CASE = re.compile(rf"^({_CAPITALISED}(?:[;,]?[ \t]+(?:{_CAPITALISED}|{_SMALL})){{0,7}})[ \t]*(?:[.:—–]|\n|$)")
_QUALIFIERS = 1
_NEGATIONS = frozenset({"without", "no", "not", "never", "except", "excluding"})
# what names a part of a contract, not its topic: "a provision on audit rights", "a section on governing law"
_PART_OF_A_CONTRACT = frozenset(content_terms("provision section article paragraph language wording"))
_NEGATED_TITLE = re.compile(r"^(?:no|not)\b", re.IGNORECASE)
_ASKS_WHAT = re.compile(r"^\W*(?:who|whom|whose|what|when|where|which|why|how)\b", re.IGNORECASE)


@lru_cache(maxsize=50_000)
def clause_title(text: str) -> str:
    """The title a clause's text opens with, after its number; "" when it opens with a sentence."""
    rest = _NUMBER.sub("", text, count=1)
    match = _IN_CAPITALS.match(rest) or _TITLE_CASE.match(rest)
    if not match:
        return ""
    words = match.group(1).split()
    while words and re.fullmatch(_SMALL, words[-1], re.IGNORECASE):
        words.pop()
    return " ".join(words)


def asks_by_title(question: str) -> bool:
    """Whether a question asks whether a topic is there (not what, who or when)."""
    return not _ASKS_WHAT.match(question) and bool(content_terms(question))


def names_title(question: str, title: str, loose: bool = False) -> bool:
    """Whether a clause's title is what the question asks about, word for word; `loose`: whether it names
    all the question asks about, whatever else it names ("Term and Termination" for "termination")."""
    if not title or _NEGATED_TITLE.match(title) or _negations(question) != _negations(title):
        return False
    asked, titled = frozenset(content_terms(question)) - _PART_OF_A_CONTRACT, frozenset(content_terms(title))
    # a title word the question does not say qualifies the topic ("Post-Contractual Non-Competition"); two
    # make it another topic, and so does one beside a topic asked in one word ("assign?" and "Successors and
    # Assigns", "date?" and "Launch Date")
    unasked = [w for w in re.split(r"[\s;,]+", title) if content_terms(w)
               and not any(_among(s, asked) for s in content_terms(w))]
    qualifiers = _QUALIFIERS if len(asked) > 1 else 0
    return bool(asked) and all(_among(s, titled) for s in asked) and (loose or len(unasked) <= qualifiers)


def _among(stem: str, stems: frozenset[str]) -> bool:
    return stem in stems or not related(stem).isdisjoint(stems)


def _negations(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]+", text.lower()) if w in _NEGATIONS)


def titled_candidates(question: str, clauses: Sequence[tuple[str, str, str]], loose: bool = False) -> list[int]:
    """Of candidates given as (agreement key, clause id, clause text), those in a clause whose title names
    what the question asks about (`loose`: names_title), or in one of its sub-clauses ("8.1" under "8.
    Post-Contractual Non-Competition"); [] when no candidate's clause is so titled."""
    titled = {(agreement, base_clause(clause_id)) for agreement, clause_id, text in clauses
              if names_title(question, clause_title(text), loose)}
    return [i for i, (agreement, clause_id, _) in enumerate(clauses)
            if any(agreement == key and _within(base_clause(clause_id), titled_id) for key, titled_id in titled)]


def _within(clause_id: str, titled: str) -> bool:
    return clause_id == titled or clause_id.startswith((f"{titled}.", f"{titled}("))
