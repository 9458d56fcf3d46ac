"""Candidate evidence for a question: every sentence (or short window) of the retrieved clauses,
with the feature row the learned ranker scores it by."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.features import QUESTION_TYPES, SPAN_TYPES, is_dangling, question_types, span_types, type_match
from assistant.retrieve import Hit
from assistant.text import content_terms, related
from index.clean import clean_for_embedding
from index.sentences import sentence_spans

DENSE_CHARS = 600  # candidates are embedded by at most this many characters

CANDIDATE_FEATURES: tuple[str, ...] = (
    "s_cos", "c_cos", "s_cos_gap", "c_cos_gap", "hit_rank", "hit_fused", "structural",
    "c_cov", "s_cov", "s_idf_cov", "s_idf_cov_gap", "heading_cov", "lead_in_cov", "title_cov",
    "clause_pos", "is_preamble", "is_signatures", "is_footnote", "sent_index", "sent_rel", "clause_sents",
    "log_chars", "width", "dangling", "type_match", "n_terms", "absent",
    *(f"q_{name}" for name, _ in QUESTION_TYPES), *(f"s_{name}" for name, _ in SPAN_TYPES),
)
_LEADING_NUMBER = re.compile(r"^[\s#*>•-]*(?:(?:Section|ARTICLE)\s+)?(?:\d{1,2}(?:\.\d{1,2})*\s?[.)]?|\([a-z]{1,3}\))?\s*")


@dataclass(frozen=True)
class Candidate:
    hit: Hit
    start: int  # absolute offsets in the file's text
    end: int
    width: int  # how many sentences or lines the span joins


@dataclass(frozen=True)
class EvidenceSet:
    """A question's candidates and their features: what the ranker and the "found" decision read."""

    question: str
    candidates: tuple[Candidate, ...]
    features: np.ndarray  # one row per candidate, columns CANDIDATE_FEATURES
    asked: tuple[float, ...] = ()  # question_types of the question
    absent: float = 0.0

    def __len__(self) -> int:
        return len(self.candidates)


def gather(question: str, hits: Sequence[Hit], embed: Callable[[Sequence[str]], list[list[float]]],
           idf: dict[str, float], extents: dict[str, tuple[int, int]], ignore_terms: Sequence[str] = (),
           synonyms: dict[str, frozenset[str]] | None = None, expansion: str = "", absent: float = 0.0,
           structural: frozenset[str] = frozenset()) -> EvidenceSet:
    """Candidates from the hits, in hit order, with their feature rows.
    `idf`: stem -> inverse document frequency; `extents`: agreement key -> (start, end) in its file;
    `structural`: chunk ids that joined because of where they sit (opening, signature block)."""
    candidates: list[Candidate] = []
    positions: list[tuple[int, int]] = []  # (index of the sentence in its clause, sentences in clause)
    for hit in hits:
        spans = candidate_spans(hit.clause.text)
        singles = sum(1 for *_, w in spans if w == 1) or 1
        for n, (s, e, width) in enumerate(spans):
            candidates.append(Candidate(hit, hit.clause.start + s, hit.clause.start + e, width))
            positions.append((min(n, singles - 1), singles))
    asked = question_types(question)
    if not candidates:
        return EvidenceSet(question, (), np.zeros((0, len(CANDIDATE_FEATURES)), dtype=np.float32), asked, absent)
    texts = [_text(c) for c in candidates]
    dense_texts = [dense_text(t) for t in texts]
    vectors = np.asarray(embed([f"{question} ({expansion})" if expansion else question, *dense_texts]),
                         dtype=np.float32)
    s_cos = vectors[1:] @ vectors[0]
    terms = sorted(set(content_terms(question)) - set(ignore_terms))  # sorted: sums add up the same every run
    acronyms = synonyms or {}
    weights = {t: idf.get(t, max(idf.values(), default=1.0)) for t in terms}
    total_weight = sum(weights.values()) or 1.0

    def present(words: set[str] | frozenset[str]) -> list[str]:
        return [t for t in terms if t in words or related(t) & words or (t in acronyms and acronyms[t] <= words)]

    rows = []
    rank = {h.chunk_id: n for n, h in enumerate(hits)}
    top_fused = max((h.score for h in hits), default=0.0) or 1.0
    heading_cache: dict[str, float] = {}
    for c, text, cos, (index, count) in zip(candidates, texts, s_cos, positions):
        clause = c.hit.clause
        words = set(content_terms(text)) | c.hit.context
        found = present(words)
        if c.hit.chunk_id not in heading_cache:
            heading_cache[c.hit.chunk_id] = _share(present(set(content_terms(clause.heading))), terms)
        first, last = extents.get(c.hit.agreement_key, (clause.start, clause.end))
        kind = clause.clause_id.split()[0].lower()
        present_types = span_types(text)
        rows.append([
            float(cos), c.hit.dense, 0.0, 0.0, float(rank[c.hit.chunk_id]), c.hit.score / top_fused,
            1.0 if c.hit.chunk_id in structural else 0.0,
            c.hit.lexical, _share(found, terms), sum(weights[t] for t in found) / total_weight, 0.0,
            heading_cache[c.hit.chunk_id], _share(present(c.hit.context), terms), _share(present(c.hit.title), terms),
            (clause.start - first) / max(1, last - first), float(kind == "preamble"), float(kind == "signatures"),
            float(kind == "footnote"), float(index), index / count, float(count),
            math.log1p(c.end - c.start), float(c.width), is_dangling(text), type_match(asked, present_types),
            float(len(terms)), absent, *asked, *present_types,
        ])
    features = np.asarray(rows, dtype=np.float32)
    column = {name: i for i, name in enumerate(CANDIDATE_FEATURES)}
    for value, gap in (("s_cos", "s_cos_gap"), ("c_cos", "c_cos_gap"), ("s_idf_cov", "s_idf_cov_gap")):
        features[:, column[gap]] = features[:, column[value]].max() - features[:, column[value]]
    return EvidenceSet(question, tuple(candidates), features, asked, absent)


