"""Hybrid retrieval over one snapshot of the index: dense (exact within a scope, Chroma's HNSW
over everything) and lexical (BM25) rankings fused by reciprocal rank."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from assistant.defined_terms import defined_words
from assistant.query import Query
from assistant.running_lines import running_lines, without_running_lines
from assistant.text import content_terms, related
from index.facts import FileFacts, clause_facts
from index.segment import is_contents
from index.spans import embedded_spans
from index.store import ChromaStore
from index.types import Clause, IndexedFile
from index.vectors import FileVectors

RRF_K = 60  # the constant from Cormack et al.; damps the head of each ranking
EXACT_SCOPE = 20_000  # a scope of up to this many clauses is searched exactly, by array math
OPENING_CHUNKS = 2  # an agreement's opening: its first chunks, where titles, parties and dates live
ANSWER_LIKE_SCOPE = 5_000  # sentence by sentence for answer-like chunks: one contract, or a few hundred


@dataclass(frozen=True)
class Hit:
    chunk_id: str
    clause: Clause
    score: float  # fused rank score: orders hits
    dense: float  # cosine similarity to the question
    lexical: float  # share of the question's content words the clause contains
    context: frozenset[str] = frozenset()  # words of a sub-item's lead-in ("You further warrant that:")
    title: frozenset[str] = frozenset()  # words of the section's title ("12. Governing Law."), for every part
    structural: bool = False  # joined for where it sits (an opening, a signature block), not for its words
    running: frozenset[str] = frozenset()  # its agreement's running heads and feet (assistant.running_lines)

    @property
    def agreement_key(self) -> str:
        return f"{self.clause.file}#{self.clause.agreement}"


class HybridRetriever:
    """Everything retrieval reads, fixed at construction: an ask that holds one sees one
    consistent index, whatever is being indexed meanwhile."""

    def __init__(self, store: ChromaStore, clauses: Sequence[tuple[str, Clause]],
                 files: dict[str, IndexedFile] | None = None):
        self.store = store
        # file by file, each file's chunks in their stored order (a chunk id ends with its row)
        clauses = sorted(clauses, key=lambda ic: (ic[1].file, _row(ic[0]), ic[1].start))
        self.ids = [i for i, _ in clauses]
        self.clauses = {i: c for i, c in clauses}
        self._position = {i: n for n, i in enumerate(self.ids)}
        self._wordings: dict[int, int] = {}  # a chunk's position -> a hash of its words (see _wording)
        self._vectors: dict[str, FileVectors | None] = {}
        self._defined: dict[str, dict[str, frozenset[frozenset[str]]]] = {}
        self._running: dict[str, frozenset[str]] = {}
        self._says: dict[tuple[str, str], bool] = {}  # (pattern, agreement) -> whether a clause matches
        self._rows = np.full(len(self.ids), -1, dtype=np.int64)  # each chunk's row in its file's vectors
        self._titles: list[frozenset[str]] = [frozenset()] * len(self.ids)
        self._lead_ins: list[frozenset[str]] = [frozenset()] * len(self.ids)
        by_file: dict[str, list[int]] = {}
        for n, (_, c) in enumerate(clauses):
            by_file.setdefault(c.file, []).append(n)
        self._vocabulary: dict[str, int] = {}
        blocks, lengths = [], []
        for name, positions in by_file.items():
            facts, rows = self._read_file(name, positions, (files or {}).get(name))
            to_global = np.fromiter((self._vocabulary.setdefault(w, len(self._vocabulary)) for w in facts.vocabulary),
                                    dtype=np.int64, count=len(facts.vocabulary))
            ptr = facts.term_ptr
            if np.array_equal(rows, np.arange(len(facts))):  # the whole file, in order: one slice
                blocks.append(to_global[facts.term_ids])
                lengths.append(np.diff(ptr))
            else:
                blocks += [to_global[facts.term_ids[ptr[r]:ptr[r + 1]]] for r in rows.tolist()]
                lengths.append(ptr[rows + 1] - ptr[rows])
            shared: dict[tuple[str, ...], frozenset[str]] = {}
            for n, r in zip(positions, rows.tolist()):
                self._titles[n] = shared.setdefault(facts.titles[r], frozenset(facts.titles[r]))
                self._lead_ins[n] = shared.setdefault(facts.lead_ins[r], frozenset(facts.lead_ins[r]))
        self._by_file = {name: np.asarray(p, dtype=np.int64) for name, p in by_file.items()}
        groups: dict[str, list[int]] = {}
        for n, (_, c) in enumerate(clauses):
            groups.setdefault(f"{c.file}#{c.agreement}", []).append(n)
        self._by_agreement = {key: np.asarray(p, dtype=np.int64) for key, p in groups.items()}
        self._agreement_of = np.zeros(len(self.ids), dtype=np.int64)  # its position in _agreement_keys
        self._agreement_keys = list(self._by_agreement)
        for a, positions in enumerate(self._by_agreement.values()):
            self._agreement_of[positions] = a
        terms = np.concatenate(blocks) if blocks else np.zeros(0, dtype=np.int64)
        indptr = np.concatenate([[0], np.cumsum(np.concatenate(lengths) if lengths else [])]).astype(np.int64)
        self._bm25, self._incidence = _lexical_index(terms, indptr, self._vocabulary)

    def _read_file(self, name: str, positions: list[int], record: IndexedFile | None) -> tuple[FileFacts, np.ndarray]:
        """(facts, the row of each position in them) of one file, from its stored vectors; computed
        here from the clause texts when it has none (indexed elsewhere or by an older version)."""
        vectors = self.store.file_vectors(record) if record is not None else None
        rows = np.asarray([_row(self.ids[n]) for n in positions], dtype=np.int64)
        if vectors is not None and len(rows) and rows.min() >= 0 and rows.max() < len(vectors.facts):
            self._vectors[name] = vectors
            self._rows[positions] = rows
            return vectors.facts, rows
        self._vectors[name] = None
        return FileFacts.of(clause_facts([self._clause(n) for n in positions])), np.arange(len(positions))

    def file_clauses(self, name: str) -> list[tuple[str, Clause]]:
        """(chunk id, clause) of one file's chunks, in their stored order."""
        return [(self.ids[n], self._clause(n)) for n in self._by_file.get(name, np.zeros(0, dtype=np.int64)).tolist()]

    # -- ranking --------------------------------------------------------------------------

    def search(self, query: Query, k: int = 8, agreements: Collection[str] | None = None,
               files: Collection[str] | None = None, distinct: bool = False) -> list[Hit]:
        """Top-k hits within the given agreements (keys "file#n") and files; None means all.
        The words that named the scope (query.scope.terms) count for no clause lexically.
        `distinct`: one hit per wording, for a question that wants one answer from a pile of
        agreements copied from one form (twelve identical clause 7s would fill the k places)."""
        if not self.ids:
            return []
        allowed = self._allowed(agreements, files)
        depth = max(k * 4, 40)
        dense_hits = self._dense(query.vector, allowed, agreements, depth)
        # the words the question's kind is asked in search too (assistant.bridges); what a clause
        # holds of the question (coverage, the ranker's features) stays the question's own words
        lexical = self._lexical([*query.terms, *query.bridges], allowed, depth)
        rankings = [[n for n, _ in dense_hits], [n for n, _ in lexical]]
        if distinct:  # each ranking without the copies, so the next wording takes the copies' places
            rankings = [_distinct(ranking, self._wording) for ranking in rankings]
        fused: dict[int, float] = {}
        for ranking in rankings:
            for rank, n in enumerate(ranking):
                fused[n] = fused.get(n, 0.0) + 1.0 / (RRF_K + rank + 1)
        dense = dict(dense_hits)
        # a table of contents names every clause and answers nothing: never a hit
        best = [n for n in sorted(fused, key=fused.get, reverse=True) if n not in self._listings]
        best = (_distinct(best, self._wording) if distinct else best)[:k]  # the rankings' copies may differ
        missing = [n for n in best if n not in dense]
        dense.update(zip(missing, self._cosines(missing, query.vector)))  # lexical-only hits get a cosine too
        terms = set(query.terms)
        return [self._hit(n, fused[n], dense[n], terms) for n in best]

    @cached_property
    def _listings(self) -> frozenset[int]:
        """The positions of tables of contents' chunks (index.segment.is_contents)."""
        return frozenset(n for n in range(len(self.ids)) if is_contents(self._clause(n).clause_id))

    def _wording(self, position: int) -> int:
        """A chunk's words, spacing aside (hashed, once per chunk): copies of one clause in agreements
        made from one form agree."""
        wording = self._wordings.get(position)
        if wording is None:
            wording = self._wordings[position] = hash(" ".join(self._clause(position).text.split()))
        return wording

    def opening(self, query: Query, agreements: Collection[str] | None, files: Collection[str] | None,
                n: int = OPENING_CHUNKS, max_agreements: int = 5) -> list[Hit]:
        """The first n chunks of each agreement in scope: where titles, parties and dates live (a table of
        contents between its cover and its opening is none of them)."""
        return self._per_agreement(query, agreements, files, max_agreements,
                                   lambda group: [p for p in sorted(group, key=lambda p: self._clause(p).start)
                                                  if p not in self._listings][:n])

    def signature_blocks(self, query: Query, agreements: Collection[str] | None, files: Collection[str] | None,
                         max_agreements: int = 20) -> list[Hit]:
        """Each agreement's signature block: who signed, for whom, and when."""
        return self._per_agreement(query, agreements, files, max_agreements,
                                   lambda group: [p for p in group if self._clause(p).clause_id == "signatures"])

    def defining(self, query: Query, agreements: Collection[str] | None, files: Collection[str] | None,
                 defines: Callable[[str], bool], limit: int = 10) -> list[Hit]:
        """The chunks in scope that define a term (`defines` reads a chunk's text), in index order."""
        allowed = self._allowed(agreements, files)
        positions = range(len(self.ids)) if allowed is None else allowed.tolist()
        chosen = [p for p in positions if defines(self._clause(p).text)][:limit]
        terms = set(query.terms)
        return [self._hit(p, 0.0, cos, terms, structural=True)
                for p, cos in zip(chosen, self._cosines(chosen, query.vector))]

    def answer_like(self, query: Query, answer: np.ndarray, agreements: Collection[str] | None,
                    files: Collection[str] | None, n: int, skip: Collection[str] = ()) -> list[Hit]:
        """The n chunks in scope (none in `skip`) whose best sentence is most like `answer`, what
        answers to questions like this one say (prototypes.AnswerPrototypes.answer_for): "show me
        the choice-of-law clause" shares no word with "This Agreement shall be governed by the laws
        of Delaware", but reads like questions whose answers do. Searched exactly over the stored
        sentence vectors, so only within a scope of up to ANSWER_LIKE_SCOPE chunks."""
        allowed = self._allowed(agreements, files)
        positions = np.arange(len(self.ids)) if allowed is None else allowed
        if not n or not len(positions) or len(positions) > ANSWER_LIKE_SCOPE:
            return []
        skip = set(skip)
        best = np.full(len(positions), -2.0, dtype=np.float32)  # a chunk without stored sentences ranks last
        names = np.asarray([self._clause(p).file for p in positions.tolist()])
        for name in np.unique(names).tolist():
            vectors = self._vectors.get(name)
            if vectors is None or not len(vectors.spans):
                continue
            owner = np.asarray(vectors.spans[:, 0])  # each span's clause row, in order
            starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
            per_row = np.full(int(owner[-1]) + 1, -2.0, dtype=np.float32)
            per_row[owner[starts]] = np.maximum.reduceat(np.asarray(vectors.span_vectors) @ answer.astype(np.float32),
                                                         starts)
            where = np.flatnonzero(names == name)
            rows = self._rows[positions[where]]
            inside = (rows >= 0) & (rows < len(per_row))
            best[where[inside]] = per_row[rows[inside]]
        chosen = [int(positions[i]) for i in np.argsort(-best, kind="stable").tolist()
                  if best[i] > -2.0 and self.ids[positions[i]] not in skip
                  and int(positions[i]) not in self._listings][:n]
        terms = set(query.terms)
        return [self._hit(p, 0.0, cos, terms) for p, cos in zip(chosen, self._cosines(chosen, query.vector))]

    def _per_agreement(self, query: Query, agreements: Collection[str] | None, files: Collection[str] | None,
                       max_agreements: int, pick) -> list[Hit]:
        allowed = self._allowed(agreements, files)
        positions = np.arange(len(self.ids)) if allowed is None else allowed
        if len(np.unique(self._agreement_of[positions])) > max_agreements:
            return []
        by_agreement: dict[int, list[int]] = {}
        for p in positions.tolist():
            by_agreement.setdefault(int(self._agreement_of[p]), []).append(p)
        chosen = [p for group in by_agreement.values() for p in pick(group)]
        terms = set(query.terms)
        return [self._hit(p, 0.0, cos, terms, structural=True)
                for p, cos in zip(chosen, self._cosines(chosen, query.vector))]

    def _hit(self, n: int, score: float, dense: float, terms: set[str], structural: bool = False) -> Hit:
        clause = self._clause(n)
        return Hit(self.ids[n], clause, score, float(dense), self._coverage(n, terms), self._lead_ins[n],
                   self._titles[n], structural, self.running_lines(f"{clause.file}#{clause.agreement}"))

    def _coverage(self, n: int, terms: set[str]) -> float:
        """Share of the question's stems the chunk holds."""
        if not terms:
            return 0.0
        held = set(self._incidence.indices[self._incidence.indptr[n]:self._incidence.indptr[n + 1]].tolist())
        return sum(1 for t in terms if self._vocabulary.get(t, -1) in held) / len(terms)

    def _clause(self, n: int) -> Clause:
        return self.clauses[self.ids[n]]

    def _dense(self, vector: np.ndarray, allowed: np.ndarray | None, agreements: Collection[str] | None,
               depth: int) -> list[tuple[int, float]]:
        if allowed is not None and len(allowed) <= EXACT_SCOPE:
            cosines = self._cosines(allowed.tolist(), vector, exact_only=True)
            if cosines is not None:  # every file in scope has its vectors: exact, by array math
                order = np.argsort(-np.asarray(cosines), kind="stable")[:depth]
                return [(int(allowed[i]), float(cosines[i])) for i in order]
        scope_files = sorted({self._clause(p).file for p in allowed.tolist()}) if allowed is not None else None
        scope_agreements = None
        if agreements and len(agreements) <= 20:
            scope_agreements = [(key.rsplit("#", 1)[0], int(key.rsplit("#", 1)[1])) for key in sorted(agreements)]
        found = self.store.query(vector.tolist(), depth, scope_files, scope_agreements)
        inside = set(allowed.tolist()) if allowed is not None else None
        # chunks indexed after this snapshot was taken are not part of it
        return [(self._position[i], s) for i, s in found
                if i in self._position and (inside is None or self._position[i] in inside)]

    def _cosines(self, positions: Sequence[int], vector: np.ndarray, exact_only: bool = False) -> list[float] | None:
        """Cosine of each chunk with the vector, from the stored vectors (Chroma's, as a fallback)."""
        out = np.zeros(len(positions), dtype=np.float32)
        fallback = []
        by_file: dict[str, list[int]] = {}
        for i, p in enumerate(positions):
            by_file.setdefault(self._clause(p).file, []).append(i)
        for name, where in by_file.items():
            vectors = self._vectors.get(name)
            if vectors is None:
                if exact_only:
                    return None
                fallback += where
                continue
            rows = self._rows[[positions[i] for i in where]]
            out[where] = np.asarray(vectors.clauses[rows]) @ vector
        if fallback:
            stored = self.store.embeddings([self.ids[positions[i]] for i in fallback])
            for i in fallback:
                v = stored.get(self.ids[positions[i]])
                out[i] = float(np.dot(vector, v)) if v is not None else 0.0
        return out.tolist()

    def _lexical(self, query: list[str], allowed: np.ndarray | None, depth: int) -> list[tuple[int, float]]:
        if not query or self._bm25 is None:
            return []
        scores = self._bm25.get_scores(query)
        positions = np.arange(len(self.ids)) if allowed is None else allowed
        positions = positions[scores[positions] > 0]
        order = positions[np.argsort(-scores[positions], kind="stable")][:depth]
        return [(int(n), float(scores[n])) for n in order]

    # -- what answering reads ---------------------------------------------------------------

    def spans(self, hit: Hit) -> tuple[list[tuple[int, int, int]], np.ndarray] | None:
        """The stored candidate spans of a hit's clause, (start, end, width) within its text, and
        their vectors; None when its file has no stored vectors."""
        n = self._position.get(hit.chunk_id)
        vectors = self._vectors.get(hit.clause.file) if n is not None else None
        if vectors is None:
            return None
        offsets, span_vectors = vectors.clause_spans(int(self._rows[n]))
        return [tuple(row) for row in offsets.tolist()], span_vectors

    def absent_share(self, terms: Collection[str], agreements: Collection[str] | None,
                     files: Collection[str] | None) -> float:
        """Share of the question's words (or their synonyms) found in no clause of the scope:
        "arbitration" in agreements that never mention it says the answer is not there."""
        terms = set(terms)
        if not terms:
            return 0.0
        return len(terms - self.present(terms, agreements, files)) / len(terms)

    def chunks_holding(self, term: str) -> int:
        """How many indexed chunks hold a stem."""
        column = self._vocabulary.get(term)
        return 0 if column is None else int(self._document_frequency[column])

    def present(self, terms: Collection[str], agreements: Collection[str] | None,
                files: Collection[str] | None) -> set[str]:
        """The terms some clause of the scope holds (the term itself or a synonym)."""
        allowed = self._allowed(agreements, files)
        wanted = {t: [t, *sorted(related(t))] for t in set(terms)}
        columns = sorted({self._vocabulary[w] for group in wanted.values() for w in group if w in self._vocabulary})
        held: set[str] = set()
        if columns:
            block = self._incidence[:, columns] if allowed is None else self._incidence[allowed][:, columns]
            held = {self._stems[c] for c, k in zip(columns, np.asarray(block.getnnz(axis=0)).tolist()) if k}
        return {t for t, group in wanted.items() if any(w in held for w in group)}

    def says(self, pattern: re.Pattern[str], agreements: Collection[str] | None,
             files: Collection[str] | None) -> bool:
        """Whether some clause of the scope matches `pattern` (assistant/named_topics.py: "jury" in
        agreements that never say it); each agreement is read once per pattern."""
        allowed = self._allowed(agreements, files)
        numbers = np.unique(self._agreement_of if allowed is None else self._agreement_of[allowed])
        return any(self._agreement_says(pattern, self._agreement_keys[a]) for a in numbers.tolist())

    def _agreement_says(self, pattern: re.Pattern[str], key: str) -> bool:
        cached = self._says.get((pattern.pattern, key))
        if cached is None:
            cached = self._says[(pattern.pattern, key)] = any(
                pattern.search(self._clause(n).text) for n in self._by_agreement[key].tolist())
        return cached

    def idf(self, terms: Collection[str]) -> dict[str, float]:
        """Inverse chunk frequency of each stem: rare words say more about where an answer is."""
        n = len(self.ids)
        out = {}
        for t in terms:
            if t in self._vocabulary:
                f = self._document_frequency[self._vocabulary[t]]
                out[t] = math.log((n - f + 0.5) / (f + 0.5) + 1.0)
        return out

    @cached_property
    def max_idf(self) -> float:
        """The idf of the rarest stem, for question words no chunk holds."""
        n = len(self.ids)
        if not len(self._document_frequency):
            return 1.0
        f = int(self._document_frequency.min())
        return math.log((n - f + 0.5) / (f + 0.5) + 1.0)

    @cached_property
    def _stems(self) -> list[str]:
        return list(self._vocabulary)  # in column order

    @cached_property
    def _document_frequency(self) -> np.ndarray:
        return np.asarray(self._incidence.getnnz(axis=0)).ravel()

    @cached_property
    def extents(self) -> dict[str, tuple[int, int]]:
        """Each agreement's (first, last) character in its file, for a clause's relative position."""
        out: dict[str, tuple[int, int]] = {}
        for c in self.clauses.values():
            key = f"{c.file}#{c.agreement}"
            first, last = out.get(key, (c.start, c.end))
            out[key] = (min(first, c.start), max(last, c.end))
        return out

    def defined_words(self, agreement: str) -> dict[str, frozenset[frozenset[str]]]:
        """The words `agreement` says only where it defines a term -> those terms (assistant.defined_terms)."""
        if agreement not in self._defined:
            positions = self._by_agreement.get(agreement, np.zeros(0, dtype=np.int64)).tolist()
            self._defined[agreement] = defined_words([self._clause(n).text for n in positions],
                                                     lambda i: self._chunk_stems(positions[i]))
        return self._defined[agreement]

    def running_lines(self, agreement: str) -> frozenset[str]:
        """The running heads and feet of `agreement` (assistant.running_lines), read once."""
        if agreement not in self._running:
            positions = self._by_agreement.get(agreement, np.zeros(0, dtype=np.int64)).tolist()
            clauses = [self._clause(n) for n in positions]
            self._running[agreement] = running_lines([(c.start, c.text) for c in clauses],
                                                     self.extents.get(agreement, (0, 1)))
        return self._running[agreement]

    def _chunk_stems(self, n: int) -> list[str]:
        """The stems the index holds for the chunk at position `n` (its row of the incidence matrix)."""
        row = self._incidence.indices[self._incidence.indptr[n]:self._incidence.indptr[n + 1]]
        return [self._stems[c] for c in row.tolist()]

    def body_terms(self, agreement: str, terms: Collection[str]) -> set[str]:
        """Of `terms`, those some clause of `agreement` holds beyond its opening and signature blocks:
        a party its clauses call by name ("belong to Orchid"), not by a role ("the Employee")."""
        wanted = set(terms)
        held: set[str] = set()
        for n in self._by_agreement.get(agreement, np.zeros(0, dtype=np.int64)).tolist():
            if held == wanted:
                break
            clause = self._clause(n)
            if not clause.clause_id.startswith(("preamble", "signatures")):
                held |= wanted & set(content_terms(clause.text))
        return held

    def agreement_term_counts(self) -> Counter:
        """In how many agreements each (stemmed) word occurs."""
        from scipy.sparse import csr_matrix

        if not self.ids:
            return Counter()
        membership = csr_matrix((np.ones(len(self.ids), dtype=np.float32),
                                 (np.arange(len(self.ids)), self._agreement_of)),
                                shape=(len(self.ids), len(self._by_agreement)))
        per_term = np.asarray((self._incidence.T @ membership).getnnz(axis=1)).ravel()
        return Counter({self._stems[c]: int(k) for c, k in enumerate(per_term.tolist()) if k})

    def openings(self, chars: int = 600) -> dict[str, str]:
        """Each agreement's first `chars` characters of clause text up to the end of its first numbered
        clause: where it names itself (title, parties, date) and says what it is for ("Lessor leases to
        Lessee one CAT 320 hydraulic excavator"). A short agreement's clause 3 ("Rent more than ten (10)
        days late incurs a late charge") is one of its terms, not what names it."""
        out: dict[str, str] = {}
        first: dict[str, str] = {}  # the number of each agreement's first numbered clause
        for c in sorted(self.clauses.values(), key=lambda c: (c.file, c.agreement, c.start)):
            key = f"{c.file}#{c.agreement}"
            number = re.match(r"\d+", c.clause_id)
            if number and first.setdefault(key, number.group()) != number.group():
                first[key] = ""  # past it: nothing more joins
            if first.get(key) == "" or len(out.get(key, "")) >= chars or is_contents(c.clause_id):
                continue
            out[key] = (out.get(key, "") + " " + c.text)[:chars]
        return out

    def _allowed(self, agreements: Collection[str] | None, files: Collection[str] | None) -> np.ndarray | None:
        """Sorted positions of the chunks in scope; None for everything."""
        if not agreements and not files:
            return None
        if agreements:
            parts = [self._by_agreement[key] for key in agreements if key in self._by_agreement]
            if files:
                names = set(files)
                parts = [p[[self._clause(int(n)).file in names for n in p]] if len(p) else p for p in parts]
        else:
            parts = [self._by_file[name] for name in files if name in self._by_file]
        return np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)


