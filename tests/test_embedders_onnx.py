"""The @onnx-int8 embedding runtime: local export, cache, agreement with fp32, clear errors."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from index.errors import MissingExtra, UnknownBackend

MODEL = "all-MiniLM-L6-v2"
LEGAL = [
    "This Agreement shall be governed by and construed in accordance with the laws of the State of New York.",
    "Either party may terminate this Agreement upon thirty (30) days' prior written notice to the other party.",
    "The Licensee shall pay the Licensor a royalty of five percent (5%) of Net Sales, payable quarterly.",
    "Neither party shall be liable for any indirect, incidental or consequential damages.",
    "Confidential Information shall not include information that is or becomes publicly available.",
]
INSTALL = "pip install onnx onnxruntime"


@pytest.fixture(scope="module")
def cache() -> Path:
    """The run's model cache (conftest): other tests' indexing may have exported into it already."""
    return Path(os.environ["CLAUSEQA_MODEL_CACHE"])


@pytest.fixture(scope="module")
def int8(cache):
    """One export for the module, into a temp cache, offline, through the factory as users name it."""
    import index.embedders

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HF_HUB_OFFLINE", "1")
        mp.setenv("CLAUSEQA_MODEL_CACHE", str(cache))
        index.embedders._cached_sentence_transformer.cache_clear()
        yield index.embedders.get_embedder(f"{MODEL}@onnx-int8")
    index.embedders._cached_sentence_transformer.cache_clear()


def test_int8_exports_into_the_cache_and_returns_unit_vectors(int8, cache):
    import numpy as np

    assert int8.name == f"{MODEL}@onnx-int8"
    assert int8.dimension == 384
    assert int8.folder.parent == cache
    assert sorted(p.name for p in cache.iterdir()) == [int8.folder.name]  # no temp folders left
    assert sorted(p.name for p in int8.folder.iterdir()) == ["clauseqa-onnx.json", "model_fp32.onnx",
                                                             "model_qint8.onnx", "tokenizer.json"]
    vectors = np.asarray(int8.embed(LEGAL))
    assert vectors.shape == (len(LEGAL), 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert int8.embed([]) == []


def test_int8_agrees_with_fp32(int8):
    """Measured: cosine 0.992-0.995 for these sentences (0.99 mean over CUAD clauses); a broken
    export, tokenizer or pooling gives far less."""
    import numpy as np

    from index.embedders import get_embedder

    fp32 = np.asarray(get_embedder(MODEL).embed(LEGAL))
    got = np.asarray(int8.embed(LEGAL))
    assert (np.sum(fp32 * got, axis=1) > 0.97).all(), np.sum(fp32 * got, axis=1)
    # and it retrieves like fp32: each question's best sentence is the one fp32 picks
    questions = ["Which law governs the agreement?", "How much royalty is owed?", "Can a party end the contract?"]
    assert (np.argmax(np.asarray(int8.embed(questions)) @ got.T, axis=1)
            == np.argmax(np.asarray(get_embedder(MODEL).embed(questions)) @ fp32.T, axis=1)).all()


def test_questions_use_the_fp32_twin_of_a_cached_export(int8, cache, monkeypatch):
    """The export keeps its fp32 graph: the same vectors as the torch model without importing torch."""
    import numpy as np

    import index.embedders
    from index.embedders import OnnxTwinEmbedder, SentenceTransformerEmbedder, get_embedder, get_question_embedder

    monkeypatch.setenv("CLAUSEQA_MODEL_CACHE", str(cache))
    index.embedders._cached_twin.cache_clear()
    twin = get_question_embedder(MODEL)
    assert isinstance(twin, OnnxTwinEmbedder)
    texts = [*LEGAL, "Which law governs the agreement?", "Fees", "word " * 400]  # the last is truncated
    cosines = np.sum(np.asarray(twin.embed(texts)) * np.asarray(get_embedder(MODEL).embed(texts)), axis=1)
    assert (cosines > 0.9999).all(), cosines
    assert get_question_embedder(f"{MODEL}@onnx-int8") is int8  # other runtimes embed questions themselves
    monkeypatch.setenv("CLAUSEQA_MODEL_CACHE", str(cache / "empty"))
    index.embedders._cached_twin.cache_clear()
    assert isinstance(get_question_embedder(MODEL), SentenceTransformerEmbedder)  # nothing cached: torch
    index.embedders._cached_twin.cache_clear()


def test_one_text_gets_the_same_vector_alone_or_in_a_batch(int8):
    import numpy as np

    alone = np.asarray(int8.embed(LEGAL[:1])[0])
    batched = np.asarray(int8.embed(LEGAL)[0])
    assert np.allclose(alone, batched, atol=1e-6)


def test_second_load_reuses_the_cache(int8, cache, monkeypatch):
    import index.onnx_models as onnx_module
    from index.embedders import OnnxInt8Embedder

    model_file = int8.folder / onnx_module.MODEL_FILE
    before = model_file.stat().st_mtime_ns

    def refuse(source, out, loader):
        raise AssertionError("exported again although the cache holds a complete export")

    monkeypatch.setattr(onnx_module, "_export", refuse)
    again = OnnxInt8Embedder(MODEL, cache_dir=cache)
    assert again.folder == int8.folder
    assert model_file.stat().st_mtime_ns == before
    assert again.embed(LEGAL[:2]) == int8.embed(LEGAL[:2])


def test_the_index_records_the_int8_name(int8, sample_dir, tmp_index):
    from index.build import build_index

    report = build_index([next(sample_dir.glob("*.txt"))], tmp_index, int8)
    assert report.embedded > 0
    assert tmp_index.model() == f"{MODEL}@onnx-int8"


def test_a_crash_mid_export_leaves_no_cache_entry(tmp_path, monkeypatch):
    import index.onnx_models as onnx_module

    source = tmp_path / "model"
    source.mkdir()
    (source / "config.json").write_text("{}")

    def crash(source, out, loader):
        (out / onnx_module.MODEL_FILE).write_bytes(b"half a model")
        raise KeyboardInterrupt

    monkeypatch.setattr(onnx_module, "_export", crash)
    root = tmp_path / "cache"
    with pytest.raises(KeyboardInterrupt):
        onnx_module.ensure_export(source, root, loader=lambda path: None)
    assert list(root.iterdir()) == []


def test_cache_folder_precedence(monkeypatch, tmp_path):
    from index.onnx_models import cache_root

    monkeypatch.setenv("CLAUSEQA_MODEL_CACHE", str(tmp_path / "explicit"))
    assert cache_root() == tmp_path / "explicit"
    monkeypatch.delenv("CLAUSEQA_MODEL_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_root() == tmp_path / "xdg" / "clauseqa"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_root() == Path.home() / ".cache" / "clauseqa"


@pytest.mark.parametrize("missing, error", [
    ("onnxruntime", "The @onnx-int8 embedding backend needs onnxruntime (onnxruntime is not installed) — "
                    f"run: {INSTALL}"),
    ("onnx", "The @onnx-int8 embedding backend needs onnxruntime and onnx (onnx is not installed) — "
             f"run: {INSTALL}"),
])
def test_missing_package_names_the_fix(missing, error, monkeypatch, tmp_path):
    """onnxruntime runs the model; onnx is needed only to export it (an empty cache here)."""
    from index.embedders import OnnxInt8Embedder

    monkeypatch.setitem(sys.modules, missing, None)  # makes `import <missing>` raise ImportError
    with pytest.raises(MissingExtra) as raised:
        OnnxInt8Embedder(MODEL, cache_dir=tmp_path)
    assert str(raised.value) == error
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("spec, error", [
    ("all-MiniLM-L6-v2@onnx-int4",
     "Unknown embedding runtime @onnx-int4 in 'all-MiniLM-L6-v2@onnx-int4' — valid: @onnx-int8, or none for fp32 torch"),
    ("all-MiniLM-L6-v2@", "Unknown embedding runtime @ in 'all-MiniLM-L6-v2@' — valid: @onnx-int8, or none for fp32 torch"),
])
def test_unknown_runtime_lists_the_valid_ones(spec, error):
    from index.embedders import get_embedder

    with pytest.raises(UnknownBackend) as raised:
        get_embedder(spec)
    assert str(raised.value) == error


@pytest.mark.parametrize("spec, expected", [
    ("all-MiniLM-L6-v2", ("all-MiniLM-L6-v2", "")),
    ("all-MiniLM-L6-v2@onnx-int8", ("all-MiniLM-L6-v2", "@onnx-int8")),
    ("all-MiniLM-L6-v2@ONNX-INT8", ("all-MiniLM-L6-v2", "@onnx-int8")),
    (os.path.join("models@v2", "mini"), (os.path.join("models@v2", "mini"), "")),  # "@" in a folder name
])
def test_split_runtime(spec, expected):
    from index.embedders import split_runtime

    assert split_runtime(spec) == expected
