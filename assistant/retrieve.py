"""Hybrid retrieval: dense (Chroma) and lexical (BM25) rankings fused by reciprocal rank."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from assistant.text import content_terms, related
from index.clean import clean_for_embedding
from index.embedders import Embedder
from index.store import ChromaStore
from index.types import Clause

RRF_K = 60  # the constant from Cormack et al.; damps the head of each ranking


@dataclass(frozen=True)
class Hit:
    chunk_id: str
    clause: Clause
    score: float  # fused rank score: orders hits
    dense: float  # cosine similarity to the question
    lexical: float  # share of the question's content words the clause contains
    context: frozenset[str] = frozenset()  # words of a sub-item's lead-in ("You further warrant that:")
    title: frozenset[str] = frozenset()  # words of the section's title ("12. Governing Law."), for every part

    @property
    def agreement_key(self) -> str:
        return f"{self.clause.file}#{self.clause.agreement}"


class HybridRetriever:
    def __init__(self, store: ChromaStore, embedder: Embedder, clauses: Sequence[tuple[str, Clause]],
                 embed: Callable[[Sequence[str]], list[list[float]]] | None = None):
        """`embed`: how texts become vectors; the Assistant passes its cached one, so a question is
        embedded once per ask, by the same call that embeds its candidate sentences."""
        from rank_bm25 import BM25Okapi

        self.store = store
        self.embedder = embedder
        self._embed = embed or embedder.embed
        self.ids = [i for i, _ in clauses]
        self.clauses = {i: c for i, c in clauses}
        docs = [content_terms(_lexical_text(c)) or ["_"] for _, c in clauses]
        self._terms = [set(d) for d in docs]
        self._bm25 = BM25Okapi(docs) if docs else None
        self._position = {i: n for n, i in enumerate(self.ids)}
        self._lead_in = _lead_in_terms(clauses)
        self._titles = _section_titles(clauses)
        self._by_agreement: dict[str, list[str]] = {}
        self._by_file: dict[str, list[str]] = {}
        for i, c in clauses:
            self._by_agreement.setdefault(f"{c.file}#{c.agreement}", []).append(i)
            self._by_file.setdefault(c.file, []).append(i)

    def query_vector(self, question: str) -> list[float]:
        return self._embed([question])[0]

    def search(self, question: str, k: int = 8, agreements: Collection[str] | None = None,
               files: Collection[str] | None = None, query_vector: Sequence[float] | None = None,
               ignore_terms: Collection[str] = ()) -> list[Hit]:
        """Top-k hits within the given agreements (keys "file#n") and files; None means all.
        `ignore_terms` (the words that named the scope) count for no clause lexically."""
        if not self.ids:
            return []
        allowed = self._allowed(agreements, files)
        vector = query_vector if query_vector is not None else self.query_vector(question)
        depth = max(k * 4, 40)
        scope_files = sorted({self.clauses[i].file for i in allowed}) if allowed is not None else None
        scope_agreements = None
        if agreements and len(agreements) <= 20:
            scope_agreements = [(key.rsplit("#", 1)[0], int(key.rsplit("#", 1)[1])) for key in sorted(agreements)]
        found = self.store.query(vector, depth, scope_files, scope_agreements)
        dense_hits = [(i, s) for i, s in found if allowed is None or i in allowed]
        terms = [t for t in content_terms(question) if t not in set(ignore_terms)]
        lexical = self._lexical(terms, allowed, depth)
        fused: dict[str, float] = {}
        for ranking in ([i for i, _ in dense_hits], [i for i, _ in lexical]):
            for rank, chunk_id in enumerate(ranking):
                fused[chunk_id] = fused.get(chunk_id, 0.0) + 1.0 / (RRF_K + rank + 1)
        dense = dict(dense_hits)
        best = sorted(fused, key=fused.get, reverse=True)[:k]
        missing = [i for i in best if i not in dense]
        if missing:  # lexical-only hits still get a cosine (from their stored vectors), so scores compare
            for i, v in self.store.embeddings(missing).items():
                dense[i] = sum(a * b for a, b in zip(vector, v))
        return [Hit(i, self.clauses[i], fused[i], dense.get(i, 0.0), self._coverage(i, set(terms)),
                    self._lead_in.get(i, frozenset()), self._titles.get(i, frozenset())) for i in best]

    def opening(self, question: str, agreements: Collection[str] | None, files: Collection[str] | None,
                n: int = 2, max_agreements: int = 5) -> list[Hit]:
        """The first n chunks of each agreement in scope: where titles, parties and dates live."""
        return self._per_agreement(question, agreements, files, max_agreements,
                                   lambda group: sorted(group, key=lambda i: self.clauses[i].start)[:n])

    def signature_blocks(self, question: str, agreements: Collection[str] | None, files: Collection[str] | None,
                         max_agreements: int = 20) -> list[Hit]:
        """Each agreement's signature block: who signed, for whom, and when."""
        return self._per_agreement(question, agreements, files, max_agreements,
                                   lambda group: [i for i in group if self.clauses[i].clause_id == "signatures"])

    def _per_agreement(self, question: str, agreements: Collection[str] | None, files: Collection[str] | None,
                       max_agreements: int, pick) -> list[Hit]:
        allowed = self._allowed(agreements, files)
        by_agreement: dict[str, list[str]] = {}
        for i in self.ids if allowed is None else sorted(allowed, key=self._position.__getitem__):
            by_agreement.setdefault(f"{self.clauses[i].file}#{self.clauses[i].agreement}", []).append(i)
        if len(by_agreement) > max_agreements:
            return []
        ids = [i for group in by_agreement.values() for i in pick(group)]
        if not ids:
            return []
        vector = self.query_vector(question)
        stored = self.store.embeddings(ids)
        terms = set(content_terms(question))
        return [Hit(i, self.clauses[i], 0.0, sum(a * b for a, b in zip(vector, stored.get(i, ()))),
                    self._coverage(i, terms), self._lead_in.get(i, frozenset()), self._titles.get(i, frozenset()))
                for i in ids]

    def absent_share(self, terms: Collection[str], agreements: Collection[str] | None,
                     files: Collection[str] | None) -> float:
        """Share of the question's words (or their synonyms) found in no clause of the scope:
        "arbitration" in agreements that never mention it says the answer is not there."""
        terms = set(terms)
        if not terms:
            return 0.0
        allowed = self._allowed(agreements, files)
        if allowed is None:
            present = self._vocabulary
        else:
            present = set().union(*(self._terms[self._position[i]] for i in allowed))
        missing = [t for t in terms if t not in present and not (related(t) & present)]
        return len(missing) / len(terms)

    @cached_property
    def _vocabulary(self) -> set[str]:
        return set().union(*self._terms)

    @cached_property
    def idf(self) -> dict[str, float]:
        """Inverse chunk frequency of each stem: rare words say more about where an answer is."""
        df = Counter(t for terms in self._terms for t in terms)
        n = len(self._terms)
        return {t: math.log((n - f + 0.5) / (f + 0.5) + 1.0) for t, f in df.items()}

    @cached_property
    def extents(self) -> dict[str, tuple[int, int]]:
        """Each agreement's (first, last) character in its file, for a clause's relative position."""
        out: dict[str, tuple[int, int]] = {}
        for c in self.clauses.values():
            key = f"{c.file}#{c.agreement}"
            first, last = out.get(key, (c.start, c.end))
            out[key] = (min(first, c.start), max(last, c.end))
        return out

    def agreement_term_counts(self) -> Counter:
        """In how many agreements each (stemmed) word occurs."""
        per_agreement: dict[str, set[str]] = {}
        for chunk_id, terms in zip(self.ids, self._terms):
            c = self.clauses[chunk_id]
            per_agreement.setdefault(f"{c.file}#{c.agreement}", set()).update(terms)
        return Counter(t for terms in per_agreement.values() for t in terms)

    def openings(self, chars: int = 600) -> dict[str, str]:
        """Each agreement's first `chars` characters of clause text: where it names itself."""
        out: dict[str, str] = {}
        for c in sorted(self.clauses.values(), key=lambda c: (c.file, c.agreement, c.start)):
            key = f"{c.file}#{c.agreement}"
            if len(out.get(key, "")) < chars:
                out[key] = (out.get(key, "") + " " + c.text)[:chars]
        return out

    def _allowed(self, agreements: Collection[str] | None, files: Collection[str] | None) -> set[str] | None:
        if not agreements and not files:
            return None
        if agreements:
            names = set(files or ())
            return {i for key in agreements for i in self._by_agreement.get(key, ())
                    if not names or self.clauses[i].file in names}
        return {i for name in files for i in self._by_file.get(name, ())}

    def _lexical(self, query: list[str], allowed: set[str] | None, depth: int) -> list[tuple[str, float]]:
        if not query or self._bm25 is None:
            return []
        scores = np.asarray(self._bm25.get_scores(query))
        if allowed is not None:  # rank only the scope, in index order so ties break as before
            positions = np.asarray(sorted(self._position[i] for i in allowed), dtype=np.int64)
        else:
            positions = np.arange(len(self.ids))
        positions = positions[scores[positions] > 0]
        order = positions[np.argsort(-scores[positions], kind="stable")][:depth]
        return [(self.ids[n], float(scores[n])) for n in order]

    def _coverage(self, chunk_id: str, terms: set[str]) -> float:
        if not terms:
            return 0.0
        return len(terms & self._terms[self._position[chunk_id]]) / len(terms)