def _row(chunk_id: str) -> int:
    """A chunk's position in its file ("<file hash>:00012" -> 12); -1 when the id has none."""
    tail = chunk_id.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else -1


def _lexical_index(terms: np.ndarray, indptr: np.ndarray, vocabulary: dict[str, int]):
    """(BM25 scorer, chunk x stem incidence matrix) from every chunk's stems as column numbers."""
    from bm25s.tokenization import Tokenized
    from scipy.sparse import csr_matrix

    n = len(indptr) - 1
    counts = csr_matrix((np.ones(len(terms), dtype=np.float32), terms, indptr), shape=(n, len(vocabulary)))
    counts.sum_duplicates()  # each chunk's term frequencies
    incidence = counts.copy()
    incidence.data[:] = 1.0
    if n == 0:
        return None, incidence
    bm25 = _assembled_bm25()(counts, np.diff(indptr))
    bm25.index(Tokenized(ids=[], vocab=dict(vocabulary)), show_progress=False)
    return bm25, incidence


@lru_cache(maxsize=1)
def _assembled_bm25():
    """bm25s' BM25 whose index comes from a term-frequency matrix in a few array operations,
    through bm25s' own idf and term-frequency scorers (build_index_from_ids is its documented
    override point), not its per-document Python loop: 0.05 s at 38k chunks instead of 1.3 s.
    Queries are scored by bm25s as before."""
    import bm25s
    from bm25s import scoring
    from scipy.sparse import csr_matrix

    class AssembledBM25(bm25s.BM25):
        def __init__(self, counts, lengths: np.ndarray):
            super().__init__()
            self._counts, self._lengths = counts, lengths  # chunk x term frequencies; tokens per chunk

        def build_index_from_ids(self, unique_token_ids, corpus_token_ids, show_progress=True, leave_progress=False):
            counts, lengths = self._counts, self._lengths
            self.nonoccurrence_array = None  # used by BM25L and BM25+ only; this is the default Lucene BM25
            n_docs, n_vocab = counts.shape[0], len(unique_token_ids)
            frequencies = np.bincount(counts.indices, minlength=n_vocab)
            idf = scoring._build_idf_array(dict(enumerate(frequencies.tolist())), n_docs,
                                           scoring._select_idf_scorer(self.idf_method), self.dtype)
            rows = np.repeat(np.arange(n_docs), np.diff(counts.indptr))
            tfc = scoring._select_tfc_scorer(self.method)(tf_array=counts.data, l_d=lengths[rows], l_avg=lengths.mean(),
                                                          k1=self.k1, b=self.b, delta=self.delta)
            scores = csr_matrix((idf[counts.indices] * tfc, counts.indices, counts.indptr),
                                shape=(n_docs, n_vocab)).tocsc()
            return {"data": scores.data.astype(self.dtype), "indices": scores.indices.astype(self.int_dtype),
                    "indptr": scores.indptr, "num_docs": n_docs}

    return AssembledBM25


