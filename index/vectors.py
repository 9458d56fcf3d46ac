"""The vectors an ask reads, stored beside the index, one folder per indexed file version:
each clause's vector and each candidate span's offsets and vector. Read memory-mapped, so an
ask touches only the files it cites and a 400-contract index costs no RAM until used."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.facts import FileFacts
from index.types import Clause

_FILES = ("clauses.npy", "spans.npy", "span_vectors.npy", "span_hashes.npy")


def text_hash(text: str) -> int:
    """A 63-bit fingerprint of an embedded text, so a rebuild reuses the vectors of unchanged spans."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                          "little") >> 1


@dataclass(frozen=True)
class FileVectors:
    """One indexed file version's vectors; rows of `clauses` follow the file's chunk order."""

    clauses: np.ndarray  # (n_clauses, dim) float32, unit length
    spans: np.ndarray  # (n_spans, 4) int32: clause row, start, end (within the clause text), width
    span_vectors: np.ndarray  # (n_spans, dim) float32, unit length
    span_hashes: np.ndarray  # (n_spans,) int64: text_hash of what was embedded
    facts: FileFacts  # one row per clause row

    def clause_spans(self, row: int) -> tuple[np.ndarray, np.ndarray]:
        """(offsets rows (start, end, width), vectors) of one clause's candidate spans, in order."""
        lo, hi = np.searchsorted(self.spans[:, 0], [row, row + 1])
        return self.spans[lo:hi, 1:], self.span_vectors[lo:hi]



class VectorFolder:
    """A folder of FileVectors keyed by (file content hash, pipeline version); written whole to a
    temporary folder and renamed into place, so a crash never leaves half a file's vectors."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self._open: dict[str, FileVectors] = {}

    @staticmethod
    def key(sha256: str, pipeline: str) -> str:
        return f"{sha256[:24]}-{pipeline or 'none'}"

    def write(self, key: str, clauses: np.ndarray, spans: np.ndarray, span_vectors: np.ndarray,
              span_hashes: np.ndarray, facts: FileFacts, records: Sequence[Clause] = ()) -> None:
        """`records`: the file's clauses in row order, kept here too so a snapshot reads them
        without asking Chroma for every document (which costs far more memory than the text)."""
        if (self.root / key).is_dir():
            return  # same content, same pipeline: the same vectors
        self.root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=self.root))
        try:
            for name, array in zip(_FILES, (clauses, spans, span_vectors, span_hashes)):
                np.save(staging / name, array)
            facts.save(staging)
            (staging / "clauses.json").write_text(json.dumps(
                [[c.agreement, c.agreement_label, c.clause_id, c.heading, c.start, c.end, c.content_hash, c.text]
                 for c in records]), encoding="utf-8")
            os.replace(staging, self.root / key)
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
            if not (self.root / key).is_dir():
                raise

    def read(self, key: str) -> FileVectors | None:
        """The file's vectors, memory-mapped; None when this version has none (indexed elsewhere)."""
        if key in self._open:
            return self._open[key]
        folder = self.root / key
        try:
            arrays = [np.load(folder / name, mmap_mode="r") for name in _FILES]
            facts = FileFacts.load(folder)
        except (OSError, ValueError, KeyError, TypeError):  # absent, or written by an older version
            return None
        vectors = FileVectors(*arrays, facts)
        self._open[key] = vectors
        return vectors

    def clauses(self, key: str, file: str) -> list[Clause] | None:
        """The stored clauses of a file version, in row order; None when not stored here."""
        try:
            rows = json.loads((self.root / key / "clauses.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return [Clause(file=file, agreement=a, agreement_label=label, clause_id=cid, heading=heading, start=start,
                       end=end, text=text, content_hash=digest)
                for a, label, cid, heading, start, end, digest, text in rows] or None

    def reusable(self, key: str) -> dict[int, np.ndarray]:
        """Span vectors of a stored version by text hash: what a rebuild need not embed again."""
        try:
            hashes = np.load(self.root / key / "span_hashes.npy")
            vectors = np.load(self.root / key / "span_vectors.npy", mmap_mode="r")
        except (OSError, ValueError):
            return {}
        return dict(zip(hashes.tolist(), vectors))

    def remove(self, keep: Sequence[str]) -> None:
        """Drop every version not in `keep` (an open map stays readable until released)."""
        wanted = set(keep)
        if not self.root.is_dir():
            return
        for folder in self.root.iterdir():
            if folder.name not in wanted:
                self._open.pop(folder.name, None)
                shutil.rmtree(folder, ignore_errors=True)

    def clear(self) -> None:
        self._open.clear()
        shutil.rmtree(self.root, ignore_errors=True)
