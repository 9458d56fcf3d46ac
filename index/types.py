"""Frozen dataclasses that cross the index boundary: documents, agreements, clauses, reports."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LoadedDocument:
    """The text a loader returned for one file; every offset in the index points into `text`."""

    path: str
    name: str
    text: str
    kind: str  # "txt", "md", "pdf", "docx"
    sha256: str


@dataclass(frozen=True)
class Agreement:
    """One agreement inside a file (a file may hold several)."""

    number: int  # 1-based position inside its file
    label: str  # counterparty, e.g. "Dan Alistarh"; falls back to the title or file stem
    start: int
    end: int
    title: str = ""  # the article or contract title, where present
    date: str = ""  # the agreement's date as written, where present
    kind: str = ""  # e.g. "ICML Publication Agreement", "Final Contribution Agreement"
    parties: tuple[str, ...] = ()


@dataclass(frozen=True)
class Clause:
    """One retrievable chunk: a clause, a part of a long clause, a preamble, signatures or footnote."""

    file: str
    agreement: int
    agreement_label: str
    clause_id: str  # "7", "6(a)", "6.2", "preamble", "contents", "signatures", "footnote 1", "12 (part 2)"
    heading: str  # heading or first words
    start: int
    end: int
    text: str  # exactly document.text[start:end]
    content_hash: str = ""

    @property
    def chunk_id(self) -> str:
        return f"{self.file}::{self.agreement}::{self.clause_id}"


@dataclass(frozen=True)
class SegmentedDocument:
    document: LoadedDocument
    agreements: tuple[Agreement, ...]
    clauses: tuple[Clause, ...]


@dataclass(frozen=True)
class FileReport:
    """What happened to one input file during a build."""

    path: str
    name: str
    status: str  # "indexed", "unchanged", "updated", "skipped", "removed"
    reason: str = ""
    agreements: int = 0
    clauses: int = 0
    embedded: int = 0


@dataclass(frozen=True)
class BuildReport:
    files: tuple[FileReport, ...] = ()
    seconds: float = 0.0
    rebuilt: bool = False  # the embedding model changed, so the collection was rebuilt

    @property
    def skipped(self) -> tuple[FileReport, ...]:
        return tuple(f for f in self.files if f.status == "skipped")

    @property
    def embedded(self) -> int:
        return sum(f.embedded for f in self.files)

    @property
    def agreements(self) -> int:
        return sum(f.agreements for f in self.files if f.status != "skipped")

    @property
    def clauses(self) -> int:
        return sum(f.clauses for f in self.files if f.status != "skipped")


@dataclass(frozen=True)
class IndexedFile:
    """A file as recorded in the index (what `clauseqa status` lists)."""

    name: str
    path: str
    sha256: str
    kind: str
    clauses: int
    agreements: tuple[Agreement, ...] = field(default_factory=tuple)
    pipeline: str = ""  # fingerprint of the code that segmented it; a new one re-segments
