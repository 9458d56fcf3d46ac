"""Frozen dataclasses every face receives: citations, values, groups and answers."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Citation:
    """One piece of evidence: `quote == document_text[start:end]` always holds."""

    file: str
    agreement: str  # the agreement's label, e.g. "Sage Moore"
    clause: str  # "7", "6(b)", "6.2", "preamble", "signatures"
    quote: str
    start: int
    end: int
    score: float
    agreement_number: int = 1
    clause_text: str = ""  # the whole clause, for showing the quote in context
    clause_start: int = 0


@dataclass(frozen=True)
class Value:
    """A short answer taken verbatim from a cited quote: `document_text[start:end] == text`, and
    [start, end) lies inside the citation it names, so a face can highlight it inside the quote."""

    text: str
    start: int  # absolute offsets in the file's text, like Citation.start/end
    end: int
    kind: str  # what it is: see assistant.values.KINDS; "yes"/"no" for a plainly stated yes or no
    citation: int = 0  # index into Answer.citations (0-based; the text's marker is [citation + 1])


@dataclass(frozen=True)
class AnswerGroup:
    """Agreements whose evidence says the same thing, in an answer that covers several agreements."""

    value: str  # the shared value as first written ("California"), or the shared quote as displayed
    key: str  # what was compared: the value or the quote normalised (case, spacing, punctuation)
    kind: str  # the value's kind, or "quote" when the agreements are grouped by what their quotes say
    agreements: tuple[str, ...]  # agreement labels, in citation order
    keys: tuple[str, ...]  # "file#n", one per agreement
    clauses: tuple[str, ...]  # the clause each agreement's first citation cites, one per agreement
    citations: tuple[int, ...]  # indexes into Answer.citations (0-based), all the group's citations


@dataclass(frozen=True)
class Answer:
    question: str
    text: str  # short answer with markers [1], [2] ...
    found: bool
    citations: tuple[Citation, ...] = ()
    standalone_question: str = ""  # the question after follow-up rewriting
    searched: str = ""  # what was searched, e.g. "the 15 indexed agreements"
    seconds: float = 0.0
    mode: str = "extractive"  # or the chat model's name
    unsupported: tuple[str, ...] = field(default_factory=tuple)  # sentences dropped by verification
    values: tuple[Value, ...] = ()  # the short answer's values, each a span of a cited quote
    groups: tuple[AnswerGroup, ...] = ()  # agreements that say the same, when several are cited
    answered_as: str = ""  # the question answered in its place when its own words found nothing (assistant/rephrase.py)

    def to_dict(self) -> dict:
        return asdict(self)

    def pieces(self) -> list[str]:
        """The text in word-sized pieces, for faces that stream it."""
        return re.findall(r"\S+\s*", self.text)


@dataclass(frozen=True)
class AgreementInfo:
    """One indexed agreement, for listings and scope pickers."""

    file: str
    number: int
    label: str
    title: str
    date: str
    kind: str
    clauses: int

    @property
    def key(self) -> str:
        return f"{self.file}#{self.number}"
