"""Tests for index/build.py and index/store.py: incremental re-index, model change, bad input, bad stores."""

from __future__ import annotations

import io
import os
import random
import shutil
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from index.build import build_index
from index.embedders import get_embedder
from index.errors import IndexNotWritable, StoreUnavailable
from index.loaders import load_document
from index.segment import segment
from index.store import ChromaStore

from tests.samples import F000, F001, F002, F003, F004, SAMPLE_FILES
AGREEMENTS = {F000: 1, F001: 1, F002: 5, F003: 7, F004: 1}


@pytest.fixture
def corpus(tmp_path: Path, sample_dir: Path) -> Path:
    """A private copy of data/agreements that a test may edit or delete from."""
    target = tmp_path / "agreements"
    shutil.copytree(sample_dir, target)
    return target


def clause_counts(folder: Path) -> dict[str, int]:
    """What segment() makes of each file: the clause count the index must hold."""
    return {name: len(segment(load_document(folder / name)).clauses) for name in SAMPLE_FILES}


def chunk_ids_by_file(store: ChromaStore) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for chunk_id, clause in store.all_clauses():
        out.setdefault(clause.file, set()).add(chunk_id)
    return out


def by_name(report) -> dict[str, object]:
    return {f.name: f for f in report.files}


# --- incremental re-index -----------------------------------------------------------------


def test_first_run_indexes_and_embeds_every_clause(corpus, tmp_index, hashing_embedder):
    expected = clause_counts(corpus)
    report = build_index([corpus], tmp_index, hashing_embedder)
    files = by_name(report)
    assert sorted(files) == list(SAMPLE_FILES)  # README.md of the corpus folder is not an agreement
    for name in SAMPLE_FILES:
        f = files[name]
        assert (f.status, f.reason, f.agreements, f.clauses, f.embedded) == \
            ("indexed", "", AGREEMENTS[name], expected[name], expected[name])
        assert f.path == str(corpus / name)
    assert report.agreements == 15
    assert report.embedded == report.clauses == sum(expected.values()) == tmp_index.count()
    assert report.rebuilt is False
    assert tmp_index.model() == "hashing-384"
    assert sorted(tmp_index.files()) == list(SAMPLE_FILES)
    assert {n: len(f.agreements) for n, f in tmp_index.files().items()} == AGREEMENTS


def test_stored_clauses_round_trip_with_offsets(corpus, tmp_index, hashing_embedder):
    build_index([corpus], tmp_index, hashing_embedder)
    text = (corpus / F000).read_text(encoding="utf-8")
    stored = {c.clause_id: c for _, c in tmp_index.all_clauses() if c.file == F000}
    seven = stored["7"]
    assert (seven.start, seven.end, seven.agreement, seven.agreement_label) == (2889, 3286, 1, "Xin Wang")
    assert text[seven.start:seven.end] == seven.text
    assert seven.text.startswith("7. This is the entire agreement")
    for c in stored.values():
        assert text[c.start:c.end] == c.text


def test_second_run_embeds_nothing_and_keeps_every_chunk_id(corpus, tmp_index, hashing_embedder):
    build_index([corpus], tmp_index, hashing_embedder)
    before = chunk_ids_by_file(tmp_index)
    count = tmp_index.count()
    report = build_index([corpus], tmp_index, hashing_embedder)
    assert [(f.name, f.status, f.embedded) for f in report.files] == [(n, "unchanged", 0) for n in SAMPLE_FILES]
    assert report.embedded == 0
    assert report.agreements == 15
    assert tmp_index.count() == count
    assert chunk_ids_by_file(tmp_index) == before


def test_new_segmenting_code_resegments_and_reuses_every_unchanged_vector(corpus, tmp_index, hashing_embedder,
                                                                          monkeypatch):
    import index.build

    build_index([corpus], tmp_index, hashing_embedder)
    count = tmp_index.count()
    monkeypatch.setattr(index.build, "pipeline_version", lambda: "a-newer-segmenter")
    report = build_index([corpus], tmp_index, hashing_embedder)
    assert [(f.name, f.status, f.embedded) for f in report.files] == [(n, "updated", 0) for n in SAMPLE_FILES]
    assert tmp_index.count() == count
    assert {f.pipeline for f in tmp_index.files().values()} == {"a-newer-segmenter"}
    again = build_index([corpus], tmp_index, hashing_embedder)
    assert {f.status for f in again.files} == {"unchanged"}


