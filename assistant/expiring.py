"""Questions that ask which agreements end in a year, a month or on a day, or before or after one:
"which agreements expire in 2025?", "what ends before June 2025?", "which contracts run out after
2026?". The answer is read from the catalog's expiry (the end date an agreement states, or the one
its term gives counted from its start), each agreement cited where that date or term stands: the
ranker alone quotes one term clause, whichever year it gives. Likewise which agreements renew
("which agreements renew automatically?"), from the catalog's renewal terms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.catalog import CatalogRow, each_cited
from assistant.signed_on import period
from assistant.types import Answer

_ENDS = r"(?:expir(?:e|es|ed|ing)|end(?:s|ed|ing)?|run(?:s|ning)?\s+out|lapse[sd]?|come\s+to\s+an\s+end)"
_ASKS = re.compile(rf"^\s*(?:which|what|list|show|find)\b[^?]*?\b{_ENDS}\b[^?]*?\b"
                   r"(?P<relation>in|on|during|by|before|after|until)\s+(?:the\s+)?(?P<end>end\s+of\s+)?(?:the\s+)?"
                   r"(?:year\s+)?(?P<when>[^?]{4,40}?)"
                   r"\s*[?.!]*\s*$", re.IGNORECASE)


def asks_expiring(question: str) -> tuple[str, str]:
    """(relation, period) for a question asking which agreements end in, before or after a day, a month
    or a year: ("in", "2025"), ("before", "2025-06"); ("", "") for any other question."""
    m = _ASKS.match(question or "")
    when = period(m.group("when")) if m else ""
    if not when:
        return "", ""
    relation = m.group("relation").lower()
    if m.group("end"):  # "by the end of 2025", "before the end of June 2025"
        return ("after" if relation == "after" else "by"), when
    return {"on": "in", "during": "in", "until": "by"}.get(relation, relation), when


def _ends(normal: str, relation: str, when: str) -> bool:
    """Whether an end date ("2025-01-31") falls in, before, by or after a period ("2025", "2025-06")."""
    date = normal[:len(when)]
    return {"in": date == when, "before": date < when, "by": date <= when, "after": date > when}[relation]


def expiring_answer(question: str, relation: str, when: str, rows: Sequence[CatalogRow],
                    searched: str) -> Answer | None:
    """Each agreement in `rows` whose end date falls so, cited where its end date or term stands, with
    the date that term gives; None when no agreement's end date is known (then the ranker answers)."""
    dated = [row for row in rows if row.expiry.stated and re.fullmatch(r"\d{4}-\d{2}-\d{2}", row.expiry.normal)]
    if not dated:
        return None
    ending = sorted((row for row in dated if _ends(row.expiry.normal, relation, when)),
                    key=lambda row: row.expiry.normal)
    unknown = len(rows) - len(dated)
    note = f" ({unknown} of the {len(rows)} agreements state no end date the catalog reads)" if unknown else ""
    on = "on" if relation == "in" and len(when) == 10 else relation
    if not ending:
        return Answer(question=question, found=False, searched=searched,
                      text=f"Not found: none of the {len(dated)} agreements whose end date is known ends "
                           f"{on} {when}{note}.")
    def said(row: CatalogRow) -> str:
        given = "" if row.expiry.normal == period(row.expiry.text) else f", which ends on {row.expiry.normal}"
        renews = f"; renews: {row.renewal.text}" if row.renewal.stated else ""
        return f"{row.agreement}: {row.expiry.text}{given}{renews}"

    citations, values, lines = each_cited([(said(row), row.expiry) for row in ending], "date")
    verb = "ends" if len(ending) == 1 else "end"
    lead = f"{len(ending)} of the {len(dated)} agreements whose end date is known {verb} {on} {when}{note}:"
    return Answer(question=question, text="\n".join([lead, *lines]), found=True, citations=tuple(citations),
                  searched=searched, values=tuple(values))


_THINGS = r"(?:agreements|contracts|ones|deals)"
_RENEWS = re.compile(rf"^\s*(?:(?:which|what)\s+(?:of\s+the\s+)?{_THINGS}"
                     rf"|(?:list|show)(?:\s+me)?\s+(?:all\s+)?(?:the\s+)?{_THINGS})"
                     r"\b[^?]*\b(?:(?:auto-?)?renew(?:s|ed|al|als|ing)?|roll(?:s|ing)?\s+over)\b[^?]*[?.!]*\s*$",
                     re.IGNORECASE)


def asks_renewing(question: str) -> bool:
    """Whether the question asks which of several agreements renew ("which agreements renew
    automatically?", "list the contracts with a renewal term")."""
    return bool(_RENEWS.match(question or ""))


def renewing_answer(question: str, rows: Sequence[CatalogRow], searched: str) -> Answer | None:
    """Each agreement in `rows` whose renewal term the catalog reads, cited where it stands, with the
    term it renews after; None when none is read (then the ranker answers)."""
    renewing = [row for row in rows if row.renewal.stated and row.renewal.citation is not None]
    if not renewing:
        return None
    citations, values, lines = each_cited(
        [(f"{row.agreement}: renews: {row.renewal.text}" + (f" after {row.expiry.text}" if row.expiry.stated else ""),
          row.renewal) for row in renewing], "duration")
    verb = "renews" if len(renewing) == 1 else "renew"
    lead = f"{len(renewing)} of the {len(rows)} agreements {verb} (the catalog's renewal terms):"
    return Answer(question=question, text="\n".join([lead, *lines]), found=True, citations=tuple(citations),
                  searched=searched, values=tuple(values))
