"""Where an agreement states each catalog field: text rules over its segmented clauses, read
sentence by sentence (what a clause is titled, the words that lead in to a value, the value's shape).
They hold for contracts in general; every value is a span of the text with the sentence it came from.
This module reads the sentences, the governing law, courts, assignment and termination; dates and the
term live in index.catalog_dates."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from index import jurisdictions
from index.dates import duration_normal, duration_spans
from index.sentences import sentence_spans, trim_space
from index.shapes import court_spans, law_spans, normalise, trim
from index.types import Clause

QUOTE_CHARS = 600  # a cited sentence longer than this is quoted as a window around its value


@dataclass(frozen=True)
class Found:
    """One value: text[start:end] of the file, read from the sentence text[quote_start:quote_end] of
    clause `clause_id`; `normal` is its comparable form (an ISO date, "60 days", a jurisdiction)."""

    text: str
    start: int
    end: int
    quote_start: int
    quote_end: int
    clause_id: str
    normal: str = ""
    role: str = ""  # a party's defined name ("Licensee"); a signer's title


@dataclass(frozen=True)
class Sentence:
    clause: Clause
    start: int  # offsets in the file's text
    end: int
    text: str
    title: str  # the title of the clause's section, lower case ("governing law"), or ""

    def found(self, s: int, e: int, normal: str = "", role: str = "") -> Found:
        """The value self.text[s:e], quoted with (at most QUOTE_CHARS of) its sentence."""
        qs, qe = 0, len(self.text)
        if qe > QUOTE_CHARS:
            qs = max(0, min(s - QUOTE_CHARS // 3, e - QUOTE_CHARS))
            qs = qs if qs == 0 else self.text.find(" ", qs) + 1 or qs
            qe = min(len(self.text), max(e, qs + QUOTE_CHARS))
            qe = qe if qe == len(self.text) else self.text.rfind(" ", e, qe) if self.text.rfind(" ", e, qe) > 0 else qe
            qs, qe = trim_space(self.text, qs, qe)
        return Found(self.text[s:e], self.start + s, self.start + e, self.start + qs, self.start + qe,
                     self.clause.clause_id, normal, role)


# -- reading an agreement sentence by sentence ---------------------------------------------------

_SECTION_TITLE = re.compile(
    r"^[\s#*>•-]*(?:(?:section|article|clause)\s+)?(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]+)\s?[.:)]?\s+(?:\*\*)?"
    r"([A-Z][A-Za-z,;&/' -]{2,70}?)(?:\*\*)?(?:\.(?=\s)|:|\n|\s{2,}|\s+-\s|$)", re.IGNORECASE)


def section_titles(clauses: Sequence[Clause]) -> list[str]:
    """The title of each clause's section, lower case: its own ("7. Term and Termination."), else
    that of the section it belongs to (7.1 and 7(a) are in section 7), else a heading label."""
    by_top: dict[tuple[int, str], str] = {}
    own: list[str] = []
    for c in clauses:
        match = _SECTION_TITLE.match(c.text)
        title = match.group(1).strip().lower() if match and len(match.group(1).split()) <= 8 else ""
        if not title and not re.match(r"\d|preamble|signatures|para \d|footnote", c.clause_id):
            title = re.sub(r"\s*\[\d+\]$|\s*\(part \d+\)$", "", c.clause_id).lower()  # "Governing Law" headings
        own.append(title)
        top = _top(c.clause_id)
        if title and top and (c.agreement, top) not in by_top:
            by_top[(c.agreement, top)] = title
    return [t or by_top.get((c.agreement, _top(c.clause_id)), "") for c, t in zip(clauses, own)]


def _top(clause_id: str) -> str:
    m = re.match(r"(?:(?:Exhibit|Schedule|Annex|Appendix|Attachment) \S+ )?(\d{1,3})", clause_id)
    return str(int(m.group(1))) if m else ""


def sentences(clauses: Sequence[Clause]) -> list[Sentence]:
    """Every sentence of the clauses, in order, with its section title."""
    out = []
    for clause, title in zip(clauses, section_titles(clauses)):
        for s, e in sentence_spans(clause.text):
            out.append(Sentence(clause, clause.start + s, clause.start + e, clause.text[s:e], title))
    return out


def best(candidates: Iterator[tuple[float, Found]]) -> Found | None:
    """The highest-scoring value; the earliest among equals."""
    chosen: tuple[float, Found] | None = None
    for score, found in candidates:
        if chosen is None or score > chosen[0]:
            chosen = (score, found)
    return chosen[1] if chosen else None


# -- governing law and courts --------------------------------------------------------------------

_GOVERNS = re.compile(r"\bgovern(?:ed|s|ing)?\b|\bconstru(?:ed|ction)\b|\binterpret(?:ed|ation)\b|\benforced\b"
                      r"|\bapplicable\s+law\b|\bchoice\s+of\s+law\b|\bin\s+accordance\s+with\s+the\s+laws?\b", re.I)
_ENTITY_LAW = re.compile(r"\b(?:organi[sz]ed|incorporated|existing|formed|chartered|registered|established|duly)\b"
                         r"[^.;]{0,40}$", re.I)
_LAW_TITLE = re.compile(r"govern|applicable law|choice of law|\blaw\b", re.I)
# the agreement itself as what the law governs: "This Agreement shall be governed by", "governs this
# Agreement", "the validity ... of this Agreement shall be construed", not "the Escrow Law, which
# governs i-Escrow's business practices" nor "the matters governed by this Agreement"
_OF_THE_AGREEMENT = re.compile(r"\b(?:this|the)\s+(?:agreement|contract|lease|licen[cs]e|amendment|note)\b[^.;]{0,80}?"
                               r"\b(?:governed|construed|interpreted|enforced)\b"
                               r"|\bgovern(?:s|ing)\s+(?:this|the)\s+(?:agreement|contract)\b", re.I)


def governing_law(sents: Sequence[Sentence]) -> Found | None:
    """The jurisdiction whose law governs: in a sentence about governing or construing the agreement,
    the first place named after "laws" ("the laws of the State of New York", "THE LAWS, OTHER THAN
    CHOICE OF LAW RULES, OF THE STATE OF GEORGIA", "English law"); a state's law before its country's; a
    sentence under a law heading, and one governing the agreement itself, before others."""
    def candidates():
        for s in sents:
            if not _GOVERNS.search(s.text):
                continue
            spans = _law_places(s.text)
            if spans:
                a, b = spans[0]
                score = 2 * bool(_LAW_TITLE.search(s.title)) + bool(re.search(r"\bgovern", s.text, re.I)) \
                    + bool(_OF_THE_AGREEMENT.search(s.text))
                yield score, s.found(a, b, jurisdiction(s.text[a:b]))
    return best(candidates())


_LAW_WORD = re.compile(r"\blaws?\b", re.I)


def _law_places(text: str) -> list[tuple[int, int]]:
    places = []
    for m in jurisdictions.pattern().finditer(text):
        law = list(_LAW_WORD.finditer(text, max(0, m.start() - 160), m.start()))
        after = re.match(r"\s+laws?\b", text[m.end():], re.I)  # "English law"
        if not (law or after) or _ENTITY_LAW.search(text[max(0, m.start() - 80):m.start()]):
            continue
        if law and not after and _FORUM_BEFORE.search(text[law[-1].end():m.start()]):
            continue  # "... the courts of New York": a forum, not the law
        places.append(trim(text, m.start(), m.end()))
    places += [(a, b) for a, b in law_spans(text) if not _ENTITY_LAW.search(text[max(0, a - 80):a])
               and not any(x <= a < y for x, y in places)]
    places.sort()
    local = [p for p in places if jurisdiction(text[p[0]:p[1]]) not in jurisdictions.FEDERAL]
    return local[:1] + [p for p in places if p not in local[:1]] if local else places


_FORUM_BEFORE = re.compile(r"\b(?:courts?|venue|forum|jurisdiction|arbitration|located|situated|offices?)\b", re.I)


def jurisdiction(text: str) -> str:
    """"the State of New York" -> "new york", "English" -> "england": the name of the place, for comparing."""
    text = re.sub(r"^(?:the\s+)?(?:(?:State|Commonwealth|Province|Republic|Kingdom|Canton|Emirate|Territory|District)"
                  r"\s+of\s+(?:the\s+)?)?", "", text.strip(), flags=re.I)
    return normalise(jurisdictions.canonical(text), "text")


_COURT_WORDS = re.compile(r"\bcourts?\b|\bjurisdiction\b|\bvenue\b|\barbitrat", re.I)
_COURT_TITLE = re.compile(r"jurisdiction|venue|forum|dispute|arbitrat|governing law|court", re.I)


def courts(sents: Sequence[Sentence]) -> Found | None:
    def candidates():
        for s in sents:
            if not _COURT_WORDS.search(s.text):
                continue
            for a, b in court_spans(s.text):
                score = 2 * bool(_COURT_TITLE.search(s.title)) + bool(
                    re.search(r"\b(?:exclusive|submit|venue|jurisdiction)\b", s.text, re.I))
                yield score, s.found(a, b, jurisdiction(s.text[a:b]))
                break
    return best(candidates())


# -- assignment and termination -------------------------------------------------------------------

_ASSIGN = re.compile(r"\bassign(?:ed|s|ment|able)?\b|\btransfer(?:red)?\b", re.I)
_ASSIGN_SUBJECT = re.compile(r"\b(?:this\s+(?:agreement|lease|licen[cs]e)|hereunder|its\s+rights|any\s+(?:of\s+"
                             r"(?:its|their)\s+)?rights|obligations|interest\s+(?:herein|in\s+this))\b", re.I)
_MODAL = re.compile(r"\b(?:may|shall|will|can)\s+(?:not\s+|freely\s+|only\s+)?(?:\w+\s+){0,3}?(?:assign|transfer)\b"
                    r"|\bnot\s+(?:be\s+)?(?:assignable|assigned|transferable)|\bno\s+(?:party|assignment)\b", re.I)
_ONLY_ASSIGNS = re.compile(r"successors\s+and\s+(?:permitted\s+)?assigns|meaning\s+assigned|assigned\s+to\s+(?:it|"
                           r"them|such\s+term)|assignment\s+of\s+(?:personnel|employees)", re.I)


def assignment(sents: Sequence[Sentence]) -> Found | None:
    def candidates():
        for s in sents:
            words = _ONLY_ASSIGNS.sub(" ", s.text)
            m = _MODAL.search(words)
            if not (m and _ASSIGN.search(words) and _ASSIGN_SUBJECT.search(words)):
                continue
            a, b = _phrase(s.text, m.start(), r"\bconsent\b")
            consent = bool(re.search(r"\bconsent|approval\b", s.text[a:b], re.I))
            negative = bool(re.search(r"\bnot\b|\bno\b|\bneither\b|\bnor\b", s.text[a:b], re.I))
            normal = "with consent" if consent else "not assignable" if negative else "assignable"
            score = 2 * bool(re.search(r"assign|transfer", s.title, re.I)) + bool(
                re.search(r"this\s+agreement", s.text, re.I))
            yield score, s.found(a, b, normal)
    return best(candidates())


_TERMINATE = re.compile(r"\b(?:may|can|shall\s+have\s+the\s+right\s+to|is\s+entitled\s+to|right\s+to)\s+"
                        r"(?:\w+\s+){0,2}?(?:terminate|end|cancel)\b"
                        r"|\b(?:will|shall)\s+(?:automatically\s+)?terminate\s+(?:if|upon|when|"
                        r"in\s+the\s+event|on)\b", re.I)


def termination(sents: Sequence[Sentence]) -> Found | None:
    """The first right to end the agreement early, preferring its own clause: who may terminate, and
    on what (notice, breach, insolvency)."""
    def candidates():
        for s in sents:
            m = _TERMINATE.search(s.text)
            if not m or not re.search(r"\b(?:agreement|it|lease|licen[cs]e|engagement|contract)\b", s.text, re.I):
                continue
            a, b = _phrase(s.text, m.start(), r"\bnotice\b|\bbreach\b")
            notice = next((duration_normal(s.text[a + x:a + y]) for x, y in duration_spans(s.text[a:b])
                           if re.match(r"^['’s]*\s+(?:\w+\s+){0,2}notice", s.text[a + y:a + y + 30], re.I)), "")
            score = 2 * bool(re.search(r"terminat", s.title, re.I)) + bool(
                re.search(r"\bnotice\b|\bbreach\b|convenience|without\s+cause", s.text, re.I))
            yield score, s.found(a, b, notice)
    return best(candidates())


_LEADING_NUMBER = re.compile(r"[\s#*>•-]*(?:(?:section|article|clause)\s+)?"
                             r"(?:\d{1,3}(?:\.\d{1,3})*\.?\s+|\(?[a-z]{1,3}\)\s+"
                             r"|[a-z]\.\s+)?", re.I)


def _phrase(text: str, at: int, through: str) -> tuple[int, int]:
    """The words of a sentence around a verb: from the sentence's subject (when close) to the end of
    the part naming `through` ("... without the prior written consent of the other Party"), else to
    the first semicolon or the end; never more than 300 characters."""
    start = 0 if at < 120 else text.rfind(",", 0, at) + 1
    start = _LEADING_NUMBER.match(text, start).end()
    stop = len(text)
    hit = re.compile(through, re.I).search(text, at)
    if hit:
        end = re.compile(r"[,;.](?=\s)|$").search(text, hit.end())
        stop = end.start() if end else len(text)
    else:
        semi = text.find(";", at)
        stop = semi if semi > 0 else len(text)
    if stop - start > 300:
        stop = text.rfind(" ", start, start + 300)
    return trim(text, start, stop)
