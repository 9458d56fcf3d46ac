"""Who the parties to an agreement are: "who are the parties to the supply agreement?", "between whom
is the NDA?". The answer is read from the catalog (each party with the name the agreement gives it),
each cited where the opening names it: where the opening lists its parties one to a paragraph
("(1) Tamsin Valley Foods Limited ...", "(2) Corrie & Lisle Grocers plc ..."), the ranker quotes one of
them, or a recital beside it.
"""

from __future__ import annotations

import re
from assistant.answer import display
from assistant.catalog import CatalogRow
from assistant.types import Answer, Citation, Value

_THINGS = r"(?:agreements?|contracts?|deals?|nda|lease|licen[cs]e|arrangement)"
# what may follow "the parties": the agreement they are parties to, and nothing else asked of them
_TO = (r"(?![\w'’])(?:\s+(?:to|of|in|under|bound\s+by|named\s+in|besides|other\s+than|apart\s+from)\b[^?]*)?"
       r"\s*[?.]?\s*$")
_ASKS = re.compile(
    rf"^\s*(?:(?:who|what|which)\s+(?:are|were)\s+(?:the\s+|its\s+|all\s+the\s+)?(?:contracting\s+)?parties{_TO}"
    rf"|(?:name|list|identify)\s+(?:the\s+|all\s+the\s+)?parties{_TO}"
    rf"|between\s+whom\b"
    rf"|who\s+(?:is|was)\s+(?:the|this|that)\s+(?:[\w'’-]+\s+){{0,5}}?{_THINGS}\s+(?:between|with)\s*\?)",
    re.IGNORECASE)


_BESIDES = re.compile(r"\b(?:besides|other\s+than|apart\s+from|aside\s+from|except(?:\s+for)?)\s+([^?]+)", re.I)


def asks_parties(question: str) -> bool:
    """"Who are the parties to X?", "Between whom is X?", "Who is this agreement between?"."""
    return bool(_ASKS.search(question or ""))


def parties_answer(question: str, row: CatalogRow, searched: str) -> Answer | None:
    """One agreement's parties (but those the question sets aside), each with the name the agreement
    gives it, cited where its opening names it; None when the catalog has fewer than two parties named
    in a sentence of the text (the ranker answers then)."""
    named = [p for p in row.parties if p.stated]
    # a party given as a bare line ("LECLANCHÉ SA" over the opening): the sentence naming it is the ranker's
    if len(named) < 2 or any(p.citation.quote.strip() == p.text.strip() for p in named):
        return None
    besides = _BESIDES.search(question)
    if besides:  # "who are the parties besides Xin Wang?"
        asked = besides.group(1).casefold()
        named = [p for p in named if p.text.casefold() not in asked and not
                 any(w in asked for w in p.text.casefold().split() if len(w) > 3)] or named
    citations: list[Citation] = []
    values: list[Value] = []
    for party in named:
        at = next((i for i, c in enumerate(citations) if (c.start, c.end) == (party.citation.start,
                                                                               party.citation.end)), None)
        if at is None:
            citations.append(party.citation)
            at = len(citations) - 1
        values.append(Value(party.text, party.start, party.end, "party", at))
    names = []
    for n, value in enumerate(values):
        role = named[n].role
        shown = value.text
        if role and role.casefold() not in value.text.casefold():  # "(the "Buyer")", an acronym as "(ICML)"
            shown += f" ({role})" if role.isupper() else f" (the \"{role}\")"
        last = n + 1 == len(values) or values[n + 1].citation != value.citation
        names.append(shown + (f" [{value.citation + 1}]" if last else ""))
    lines = [f"- clause {c.clause}: \"{display(c.quote)}\" [{k}]" for k, c in enumerate(citations, 1)]
    return Answer(question=question, text="\n".join(["; ".join(names), *lines]), found=True,
                  citations=tuple(citations), searched=searched, values=tuple(values))