def test_editing_one_clause_reembeds_only_that_clause(corpus, tmp_index, hashing_embedder):
    build_index([corpus], tmp_index, hashing_embedder)
    before = chunk_ids_by_file(tmp_index)
    count = tmp_index.count()
    path = corpus / F000
    text = path.read_text(encoding="utf-8")
    assert text.count("modified only in writing") == 1
    path.write_text(text.replace("modified only in writing", "amended only in writing"), encoding="utf-8")

    report = build_index([corpus], tmp_index, hashing_embedder)
    statuses = {f.name: (f.status, f.embedded) for f in report.files}
    assert statuses == {F000: ("updated", 1), F001: ("unchanged", 0), F002: ("unchanged", 0),
                        F003: ("unchanged", 0), F004: ("unchanged", 0)}
    assert report.embedded == 1
    assert tmp_index.count() == count
    after = chunk_ids_by_file(tmp_index)
    for name in (F001, F002, F003, F004):
        assert after[name] == before[name], name
    assert len(after[F000]) == len(before[F000])
    assert after[F000].isdisjoint(before[F000])  # ids carry the file's new hash: no stale chunk survives
    stored = {c.clause_id: c for _, c in tmp_index.all_clauses() if c.file == F000}
    assert stored["7"].text.startswith("7. This is the entire agreement between you and the publisher, "
                                       "and it may be amended only in writing.")
    assert stored["8"].start == 3289 - 1  # "amended" is one letter shorter than "modified"


def test_deleting_a_file_removes_its_chunks(corpus, tmp_index, hashing_embedder):
    build_index([corpus], tmp_index, hashing_embedder)
    count = tmp_index.count()
    gone = len(chunk_ids_by_file(tmp_index)[F004])
    assert gone == clause_counts(corpus)[F004]
    (corpus / F004).unlink()

    report = build_index([corpus], tmp_index, hashing_embedder)
    removed = [f for f in report.files if f.status == "removed"]
    assert [(f.name, f.path, f.reason) for f in removed] == [(F004, str((corpus / F004).resolve()), "file no longer exists")]
    assert [f.status for f in report.files if f.name != F004] == ["unchanged"] * 4
    assert report.agreements == 14
    assert tmp_index.count() == count - gone
    assert F004 not in chunk_ids_by_file(tmp_index)
    assert F004 not in tmp_index.files()


def test_a_missing_file_outside_the_given_folders_is_kept(corpus, tmp_path, tmp_index, hashing_embedder):
    # indexing another folder must not drop files that were indexed from elsewhere
    build_index([corpus / F000], tmp_index, hashing_embedder)
    count = tmp_index.count()
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(corpus / F004, other / F004)
    (corpus / F000).unlink()
    report = build_index([other], tmp_index, hashing_embedder)
    assert [(f.name, f.status) for f in report.files] == [(F004, "indexed")]
    assert F000 in tmp_index.files()
    assert tmp_index.count() == count + clause_counts_of(other / F004)


def clause_counts_of(path: Path) -> int:
    return len(segment(load_document(path)).clauses)


def test_model_change_rebuilds_cleanly(corpus, tmp_index):
    first = build_index([corpus], tmp_index, get_embedder("hashing-384"))
    count = tmp_index.count()
    assert tmp_index.model() == "hashing-384"
    assert first.rebuilt is False

    report = build_index([corpus], tmp_index, get_embedder("hashing-256"))
    assert report.rebuilt is True
    assert tmp_index.model() == "hashing-256"
    assert tmp_index.count() == count
    assert [(f.name, f.status) for f in report.files] == [(n, "indexed") for n in SAMPLE_FILES]
    assert report.embedded == count
    # the stored vectors are the new model's: a 256-d query finds clause 7 of a Massachusetts agreement
    query = get_embedder("hashing-256").embed_query(
        "entire agreement with the publisher, modified only in writing, Commonwealth of Massachusetts, "
        "heirs, successors in interest")
    clauses = dict(tmp_index.all_clauses())
    top = [clauses[i] for i, _ in tmp_index.query(query, 3)]
    assert {(c.file, c.clause_id) for c in top} == {(F000, "7"), (F001, "7"), (F004, "7")}


