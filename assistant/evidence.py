"""Candidate evidence for a question: every sentence (or short window) of the retrieved clauses,
with the feature row the learned ranker scores it by."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from assistant.defined_terms import held_through_terms
from assistant.features import QUESTION_TYPES, SPAN_TYPES, is_dangling, span_types, type_match
from assistant.query import Query
from assistant.retrieve import Hit
from assistant.text import content_terms, related
from index.spans import span_text

CANDIDATE_FEATURES: tuple[str, ...] = (
    "s_cos", "c_cos", "s_cos_gap", "c_cos_gap", "hit_rank", "hit_fused", "structural",
    "c_cov", "s_cov", "s_idf_cov", "s_idf_cov_gap", "heading_cov", "lead_in_cov", "title_cov", "label_cov",
    "clause_pos", "is_preamble", "is_signatures", "is_footnote", "sent_index", "sent_rel", "clause_sents",
    "log_chars", "width", "dangling", "type_match", "n_terms", "absent", "a_cos", "a_cos_gap", "q_proto_sim",
    "q_adapt_cos", "q_adapt_gap",
    *(f"q_{name}" for name, _ in QUESTION_TYPES), *(f"s_{name}" for name, _ in SPAN_TYPES),
)


@dataclass(frozen=True)
class Candidate:
    hit: Hit
    start: int  # absolute offsets in the file's text
    end: int
    width: int  # how many sentences or lines the span joins
    cut_from: tuple[int, int] | None = None  # the whole span's offsets when this is an excerpt of it

    @property
    def text(self) -> str:
        """The span's words as the file has them."""
        clause = self.hit.clause
        return clause.text[self.start - clause.start:self.end - clause.start]


@dataclass(frozen=True)
class EvidenceSet:
    """A question's candidates and their features: what the ranker and the "found" decision read."""

    question: str
    candidates: tuple[Candidate, ...]
    features: np.ndarray  # one row per candidate, columns CANDIDATE_FEATURES
    asked: tuple[float, ...] = ()  # question_types of the question
    absent: float = 0.0
    question_vector: np.ndarray | None = None  # the question embedded (what the question prior reads)
    vectors: np.ndarray | None = None  # the candidates embedded, one row each (refitting reads them)

    def __len__(self) -> int:
        return len(self.candidates)


SpanSource = Callable[[Hit], tuple[list[tuple[int, int, int]], np.ndarray]]


