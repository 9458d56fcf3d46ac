"""Frozen dataclasses every face receives: citations and answers."""

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
