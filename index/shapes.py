"""The shapes values take in contract text, whatever the contract: a governing law ("laws of the
State of Delaware"), a court, a date, a duration, an amount, a title, an address, a party named in
"between A and B", a signer's name line; spans of a text and their normal forms, nothing else.
Pure text, so the index (the agreement catalog) and the answerer (assistant.shapes) share them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from index.jurisdictions import ADJECTIVES

CAP = r"[A-Z][\w'’&-]*"  # a capitalised word; names never run across a line
_NAMEPLACE = rf"{CAP}(?:[ \t]+(?:and|of|de|du|upon)[ \t]+{CAP}|[ \t]+{CAP})*"
_PLACE = (rf"(?:(?:County|City|State|Commonwealth|Province|District|Borough|Canton)\s+of\s+)?{_NAMEPLACE}"
          rf"(?:,\s*{_NAMEPLACE})?")
_REGION = (r"(?:(?:State|Commonwealth|Province|Republic|Kingdom|Federal Republic|Canton|Emirate|Territory|District)"
           r"\s+of\s+)?")
LAW = re.compile(rf"\b[Ll]aws?\s+(?:in\s+force\s+in|of)\s+(?:the\s+)?{_REGION}(?P<v>{_NAMEPLACE})"
                 rf"|\b(?:governed\s+by|subject\s+to|under|construed\s+(?:in\s+accordance\s+with|under))\s+(?:the\s+)?"
                 rf"(?P<w>{CAP}(?:\s+{CAP})*)\s+law\b"
                 rf"|\b[Gg]overning\s+[Ll]aw\s*[:–-]\s*(?:the\s+)?{_REGION}(?P<x>{_NAMEPLACE})")
FORUM = re.compile(r"\b(?:jurisdiction|venue|forum|submits?|exclusive|disputes?|arbitrat\w*|heard|brought|"
                   r"litigat\w*|proceedings?|actions?|suits?)\b", re.I)
# "the courts of Dublin", "the State District Court in Dallas County", "arbitration in London"
COURT = re.compile(rf"\b(?:[Cc]ourts?|COURTS?)\b[^.;:()]{{0,60}}?\b(?:in|of|for)\s+(?:the\s+)?(?P<v>{_PLACE})"
                   rf"|\b[Aa]rbitrat\w*\b[^.;]{{0,80}}?\b(?:administered\s+by|rules\s+of|before)\s+(?:the\s+)?"
                   rf"(?P<w>{CAP}(?:\s+(?:of|for|and|&)\s+{CAP}|\s+{CAP})*)"
                   rf"|\b[Aa]rbitrat\w*\b[^.;]{{0,80}}?\b(?:in|at)\s+(?P<x>{_PLACE})"
                   # "the Scottish courts", "the English courts": a country's courts by its adjective
                   rf"|\b[Tt]he\s+(?P<y>(?:{'|'.join(ADJECTIVES)})\s+courts?)\b")
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE = re.compile(rf"\b{_MONTH}\s+{_DAY}(?:\s*(?:,|-|–|and|&)\s*(?:{_MONTH}\s+)?{_DAY})*,?\s+\d{{4}}\b"
                  rf"|\b{_DAY}\s+(?:day\s+of\s+)?{_MONTH},?\s+\d{{4}}\b"
                  r"|\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b")
_NUMWORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
            r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)")
# "sixty (60) days", and as a compound: "a 30-day notice", "successive one-year periods"
DURATION = re.compile(rf"\b(?:\d+|{_NUMWORD}(?:[\s-]+{_NUMWORD})*)(?:\s*\(\d+\))?(?:\s+|-)"
                      r"(?:calendar\s+|business\s+|working\s+|consecutive\s+)?(?:hours?|days?|weeks?|months?|years?)\b",
                      re.I)
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_CURRENCY = r"(?:USD|US\$|EUR|GBP|CAD|AUD|CHF|JPY|INR|CNY|RMB|SGD|HKD|NZD|SEK|NOK|DKK)"
AMOUNT = re.compile(rf"(?:[$€£¥]\s?{_NUMBER}|\b{_CURRENCY}\s?{_NUMBER})(?:\s?(?:million|billion|thousand)\b)?"
                    r"(?:\s+per\s+(?:hour|day|week|month|year|annum|unit|copy)\b)?"
                    rf"|\b{_NUMBER}\s?(?:%|percent\b|per\s+cent\b)|\b{_NUMBER}\s+(?:dollars|euros|pounds)\b")
ENTITLED = re.compile(r"\b(?:[Ee]ntitled|[Tt]itled)\b(?![ \t]+to\b)[ \t]*:?[ \t]*(?:\n[ \t]*)*[\"“]?"
                      r"(?P<v>[^\n\"“”]{3,300}?)[\"”]?[ \t]*(?=\(|\n|$|[\"”])")
TITLE_LINE = re.compile(r"^[ \t>*#-]*(?:\*\*)?(?P<event>Event[ \t]*)?Titles?(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]*"
                        r"(?P<v>[^\n]*[^\s*])", re.M)
# "THIS SUPPLY AGREEMENT is dated ...": its title has no "THIS"
HEADING = re.compile(r"^[ \t#*]*(?:THIS[ \t]+(?=[A-Z]+[ \t]))?"
                     r"(?P<v>[A-Z][A-Z0-9 ,&'’-]{3,}(?:AGREEMENT|CONTRACT|LICEN[CS]E|LEASE|PLAN))\b", re.M)
ADDRESS = re.compile(r"\b(?:located|offices?|address(?:ed)?|situated|principal\s+(?:place\s+of\s+business|office))"
                     r"\s+(?:is\s+)?(?:at|in|:)\s+(?P<v>\d[^\n()\"“”;]{3,150}?)"
                     r"(?=\s*(?:\(|;|\n|\.(?:\s|$)|$|,\s+(?:and|or|a|an|the)\b))")
_SUFFIX = r"(?:,?\s+(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Co|LP|L\.P|plc|GmbH|AG|S\.A|B\.V|N\.V)\b\.?)?"
_ORG = rf"(?:the\s+)?{CAP}(?:[ \t]+(?:of|for|on|&|de)[ \t]+{CAP}|[ \t]+{CAP})*(?:[ \t]*\([A-Z]{{2,10}}\))?{_SUFFIX}"
_DESCRIBED = r"(?:,\s+an?\s+[^()\"“”]{0,160}?)?"
DEFINED = re.compile(r"\(\s*(?:the\s+|hereinafter\s+(?:the\s+)?)?[\"“](?:the\s+)?(?P<role>[A-Za-z][\w -]{1,40})"
                     r"[\"”]\s*\)")
NAMED_BEFORE = re.compile(rf"(?P<v>{_ORG}){_DESCRIBED}[\s,]*$")
BETWEEN = re.compile(rf"\bbetween\s+(?P<a>{_ORG}){_DESCRIBED}\s*(?:\([^()]{{1,40}}\))?\s*,?\s+and\s+(?P<b>{_ORG})")
# a name's word, or a middle initial before the next word ("Margaret L. Osei")
_TOKEN = r"(?:[A-Z]\.(?=[ \t]+[A-Z])|[A-Z][\w.'’-]*[\w'’](?![\w.'’-]))(?![ \t]*:)"
def name_pattern(name: str, flags: int = 0) -> re.Pattern[str]:
    """A name as a pattern: its words in order, any run of white space between them, not inside a
    longer word ("Acme Robotics" is not in "Acme Robotics2", nor "Birch" in "Birch&Co")."""
    return re.compile(r"(?<![\w&])" + r"\s+".join(map(re.escape, name.split())) + r"(?![\w&])", flags)


# the lower-case particles of a name: "Joost van der Berg", "Maria de la Cruz", "Ahmed bin Said"
NAME_PARTICLE = r"(?:van|von|der|den|de|del|della|da|di|du|la|le|bin|ibn|al|ten|ter|y)"
# "Name: Jane Roe", "By: /s/ Jane Roe", and the English "Signed by Jane Roe, Director, for and on behalf of ..."
NAME_LINE = re.compile(r"(?:^|(?<=\s))(?:(?i:name(?:\s*\(print(?:ed)?\))?|by|signature|signed(?:\s+by)?)[ \t]*:"
                       r"|(?<![^\n])[ \t]*Signed[ \t]+by(?=[ \t]+[A-Z]))[ \t]*"
                       rf"(?:</?u>)?(?:/s/)?[ \t]*(?:</?u>)?[ \t]*"
                       rf"(?P<v>{_TOKEN}(?:[ \t]+(?:{NAME_PARTICLE}[ \t]+){{0,2}}{_TOKEN}){{1,3}})",
                       re.M)
NOT_A_VALUE = {"this", "that", "such", "said", "agreement", "party", "parties", "each", "any", "all", "its", "his",
               "her", "their", "our", "your", "which", "whose", "date", "name", "title", "signature"}


# -- spans of one kind in a text, as (start, end) inside it ---------------------------------------

def law_spans(text: str) -> list[tuple[int, int]]:
    """The jurisdictions of "laws of the State of Delaware", "governed by English law", "Governing law: X"."""
    return groups(LAW, text, ("v", "w", "x"))


def court_spans(text: str) -> list[tuple[int, int]]:
    """The places of courts and arbitral bodies, in sentences about disputes or jurisdiction."""
    spans = []
    for sentence_start, sentence in sentences(text):
        if FORUM.search(sentence):
            spans += [(sentence_start + s, sentence_start + e)
                      for s, e in groups(COURT, sentence, ("v", "w", "x", "y"))]
    return spans


def date_spans(text: str) -> list[tuple[int, int]]:
    """Dates that name a real day ("Feb 30, 2020" is none)."""
    return [(m.start(), m.end()) for m in DATE.finditer(text) if iso_date(m.group()) is not None]


def pattern_spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [trim(text, m.start(), m.end()) for m in pattern.finditer(text)]


def name_line_spans(text: str) -> list[tuple[int, int]]:
    """The names of signing lines: "Name: Jane Roe", "By: /s/ Jane Roe", "Signature: Dan Alistarh"."""
    return [(m.start("v"), m.end("v")) for m in NAME_LINE.finditer(text)]


def groups(pattern: re.Pattern, text: str, names: Sequence[str]) -> list[tuple[int, int]]:
    spans = []
    for m in pattern.finditer(text):
        name = next(n for n in names if m.group(n))
        s, e = trim(text, m.start(name), m.end(name))
        if text[s:e].split()[0].lower() not in NOT_A_VALUE:
            spans.append((s, e))
    return spans


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Without surrounding spaces, markup tags and a closing full stop or comma ("Inc." keeps its)."""
    while start < end and (text[start] in " \t\n\"“*" or text.startswith("<u>", start)):
        start += 3 if text.startswith("<u>", start) else 1
    while start < end:
        tail = text[start:end]
        if tail[-1] in " \t\n,;:\"”*":
            end -= 1
        elif tail.endswith(("</u>", "<u>")):
            end -= len("</u>") if tail.endswith("</u>") else len("<u>")
        elif tail[-1] == "." and not re.search(r"\b(?:Inc|Corp|Co|Ltd|L\.P|S\.A|B\.V|N\.V|Jr|Sr|St)\.$", tail):
            end -= 1
        else:
            break
    return start, end


