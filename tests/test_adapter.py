"""The question adapter: its file, its feature columns and its fit."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from assistant.adapter import ADAPTER_FILE, QuestionAdapter
from assistant.evidence import CANDIDATE_FEATURES, set_adapter_columns

COL = {name: i for i, name in enumerate(CANDIDATE_FEATURES)}


def test_the_committed_adapter_is_small_and_fits_the_bundled_model():
    adapter = QuestionAdapter.load()
    assert len(adapter) == 384  # all-MiniLM-L6-v2's vectors
    assert ADAPTER_FILE.stat().st_size < 400_000
    vector = np.ones(384, dtype=np.float32)
    assert np.linalg.norm(adapter.adapt(vector)) == pytest.approx(1.0, abs=1e-5)
    assert adapter.adapt(np.ones(768, dtype=np.float32)) is None  # another model's vector: no adapter


def test_an_adapter_is_stored_as_its_difference_from_identity_and_read_back(tmp_path):
    matrix = np.eye(3, dtype=np.float32) + np.asarray([[0, 0.5, 0], [0, 0, 0], [0.25, 0, 0]], dtype=np.float32)
    QuestionAdapter(matrix).save(tmp_path / "a.npy")
    assert np.array_equal(QuestionAdapter.load(tmp_path / "a.npy").matrix, matrix)
    assert len(QuestionAdapter.load(tmp_path / "missing.npy")) == 0


def test_adapter_columns_are_cosines_with_the_adapted_question_and_their_gaps():
    vectors = np.asarray([[1, 0], [0, 2], [1, 1]], dtype=np.float32)
    features = np.zeros((3, len(CANDIDATE_FEATURES)), dtype=np.float32)
    set_adapter_columns(features, vectors, np.asarray([0.0, 1.0], dtype=np.float32))
    assert features[:, COL["q_adapt_cos"]] == pytest.approx([0.0, 1.0, 2 ** -0.5])
    assert features[:, COL["q_adapt_gap"]] == pytest.approx([1.0, 0.0, 1 - 2 ** -0.5])
    # without an adapter for these vectors the columns repeat the plain cosine's
    features[:, COL["s_cos"]], features[:, COL["s_cos_gap"]] = [0.3, 0.2, 0.1], [0.0, 0.1, 0.2]
    set_adapter_columns(features, vectors, None)
    assert features[:, COL["q_adapt_cos"]] == pytest.approx([0.3, 0.2, 0.1])
    assert features[:, COL["q_adapt_gap"]] == pytest.approx([0.0, 0.1, 0.2])


class _Evidence(SimpleNamespace):
    def __len__(self) -> int:
        return len(self.candidates)


def _questions(seed: int, n: int, turn: np.ndarray) -> list:
    """Questions whose answering sentence is the question turned by `turn`, among 7 random sentences."""
    rng = np.random.RandomState(seed)
    out = []
    for _ in range(n):
        q = rng.normal(size=8).astype(np.float32)
        sentences = rng.normal(size=(8, 8)).astype(np.float32)
        sentences[0] = q @ turn + 0.3 * rng.normal(size=8)
        evidence = _Evidence(vectors=sentences.astype(np.float16), question_vector=q,
                             candidates=tuple(SimpleNamespace(width=1) for _ in range(8)))
        out.append(SimpleNamespace(evidence=evidence, labels=np.eye(8, dtype=np.int8)[0]))
    return out


def test_a_fitted_adapter_learns_how_answers_differ_from_questions_and_fits_the_same_twice():
    from eval.adapter_fit import fit_adapter

    turn = np.linalg.qr(np.random.RandomState(0).normal(size=(8, 8)))[0].astype(np.float32)  # a rotation
    fit = fit_adapter(_questions(1, 400, turn), epochs=20)
    held_out = _questions(2, 200, turn)

    def first_right(adapt) -> float:
        return float(np.mean([np.argmax(q.evidence.vectors.astype(np.float32) @ adapt(q.evidence.question_vector)) == 0
                              for q in held_out]))

    plain, adapted = first_right(lambda v: v), first_right(fit.adapt)
    assert plain < 0.2 and adapted > 0.8
    assert np.array_equal(fit.matrix, fit_adapter(_questions(1, 400, turn), epochs=20).matrix)


def test_fitted_models_read_only_vectors_of_the_model_they_were_fitted_on(tmp_path):
    """Another model's vectors may have the same size and mean something else: the prototypes, the
    adapter and the question prior then stand aside (the prior at its base rate)."""
    from assistant.ranker import EvidenceModel, QuestionPrior

    model = EvidenceModel(prior=QuestionPrior((0.1,) * 384, 0.0, 0.3), embedding_model="all-MiniLM-L6-v2")
    assert model.fitted_for("all-MiniLM-L6-v2@onnx-int8") and model.fitted_for("/models/all-MiniLM-L6-v2/")
    assert model.fitted_for(None)  # an empty index: nothing to read yet
    assert not model.fitted_for("hashing") and not model.fitted_for("paraphrase-MiniLM-L3-v2")
    assert model.without_question_prior().prior.probability(np.ones(384, dtype=np.float32)) == 0.3
    assert model.prior.probability(np.ones(384, dtype=np.float32)) != 0.3

    from assistant import Assistant

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "nda.txt").write_text("MUTUAL NON-DISCLOSURE AGREEMENT\n\n1. Governing Law. This Agreement is governed by "
                                    "the laws of Delaware.\n", encoding="utf-8")
    qa = Assistant.from_paths([str(folder)], index_dir=str(tmp_path / "idx"), model="hashing")  # 384 long too
    assert len(qa.adapter) == 0 and len(qa.prototypes) == 0 and qa.evidence_model.prior.weights == ()
    assert qa.evidence_model.embedding_model == "all-MiniLM-L6-v2"
