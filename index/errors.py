"""The ClauseQA exception family: every message says what went wrong and how to fix it."""

from __future__ import annotations


class ClauseQAError(Exception):
    """Base class; the CLI prints `Error: <message>` and exits 1."""


class LoadError(ClauseQAError):
    """A file could not be read as an agreement; `reason` is plain words for a person."""

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class IndexNotFound(ClauseQAError):
    pass


class IndexNotWritable(ClauseQAError):
    pass


class StoreUnavailable(ClauseQAError):
    pass


class ModelNotFound(ClauseQAError):
    pass


class UnknownBackend(ClauseQAError):
    pass


class MissingExtra(ClauseQAError):
    """An optional feature's packages are not installed; the message gives the pip command."""


class EmptyQuestion(ClauseQAError):
    pass


class FileNotIndexed(ClauseQAError):
    pass


class LLMUnavailable(ClauseQAError):
    pass


class FileChanged(ClauseQAError):
    """An indexed file differs on disk from what was indexed: its citations' offsets would shift."""
