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
    """Every fact appears in the text (any one of its alternatives), after normalize_text, or as
    written: "Jul 16" is in "Jul 15, Jul 16, 2020" although its normal form reads "2020-07-16"."""
    haystack, plain = normalize_text(text), _plain(text)
    return all(any(normalize_text(alt) in haystack or _plain(alt) in plain for alt in fact) for fact in facts)


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


def answer_correct(answer, facts: Sequence[Sequence[str]], expect_found: bool) -> bool:
    """Answerable: found and every fact present. Unanswerable: the assistant said not found."""
    if not expect_found:
        return not answer.found
    return bool(answer.found) and facts_present(answer.text, facts)


def first_line_correct(answer, facts: Sequence[Sequence[str]]) -> bool:
    """Found, and every fact already in the answer's first line (a short answer comes first)."""
    return bool(answer.found) and facts_present((answer.text or "").split("\n", 1)[0], facts)


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
    """Each gold span with its copies: [start, end) plus every also_at copy.

    CUAD's qa.jsonl gives a copy as its start (same length as the span); a {start, end} copy is
    taken as written, so hand-made gold in either shape scores the same way."""
    return [[(g["start"], g["end"])] + [_copy(g, s) for s in g.get("also_at", ())] for g in gold]


def _copy(gold: dict, at) -> Span:
    if isinstance(at, dict):
        return (at["start"], at["end"])
    return (at, at + gold["end"] - gold["start"])


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _touches_gold(span: Span, gold: Sequence[dict]) -> bool:
    return any(overlaps(span, s) for copies in gold_copies(gold) for s in copies)


# -- CUAD: what the answer cites ---------------------------------------------------------------
# Only a found answer claims its citations (a "not found" reply that shows what it searched is
# still a refusal), and a citation of another contract never counts, whatever its offsets.

def first_cite_overlap(answer, file: str, gold: Sequence[dict]) -> bool:
    """Found, and the first citation (the one a reader sees first) is in `file` and overlaps gold."""
    if not answer.found or not answer.citations:
        return False
    first = answer.citations[0]
    return first.file == file and _touches_gold((first.start, first.end), gold)


def any_cite_overlap(answer, file: str, gold: Sequence[dict]) -> bool:
    """Found, and some citation is in `file` and overlaps gold."""
    return bool(answer.found) and any(c.file == file and _touches_gold((c.start, c.end), gold)
                                      for c in answer.citations)


def right_file_first(answer, file: str) -> bool:
    """Found, and the first citation is in `file` (whole-corpus questions: the right contract)."""
    return bool(answer.found) and bool(answer.citations) and answer.citations[0].file == file


def cited_chars(answer) -> int | None:
    """Characters cited by a found answer (overlapping citations count twice: the reader reads
    them twice); None for a refusal, which claims nothing."""
    return sum(c.end - c.start for c in answer.citations) if answer.found else None


def first_hit_rank(chunks: Sequence[Span], gold: Sequence[dict]) -> int | None:
    """1-based rank of the first chunk overlapping any gold span or copy; None if none does."""
    for rank, chunk in enumerate(chunks, 1):
        if _touches_gold(chunk, gold):
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
