"""Short forms people ask in and contracts spell out: "who owns the IP?" of an agreement that says
"intellectual property" throughout, "what's the SLA?" of one that says "service level", "how are POs
placed?" of one that says "purchase order".

Asked as typed, the short form is an asked word the contract lacks, and the question is refused. A short
form is spelled out only where a question is worded as the contract would say it
(plain_words.contract_wording: the check of what a question names, and a refused question asked again),
never added to the question as analysed: a contract that says "Licensed IP" is searched for its own short
form. Written by hand from how contract terms are abbreviated in business English, for contracts in
general.
"""

from __future__ import annotations

import re

# (short form, what contracts write for it), each matched whole and case-insensitively; a plural is its
# own entry, so each reads in its own number
_SHORT_FORMS: tuple[tuple[str, str], ...] = (
    (r"ip(?!\s+address)", "intellectual property"),
    (r"iprs?", "intellectual property rights"),
    (r"mfns?", "most favored"),
    (r"rofr|rofo|rofn", "right of first refusal offer negotiation"),
    (r"rofrs|rofos|rofns", "rights of first refusal offer negotiation"),
    (r"sla", "service level"),
    (r"slas", "service levels"),
    (r"kpi", "key performance indicator"),
    (r"kpis", "key performance indicators"),
    (r"dpa", "data processing agreement"),
    (r"dpas", "data processing agreements"),
    (r"sow", "statement of work"),
    (r"sows", "statements of work"),
    (r"po(?!\s+box)", "purchase order"),
    (r"pos", "purchase orders"),
)
_FORMS = tuple((re.compile(rf"\b(?:{pattern})(?![\w'])", re.IGNORECASE), words) for pattern, words in _SHORT_FORMS)
_ANY_FORM = re.compile(rf"\b(?:{'|'.join(pattern for pattern, _ in _SHORT_FORMS)})(?![\w'])", re.IGNORECASE)
_AN = re.compile(r"\b(a)n\s+$", re.IGNORECASE)


def spelled_out(question: str) -> list[tuple[int, int, str]]:
    """Each short form the question uses, as (start, end, its words written out); "an" before one whose
    words need "a" is part of it ("an SLA" -> "a service level")."""
    if not _ANY_FORM.search(question):
        return []
    pieces = []
    for form, words in _FORMS:
        for match in form.finditer(question):
            article = _AN.search(question, 0, match.start())
            if article and words[0] not in "aeiou":
                pieces.append((article.start(), match.end(), f"{article.group(1)} {words}"))
            else:
                pieces.append((match.start(), match.end(), words))
    return pieces
