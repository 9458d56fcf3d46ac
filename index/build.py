"""Build or update an index: load, segment, embed only what changed, report per file."""

from __future__ import annotations

import hashlib
import re
import sys
from functools import lru_cache
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from index.clean import clean_for_embedding
from index.embedders import Embedder
from index.errors import LoadError
from index.loaders import iter_input_files, load_document
from index.segment import segment
from index.store import ChromaStore
from index.types import Agreement, BuildReport, Clause, FileReport, IndexedFile

Progress = Callable[[str, int, int], None]  # (what, done, total)


def embed_text(clause: Clause, agreement: Agreement, lead_in: str = "") -> str:
    """What the model reads: a context header, so "Xin Wang's governing law clause" can match,
    and for a sub-item the lead-in of its parent ("You further warrant that:")."""
    where = f"{agreement.label} — {agreement.kind}" if agreement.kind else agreement.label
    clause_name = clause.clause_id if not clause.clause_id[:1].isdigit() else f"clause {clause.clause_id}"
    body = clean_for_embedding(clause.text)
    return f"{where} — {clause_name}\n{lead_in} {body}" if lead_in else f"{where} — {clause_name}\n{body}"


def _lead_ins(clauses: Sequence[Clause]) -> list[str]:
    """The parent clause's text for sub-items (6.1 -> 6, 6(a) -> 6), when it is a short lead-in."""
    texts = {(c.agreement, c.clause_id): c.text for c in clauses}
    out = []
    for c in clauses:
        parent = re.split(r"[.(]", c.clause_id, maxsplit=1)[0] if re.match(r"\d+[.(]", c.clause_id) else ""
        lead = texts.get((c.agreement, parent), "") if parent and parent != c.clause_id else ""
        out.append(clean_for_embedding(lead) if 0 < len(lead) < 240 else "")
    return out


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """A fingerprint of the code that turns a file into embedded clauses: when it changes,
    files are segmented again (vectors of unchanged clause texts are reused)."""
    from index import agreements, clean, loaders, segment as segment_module, sentences

    digest = hashlib.sha256()
    for module in (agreements, clean, loaders, segment_module, sentences, sys.modules[__name__]):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:12]


def build_index(paths: Sequence[str | Path], store: ChromaStore, embedder: Embedder,
                progress: Progress | None = None) -> BuildReport:
    """Index files and folders; unchanged files embed nothing, removed files are dropped.
    A file that fails to load is reported and skipped; nothing already indexed is lost."""
    started = time.perf_counter()
    report: list[FileReport] = []
    rebuilt = False
    if store.model() not in (None, embedder.name) and store.count():
        rebuilt = True
        previous = [f.path for f in store.files().values() if Path(f.path).exists()]
        store.reset()
        paths = list(paths) + [p for p in previous if p not in {str(x) for x in paths}]
    files, problems = iter_input_files(paths)
    for path, reason in problems:
        report.append(FileReport(path=str(path), name=Path(path).name, status="skipped", reason=reason))
    indexed = store.files()
    _remove_missing(paths, indexed, store, report)
    seen_hashes = {f.sha256: f.name for f in indexed.values()}
    for done, path in enumerate(files):
        if progress:
            progress(path.name, done, len(files))
        report.append(_index_file(path, store, embedder, indexed, seen_hashes))
    if progress:
        progress("done", len(files), len(files))
    if store.model() is None and store.count():
        store.set_model(embedder.name, embedder.dimension)
    return BuildReport(files=tuple(report), seconds=time.perf_counter() - started, rebuilt=rebuilt)


def _index_file(path: Path, store: ChromaStore, embedder: Embedder, indexed: dict[str, IndexedFile],
                seen_hashes: dict[str, str]) -> FileReport:
    try:
        document = load_document(path)
    except LoadError as exc:
        return FileReport(path=str(path), name=path.name, status="skipped", reason=exc.reason)
    previous = indexed.get(document.name)
    if previous and previous.sha256 == document.sha256:
        if previous.path != str(path.resolve()) and Path(previous.path).exists():
            return FileReport(str(path), path.name, "skipped", f"duplicate of {previous.path}")
        if previous.pipeline == pipeline_version():
            return FileReport(str(path), document.name, "unchanged", agreements=len(previous.agreements),
                              clauses=previous.clauses)
    if previous and previous.path != str(path.resolve()) and Path(previous.path).exists() \
            and previous.sha256 != document.sha256:
        return FileReport(str(path), path.name, "skipped",
                          f"another file named {document.name} is already indexed from {previous.path}; rename one")
    twin = seen_hashes.get(document.sha256)
    if twin and twin != document.name:
        return FileReport(str(path), path.name, "skipped", f"duplicate of {twin} (same content)")
    try:
        segmented = segment(document)
    except Exception as exc:  # noqa: BLE001 - one odd file must not stop the batch
        return FileReport(str(path), path.name, "skipped",
                          f"could not be split into clauses ({exc.__class__.__name__}: {exc}); please report it")
    if not segmented.clauses:
        return FileReport(str(path), path.name, "skipped", "no text to index after cleaning")
    by_number = {a.number: a for a in segmented.agreements}
    texts = [embed_text(c, by_number[c.agreement], lead)
             for c, lead in zip(segmented.clauses, _lead_ins(segmented.clauses))]
    hashes = [hashlib.sha256(f"{embedder.name}\n{t}".encode("utf-8", "surrogatepass")).hexdigest()[:20]
              for t in texts]
    reusable = store.file_embeddings(document.name) if previous else {}
    todo = [i for i, h in enumerate(hashes) if h not in reusable]
    fresh = dict(zip(todo, embedder.embed([texts[i] for i in todo]))) if todo else {}
    vectors = [fresh[i] if i in fresh else reusable[h] for i, h in enumerate(hashes)]
    record = IndexedFile(name=document.name, path=str(path.resolve()), sha256=document.sha256,
                         kind=document.kind, clauses=len(segmented.clauses), agreements=segmented.agreements,
                         pipeline=pipeline_version())
    store.replace_file(record, segmented.clauses, hashes, vectors)
    seen_hashes[document.sha256] = document.name
    return FileReport(str(path), document.name, "updated" if previous else "indexed",
                      agreements=len(segmented.agreements), clauses=len(segmented.clauses), embedded=len(todo))


def _remove_missing(paths: Sequence[str | Path], indexed: dict[str, IndexedFile], store: ChromaStore,
                    report: list[FileReport]) -> None:
    """A file indexed from one of the given folders that is gone from disk is removed."""
    folders = [Path(p).resolve() for p in paths if Path(p).is_dir()]
    for record in list(indexed.values()):
        where = Path(record.path)
        if not where.exists() and any(folder in where.parents for folder in folders):
            store.remove_file(record.name)
            del indexed[record.name]
            report.append(FileReport(record.path, record.name, "removed", "file no longer exists"))

