"""Questions that ask what was signed on a day, in a month or in a year: "who signed on March 5,
2024?", "which agreements were signed on 15 January 2024?", "what was signed in June 2024?". The answer is
read from the catalog's signature blocks (who signed, for whom, when), each signer cited with the
date beside them: the ranker alone picks one block that holds some date, and often another day's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer import display
from assistant.catalog import CatalogRow, CatalogSignature
from assistant.groups import group, summary
from assistant.types import Answer, Citation, Value
from index.dates import MONTH, date_normal, date_spans, month_number

_SIGNED = r"\b(?:(?:counter)?sign(?:ed|s)?|execut(?:ed|es))\b"
# the question ends with the day or month it asks about: "... signed on Sep 23, 2020?", "... in June 2024?"
_ASKS = re.compile(rf"^\s*(?:who|whom|which|what|list|show)\b.*?{_SIGNED}.*?\b(?:on|in|dated)\s+(?:the\s+)?"
                   r"(?P<when>[^?]{4,40}?)\s*[?.!]*\s*$", re.IGNORECASE | re.DOTALL)
_MONTH_YEAR = re.compile(rf"(?P<m>{MONTH})\s*,?\s+(?P<y>(?:19|20)\d\d)", re.IGNORECASE)


def signed_when(question: str) -> str:
    """The day ("2024-03-05"), month ("2024-06") or year ("2020") the question asks what was signed
    in; "" when it asks nothing of the kind."""
    m = _ASKS.match(question or "")
    return period(m.group("when")) if m else ""


def period(when: str) -> str:
    """The day ("2024-03-05"), month ("2024-06") or year ("2020") a piece of a question gives whole
    ("March 5, 2024", "June 2024", "2020"); "" for anything else."""
    spans = date_spans(when)
    if spans and spans[0][1] - spans[0][0] >= len(when.strip()) - 1:
        normal = date_normal(when[slice(*spans[0])]) or ""
        return normal if re.fullmatch(r"\d{4}-\d{2}-\d{2}", normal) else ""
    month = _MONTH_YEAR.fullmatch(when.strip())
    if month:
        return f"{month['y']}-{month_number(month['m']):02d}"
    return when.strip() if re.fullmatch(r"(?:19|20)\d\d", when.strip()) else ""  # "... signed in 2020?"


def signed_on_answer(question: str, when: str, rows: Sequence[CatalogRow], searched: str) -> Answer | None:
    """Each agreement in `rows` with a signature block dated `when` (a day or a month): who signed,
    cited where the block names them, with the date line beside it. None when no block is dated
    then (the catalog reads blocks by their form, and may have missed a date the text has)."""
    citations: list[Citation] = []
    values: list[Value] = []
    lines = []
    for row in rows:
        for signature in row.signatures:
            if not (signature.date.stated and signature.date.normal.startswith(when)):
                continue
            who = _who(signature)
            cited = [who.citation] if who is not None else []
            if signature.date.citation not in cited:
                cited.append(signature.date.citation)
            first = len(citations)
            citations += [c for c in cited if c is not None]
            if who is not None:
                kind = "signer" if who is signature.signer else "party"
                values.append(Value(who.text, who.start, who.end, kind, first))
            quotes = " … ".join(f"\"{display(c.quote)}\" [{first + n + 1}]" for n, c in enumerate(cited))
            lines.append(f"- {row.agreement} (signatures): {quotes}")
    if not citations:
        return None
    groups = group(citations, values)
    lead = summary(groups, citations, question)
    if not lead and values:  # one agreement: who signed it, named by the agreement when there were others
        names = "; ".join(f"{v.text} [{v.citation + 1}]" for v in values)
        lead = f"{citations[0].agreement}: {names}" if len(rows) > 1 else names
    return Answer(question=question, text="\n".join([lead, *lines]) if lead else "\n".join(lines), found=True,
                  citations=tuple(citations), searched=searched, values=tuple(values), groups=groups)


def _who(signature: CatalogSignature):
    """The signer, or else the party the block signs for; None when the block names neither."""
    return next((v for v in (signature.signer, signature.party) if v.stated), None)
