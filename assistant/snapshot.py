"""One consistent view of the index: its files, agreements, retrieval state and scope finder.
Asks read the snapshot they started with; indexing builds the next one aside and swaps it in."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.catalog import CatalogRow, catalog_rows
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
    catalog: dict[str, tuple[CatalogRow, ...]] = field(default_factory=dict, compare=False)  # by file, read once

    def catalog_rows(self, store: ChromaStore, name: str) -> tuple[CatalogRow, ...]:
        """One file's catalog rows: the entries indexing stored beside its vectors (extracted here
        only for a file whose index keeps none, e.g. one built elsewhere), read once per snapshot."""
        rows = self.catalog.get(name)
        if rows is None:
            from index import catalog

            record = self.files[name]
            clauses = sorted((c for _, c in self.retriever.file_clauses(name)), key=lambda c: (c.agreement, c.start))
            entries = store.catalog(record)
            if entries is None:
                entries = catalog.extract(record.agreements, clauses)
            rows = self.catalog[name] = tuple(catalog_rows(name, record.agreements, clauses, entries))
        return rows


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
    finder = ScopeFinder(agreements, parties, retriever.agreement_term_counts(), retriever.openings(),
                         retriever.body_terms)
    carried = {name: previous.catalog[name] for name in kept if name in previous.catalog} if previous else {}
    return Snapshot(files, agreements, retriever, finder, carried)
