"""Questions that ask which agreement is the newest or the oldest: "which agreement was signed most
recently?", "what is the oldest contract?". The answer is read from the catalog's dates (the date an
agreement's opening gives it, else the last of its signature blocks' dates; the other way round when
asked when it was signed), each agreement on that date cited where the date stands: the ranker alone
quotes some date, not the latest one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.catalog import CatalogRow, CatalogValue, each_cited
from assistant.types import Answer

_THINGS = r"(?:agreements?|contracts?|documents?|deals?)"
_SIGNED = r"(?:signed|executed|made|dated|concluded|entered\s+into)"
_LATEST = r"(?:most\s+recently|most\s+recent|last|latest|newest)"
_EARLIEST = r"(?:first|earliest|oldest|least\s+recently)"
# "which agreement was signed most recently?", "which contract was made first?", "which is the newest
# agreement?", "what is the oldest contract?", "which agreement has the latest date?"
_ASKS = re.compile(
    rf"^\s*(?:which|what)\s+(?:{_THINGS}\s+(?:was|were|got|has\s+been)\s+{_SIGNED}\s+(?P<when1>{_LATEST}|{_EARLIEST})"
    rf"|(?:is|are)\s+(?:the\s+)?(?P<when2>{_LATEST}|{_EARLIEST})\s+{_THINGS}"
    rf"|{_THINGS}\s+(?:is|are)\s+(?:the\s+)?(?P<when3>{_LATEST}|{_EARLIEST})"
    rf"|{_THINGS}\s+(?:has|have)\s+the\s+(?P<when4>{_LATEST}|{_EARLIEST})\s+(?:date|signature))"
    r"\s*(?:one\s*)?[?.!]*\s*$", re.IGNORECASE)


def asks_latest(question: str) -> str:
    """"latest" or "earliest" for a question asking which agreement is the newest or the oldest;
    "" for any other."""
    m = _ASKS.match(question or "")
    if not m:
        return ""
    word = next(v for v in m.groupdict().values() if v)
    return "earliest" if re.fullmatch(_EARLIEST, word, re.IGNORECASE) else "latest"


def without_superlative(question: str) -> str:
    """The question without the word that asks for the newest or the oldest: it names no agreement
    ("first" scoped the agreement signed "as of the date first written above")."""
    return re.sub(rf"\b(?:{_LATEST}|{_EARLIEST})\b", " ", question, flags=re.IGNORECASE)


def latest_answer(question: str, which: str, rows: Sequence[CatalogRow], searched: str) -> Answer | None:
    """The agreements in `rows` whose date is the latest (or the earliest) of all, each cited where its
    date stands, and how many agreements were dated; None when fewer than two agreements are."""
    signed = bool(re.search(r"\b(?:signed|executed)\b", question, re.IGNORECASE))
    dated = [(row, when) for row in rows if (when := _date_of(row, signed)) is not None]
    if len(dated) < 2:
        return None
    pick = max if which == "latest" else min
    best = pick(when.normal for _, when in dated)
    chosen = [(row, when) for row, when in dated if when.normal == best]
    citations, values, lines = each_cited(
        [(f"{row.agreement} ({row.file}, {when.citation.clause})", when) for row, when in chosen], "date")
    names = "; ".join(f"{row.agreement} [{n + 1}]" for n, (row, _) in enumerate(chosen))
    lead = f"{names}: {chosen[0][1].text}, the {which} date of the {len(dated)} dated agreements"
    return Answer(question=question, text="\n".join([lead, *lines]), found=True, citations=tuple(citations),
                  searched=searched, values=tuple(values))


def _date_of(row: CatalogRow, signed: bool) -> CatalogValue | None:
    """The date the opening gives the agreement, else the last date its signature blocks give (the
    other way round when `signed`: asked when it was signed); None when the catalog holds neither
    as a full day."""
    blocks = [s.date for s in row.signatures if s.date.stated and _is_day(s.date.normal)]
    last_block = max(blocks, key=lambda d: d.normal) if blocks else None
    opening = row.agreement_date if row.agreement_date.stated and _is_day(row.agreement_date.normal) else None
    return (last_block or opening) if signed else (opening or last_block)


def _is_day(normal: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", normal or ""))