def candidate_source(retriever: HybridRetriever, embed):
    """Hit -> (candidate spans, their vectors): the stored ones, or embedded now when a file
    has none (indexed by an older version, or by another client of a server)."""

    def spans_of(hit: Hit) -> tuple[list[tuple[int, int, int]], np.ndarray]:
        stored = retriever.spans(hit)
        if stored is None:
            rows = embedded_spans(hit.clause.text)
            vectors = np.asarray(embed([text for *_, text in rows]), dtype=np.float32) if rows else np.zeros((0, 1))
            stored = [(s, e, w) for s, e, w, _ in rows], vectors
        return _off_running_lines(stored, hit.clause.text, hit.running)

    return spans_of


def _off_running_lines(stored: tuple[list[tuple[int, int, int]], np.ndarray], text: str,
                       running: frozenset[str]) -> tuple[list[tuple[int, int, int]], np.ndarray]:
    """The spans with the running heads and feet at their ends cut off, and those that hold nothing
    else left out (with their vectors)."""
    spans, vectors = stored
    if not running:
        return stored
    kept, rows = [], []
    for n, (s, e, w) in enumerate(spans):
        s, e = without_running_lines(text, s, e, running)
        if e > s:
            kept.append((s, e, w))
            rows.append(n)
    return kept, vectors[rows] if len(rows) != len(spans) else vectors


def _distinct(ranked: list[int], wording: Callable[[int], int]) -> list[int]:
    """`ranked` without the entries whose wording an earlier one has."""
    seen: set[int] = set()
    chosen = []
    for n in ranked:
        text = wording(n)
        if text not in seen:
            seen.add(text)
            chosen.append(n)
    return chosen