def test_model_change_with_only_a_file_named(corpus, tmp_index):
    # the rebuild re-reads every file that was indexed before, not only the one passed this time
    build_index([corpus], tmp_index, get_embedder("hashing-384"))
    count = tmp_index.count()
    report = build_index([corpus / F000], tmp_index, get_embedder("hashing-256"))
    assert report.rebuilt is True
    assert sorted(f.name for f in report.files if f.status == "indexed") == list(SAMPLE_FILES)
    assert tmp_index.count() == count


# --- bad input ----------------------------------------------------------------------------


def blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(72, 72)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(72, 72)
    writer.encrypt(user_password="s3cret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


BAD_INPUTS = [
    ("empty.txt", lambda: b"", "empty file"),
    ("whitespace.txt", lambda: b" \n\t\n", "empty file"),
    ("junk.txt", lambda: random.Random(7).randbytes(4096), "binary data, not text (is it really a .txt file?)"),
    ("corrupt.pdf", lambda: b"%PDF-1.4\nthis is not really a pdf", "corrupt or not a PDF"),
    ("locked.pdf", encrypted_pdf,
     "encrypted PDF: it needs a password to open; save an unprotected copy and index that"),
    ("scan.pdf", blank_pdf, "no text layer (scanned PDF?): needs OCR before it can be indexed"),
    ("broken.docx", lambda: b"PK\x03\x04 not really a zip", "corrupt .docx (not a Word document python-docx can open)"),
    ("notes.rtf", lambda: b"{\\rtf1 hello}", "unsupported file type .rtf (supported: .txt, .md, .pdf, .docx)"),
]


@pytest.fixture
def seeded(sample_dir, tmp_index, hashing_embedder):
    """An index already holding 000: every bad-input test checks nothing of it is lost."""
    build_index([sample_dir / F000], tmp_index, hashing_embedder)
    assert tmp_index.count() == clause_counts_of(sample_dir / F000)
    return tmp_index


@pytest.mark.parametrize("name, content, reason", BAD_INPUTS)
def test_bad_file_is_reported_and_the_rest_is_indexed(tmp_path, sample_dir, seeded, hashing_embedder,
                                                      name, content, reason):
    bad = tmp_path / name
    bad.write_bytes(content())
    before = seeded.count()
    report = build_index([bad, sample_dir / F004], seeded, hashing_embedder)
    files = by_name(report)
    assert (files[name].status, files[name].reason, files[name].path) == ("skipped", reason, str(bad))
    assert (files[F004].status, files[F004].embedded) == ("indexed", clause_counts_of(sample_dir / F004))
    assert [f.name for f in report.skipped] == [name]
    assert seeded.count() == before + clause_counts_of(sample_dir / F004)
    assert sorted(seeded.files()) == [F000, F004]


@pytest.mark.parametrize("name, content, reason", BAD_INPUTS)
def test_bad_file_inside_a_folder_is_reported_by_name(tmp_path, sample_dir, seeded, hashing_embedder,
                                                      name, content, reason):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / name).write_bytes(content())
    shutil.copy(sample_dir / F001, folder / F001)
    before = seeded.count()
    report = build_index([folder], seeded, hashing_embedder)
    statuses = {f.name: (f.status, f.reason) for f in report.files}
    if name.endswith(".rtf"):  # a folder walk passes over unsupported types silently
        assert statuses == {F001: ("indexed", "")}
    else:
        assert statuses == {name: ("skipped", reason), F001: ("indexed", "")}
    assert seeded.count() == before + clause_counts_of(sample_dir / F001)


def test_path_that_does_not_exist(tmp_path, sample_dir, seeded, hashing_embedder):
    missing = tmp_path / "nowhere" / "contract.txt"
    before = seeded.count()
    report = build_index([missing, sample_dir / F004], seeded, hashing_embedder)
    assert [(f.path, f.name, f.status, f.reason) for f in report.skipped] == [
        (str(missing), "contract.txt", "skipped", "no such file or folder")]
    assert seeded.count() == before + clause_counts_of(sample_dir / F004)


def index_latin1(tmp_path, store, embedder, text):
    path = tmp_path / "contrat.txt"
    path.write_bytes(text.encode("latin-1"))
    before = store.count()
    (f,) = build_index([path], store, embedder).files
    stored = {c.clause_id: c for _, c in store.all_clauses() if c.file == "contrat.txt"}
    return f, stored, store.count() - before


