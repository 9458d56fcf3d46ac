"""One consistent view of the index: its files, agreements, retrieval state and scope finder.
Asks read the snapshot they started with; indexing builds the next one aside and swaps it in."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.retrieve import HybridRetriever
from assistant.scope import ScopeFinder
from assistant.types import AgreementInfo
from index.store import ChromaStore
from index.types import IndexedFile


@dataclass(frozen=True)
class Snapshot:
    files: dict[str, IndexedFile]
    agreements: tuple[AgreementInfo, ...]
    retriever: HybridRetriever
    scope_finder: ScopeFinder


def take_snapshot(store: ChromaStore, previous: Snapshot | None = None) -> Snapshot:
    """Read the index as it is now (files first: chunks written later are not part of it). With
    the previous snapshot, only files that changed since are read again."""
    files = store.files()
    kept = {name for name, record in files.items()
            if previous is not None and previous.files.get(name) == record}
    fresh = sorted(set(files) - kept)
    read = [ic for name in kept for ic in previous.retriever.file_clauses(name)] if previous is not None else []
    missing = []
    for name in fresh:  # stored beside the vectors; Chroma is asked only for files indexed elsewhere
        stored = store.stored_clauses(files[name])
        if stored is None:
            missing.append(name)
        else:
            read += stored
    if missing:
        read += store.all_clauses(missing) if len(missing) < len(files) else store.all_clauses()
    # chunk ids start with their file version's hash: a file being replaced right now counts in
    # the version its record names
    clauses = [(i, c) for i, c in read if c.file in files and i.split(":", 1)[0] == files[c.file].sha256[:12]]
    retriever = HybridRetriever(store, clauses, files)
    counts: dict[str, int] = {}
    for c in retriever.clauses.values():
        key = f"{c.file}#{c.agreement}"
        counts[key] = counts.get(key, 0) + 1
    agreements = tuple(AgreementInfo(file=f.name, number=a.number, label=a.label, title=a.title, date=a.date,
                                     kind=a.kind, clauses=counts.get(f"{f.name}#{a.number}", 0))
                       for f in sorted(files.values(), key=lambda f: f.name) for a in f.agreements)
    parties = {f"{f.name}#{a.number}": a.parties for f in files.values() for a in f.agreements}
    finder = ScopeFinder(agreements, parties, retriever.agreement_term_counts(), retriever.openings())
    return Snapshot(files, agreements, retriever, finder)