def gather(query: Query, hits: Sequence[Hit], spans_of: SpanSource, idf: dict[str, float], max_idf: float,
           extents: dict[str, tuple[int, int]], absent: float = 0.0,
           prototype: tuple[np.ndarray | None, float] = (None, 0.0), adapted: np.ndarray | None = None,
           defined: Callable[[str], dict[str, frozenset[frozenset[str]]]] | None = None) -> EvidenceSet:
    """Candidates from the hits, in hit order, with their feature rows.
    `spans_of`: a hit's candidate spans (start, end, width within its clause) and their vectors;
    `idf`: stem -> inverse document frequency (`max_idf` for stems the index lacks);
    `extents`: agreement key -> (start, end) in its file;
    `prototype`: what answers to questions like this one say, and how alike those questions are
    (prototypes.AnswerPrototypes.answer_for);
    `adapted`: the question's vector as the question adapter maps it (adapter.QuestionAdapter.adapt);
    `defined`: agreement key -> the words it says only where it defines a term, and those terms
    (assistant.defined_terms): a sentence that uses the Equipment holds the asked "excavator"."""
    candidates: list[Candidate] = []
    positions: list[tuple[int, int]] = []  # (index of the sentence in its clause, sentences in clause)
    blocks = []
    for hit in hits:
        spans, vectors = spans_of(hit)
        blocks.append(vectors)
        singles = sum(1 for *_, w in spans if w == 1) or 1
        for n, (s, e, width) in enumerate(spans):
            candidates.append(Candidate(hit, hit.clause.start + s, hit.clause.start + e, width))
            positions.append((min(n, singles - 1), singles))
    asked = query.asked
    if not candidates:
        return EvidenceSet(query.focus, (), np.zeros((0, len(CANDIDATE_FEATURES)), dtype=np.float32), asked, absent,
                           query.vector)
    facts = [_span_facts(c.text) for c in candidates]
    vectors = np.concatenate([np.asarray(b, dtype=np.float32) for b in blocks if len(b)])
    s_cos = vectors @ query.evidence_vector
    terms = sorted(set(query.terms))  # sorted: sums add up the same every run
    acronyms = dict(query.scope.synonyms)
    weights = {t: idf.get(t, max_idf) for t in terms}
    total_weight = sum(weights.values()) or 1.0

    # each asked stem with its synonyms and what it stands for as an acronym, looked up once per ask
    asked_stems = [(t, related(t) | {t}, acronyms.get(t)) for t in terms]

    def present(words: set[str] | frozenset[str], more: set[str] | frozenset[str] = frozenset()) -> list[str]:
        """The asked stems the words (and `more`) hold: themselves, a synonym or an acronym's whole expansion."""
        return [t for t, stems, expansion in asked_stems
                if not stems.isdisjoint(words) or more and not stems.isdisjoint(more)
                or expansion is not None and expansion <= (words | more)]

    rows = []
    rank = {h.chunk_id: n for n, h in enumerate(hits)}
    top_fused = max((h.score for h in hits), default=0.0) or 1.0
    heading_cache: dict[str, tuple[float, float, float]] = {}
    asked_terms = frozenset(terms)
    for c, (span_words, present_types, dangling, label), cos, (index, count) in zip(candidates, facts, s_cos,
                                                                                       positions):
        clause = c.hit.clause
        if defined is not None:
            span_words = span_words | held_through_terms(terms, span_words, defined(c.hit.agreement_key))
        found = present(span_words, c.hit.context)
        if c.hit.chunk_id not in heading_cache:  # the clause's heading, lead-in and title: once per hit
            heading_cache[c.hit.chunk_id] = (_share(present(_heading_stems(clause.heading)), terms),
                                             _share(present(c.hit.context), terms), _share(present(c.hit.title), terms))
        first, last = extents.get(c.hit.agreement_key, (clause.start, clause.end))
        kind = clause.clause_id.split()[0].lower()
        rows.append([
            float(cos), c.hit.dense, 0.0, 0.0, float(rank[c.hit.chunk_id]), c.hit.score / top_fused,
            1.0 if c.hit.structural else 0.0,
            c.hit.lexical, _share(found, terms), sum(weights[t] for t in found) / total_weight, 0.0,
            *heading_cache[c.hit.chunk_id],
            label_coverage(label, asked_terms),
            (clause.start - first) / max(1, last - first), float(kind == "preamble"), float(kind == "signatures"),
            float(kind == "footnote"), float(index), index / count, float(count),
            math.log1p(c.end - c.start), float(c.width), dangling, type_match(asked, present_types),
            float(len(terms)), absent, 0.0, 0.0, 0.0, 0.0, 0.0, *asked, *present_types,
        ])
    features = np.asarray(rows, dtype=np.float32)
    column = {name: i for i, name in enumerate(CANDIDATE_FEATURES)}
    for value, gap in (("s_cos", "s_cos_gap"), ("c_cos", "c_cos_gap"), ("s_idf_cov", "s_idf_cov_gap")):
        features[:, column[gap]] = features[:, column[value]].max() - features[:, column[value]]
    set_prototype_columns(features, vectors, *prototype)
    set_adapter_columns(features, vectors, adapted)
    return EvidenceSet(query.focus, tuple(candidates), features, asked, absent, query.vector, vectors)


_A_COS, _A_COS_GAP, _Q_PROTO_SIM = (CANDIDATE_FEATURES.index(name) for name in ("a_cos", "a_cos_gap", "q_proto_sim"))


