"""Who the parties to an agreement are: "who are the parties to the supply agreement?", "between whom
is the NDA?". The answer is read from the catalog (each party with the name the agreement gives it),
each cited where the opening names it: where the opening lists its parties one to a paragraph
("(1) Tamsin Valley Foods Limited ...", "(2) Corrie & Lisle Grocers plc ..."), the ranker quotes one of
them, or a recital beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer import display
from assistant.catalog import CatalogRow, CatalogValue
from assistant.groups import cite_once
from assistant.types import Answer, Citation, Value

_THINGS = r"(?:agreements?|contracts?|deals?|nda|lease|licen[cs]e|arrangement)"
# what may follow "the parties": the agreement they are parties to, and nothing else asked of them
_TO = (r"(?![\w'’])(?:\s+(?:to|of|in|under|bound\s+by|named\s+in|besides|other\s+than|apart\s+from)\b[^?]*"
       r"|\s+here)?\s*[?.]?\s*$")
_PARTIES = r"(?:contracting\s+)?(?:counter)?parties"
_COMPANIES = (r"(?:which|what)\s+(?:companies|entities|organi[sz]ations|businesses|firms)"
              r"(?:\s+(?:or|and)\s+(?:individuals|people|persons))?")
# those bound by the agreement named as what they are: "which companies are bound by this contract?"
_BOUND = (rf"{_COMPANIES}\s+(?:are|were)\s+"
          rf"(?:bound\s+by|part(?:y|ies)\s+to)\s+(?:the|this|that)\s+(?:[\w'’-]+\s+){{0,5}}?{_THINGS}\s*[?.]?\s*$")
_THIS = rf"(?:the|this|that|our|their)\s+(?:[\w'’-]+\s+){{0,5}}?{_THINGS}"
_END = r"\s*[?.]?\s*$"
_WHO = r"who(?:\s+(?:exactly|actually|precisely))?"
# the parties named in everyday words: "who's in this deal?", "who are the two sides to the contract?",
# "who are we contracting with?", "who did we sign this deal with?", "which companies are on the hook under it?"
_ORGANISATIONS = rf"{_COMPANIES}(?:\s+(?:exactly|actually))?"
_EVERYDAY = (rf"{_WHO}(?:['’]s|\s+is|\s+are|\s+was|\s+were)\s+(?:in|part\s+of|party\s+to|signed\s+up\s+to|on)\s+"
             rf"{_THIS}{_END}"
             rf"|(?:{_WHO}|{_ORGANISATIONS})\s+(?:is|are|was|were)\s+"
             rf"(?:on\s+the\s+hook|bound|liable)\s+(?:under|by|for)\s+{_THIS}{_END}"
             rf"|(?:(?:who|what)\s+(?:are|were)|name|list|identify)\s+(?:the\s+|both\s+)?(?:two\s+)?sides\s+"
             rf"(?:to|of|in)\s+{_THIS}{_END}"
             rf"|{_WHO}\s+(?:are|were|am|is)\s+(?:we|you|they|I)\s+"
             rf"(?:contracting|dealing|doing\s+business|partnering)\s+with(?:\s+(?:in|under|on)\s+{_THIS})?"
             rf"(?:\s+here)?{_END}"
             rf"|{_WHO}\s+(?:have|had|did|has)\s+(?:we|you|they|I)\s+"
             rf"(?:signed|sign|entered\s+into|enter\s+into|made|make)(?:\s+up)?\s+{_THIS}\s+with{_END}")
_ASKS = re.compile(
    rf"^\s*(?:(?:who|what|which)\s+(?:are|were)\s+(?:the\s+|its\s+|all\s+the\s+)?{_PARTIES}{_TO}"
    rf"|(?:name|list|identify)\s+(?:the\s+|all\s+the\s+)?{_PARTIES}{_TO}"
    rf"|{_BOUND}"
    rf"|between\s+whom\b"
    rf"|who\s+(?:is|was)\s+(?:the|this|that)\s+(?:[\w'’-]+\s+){{0,5}}?{_THINGS}\s+(?:between|with)\s*\?"
    rf"|{_EVERYDAY})",
    re.IGNORECASE)


_BESIDES = re.compile(r"\b(?:besides|other\s+than|apart\s+from|aside\s+from|except(?:\s+for)?)\s+([^?]+)", re.I)


def asks_parties(question: str) -> bool:
    """"Who are the parties to X?", "Between whom is X?", "Who is this agreement between?"."""
    return bool(_ASKS.search(question or ""))


def parties_answer(question: str, row: CatalogRow, searched: str) -> Answer | None:
    """One agreement's parties (but those the question sets aside), each with the name the agreement
    gives it, cited where its opening names it; None when the catalog has fewer than two parties named
    in a sentence of the text (the ranker answers then)."""
    return every_agreements_parties(question, [row], searched)


def every_agreements_parties(question: str, rows: Sequence[CatalogRow], searched: str) -> Answer | None:
    """The parties of each agreement in `rows` ("who are the parties to each agreement?"), agreement by
    agreement, as parties_answer gives one agreement's; an agreement whose parties the catalog does not
    hold in a sentence of its text is said to be so. None when no agreement's are held."""
    citations: list[Citation] = []
    values: list[Value] = []
    leads, lines = [], []
    for row in rows:
        named = _stated_parties(question, row)
        if named is None:
            lines.append(f"- {row.agreement} ({row.file}): no sentence of its opening names its parties")
            continue
        first = len(values)
        for party in named:
            at, new = cite_once(citations, party.citation)
            if new:
                where = f"clause {party.citation.clause}"
                where = where if len(rows) == 1 else f"{row.agreement}, {where}"
                lines.append(f"- {where}: \"{display(party.citation.quote)}\" [{at + 1}]")
            values.append(Value(party.text, party.start, party.end, "party", at))
        names = []
        for n, value in enumerate(values[first:], first):
            role = named[n - first].role
            shown = value.text
            if role and role.casefold() not in value.text.casefold():  # "(the "Buyer")", an acronym as "(ICML)"
                shown += f" ({role})" if role.isupper() else f" (the \"{role}\")"
            last = n + 1 == len(values) or values[n + 1].citation != value.citation
            names.append(shown + (f" [{value.citation + 1}]" if last else ""))
        leads.append("; ".join(names) if len(rows) == 1 else f"{row.agreement}: {'; '.join(names)}")
    if not citations:
        return None
    return Answer(question=question, text="\n".join(["\n".join(leads) if len(rows) > 1 else leads[0], *lines]),
                  found=True, citations=tuple(citations), searched=searched, values=tuple(values))


def _stated_parties(question: str, row: CatalogRow) -> list[CatalogValue] | None:
    """The agreement's parties the catalog holds in a sentence of its text, but those the question sets
    aside ("who are the parties besides Xin Wang?"); None when fewer than two are."""
    named = [p for p in row.parties if p.stated]
    # a party given as a bare line ("LECLANCHÉ SA" over the opening): the sentence naming it is the ranker's
    if len(named) < 2 or any(p.citation.quote.strip() == p.text.strip() for p in named):
        return None
    besides = _BESIDES.search(question)
    if besides:
        asked = besides.group(1).casefold()
        named = [p for p in named if p.text.casefold() not in asked and not
                 any(w in asked for w in p.text.casefold().split() if len(w) > 3)] or named
    return named
