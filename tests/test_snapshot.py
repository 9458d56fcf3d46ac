"""What an ask reads is computed at index time and read from one snapshot: stored span vectors,
clause facts, an ask that never waits for an upload, and stale vectors pruned."""

from __future__ import annotations

import shutil
import threading

import numpy as np
import pytest

from assistant.api import Assistant
from assistant.settings import Settings
from index.build import build_index
from index.embedders import get_embedder
from index.spans import candidate_spans, embedded_spans
from index.store import ChromaStore

NDA = ("MUTUAL NONDISCLOSURE AGREEMENT\n\nThis Agreement is made between Acme Robotics, Inc. and Birch Analytics LLC.\n\n"
       "1. Confidential Information. Each party shall keep the other's Confidential Information secret.\n\n"
       "2. Term. This Agreement continues for three (3) years from the Effective Date.\n\n"
       "3. Governing Law. This Agreement is governed by the laws of the State of Delaware.\n")
LEASE = ("EQUIPMENT LEASE\n\nThis Lease is made between Cobalt Leasing Ltd and Dune Farms LLC.\n\n"
         "1. Rent. Lessee shall pay rent of $2,000 per month.\n\n"
         "2. Governing Law. This Lease is governed by the laws of the State of Oregon.\n")


class CountingEmbedder:
    """The hashing embedder, counting every text it is asked to embed; `gate` can hold a call."""

    def __init__(self):
        self.inner = get_embedder("hashing")
        self.name, self.dimension = self.inner.name, self.inner.dimension
        self.texts: list[str] = []
        self.gate: threading.Event | None = None
        self.entered = threading.Event()

    def embed(self, texts):
        self.texts.extend(texts)
        if self.gate is not None and threading.current_thread() is not threading.main_thread():
            self.entered.set()
            assert self.gate.wait(30), "the test never opened the gate"
        return self.inner.embed(texts)


@pytest.fixture
def folder(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "nda.txt").write_text(NDA)
    return docs


def _assistant(tmp_path, embedder) -> Assistant:
    return Assistant(Settings(index_dir=str(tmp_path / "index")), embedder=embedder)


def test_index_stores_every_candidate_span_with_the_vector_of_its_text(folder, tmp_path):
    embedder = CountingEmbedder()
    store = ChromaStore(tmp_path / "index")
    build_index([folder], store, embedder)
    record = store.files()["nda.txt"]
    stored = store.file_vectors(record)
    clauses = sorted(store.all_clauses(), key=lambda ic: int(ic[0].rsplit(":", 1)[1]))
    assert stored is not None and stored.clauses.shape == (len(clauses), embedder.dimension)
    for row, (_, clause) in enumerate(clauses):
        offsets, vectors = stored.clause_spans(row)
        assert [tuple(o) for o in offsets.tolist()] == [tuple(s) for s in candidate_spans(clause.text)]
        texts = [text for *_, text in embedded_spans(clause.text)]
        np.testing.assert_allclose(vectors, np.asarray(embedder.inner.embed(texts)), atol=1e-6)
    law = next(c for _, c in clauses if "Delaware" in c.text)
    assert stored.facts.titles[[c for _, c in clauses].index(law)] == ("govern", "law")


def test_an_ask_embeds_only_the_question(folder, tmp_path):
    embedder = CountingEmbedder()
    qa = _assistant(tmp_path, embedder)
    qa.add_paths([str(folder)])
    embedder.texts.clear()
    answer = qa.ask("What is the term of the agreement?")
    assert embedder.texts == ["What is the term of the agreement?"]
    assert answer.citations[0].quote == "This Agreement continues for three (3) years from the Effective Date."
    # its governing law is the catalog's, read at indexing: nothing is embedded to answer it
    embedder.texts.clear()
    answer = qa.ask("Which law governs the agreement?")
    assert embedder.texts == []
    assert answer.citations[0].quote == "This Agreement is governed by the laws of the State of Delaware."


def test_a_file_without_stored_vectors_is_still_answered(folder, tmp_path):
    """An index written by an older version (or another client of a server) has no span vectors:
    the ask embeds its candidates itself and gives the same answer."""
    embedder = CountingEmbedder()
    qa = _assistant(tmp_path, embedder)
    qa.add_paths([str(folder)])
    expected = qa.ask("How long does the agreement continue?")
    shutil.rmtree(tmp_path / "index" / "vectors")
    reopened = _assistant(tmp_path, embedder)
    embedder.texts.clear()
    answer = reopened.ask("How long does the agreement continue?")
    assert len(embedder.texts) > 1  # the question and the candidate sentences
    assert [(c.clause, c.start, c.end) for c in answer.citations] == \
        [(c.clause, c.start, c.end) for c in expected.citations]