def sentences(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in re.finditer(r"(?<=[.;!?])\s+(?=[A-Z(\"“])|\n\s*\n", text):
        out.append((start, text[start:m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return out


# -- normal forms, for comparing values ---------------------------------------------------------

def normalise(text: str, kind: str) -> str:
    """The form two values are compared in: a date as ISO, "sixty (60) days" as "60 days", other
    text without case, markup, punctuation or a leading "the"."""
    if kind == "date":
        iso = iso_date(text)
        if iso:
            return iso
    if kind == "duration":
        text = re.sub(r"\b[a-z][a-z -]*?\s*\((\d+)\)", r"\1", text, flags=re.I)
    text = re.sub(r"<[^>]+>|\*\*|['’]", "", text).casefold()
    text = re.sub(r"[^\w%$€£]+", " ", text).strip()
    return re.sub(r"^the\s+", "", text)


@lru_cache(maxsize=4096)
def iso_date(text: str) -> str | None:
    """The date a date span names, as YYYY-MM-DD (python-dateutil when installed); a list of days
    ("Jul 15, Jul 16, 2020") is kept as written. None when it names no real date ("Feb 30, 2020")."""
    if re.search(r"[A-Za-z]", text) and len(re.findall(r"\b\d{1,2}(?:st|nd|rd|th)?\b", text)) > 1:
        return re.sub(r"\s+", " ", text.casefold())  # several days of one month and year
    try:
        from dateutil import parser
    except ImportError:  # dateutil is optional: the span still is a date by its shape
        return re.sub(r"\s+", " ", text.casefold())
    try:
        return parser.parse(re.sub(r"\bday\s+of\b", "", text), fuzzy=False).date().isoformat()
    except (ValueError, OverflowError):
        return None