def test_latin1_text_is_indexed(tmp_path, seeded, hashing_embedder):
    text = ("Le présent contrat est conclu à Genève entre la Société Générale et M. Müller, naïf.\n\n"
            "1. Le contrat est conclu à Genève pour une durée d'un an, renouvelable.\n"
            "2. Le contrat est régi par le droit suisse; le for est à Genève.\n")
    f, stored, added = index_latin1(tmp_path, seeded, hashing_embedder, text)
    assert (f.status, f.reason, f.clauses, f.embedded, added) == ("indexed", "", 3, 3, 3)
    assert stored["2"].text == "2. Le contrat est régi par le droit suisse; le for est à Genève."
    assert text[stored["2"].start:stored["2"].end] == stored["2"].text
    assert sorted(seeded.files()) == [F000, "contrat.txt"]


def test_latin1_french_contract_keeps_its_accents(tmp_path, seeded, hashing_embedder):
    text = ("Contrat de services entre la Société Générale et M. Müller.\n\n"
            "1. Le présent contrat est conclu à Genève pour une durée d'un an.\n"
            "2. Il est régi par le droit suisse; le for est à Genève.\n")
    f, stored, added = index_latin1(tmp_path, seeded, hashing_embedder, text)
    assert (f.status, f.clauses, added) == ("indexed", 3, 3)
    assert stored["2"].text == "2. Il est régi par le droit suisse; le for est à Genève."


def test_same_content_under_another_name_is_a_duplicate(tmp_path, sample_dir, seeded, hashing_embedder):
    copy = tmp_path / "copy-of-000.txt"
    shutil.copy(sample_dir / F000, copy)
    before = seeded.count()
    report = build_index([copy], seeded, hashing_embedder)
    assert [(f.name, f.status, f.reason) for f in report.files] == [
        ("copy-of-000.txt", "skipped", f"duplicate of {F000} (same content)")]
    assert seeded.count() == before


def test_duplicates_within_one_batch(tmp_path, sample_dir, tmp_index, hashing_embedder):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(sample_dir / F001, folder / "a.txt")
    shutil.copy(sample_dir / F001, folder / "b.txt")
    report = build_index([folder], tmp_index, hashing_embedder)
    assert [(f.name, f.status, f.reason) for f in report.files] == [
        ("a.txt", "indexed", ""), ("b.txt", "skipped", "duplicate of a.txt (same content)")]
    assert tmp_index.count() == clause_counts_of(folder / "a.txt")


def test_same_name_same_content_in_another_folder(tmp_path, sample_dir, seeded, hashing_embedder):
    other = tmp_path / "elsewhere"
    other.mkdir()
    shutil.copy(sample_dir / F000, other / F000)
    report = build_index([other / F000], seeded, hashing_embedder)
    assert [(f.status, f.reason) for f in report.files] == [
        ("skipped", f"duplicate of {(sample_dir / F000).resolve()}")]


def test_same_name_other_content_in_another_folder(tmp_path, sample_dir, seeded, hashing_embedder):
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / F000).write_text("1. A different agreement.\n2. With the same file name.\n", encoding="utf-8")
    before = seeded.count()
    report = build_index([other / F000], seeded, hashing_embedder)
    assert [(f.status, f.reason) for f in report.files] == [
        ("skipped", f"another file named {F000} is already indexed from {(sample_dir / F000).resolve()}; rename one")]
    assert seeded.count() == before


def test_a_file_that_crashes_segmentation_does_not_abort_the_batch(tmp_path, sample_dir, seeded,
                                                                   hashing_embedder, monkeypatch):
    import index.build

    def segment_or_crash(document):
        if document.name == "odd.txt":
            raise RuntimeError("boom")
        return segment(document)

    monkeypatch.setattr(index.build, "segment", segment_or_crash)
    odd = tmp_path / "odd.txt"
    odd.write_text("1. A clause.\n2. Another clause.\n", encoding="utf-8")
    before = seeded.count()
    report = build_index([odd, sample_dir / F004], seeded, hashing_embedder)
    assert [(f.name, f.status, f.reason) for f in report.files] == [
        ("odd.txt", "skipped", "could not be split into clauses (RuntimeError: boom); please report it"),
        (F004, "indexed", "")]
    assert seeded.count() == before + clause_counts_of(sample_dir / F004)


