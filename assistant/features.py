"""What the evidence ranker reads: answer-type signals of a question and of a candidate span.

These are general properties of contract language (a date, a duration, an amount, "governed by",
a signature line), never a clause category id or a sample file's wording: the ranker learns from
data how much each one matters for which kind of question.
"""

from __future__ import annotations

import re

# What a question asks for. A question may ask for several things ("when and for how long").
# the agreement's own name asked for without "title": "the name of our deal", "what type of contract is it?"
# (also where api sends a question to the opening)
AGREEMENT_NAME = (r"name of (?:this|the|our) (?:agreement|contract|deal|document)"
                  r"|(?:kind|sort|type) of (?:agreement|contract|deal|document) (?:is|was) (?:this|it|that)")

QUESTION_TYPES: tuple[tuple[str, re.Pattern], ...] = (
    ("date", re.compile(r"\b(when|date|dated|what day|effective|commenc\w*|start\w*|begin\w*|expir\w*)\b", re.I)),
    ("duration", re.compile(r"\b(how long|period|term|duration|days?|months?|years?|until|surviv\w*|renew\w*|"
                            r"notice)\b", re.I)),
    ("law", re.compile(r"\b(laws?|govern\w*|legal system)\b", re.I)),
    ("court", re.compile(r"\b(courts?|venue|forum|jurisdiction\w*|disputes?|arbitrat\w*|litigat\w*)\b", re.I)),
    ("party", re.compile(r"\b(who|whom|which party|parties|party to|between whom|counterpart\w*)\b", re.I)),
    ("signer", re.compile(r"\b(sign\w*|execut\w*|signator\w*)\b", re.I)),
    ("amount", re.compile(r"\b(how much|amounts?|fees?|prices?|pay\w*|costs?|royalt\w*|cap\w*|sum|dollars?|"
                          r"percent\w*|compensat\w*|liabilit\w*)\b|\$", re.I)),
    # "what is the title of ...?", not a person's "job title"; or the agreement's name in other words
    ("title", re.compile(rf"\b((?<!job )title\w*|entitled|called|{AGREEMENT_NAME})\b", re.I)),
    ("place", re.compile(r"\b(where|address\w*|located|location|office)\b", re.I)),
    ("yesno", re.compile(r"^\s*(is|are|does|do|did|can|could|may|must|has|have|will|shall|should|was|were)\b", re.I)),
)

# What a span of contract text contains.
SPAN_TYPES: tuple[tuple[str, re.Pattern], ...] = (
    ("date", re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b.{0,4}\d{4}"
                        r"|\b\d{1,2}(st|nd|rd|th)?\s+(day\s+of\s+)?[A-Z][a-z]+,?\s+\d{4}|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
                        r"|\b(19|20)\d\d\b", re.I)),
    ("duration", re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|thirty|"
                            r"sixty|ninety|[a-z]+-\w+)\s*(\(\d+\)\s*)?(calendar\s+|business\s+)?"
                            r"(days?|weeks?|months?|years?)\b", re.I)),
    ("law", re.compile(r"\bgoverned by\b|\blaws? of\b|\bgoverning law\b|\bconstrued in accordance\b", re.I)),
    ("court", re.compile(r"\bcourts?\b|\bjurisdiction\b|\bvenue\b|\barbitrat\w*\b", re.I)),
    ("party", re.compile(r"\b(Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|Company|L\.P|LP|GmbH|S\.A|B\.V|N\.V|plc|AG)\b\.?"
                         r"|\bby and between\b|\bbetween\b.{3,200}\band\b", re.S)),
    ("signer", re.compile(r"\bBy:|\bName:|\bTitle:|Signature|IN WITNESS WHEREOF|/s/|\bsigned\b", re.I)),
    ("amount", re.compile(r"\$\s?\d|\bUSD\b|\bdollars?\b|\bpercent\b|%|\b\d{1,3}(,\d{3})+\b", re.I)),
    ("title", re.compile(r"^[^a-z\n]{0,20}[A-Z][A-Z0-9 ,&'-]{4,}(AGREEMENT|CONTRACT|LICENSE|LICENCE|LEASE|PLAN)\b"
                         r"|\b(entitled|titled)\b", re.M)),
    ("place", re.compile(r"\b\d{2,6}\s+([A-Z][a-z]+\s+){1,3}(Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.?|"
                         r"Drive|Suite|Floor)\b|\blocated at\b|\baddress\b", re.I)),
    ("modal", re.compile(r"\b(shall|must|may|will|agrees?|entitled to|obligat\w*|required)\b", re.I)),
    ("negation", re.compile(r"\b(not|no|neither|nor|without|except)\b", re.I)),
    ("definition", re.compile(r"\bmeans\b|\bshall mean\b|\(\s*[\"“][A-Z][^\"”]{1,40}[\"”]\s*\)")),
)

# A heading or lead-in ("currently entitled", "warrants that:") cannot itself be the answer.
_DANGLING = re.compile(r"(?::|\b(?:entitled|are|between|of|to|the|a|an|and|or|by))\s*$", re.IGNORECASE)


# "Find where Mark Kurtz releases ICML", "show me where it says ...": where in the text, not a place
_WHERE_IN_TEXT = re.compile(r"^(\s*(?:please\s+)?(?:show|find|locate|identify|quote|point\s+(?:me\s+)?to)(?:\s+me)?"
                            r"\s+)where\b", re.I)


def without_where_in_text(text: str) -> str:
    """The question without a "where" that asks where in the text ("find where X releases Y")."""
    return _WHERE_IN_TEXT.sub(r"\1", text)


def question_types(text: str) -> tuple[float, ...]:
    text = without_where_in_text(text)
    return tuple(1.0 if pattern.search(text) else 0.0 for _, pattern in QUESTION_TYPES)


def span_types(text: str) -> tuple[float, ...]:
    return tuple(1.0 if pattern.search(text) else 0.0 for _, pattern in SPAN_TYPES)


def type_match(asked: tuple[float, ...], present: tuple[float, ...]) -> float:
    """Share of the asked-for types (first nine shared with spans) the span contains."""
    wanted = [i for i, a in enumerate(asked[:9]) if a]
    return sum(present[i] for i in wanted) / len(wanted) if wanted else 0.0


def ends_mid_phrase(text: str) -> bool:
    """A lead-in that goes on in the next line: "... currently entitled", "The parties are:"."""
    return bool(_DANGLING.search(text))


def is_dangling(text: str) -> float:
    """1.0 for a heading-like or lead-in line: too short to state anything, or ends mid-phrase."""
    short = len(text.split()) < 5 and not re.search(r"\d", text)
    return 1.0 if short or _DANGLING.search(text) else 0.0
