"""Labelled candidate sets for fitting and validating the evidence ranker, from the split's parts.

A candidate is labelled 1 when its span overlaps a lawyer's gold span (CUAD), or when it lies in an
expected clause and holds an expected fact (the hand-written pairs). Every question keeps its
contract and category so fitting can fold by contract and validation can hold categories out.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import yaml

from eval.split import FIT, cuad_files, pair_half

REPO = Path(__file__).resolve().parents[1]
PARAPHRASES = REPO / "eval" / "pairs" / "paraphrases.yaml"


@dataclass
class Question:
    qid: str
    text: str
    contract: str  # the file; the fold unit
    category: str  # CUAD category or the pair's category; for leave-category-out only, never a feature
    answerable: bool
    evidence: object  # assistant.evidence.EvidenceSet
    labels: np.ndarray  # one 0/1 per candidate
    gold: tuple = ()  # CUAD gold spans (start, end) incl. also_at, for answer-level scoring
    style: str = "original"


def cuad_rows(root: Path) -> list[dict]:
    with open(root / "qa.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_spans(row: dict) -> tuple[tuple[int, int], ...]:
    """Every gold span of a row with its also_at copies, flat."""
    from eval.metrics import gold_copies

    return tuple(span for copies in gold_copies(row.get("gold") or []) for span in copies)


def paraphrases() -> dict[str, list[str]]:
    return {e["category"]: list(e["paraphrases"]) for e in yaml.safe_load(PARAPHRASES.read_text())}


def pick(items: list[str], key: str, n: int) -> list[str]:
    """n of the items, chosen by a hash of the key: fixed across runs and machines."""
    if not items or n <= 0:
        return []
    start = int(hashlib.sha256(key.encode()).hexdigest(), 16) % len(items)
    return [items[(start + i) % len(items)] for i in range(min(n, len(items)))]


def cuad_questions(qa, rows: list[dict], files: list[str], n_paraphrases: int, progress=None) -> list[Question]:
    """The rows of these contracts, asked in CUAD's words and in n hand-written paraphrases, each
    scoped to its contract; candidate vectors come from the index (stored at index time)."""
    para = paraphrases() if n_paraphrases else {}
    chosen = set(files)
    out = []
    by_file: dict[str, list[dict]] = {}
    for r in rows:
        if r["file"] in chosen:
            by_file.setdefault(r["file"], []).append(r)
    for n, file in enumerate(files):
        for row in by_file.get(file, []):
            gold = gold_spans(row)
            asked = [("original", row["question"])]
            asked += [("paraphrase", q) for q in pick(para.get(row["category"], []), row["id"], n_paraphrases)]
            for style, text in asked:
                evidence = compact(qa.candidates(text, files=[file]))
                labels = label_spans(evidence, lambda c: any(c.start < e and s < c.end for s, e in gold))
                out.append(Question(f"{row['id']}::{style}::{text[:20]}", text, file, row["category"],
                                    bool(row["answerable"]), evidence, labels, gold, style))
        if progress:
            progress(n + 1, len(files))
    return out


def compact(evidence):
    """The candidates' vectors kept in half precision: refitting the prototypes reads them for tens
    of thousands of questions."""
    if evidence.vectors is None:
        return evidence
    return replace(evidence, vectors=evidence.vectors.astype(np.float16))


def label_spans(evidence, right) -> np.ndarray:
    """1 for a sentence that `right` accepts; a window of sentences only when every sentence in it
    is right, so the shortest quote that answers is the one the ranker learns to prefer."""
    singles: dict[str, list] = {}
    for c in evidence.candidates:
        if c.width == 1:
            singles.setdefault(c.hit.chunk_id, []).append(c)
    labels = []
    for c in evidence.candidates:
        if c.width == 1:
            labels.append(right(c))
            continue
        parts = [s for s in singles.get(c.hit.chunk_id, ()) if c.start <= s.start and s.end <= c.end]
        labels.append(bool(parts) and all(right(s) for s in parts))
    return np.asarray(labels, dtype=np.int8)


def pair_questions(qa, pairs_file: Path, half: str = FIT) -> list[Question]:
    """Single-question pairs of one half: a candidate is right when it sits in an expected clause and
    holds an expected fact (any alternative), or any expected clause when no fact is given."""
    from eval.metrics import clause_key, normalize_text

    out = []
    for pair in yaml.safe_load(pairs_file.read_text()):
        if "question" not in pair or pair_half(pair["id"]) != half:
            continue
        expected = {(c["file"], c["agreement"], str(c["clause"])) for c in pair.get("citations") or []}
        facts = pair.get("answer_facts") or []
        evidence = compact(qa.candidates(pair["question"]))

        def right(c) -> bool:
            clause = c.hit.clause
            key = (clause.file, clause.agreement_label, clause_key(clause.clause_id))
            text = normalize_text(c.text)
            return key in expected and (not facts or any(normalize_text(a) in text for f in facts for a in f))

        # a fact may need two lines (a name under its role): windows count whole here
        labels = np.asarray([right(c) for c in evidence.candidates], dtype=np.int8)
        out.append(Question(pair["id"], pair["question"], "pairs:" + pair["id"], pair["category"],
                            pair.get("expect_found", True), evidence, labels))
    return out


def fit_files(root: Path, n: int) -> list[str]:
    return cuad_files({r["file"] for r in cuad_rows(root)}, FIT, n)
