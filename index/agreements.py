"""Find the agreements inside one file and read their label, title, date and kind."""

from __future__ import annotations

import re
from pathlib import PurePath

from index.types import Agreement

# An agreement opens with "This <Kind> Agreement ... by and between": when that opening repeats
# in one file, the file concatenates several agreements (002 and 003 of the sample corpus).
_OPENING = re.compile(
    r"^[ \t#*>-]*This\s+(?:[\w-]+\s+){0,6}?Agreement\b[^\n]{0,600}?\bby\s+and\s+between\b",
    re.MULTILINE | re.IGNORECASE,
)
_MARKUP = re.compile(r"</?u>|</?b>|</?i>|\*\*|<sup>.*?</sup>|\$[^$\n]{0,40}\$")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
_AS_OF = re.compile(rf"\bas\s+of\s+(?:the\s+)?({_DATE})", re.IGNORECASE)
_DATE_LINE = re.compile(rf"\bDate[d]?:?[\s_\-]*({_DATE})", re.IGNORECASE)
_ANY_DATE = re.compile(_DATE, re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:by\s+and\s+)?between\s+", re.IGNORECASE)
_PARTY_END = re.compile(r",|\(|\s+and\s+|\.\s|\n")
_SECOND_PARTY = re.compile(r"(?:\)|\b[a-z]+)\s*,?\s+and\s+(?:the\s+)?", re.IGNORECASE)
_I_AGREE = re.compile(r"^[#\s]*I,\s*(.{2,80}?),\s*agree\b", re.MULTILINE | re.IGNORECASE)
_PARTIES_ARE = re.compile(r"parties\s+to\s+this\s+Agreement\s+are:?\s*\n+\s*[#*\s]*([^\n(]{2,80})", re.IGNORECASE)
_ENTITLED = re.compile(r"currently\s+entitled\s*\n+\s*[#*\s]*([^\n]{3,300})", re.IGNORECASE)
_EVENT_TITLE = re.compile(r"^\s*EventTitles?:\s*([^\n]{3,400})", re.MULTILINE | re.IGNORECASE)
_KIND_HEADING = re.compile(r"^[#*\s]*((?:[A-Z][\w-]*\s+){0,6}Agreement)[*\s]*$", re.MULTILINE | re.IGNORECASE)
_KIND_THIS = re.compile(r"\bThis\s+((?:[A-Z][\w-]*\s+){0,6}Agreement)\b")


def split_agreements(text: str, name: str) -> list[Agreement]:
    """Return the agreements of a file in order; a file with one opening is one agreement."""
    starts = [m.start() for m in _OPENING.finditer(text)]
    starts = [s for i, s in enumerate(starts) if i == 0 or s - starts[i - 1] > 400]
    if len(starts) < 2:
        bounds = [(0, len(text))]
    else:
        starts[0] = 0  # a heading before the first opening belongs to the first agreement
        bounds = list(zip(starts, starts[1:] + [len(text)]))
    return [describe(text, number, start, end, name) for number, (start, end) in enumerate(bounds, 1)]


def describe(text: str, number: int, start: int, end: int, name: str) -> Agreement:
    """Read an agreement's label (its counterparty), title, date and kind from its text."""
    body = text[start:end]
    head = body[:4000]
    parties = [p for p in _parties(head) + _aliases(head[:1500]) if p.lower() not in _GENERIC_ALIASES]
    listed = _PARTIES_ARE.search(head)
    if listed:  # "The parties to this Agreement are: <name> (...), PMLR, IMLS and ICML"
        parties = [_tidy(listed.group(1))] + re.findall(r"\b[A-Z]{3,6}\b", head[listed.end():listed.end() + 300])
        parties = list(dict.fromkeys(parties))
    label = _first(_I_AGREE, head) or _first(_PARTIES_ARE, head)
    if not label and parties:
        label = parties[0] if _looks_like_person(parties[0]) else " and ".join(parties[:2])
    title = _first(_ENTITLED, head) or _first(_EVENT_TITLE, head)
    kind = _first(_KIND_HEADING, head[:600]) or _first(_KIND_THIS, head) or ""
    date = _first(_AS_OF, head) or _last_date_line(body) or _first(_ANY_DATE, head)
    if not label:
        label = title or kind.title() or PurePath(name).stem
    return Agreement(
        number=number, label=_tidy(label)[:120], start=start, end=end, title=_tidy(title),
        date=_tidy(date), kind=_tidy(kind), parties=tuple(_tidy(p) for p in parties),
    )


def _parties(head: str) -> list[str]:
    """The first two parties named after "by and between" (best effort, for labels)."""
    match = _BETWEEN.search(head)
    if not match:
        return []
    rest = head[match.end():match.end() + 1200]
    first_end = _PARTY_END.search(rest)
    first = rest[:first_end.start()] if first_end else rest[:80]
    parties = [first]
    after = rest[len(first):]
    second = re.match(r"\s+and\s+(?:the\s+)?", after) or _SECOND_PARTY.search(after)
    if second:
        tail = after[second.end():]
        second_end = _PARTY_END.search(tail)
        parties.append(tail[:second_end.start()] if second_end else tail[:80])
    return [p for p in (_tidy(x) for x in parties) if 1 < len(p) <= 120]


_ALIAS = re.compile(r"\(\s*(?:the\s+)?[\"“']?([A-Z][\w&.\- ]{1,30}?)[\"”']?\s*\)")
_GENERIC_ALIASES = {"agreement", "effective date", "articles", "article", "parties", "party", "the publisher",
                    "publisher", "you", "the proceedings", "proceedings", "this agreement", "recipient", "provider"}


def _aliases(head: str) -> list[str]:
    """Short names defined in parentheses, e.g. (ICML) or ("Accuray"): users ask with them."""
    found = []
    for alias in _ALIAS.findall(head):
        if alias.lower() not in _GENERIC_ALIASES and alias not in found and not alias.isdigit():
            found.append(alias)
    return found[:6]


def _last_date_line(body: str) -> str:
    found = _DATE_LINE.findall(body[-3000:])
    if found:
        return found[0]
    tail = body[-400:]
    dates = _ANY_DATE.findall(tail)
    return dates[-1] if dates else ""


def _first(pattern: re.Pattern, text: str) -> str:
    match = pattern.search(text)
    if not match:
        return ""
    return match.group(1) if pattern.groups else match.group(0)


def _looks_like_person(name: str) -> bool:
    words = name.split()
    corporate = re.search(r"\b(inc|corp|ltd|llc|company|conference|society|limited|gmbh|plc|l\.p)\b", name, re.I)
    return 2 <= len(words) <= 4 and not corporate and all(w[:1].isupper() for w in words)


def _tidy(value: str) -> str:
    value = _MARKUP.sub("", value or "")
    value = re.sub(r"\s+", " ", value).strip(" \t,;:.#*_\"'")
    return value
