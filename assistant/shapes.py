"""The finders an answer's values come from: every span of one kind in a cited quote, read by its
shape (index.shapes holds the shapes, shared with the agreement catalog) and, for titles and parties,
by what the question asks."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.types import Citation
from index.shapes import ADDRESS as _ADDRESS, AMOUNT as _AMOUNT, BETWEEN as _BETWEEN, DEFINED as _DEFINED
from index.shapes import DURATION as _DURATION, ENTITLED as _ENTITLED, HEADING as _HEADING
from index.shapes import NAMED_BEFORE as _NAMED_BEFORE, TITLE_LINE as _TITLE_LINE, trim as _trim
from index.shapes import court_spans, date_spans, law_spans, name_line_spans, normalise, sentences
from index.terms import content_terms

__all__ = ["FINDERS", "Finder", "normalise", "sentences"]

Finder = Callable[[str, str, Citation], list[tuple[int, int]]]  # (quote, question, citation) -> spans


# -- finders: every span of one kind in a quote, as (start, end) inside it -----------------------

def _law(quote: str, question: str, citation: Citation) -> list[tuple[int, int]]:
    return law_spans(quote)


# the words that say which courts: "the federal and state courts located in the County of San Diego"
_COURTS_BEFORE = re.compile(r"\bcourts?\b[^.;:()]{0,70}$", re.I)
_COURT_KIND = re.compile(r"(?:\b(?:state|federal|provincial|county|district|municipal|superior|supreme|high|"
                         r"competent|national|local|and|or)\s+)+$", re.I)


# where an arbitration sits: "arbitration administered by the ICC ..., seated in London", "the seat of
# arbitration shall be Geneva, Switzerland"
# (a language it is conducted in is no place: "conducted in English")
_PLACE_NAME = (r"(?!(?:English|French|German|Spanish|Italian|Dutch|Portuguese|Chinese|Japanese|Korean|Arabic)\b)"
               r"[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,3}")
_SEAT = re.compile(rf"\b(?:seated|held|conducted)\s+in\s+(?P<v>{_PLACE_NAME})"
                   rf"|\b(?:seat|place|venue)\s+of\s+(?:the\s+)?arbitration\s+(?:shall\s+be|is|will\s+be)\s+"
                   rf"(?:in\s+)?(?P<w>{_PLACE_NAME})")


def _court(quote: str, question: str, citation: Citation) -> list[tuple[int, int]]:
    """The courts with their place: "state and federal courts in Wilmington, Delaware", not the
    place alone (an arbitral body or seat stays as named). Asked where, an arbitration's seat
    ("seated in London"), not the body that administers it."""
    if re.match(r"\s*where\b", question, re.I):
        seats = [_trim(quote, at + m.start(g), at + m.end(g)) for at, sentence in sentences(quote)
                 if re.search(r"\barbitra", sentence, re.I) for m in _SEAT.finditer(sentence)
                 for g in ("v", "w") if m.group(g)]
        if seats:
            return seats
    spans = []
    for start, end in court_spans(quote):
        courts = _COURTS_BEFORE.search(quote, max(0, start - 80), start)
        if courts:
            kind = _COURT_KIND.search(quote, max(0, courts.start() - 60), courts.start())
            start = kind.start() if kind and not re.match(r"(?:and|or)\b", kind.group(), re.I) else courts.start()
        spans.append(_trim(quote, start, end))
    return spans


def _date(quote: str, question: str, citation: Citation) -> list[tuple[int, int]]:
    return date_spans(quote)


def _pattern(pattern: re.Pattern) -> Callable[[str, str, Citation], list[tuple[int, int]]]:
    return lambda quote, question, citation: [_trim(quote, m.start(), m.end()) for m in pattern.finditer(quote)]


# "THIS AGREEMENT is entered into ...": how an agreement refers to itself, not its title
_GENERIC_NAME = re.compile(r"^(?:THIS|THE)\s+(?:AGREEMENT|CONTRACT|LICEN[CS]E|LEASE|PLAN)$", re.I)


def _title(quote: str, question: str, citation: Citation) -> list[tuple[int, int]]:
    event = bool(re.search(r"\bevent\b", question, re.I))
    thing = re.search(r"\b(?:article|paper|manuscript|work|event|agreement|contract|book)\b", question, re.I)
    lines = [m for m in _TITLE_LINE.finditer(quote) if bool(m.group("event")) == event
             and not (thing and not m.group("event") and citation.clause == "signatures")]
    spans = [_trim(quote, m.start("v"), m.end("v")) for m in lines]
    if not event:
        spans += [_trim(quote, m.start("v"), m.end("v")) for m in _ENTITLED.finditer(quote)]
        if re.search(r"\b(?:agreement|contract)\b", question, re.I) and not re.search(r"\barticle|paper|manuscript",
                                                                                   question, re.I):
            spans += [_trim(quote, m.start("v"), m.end("v")) for m in _HEADING.finditer(quote)]
    return sorted(s for s in spans if s[1] - s[0] >= 3 and not _GENERIC_NAME.match(quote[s[0]:s[1]]))


def _place(quote: str, question: str, citation: Citation) -> list[tuple[int, int]]:
    return [_trim(quote, m.start("v"), m.end("v")) for m in _ADDRESS.finditer(quote)]


def _party(quote: str, question: str, citation: Citation) -> list[tuple[int, int]]:
    """A party the question names by role ("who is the publisher?" -> `PMLR ("the publisher")`),
    or both parties of "between A and B" when it asks for the parties."""
    asked = set(content_terms(question))  # the role itself, not a synonym ("publication" is no "publisher")
    for m in _DEFINED.finditer(quote):
        if set(content_terms(m.group("role"))) & asked:
            before = _NAMED_BEFORE.search(quote[max(0, m.start() - 250):m.start()])
            if before:
                offset = max(0, m.start() - 250)
                return [_trim(quote, offset + before.start("v"), offset + before.end("v"))]
    if re.search(r"\bpart(?:y|ies)\b|\bbetween\b", question, re.I):
        m = _BETWEEN.search(quote)
        if m:
            return [_trim(quote, m.start("a"), m.end("a")), _trim(quote, m.start("b"), m.end("b"))]
    return []


# the bound a duration is given with: "within one year", "at least sixty (60) days", "no more than 3 months"
_BOUND = re.compile(r"\b(?:within|at\s+(?:least|most)|up\s+to|(?:no|not)\s+(?:less|more|later|fewer)\s+than"
                    r"|(?:more|less|fewer)\s+than|a\s+(?:minimum|maximum)\s+of|in\s+excess\s+of)\s+$", re.I)


def _duration(quote: str, question: str, citation: Citation) -> list[tuple[int, int]]:
    """Every length of time with its bound: "within one year" is not "one year"."""
    spans = []
    for m in _DURATION.finditer(quote):
        bound = _BOUND.search(quote, max(0, m.start() - 30), m.start())
        spans.append(_trim(quote, bound.start() if bound else m.start(), m.end()))
    return spans


def _signer_names(quote: str, question: str, citation: Citation) -> list[tuple[int, int]]:
    return name_line_spans(quote)


FINDERS: dict[str, Finder] = {
    "signer": _signer_names, "law": _law, "court": _court, "title": _title, "amount": _pattern(_AMOUNT),
    "date": _date, "duration": _duration, "place": _place, "party": _party,
}