def _share(found: Sequence[str], terms: set[str]) -> float:
    return len(found) / len(terms) if terms else 0.0


def _text(candidate: Candidate) -> str:
    clause = candidate.hit.clause
    return span_text(clause.text[candidate.start - clause.start:candidate.end - clause.start])


def span_text(raw: str) -> str:
    """A candidate's words as features read them: markup and OCR debris cleaned."""
    return clean_for_embedding(raw) or raw


def dense_text(text: str) -> str:
    """What the model embeds of a candidate: the model's cost grows with length, so a long one is
    compared by its opening words."""
    return text if len(text) <= DENSE_CHARS else text[:text.rfind(" ", 0, DENSE_CHARS) + 1 or DENSE_CHARS]


def candidate_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, how many sentences) within a clause's text: sentences, with line breaks also
    ending one (signature blocks and headers are lines), and, where lines are short, windows of
    adjacent ones (a name under its role, a title under "entitled"); each trimmed of its leading
    clause number so quotes read cleanly."""
    spans = []
    for s, e in sentence_spans(text):
        for line in re.finditer(r"[^\n]+", text[s:e]):
            if line.group().strip():
                spans.append((s + line.start(), s + line.end()))
    widths = (1, 2) if len(spans) > 2 and sum(e - s for s, e in spans) / len(spans) < 80 else (1,)
    singles = spans
    spans = [(s, e, 1) for s, e in singles]
    spans += [(singles[i][0], singles[i + w][1], w + 1) for w in widths for i in range(len(singles) - w)]
    if 2 not in widths:  # a short line between two ("The parties are:" / "Jane Roe" / "(Licensee)")
        spans += [(singles[i][0], singles[i + 2][1], 3) for i in range(len(singles) - 2)
                  if singles[i + 1][1] - singles[i + 1][0] < 40]
    out: dict[tuple[int, int], int] = {}  # a window that trims to a sentence is that sentence
    for s, e, width in spans:
        skip = _LEADING_NUMBER.match(text, s, e)
        s2 = skip.end() if skip and skip.end() < e else s
        while e > s2 and text[e - 1].isspace():
            e -= 1
        if len(re.findall(r"[A-Za-z]", text[s2:e])) >= 3:
            out[(s2, e)] = min(width, out.get((s2, e), width))
    return [(s, e, width) for (s, e), width in out.items()]
