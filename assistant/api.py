"""Assistant: the one entry point every face (CLI, UI, eval, Python users) calls."""

from __future__ import annotations

# SKELETON: signatures are the contract the faces build against; bodies land next.
from collections.abc import Callable, Iterator, Sequence

from assistant.types import AgreementInfo, Answer
from index.types import BuildReport, IndexedFile


class Conversation:
    """A multi-turn chat; follow-ups are rewritten into standalone questions."""

    def ask(self, question: str, files: Sequence[str] | None = None,
            agreements: Sequence[str] | None = None) -> Answer: ...

    @property
    def history(self) -> list[Answer]: ...


class Assistant:
    @classmethod
    def open(cls, index_dir: str | None = None, **settings) -> "Assistant":
        """Open an existing index; raises IndexNotFound with the command that builds one."""

    @classmethod
    def from_paths(cls, paths: Sequence[str], index_dir: str | None = None,
                   progress: Callable[[str, int, int], None] | None = None, **settings) -> "Assistant":
        """Build or update the index from files/folders, then open it."""

    def ask(self, question: str, files: Sequence[str] | None = None,
            agreements: Sequence[str] | None = None) -> Answer:
        """files: file names as indexed; agreements: AgreementInfo.key values ("file#n") or labels."""

    def stream(self, question: str, files: Sequence[str] | None = None,
               agreements: Sequence[str] | None = None) -> Iterator[str | Answer]:
        """Yields text pieces of the answer, then the final Answer."""

    def conversation(self) -> Conversation: ...

    def add_paths(self, paths: Sequence[str],
                  progress: Callable[[str, int, int], None] | None = None) -> BuildReport:
        """Index more files (nothing already indexed is lost); per-file errors are in the report."""

    def files(self) -> list[IndexedFile]: ...

    def agreements(self) -> list[AgreementInfo]: ...

    def document_text(self, file: str) -> str:
        """The loader's text of an indexed file (what citation offsets index into)."""
