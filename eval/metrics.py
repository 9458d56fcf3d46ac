"""Pure metric functions over Answers and expectations: no index, no model, no I/O."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence

# -- clause identity ---------------------------------------------------------------------------

_SUFFIX = re.compile(r"\s*\((?:part\s*\d+|continued|cont\.?)\)\s*$", re.IGNORECASE)
_FOOTNOTE = re.compile(r"^footnote\b.*$", re.IGNORECASE)


def clause_key(clause_id: str) -> str:
    """The clause a chunk belongs to: "7 (part 2)" and "5 (continued)" are clause "7"/"5" for scoring,
    and "footnote 1" is "footnote" (the pairs name the one footnote without a number)."""
    clause = _SUFFIX.sub("", clause_id.strip())
    return "footnote" if _FOOTNOTE.match(clause) else clause


def cited_keys(citations: Iterable) -> set[tuple[str, str, str]]:
    """(file, agreement label, clause) of each Citation, at clause level."""
    return {(c.file, c.agreement, clause_key(c.clause)) for c in citations}


def citation_precision(cited: set, expected: set) -> float | None:
    """Share of cited clauses that were expected; None when nothing was cited (no claim to score)."""
    return len(cited & expected) / len(cited) if cited else None


def citation_recall(cited: set, expected: set) -> float | None:
    """Share of expected clauses that were cited; None when nothing is expected."""
    return len(cited & expected) / len(expected) if expected else None


# -- answer text -------------------------------------------------------------------------------

_MONTHS = {m[:3]: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_MDY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})\b")


def normalize_text(text: str) -> str:
    """Lower case, one space, straight quotes, and every written date as YYYY-MM-DD, so that
    "Sep 23, 2020", "September 23, 2020" and "23 Sep 2020" compare equal."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"\s+", " ", text)
    text = _MDY.sub(lambda m: _iso(m.group(3), m.group(1), m.group(2)), text)
    text = _DMY.sub(lambda m: _iso(m.group(3), m.group(2), m.group(1)), text)
    return text.strip()


def _iso(year: str, month: str, day: str) -> str:
    return f"{year}-{_MONTHS[month[:3]]:02d}-{int(day):02d}"


def facts_present(text: str, facts: Sequence[Sequence[str]]) -> bool:
    """Every fact appears in the text (any one of its alternatives), after normalize_text."""
    haystack = normalize_text(text)
    return all(any(normalize_text(alt) in haystack for alt in fact) for fact in facts)


def answer_correct(answer, facts: Sequence[Sequence[str]], expect_found: bool) -> bool:
    """Answerable: found and every fact present. Unanswerable: the assistant said not found."""
    if not expect_found:
        return not answer.found
    return bool(answer.found) and facts_present(answer.text, facts)


# -- refusal and found/not-found ---------------------------------------------------------------

def binary_scores(predicted: Sequence[bool], actual: Sequence[bool]) -> dict[str, float | None]:
    """Precision, recall, specificity and balanced accuracy of a yes/no prediction; None where
    the denominator is empty (e.g. no positives in a category)."""
    tp = sum(p and a for p, a in zip(predicted, actual))
    fp = sum(p and not a for p, a in zip(predicted, actual))
    fn = sum(a and not p for p, a in zip(predicted, actual))
    tn = sum(not p and not a for p, a in zip(predicted, actual))
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    specificity = tn / (tn + fp) if tn + fp else None
    balanced = (recall + specificity) / 2 if recall is not None and specificity is not None else None
    return {"precision": precision, "recall": recall, "specificity": specificity, "balanced_accuracy": balanced}


def refusal_scores(answers: Sequence, expect_found: Sequence[bool]) -> dict[str, float | None]:
    """Refusal = found is False; the positive class is the unanswerable questions."""
    scores = binary_scores([not a.found for a in answers], [not e for e in expect_found])
    return {"refusal_precision": scores["precision"], "refusal_recall": scores["recall"]}


# -- faithfulness and latency ------------------------------------------------------------------

def faithful_citations(citations: Iterable, text_of: Callable[[str], str]) -> tuple[int, int]:
    """(faithful, total): a citation is faithful when its quote is exactly text[start:end]."""
    total = faithful = 0
    for c in citations:
        total += 1
        try:
            faithful += text_of(c.file)[c.start:c.end] == c.quote
        except Exception:  # a citation of a file the index cannot give back is not faithful
            pass
    return faithful, total


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolated percentile (q in 0..100), as numpy's default."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def latency(seconds: Sequence[float]) -> dict[str, float | None]:
    mean = sum(seconds) / len(seconds) if seconds else None
    return {"latency_mean": mean, "latency_p50": percentile(seconds, 50), "latency_p95": percentile(seconds, 95)}


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the defined values; None if none is defined."""
    kept = [v for v in values if v is not None]
    return sum(kept) / len(kept) if kept else None


# -- CUAD: spans -------------------------------------------------------------------------------

Span = tuple[int, int]


def gold_copies(gold: Sequence[dict]) -> list[list[Span]]:
    """Each gold span with its copies: [start, end) plus every also_at start with the same length."""
    return [[(g["start"], g["end"])] + [(s, s + g["end"] - g["start"]) for s in g.get("also_at", ())]
            for g in gold]


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def first_hit_rank(chunks: Sequence[Span], gold: Sequence[dict]) -> int | None:
    """1-based rank of the first chunk overlapping any gold span or copy; None if none does."""
    spans = [s for copies in gold_copies(gold) for s in copies]
    for rank, chunk in enumerate(chunks, 1):
        if any(overlaps(chunk, s) for s in spans):
            return rank
    return None


def hit_at(rank: int | None, k: int) -> float:
    return 1.0 if rank is not None and rank <= k else 0.0


def reciprocal_rank(rank: int | None) -> float:
    return 1.0 / rank if rank else 0.0


def _union(spans: Iterable[Span]) -> list[Span]:
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _intersection(a: Sequence[Span], b: Sequence[Span]) -> int:
    return sum(max(0, min(x[1], y[1]) - max(x[0], y[0])) for x in a for y in b)


def char_precision_recall(cited: Sequence[Span], gold: Sequence[dict]) -> tuple[float | None, float | None]:
    """LegalBench-RAG-style character precision and recall of cited spans against gold.

    Precision: share of cited characters inside any gold span or copy (None if nothing cited).
    Recall: share of gold characters cited, each gold span counting its best-covered copy, so a
    clause repeated 50 times need only be cited once (None if there is no gold)."""
    cited_u = _union(cited)
    copies = gold_copies(gold)
    gold_u = _union(s for c in copies for s in c)
    cited_chars = sum(e - s for s, e in cited_u)
    precision = _intersection(cited_u, gold_u) / cited_chars if cited_chars else None
    gold_chars = sum(c[0][1] - c[0][0] for c in copies)
    covered = sum(max(_intersection(cited_u, [s]) for s in c) for c in copies)
    recall = covered / gold_chars if gold_chars else None
    return precision, recall
