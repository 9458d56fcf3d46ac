"""Chroma adapter: an embedded folder or a server, chunks per file, the model recorded."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from index import catalog
from index.catalog import CatalogEntry
from index.errors import ClauseQAError, IndexNotFound, IndexNotWritable, StoreUnavailable
from index.types import Agreement, Clause, IndexedFile
from index.vectors import FileVectors, VectorFolder

CHUNKS = "clauseqa_clauses"
FILES = "clauseqa_files"
_BATCH = 1000  # below Chroma's max batch size on every backend


def _reachable(method):
    """A server that stops mid-session surfaces as StoreUnavailable, not a transport traceback."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except ClauseQAError:
            raise
        except Exception as exc:
            if self.host and _is_connection_error(exc):
                raise StoreUnavailable(f"Lost the Chroma server at {self.location} — is it still running? "
                                       f"Start it with: chroma run --path DIR --host {self.host} "
                                       f"--port {self.port or 8000}") from exc
            raise

    return wrapper


def _is_connection_error(exc: BaseException) -> bool:
    while exc is not None:
        if isinstance(exc, (ConnectionError, OSError)) or "Connect" in type(exc).__name__ \
                or "connect" in str(exc).lower():
            return True
        exc = exc.__cause__ or exc.__context__
    return False


class ChromaStore:
    """All Chroma calls live here; nothing outside sees a Chroma type."""

    def __init__(self, index_dir: str | Path | None = None, host: str | None = None,
                 port: int | None = None, create: bool = True):
        self.index_dir = Path(index_dir) if index_dir else None
        self.host, self.port = host, port
        self.location = f"http://{host}:{port or 8000}" if host else str(self.index_dir)
        self._client = _connect(self.index_dir, host, port, create)
        self._chunks = None
        # what an ask reads per clause and sentence lives beside the index (for a server: beside
        # this client's index folder, keyed by server); without it asks embed candidates themselves
        home = self.index_dir or Path(".clauseqa")
        self.vectors = VectorFolder(home / ("vectors" if not host else f"vectors-{host}-{port or 8000}"))

    # -- collections ---------------------------------------------------------------------

    def _files(self):
        return self._client.get_or_create_collection(FILES)

    def chunks(self):
        if self._chunks is None:
            self._chunks = self._client.get_or_create_collection(CHUNKS, configuration={"hnsw": {"space": "cosine"}})
        return self._chunks

    @_reachable
    def model(self) -> str | None:
        """The embedding model the stored vectors came from (None for an empty index)."""
        meta = self.chunks().metadata or {}
        return meta.get("embedding_model")

    @_reachable
    def set_model(self, name: str, dimension: int) -> None:
        self.chunks().modify(metadata={"embedding_model": name, "dimension": dimension})

    @_reachable
    def reset(self) -> None:
        """Drop everything: used when the embedding model changes, so vectors never mix."""
        for name in (CHUNKS, FILES):
            try:
                self._client.delete_collection(name)
            except Exception:  # noqa: BLE001 - absent collection; Chroma raises varied types
                pass
        self._chunks = None
        self.vectors.clear()

    # -- files ---------------------------------------------------------------------------

    @_reachable
    def files(self) -> dict[str, IndexedFile]:
        got = self._files().get(include=["metadatas"])
        out = {}
        for meta in got["metadatas"] or []:
            agreements = tuple(Agreement(**{**a, "parties": tuple(a.get("parties", ()))})
                               for a in json.loads(meta["agreements"]))
            out[meta["name"]] = IndexedFile(name=meta["name"], path=meta["path"], sha256=meta["sha256"],
                                            kind=meta["kind"], clauses=int(meta["clauses"]), agreements=agreements,
                                            pipeline=meta.get("pipeline", ""))
        return out

    @_reachable
    def file_embeddings(self, name: str) -> dict[str, list[float]]:
        """Existing vectors of a file keyed by embed-text hash, so unchanged clauses are reused."""
        got = self.chunks().get(where={"file": name}, include=["metadatas", "embeddings"])
        embeddings = got["embeddings"] if got["embeddings"] is not None else []
        return {m["embed_hash"]: list(e) for m, e in zip(got["metadatas"], embeddings)}

    def file_vectors(self, record: IndexedFile) -> FileVectors | None:
        """The clause and span vectors stored for this version of the file, memory-mapped."""
        return self.vectors.read(VectorFolder.key(record.sha256, record.pipeline))

    def stored_clauses(self, record: IndexedFile) -> list[tuple[str, Clause]] | None:
        """(chunk id, clause) of a file from the vectors folder, None when it keeps none there."""
        clauses = self.vectors.clauses(VectorFolder.key(record.sha256, record.pipeline), record.name)
        if clauses is None or len(clauses) != record.clauses:
            return None
        prefix = record.sha256[:12]
        return [(f"{prefix}:{i:05d}", c) for i, c in enumerate(clauses)]

    def catalog(self, record: IndexedFile) -> tuple[CatalogEntry, ...] | None:
        """The catalog entries stored for this version of the file; None when absent or written by
        other catalog rules (index.catalog.version)."""
        return catalog.load(self._version_folder(record))

    def has_catalog(self, record: IndexedFile) -> bool:
        """Whether current catalog entries are stored for this version of the file (one stat)."""
        return catalog.catalog_file(self._version_folder(record)).is_file()

    def write_catalog(self, record: IndexedFile, entries: Sequence[CatalogEntry]) -> bool:
        """Keep a file version's catalog entries beside its vectors; False when this index keeps no
        vectors folder for it (then the catalog is read from its clauses when asked for)."""
        folder = self._version_folder(record)
        if not folder.is_dir():
            return False
        catalog.save(folder, entries)
        return True

    def _version_folder(self, record: IndexedFile) -> Path:
        """The vectors folder of this version of the file (it may not exist)."""
        return self.vectors.root / VectorFolder.key(record.sha256, record.pipeline)

    def reusable_spans(self, record: IndexedFile) -> dict:
        """Span vectors of the stored version of a file, by text hash."""
        return self.vectors.reusable(VectorFolder.key(record.sha256, record.pipeline))

    def prune_vectors(self, records: Sequence[IndexedFile]) -> None:
        """Drop the vectors of file versions no longer indexed."""
        self.vectors.remove([VectorFolder.key(r.sha256, r.pipeline) for r in records])

    @_reachable
    def replace_file(self, record: IndexedFile, clauses: Sequence[Clause], embed_hashes: Sequence[str],
                     embeddings: Sequence[Sequence[float]], spans=None) -> None:
        """Write the new chunks first, then drop the old ones: a crash never loses a file.
        `spans`: (offsets (n, 4), vectors, text hashes) of the clauses' candidate spans."""
        if spans is not None:
            import numpy as np

            self.vectors.write(VectorFolder.key(record.sha256, record.pipeline),
                               np.asarray(embeddings, dtype=np.float32), *spans, records=clauses)
        old_ids = self.chunks().get(where={"file": record.name}, include=[])["ids"]
        prefix = record.sha256[:12]
        ids = [f"{prefix}:{i:05d}" for i in range(len(clauses))]
        metadatas = [_clause_metadata(c, record, h) for c, h in zip(clauses, embed_hashes)]
        for i in range(0, len(ids), _BATCH):
            self.chunks().upsert(ids=ids[i:i + _BATCH], embeddings=[list(e) for e in embeddings[i:i + _BATCH]],
                                 documents=[c.text for c in clauses[i:i + _BATCH]], metadatas=metadatas[i:i + _BATCH])
        stale = sorted(set(old_ids) - set(ids))
        for i in range(0, len(stale), _BATCH):
            self.chunks().delete(ids=stale[i:i + _BATCH])
        self._files().upsert(ids=[record.name], embeddings=[[1.0]], metadatas=[_file_metadata(record)])

    @_reachable
    def remove_file(self, name: str) -> None:
        ids = self.chunks().get(where={"file": name}, include=[])["ids"]
        for i in range(0, len(ids), _BATCH):
            self.chunks().delete(ids=ids[i:i + _BATCH])
        self._files().delete(ids=[name])

    # -- reading -------------------------------------------------------------------------

    @_reachable
    def all_clauses(self, files: Sequence[str] | None = None) -> list[tuple[str, Clause]]:
        """(chunk id, clause) of every chunk, or of the chunks of the given files, read in pages."""
        out = []
        if files is not None:
            for i in range(0, len(files), 50):
                names = list(files[i:i + 50])
                where = {"file": names[0]} if len(names) == 1 else {"file": {"$in": names}}
                got = self.chunks().get(where=where, include=["documents", "metadatas"])
                out += [(i, _clause_from(d, m)) for i, d, m in zip(got["ids"], got["documents"], got["metadatas"])]
            return out
        total = self.chunks().count()
        for offset in range(0, total, 5000):  # pages bound the peak memory of a large index
            got = self.chunks().get(include=["documents", "metadatas"], limit=5000, offset=offset)
            out += [(i, _clause_from(d, m)) for i, d, m in zip(got["ids"], got["documents"], got["metadatas"])]
        return out

    @_reachable
    def query(self, embedding: Sequence[float], k: int, files: Sequence[str] | None = None,
              agreements: Sequence[tuple[str, int]] | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the k nearest chunks, optionally within files or
        within agreements given as (file, agreement number)."""
        count = self.chunks().count()
        if count == 0:
            return []
        where = None
        if agreements:
            each = [{"$and": [{"file": f}, {"agreement": n}]} for f, n in agreements]
            where = each[0] if len(each) == 1 else {"$or": each}
        elif files:
            where = {"file": files[0]} if len(files) == 1 else {"file": {"$in": list(files)}}
        got = self.chunks().query(query_embeddings=[list(embedding)], n_results=min(k, count), where=where,
                                  include=["distances"])
        return [(i, 1.0 - d) for i, d in zip(got["ids"][0], got["distances"][0])]

    @_reachable
    def embeddings(self, ids: Sequence[str]) -> dict[str, list[float]]:
        """Stored vectors by chunk id: a hit found only lexically needs no fresh embedding."""
        if not ids:
            return {}
        got = self.chunks().get(ids=list(ids), include=["embeddings"])
        vectors = got["embeddings"] if got["embeddings"] is not None else []
        return {i: list(v) for i, v in zip(got["ids"], vectors)}

    @_reachable
    def count(self) -> int:
        return self.chunks().count()


def _connect(index_dir: Path | None, host: str | None, port: int | None, create: bool):
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    import chromadb
    from chromadb.config import Settings

    settings = Settings(anonymized_telemetry=False)
    if host:
        try:
            return chromadb.HttpClient(host=host, port=int(port or 8000), settings=settings)
        except Exception as exc:  # noqa: BLE001 - connection errors come in many types
            raise StoreUnavailable(
                f"Cannot reach the Chroma server at http://{host}:{port or 8000} — start it with: "
                f"chroma run --path DIR --host {host} --port {port or 8000}"
            ) from exc
    if index_dir is None:
        raise IndexNotFound("No index folder given — pass --index DIR or set CLAUSEQA_INDEX")
    if not create and not (index_dir / "chroma.sqlite3").exists():
        raise IndexNotFound(f"No index at {index_dir} — run: clauseqa index data/agreements --index {index_dir}")
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        probe = index_dir / ".write-test"
        probe.write_text("ok")
        probe.unlink()
    except OSError as exc:
        raise IndexNotWritable(f"Index folder {index_dir} is not writable ({exc.strerror}) — "
                               "choose another with --index DIR or fix its permissions") from exc
    return chromadb.PersistentClient(path=str(index_dir), settings=settings)


def _clause_metadata(clause: Clause, record: IndexedFile, embed_hash: str) -> dict:
    return {
        "file": clause.file, "path": record.path, "file_sha": record.sha256, "agreement": clause.agreement,
        "agreement_label": clause.agreement_label, "clause_id": clause.clause_id, "heading": clause.heading,
        "start": clause.start, "end": clause.end, "content_hash": clause.content_hash, "embed_hash": embed_hash,
    }


def _clause_from(document: str, meta: dict) -> Clause:
    return Clause(file=meta["file"], agreement=int(meta["agreement"]), agreement_label=meta["agreement_label"],
                  clause_id=meta["clause_id"], heading=meta["heading"], start=int(meta["start"]),
                  end=int(meta["end"]), text=document, content_hash=meta["content_hash"])


def _file_metadata(record: IndexedFile) -> dict:
    return {"name": record.name, "path": record.path, "sha256": record.sha256, "kind": record.kind,
            "clauses": record.clauses, "agreements": json.dumps([asdict(a) for a in record.agreements]),
            "pipeline": record.pipeline}