def set_prototype_columns(features: np.ndarray, vectors: np.ndarray, answer: np.ndarray | None,
                          similarity: float) -> None:
    """Fill the prototype columns in place: each candidate's cosine with the answer prototype, its
    gap to the best candidate's, and how alike the nearest fitted question is (0s without one)."""
    if answer is None or not len(features) or vectors.shape[1] != len(answer):
        features[:, [_A_COS, _A_COS_GAP, _Q_PROTO_SIM]] = 0.0
        return
    a_cos = np.asarray(vectors, dtype=np.float32) @ np.asarray(answer, dtype=np.float32)
    features[:, _A_COS] = a_cos
    features[:, _A_COS_GAP] = a_cos.max() - a_cos
    features[:, _Q_PROTO_SIM] = similarity


_ADAPT_COS, _ADAPT_GAP, _S_COS, _S_COS_GAP = (CANDIDATE_FEATURES.index(name) for name in
                                               ("q_adapt_cos", "q_adapt_gap", "s_cos", "s_cos_gap"))


def set_adapter_columns(features: np.ndarray, vectors: np.ndarray, adapted: np.ndarray | None) -> None:
    """Fill the adapter columns in place: each candidate's cosine with the adapted question and its
    gap to the best candidate's; the plain cosine's columns without an adapter for these vectors."""
    if not len(features):
        return
    if adapted is None or vectors.shape[1] != len(adapted):
        features[:, [_ADAPT_COS, _ADAPT_GAP]] = features[:, [_S_COS, _S_COS_GAP]]
        return
    norms = np.maximum(np.linalg.norm(np.asarray(vectors, dtype=np.float32), axis=1), 1e-9)
    cos = (np.asarray(vectors, dtype=np.float32) @ np.asarray(adapted, dtype=np.float32)) / norms
    features[:, _ADAPT_COS] = cos
    features[:, _ADAPT_GAP] = cos.max() - cos


def _share(found: Sequence[str], terms: set[str]) -> float:
    return len(found) / len(terms) if terms else 0.0


# A form's field: "EventTitle: ...", "**Effective Date:** ...", "Premises: ..." (a label of up to four
# capitalised words, then its value)
_LABEL = re.compile(r"^[\s#*>•-]*(?:\*\*)?((?:[A-Z][\w&'/-]*|\([\w ]+\))(?:\s+(?:[A-Z][\w&'/-]*|of|and|for|the|"
                    r"\([\w ]+\))){0,3})(?:\*\*)?\s*:[ \t]*\S")


def label_coverage(label: frozenset[str], asked: frozenset[str]) -> float:
    """The share of a field label's words the question asks with ("What is the event title?" and
    "EventTitle:"): 0.0 for a span that is no labelled field."""
    if not label:
        return 0.0
    return sum(1 for t in label if t in asked or related(t) & asked) / len(label)


@lru_cache(maxsize=50_000)
def _heading_stems(heading: str) -> frozenset[str]:
    return frozenset(content_terms(heading))


@lru_cache(maxsize=50_000)
def _span_facts(raw: str) -> tuple[frozenset[str], tuple[float, ...], float, frozenset[str]]:
    """(stems, answer types present, dangling?, the stems of its field label) of a candidate's words,
    markup cleaned: the same sentences come back ask after ask, so each is read once."""
    text = span_text(raw)
    label = _LABEL.match(text)
    return (frozenset(content_terms(text)), span_types(text), is_dangling(text),
            frozenset(content_terms(label.group(1))) if label else frozenset())


def join(sets: Sequence[EvidenceSet]) -> EvidenceSet:
    """Evidence gathered agreement by agreement, as one set: each part's features were computed
    within its own agreement, as for a question asked of that agreement alone."""
    first = sets[0]
    vectors = [s.vectors for s in sets if s.vectors is not None and len(s)]
    return EvidenceSet(first.question, tuple(c for s in sets for c in s.candidates),
                       np.vstack([s.features for s in sets]), first.asked, min(s.absent for s in sets),
                       first.question_vector, np.vstack(vectors) if vectors else None)