_TITLE = re.compile(r"^[\s#*>]*(?:(?:section|article|clause)\s+)?\d{1,3}(?:\.\d{1,3})*\.?\s+"
                    r"([A-Z][A-Za-z,;&/' -]{2,80}?)(?:\.(?=\s)|:|\n|\s+-\s)", re.IGNORECASE)


def _section_titles(clauses: Sequence[tuple[str, Clause]]) -> dict[str, frozenset[str]]:
    """Every chunk of a numbered section (its parts and sub-items) gets the words of the section's
    title, where the section starts with one ("12. Governing Law.", "SECTION 4. Term:")."""
    titles: dict[tuple[str, int, str], frozenset[str]] = {}
    for _, c in clauses:
        if re.fullmatch(r"\d{1,3}(?:\.\d{1,3})?", c.clause_id):
            match = _TITLE.match(c.text)
            if match and len(match.group(1).split()) <= 8:
                titles[(c.file, c.agreement, c.clause_id)] = frozenset(content_terms(match.group(1)))
    out = {}
    for chunk_id, c in clauses:
        number = re.match(r"\d{1,3}(?:\.\d{1,3})?", c.clause_id)
        top = re.match(r"\d{1,3}", c.clause_id)
        for key in ((number.group(0) if number else None), (top.group(0) if top else None)):
            if key and (c.file, c.agreement, key) in titles:
                out[chunk_id] = titles[(c.file, c.agreement, key)]
                break
    return out


def _lead_in_terms(clauses: Sequence[tuple[str, Clause]]) -> dict[str, frozenset[str]]:
    """For sub-items (6.1, 6(a)), the words of their parent's short lead-in clause."""
    by_id = {(c.file, c.agreement, c.clause_id): c.text for _, c in clauses}
    out = {}
    for chunk_id, c in clauses:
        match = re.match(r"(\d+)[.(]", c.clause_id)
        lead = by_id.get((c.file, c.agreement, match.group(1)), "") if match else ""
        if 0 < len(lead) < 240:
            out[chunk_id] = frozenset(content_terms(lead))
    return out


def _lexical_text(clause: Clause) -> str:
    return f"{clause.agreement_label} {clause.clause_id} {clean_for_embedding(clause.text)}"