def test_an_ask_during_an_upload_answers_from_the_index_before_it(folder, tmp_path):
    embedder = CountingEmbedder()
    qa = _assistant(tmp_path, embedder)
    qa.add_paths([str(folder)])
    before = qa.ask("Which law governs?")
    upload = tmp_path / "upload"
    upload.mkdir()
    (upload / "lease.txt").write_text(LEASE)
    embedder.gate = threading.Event()
    uploader = threading.Thread(target=qa.add_paths, args=([str(upload)],))
    uploader.start()
    try:
        assert embedder.entered.wait(30)  # the upload is inside the model, holding the gate
        during = qa.ask("Which law governs?")  # would deadlock if asks waited for the upload
        assert [f.name for f in qa.files()] == ["nda.txt"]
    finally:
        embedder.gate.set()
        uploader.join(30)
    assert [(c.file, c.quote) for c in during.citations] == [(c.file, c.quote) for c in before.citations]
    after = qa.ask("Which law governs the lease?")
    assert sorted(f.name for f in qa.files()) == ["lease.txt", "nda.txt"]
    assert after.citations[0].quote == "This Lease is governed by the laws of the State of Oregon."


def test_an_edited_file_reuses_the_vectors_of_unchanged_sentences_and_drops_the_old_version(folder, tmp_path):
    embedder = CountingEmbedder()
    store = ChromaStore(tmp_path / "index")
    build_index([folder], store, embedder)
    first = store.files()["nda.txt"]
    (folder / "nda.txt").write_text(NDA.replace("three (3) years", "five (5) years"))
    embedder.texts.clear()
    build_index([folder], store, embedder)
    second = store.files()["nda.txt"]
    # the edited clause and its new sentences are embedded; every other vector is reused
    assert embedder.texts and all("five (5) years" in t for t in embedder.texts)
    assert "This Agreement continues for five (5) years from the Effective Date." in embedder.texts
    assert store.file_vectors(second) is not None
    assert store.file_vectors(first) is None  # the old version's vectors are gone
    assert sorted(p.name for p in (tmp_path / "index" / "vectors").iterdir()) == \
        [f"{second.sha256[:24]}-{second.pipeline}"]


def test_removing_a_file_removes_its_vectors(folder, tmp_path):
    store = ChromaStore(tmp_path / "index")
    embedder = CountingEmbedder()
    build_index([folder], store, embedder)
    (folder / "nda.txt").unlink()
    build_index([folder], store, embedder)
    assert store.files() == {}
    assert list((tmp_path / "index" / "vectors").iterdir()) == []


def test_lexical_and_dense_search_stay_inside_the_scope(folder, tmp_path):
    (folder / "lease.txt").write_text(LEASE)
    qa = _assistant(tmp_path, CountingEmbedder())
    qa.add_paths([str(folder)])
    hits = qa.retrieve("governed by the laws of the State", k=10, files=["lease.txt"])
    assert hits and {h.clause.file for h in hits} == {"lease.txt"}
    assert hits[0].clause.text.startswith("2. Governing Law.")


def test_distinct_search_counts_copies_of_one_clause_once(folder, tmp_path):
    """Three agreements made from one form: their identical governing-law clauses would take every
    place; asked for one answer, the copies count once and the lease's clause gets in."""
    for n in (2, 3):
        (folder / f"nda{n}.txt").write_text(NDA.replace("Birch Analytics LLC", f"Birch {n} LLC"))
    (folder / "lease.txt").write_text(LEASE)
    qa = _assistant(tmp_path, CountingEmbedder())
    qa.add_paths([str(folder)])
    snapshot = qa.snapshot
    question = "Which law governs this agreement?"
    query = qa._analyse(snapshot, question, qa._scope(snapshot, question, None, None))
    every = [(h.clause.file, h.clause.clause_id) for h in snapshot.retriever.search(query, 4)]
    assert sorted(every) == [("lease.txt", "2"), ("nda.txt", "3"), ("nda2.txt", "3"), ("nda3.txt", "3")]
    hits = snapshot.retriever.search(query, 4, distinct=True)
    distinct = [(h.clause.file, h.clause.clause_id) for h in hits]
    assert ("lease.txt", "2") in distinct and sum(c == "3" for _, c in distinct) == 1  # one copy of the NDAs' clause
    assert len({" ".join(h.clause.text.split()) for h in hits}) == 4