def test_a_date_only_in_the_head_indexes(tmp_path, seeded, hashing_embedder):
    # this text once raised IndexError in agreements.describe() and aborted the whole batch
    dated = tmp_path / "dated.txt"
    dated.write_text("This Agreement is made on January 5, 2020 between Acme Corp and Beta LLC.\n\n"
                     "1. Scope. Acme shall supply widgets to Beta as ordered from time to time, at list price.\n\n"
                     "2. Term. This Agreement runs for two years and renews for one-year terms unless either "
                     "party gives notice of non-renewal at least ninety days before the end of the term.\n\n"
                     "3. Law. This Agreement is governed by the laws of the State of Delaware, without regard "
                     "to its conflict of laws rules.\n", encoding="utf-8")
    (f,) = build_index([dated], seeded, hashing_embedder).files
    assert (f.status, f.agreements, f.clauses) == ("indexed", 1, 4)
    assert seeded.files()["dated.txt"].agreements[0].date == "January 5, 2020"


# --- a 20 MB file -------------------------------------------------------------------------

BIG_SCRIPT = textwrap.dedent("""
    import json, resource, sys, time
    from index.build import build_index
    from index.embedders import get_embedder
    from index.store import ChromaStore
    started = time.perf_counter()
    store = ChromaStore(sys.argv[2])
    report = build_index([sys.argv[1]], store, get_embedder("hashing"))
    (f,) = report.files
    print(json.dumps({"status": f.status, "reason": f.reason, "clauses": f.clauses, "count": store.count(),
                      "agreements": f.agreements, "seconds": time.perf_counter() - started,
                      "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
""")


@pytest.mark.slow
def test_a_20_mb_text_file_is_indexed(tmp_path, sample_dir, repo_root):
    import json

    unit = "\n\n".join((sample_dir / n).read_text(encoding="utf-8").strip() for n in SAMPLE_FILES) + "\n\n"
    copies = 20 * 1024 * 1024 // len(unit.encode("utf-8")) + 1
    big = tmp_path / "big.txt"
    big.write_text(unit * copies, encoding="utf-8")
    assert big.stat().st_size >= 20 * 1024 * 1024
    # a child process, so its peak memory is the build's alone
    done = subprocess.run([sys.executable, "-c", BIG_SCRIPT, str(big), str(tmp_path / "index")],
                          capture_output=True, text=True, cwd=repo_root, timeout=1800,
                          env={**os.environ, "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"})
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert (result["status"], result["reason"]) == ("indexed", "")
    # 002 and 003 split into 12 agreements per copy; the "This is a publication agreement" openings of
    # 000, 001 and 004 carry no "by and between", so they do not start an agreement mid-file
    assert result["agreements"] >= 12 * copies, result
    expected = segment(load_document(big))
    assert result["count"] == result["clauses"] == len(expected.clauses), result
    assert result["agreements"] == len(expected.agreements), result
    # measured ~1.4 GB for ~53k chunks (all vectors of the file are held at once before the upsert)
    assert result["max_rss_mb"] < 2048, result


# --- where the index lives ----------------------------------------------------------------


def test_index_folder_under_a_regular_file_is_not_writable(tmp_path):
    # fails for root too, unlike a chmod'ed folder
    (tmp_path / "afile").write_text("not a folder")
    where = tmp_path / "afile" / "idx"
    with pytest.raises(IndexNotWritable) as caught:
        ChromaStore(where)
    assert str(caught.value) == (f"Index folder {where} is not writable (Not a directory) — "
                                 "choose another with --index DIR or fix its permissions")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes through chmod 0o500")
def test_read_only_index_folder_is_not_writable(tmp_path):
    where = tmp_path / "ro"
    where.mkdir()
    where.chmod(0o500)
    try:
        with pytest.raises(IndexNotWritable) as caught:
            ChromaStore(where)
    finally:
        where.chmod(0o700)
    assert str(caught.value) == (f"Index folder {where} is not writable (Permission denied) — "
                                 "choose another with --index DIR or fix its permissions")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_chroma_server_that_is_down(hashing_embedder):
    port = free_port()
    with pytest.raises(StoreUnavailable) as caught:
        store = ChromaStore(host="127.0.0.1", port=port)
        store.count()  # whichever of the two fails first, the error is the same
    assert str(caught.value) == (f"Cannot reach the Chroma server at http://127.0.0.1:{port} — start it with: "
                                 f"chroma run --path DIR --host 127.0.0.1 --port {port}")