def test_a_snapshot_reads_clauses_from_the_vectors_folder_not_from_every_chroma_document(folder, tmp_path,
                                                                                         monkeypatch):
    """Chroma's get of every document costs ~20 KB of memory per clause; the stored clauses don't."""
    from assistant.snapshot import take_snapshot

    qa = _assistant(tmp_path, CountingEmbedder())
    qa.add_paths([str(folder)])
    expected = sorted(qa.retriever.clauses.items())
    store = ChromaStore(tmp_path / "index", create=False)
    monkeypatch.setattr(store, "all_clauses", lambda *a, **k: pytest.fail("read every document from Chroma"))
    snapshot = take_snapshot(store)
    assert sorted(snapshot.retriever.clauses.items()) == expected


def _unit(vector) -> np.ndarray:
    v = np.asarray(vector, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_answer_like_chunks_are_those_whose_best_sentence_reads_like_the_answer(folder, tmp_path):
    from assistant.query import analyse
    from assistant.scope import Scope

    (folder / "lease.txt").write_text(LEASE)
    embedder = CountingEmbedder()
    qa = _assistant(tmp_path, embedder)
    qa.add_paths([str(folder)])
    retriever = qa.retriever
    query = analyse("which courts?", Scope(), embedder.embed)  # no word of the answer
    answer = _unit(embedder.embed(["This Lease is governed by the laws of the State of Oregon."])[0])
    hits = retriever.answer_like(query, answer, None, ["lease.txt"], 2)
    assert [h.clause.clause_id for h in hits] == ["2", "preamble"]  # governing law, then "This Lease is made ..."
    assert all(h.clause.file == "lease.txt" for h in hits)
    # the best sentence, not the clause's average: the NDA's clause 3 in a scope of both files
    both = retriever.answer_like(query, answer, None, None, 3)
    assert [(h.clause.file, h.clause.clause_id) for h in both][:2] == [("lease.txt", "2"), ("nda.txt", "3")]
    # hits already retrieved are skipped, and a scope too large for a sentence-by-sentence search gets none
    skipped = retriever.answer_like(query, answer, None, ["lease.txt"], 1, skip={hits[0].chunk_id})
    assert [h.clause.clause_id for h in skipped] == [hits[1].clause.clause_id]
    assert retriever.answer_like(query, answer, None, ["lease.txt"], 0) == []


def test_an_ask_adds_answer_like_chunks_only_for_a_question_like_a_fitted_one(folder, tmp_path):
    from assistant.prototypes import AnswerPrototypes

    (folder / "lease.txt").write_text(LEASE)
    embedder = CountingEmbedder()
    qa = Assistant(Settings(index_dir=str(tmp_path / "index"), top_k=1), embedder=embedder)
    qa.add_paths([str(folder)])
    question = "Where is rent paid?"
    asked = _unit(embedder.embed([question])[0])
    law = _unit(embedder.embed(["This Lease is governed by the laws of the State of Oregon."])[0])
    qa.prototypes = AnswerPrototypes(asked[None, :], np.asarray([0]), law[None, :], ("Governing Law",))
    hits = qa.retrieve(question, k=10, files=["lease.txt"])
    assert [h.clause.clause_id for h in hits] == ["1", "2", "preamble"]  # retrieval's one hit, then answer-like ones
    assert hits[1].score == 0.0 and hits[1].clause.text.startswith("2. Governing Law.")
    qa.answer_like_hits = 0  # as the ranker is fitted
    assert [h.clause.clause_id for h in qa.retrieve(question, k=10, files=["lease.txt"])] == ["1"]
    qa.answer_like_hits = 3
    unlike = -asked  # a question unlike any fitted: no answer-like chunks
    qa.prototypes = AnswerPrototypes(unlike[None, :], np.asarray([0]), law[None, :], ("Governing Law",))
    assert [h.clause.clause_id for h in qa.retrieve(question, k=10, files=["lease.txt"])] == ["1"]
