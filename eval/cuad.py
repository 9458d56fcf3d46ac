"""The CUAD suite: clause retrieval, character overlap and found/not-found on real contracts."""

from __future__ import annotations

import json
import os
import time
from datetime import datetime, timezone
from pathlib import Path

from assistant import ClauseQAError
from eval import metrics as m

REPO = Path(__file__).resolve().parents[1]
QUICK_CONTRACTS = 10
K = 5


class CuadNotFound(ClauseQAError):
    pass


def cuad_dir() -> Path:
    """CLAUSEQA_CUAD_DIR, else the shared folder next to the repo."""
    path = Path(os.environ.get("CLAUSEQA_CUAD_DIR") or REPO.parent / "shared" / "cuad")
    if not (path / "qa.jsonl").exists() or not (path / "contracts").is_dir():
        raise CuadNotFound(f"No CUAD set at {path} (needs qa.jsonl and contracts/) — "
                           f"set CLAUSEQA_CUAD_DIR to the folder that holds them")
    return path


def load_rows(limit: int | None = None, root: Path | None = None) -> tuple[list[str], list[dict]]:
    """The first `limit` contracts (sorted file names) and every qa.jsonl row about them."""
    root = root or cuad_dir()
    with open(root / "qa.jsonl", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    files = sorted({r["file"] for r in rows})[: limit or QUICK_CONTRACTS]
    chosen = set(files)
    return files, [r for r in rows if r["file"] in chosen]


def run_cuad(limit: int | None = None, index_dir: str | None = None, model: str | None = None,
             progress: bool = True, qa=None):
    from tqdm import tqdm

    from eval.run import SuiteResult

    root = cuad_dir()
    files, rows = load_rows(limit, root)
    if not rows:
        raise CuadNotFound(f"{root / 'qa.jsonl'} has no rows — nothing to evaluate")
    n = len(files)
    build_seconds = 0.0
    if qa is None:
        from assistant import Assistant

        t = time.perf_counter()
        qa = Assistant.from_paths([str(root / "contracts" / f) for f in files],
                                  index_dir=index_dir or str(REPO / ".clauseqa" / f"eval-cuad-{n}"), model=model)
        build_seconds = time.perf_counter() - t
    texts = {f: qa.document_text(f) for f in files}
    results = []
    retrieve_seconds = 0.0
    for row in tqdm(rows, desc=f"cuad ({n} contracts)", unit="q", disable=not progress):
        t = time.perf_counter()
        hits = qa.retrieve(row["question"], k=K, files=[row["file"]])
        retrieve_seconds += time.perf_counter() - t
        t = time.perf_counter()
        answer = qa.ask(row["question"], files=[row["file"]])
        results.append(score_row(row, hits, answer, time.perf_counter() - t, texts))
    categories = {c: score_cuad_rows([r for r in results if r["category"] == c])
                  for c in sorted({r["category"] for r in results})}
    meta = {"contracts": files, "index_seconds": round(build_seconds, 1), "k": K,
            "retrieve_seconds": round(retrieve_seconds, 1), "model": model or getattr(getattr(qa, "settings", None), "model", None),
            "when": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    return SuiteResult(f"cuad-{n}", score_cuad_rows(results), categories, tuple(results), (), meta)


def score_row(row: dict, hits, answer, seconds: float, texts: dict[str, str]) -> dict:
    """One CUAD question: rank of the first gold-overlapping chunk, char overlap, found or not."""
    answerable = bool(row["answerable"])
    gold = row.get("gold") or []
    rank = m.first_hit_rank([(h.clause.start, h.clause.end) for h in hits], gold) if answerable else None
    # only a found answer claims its citations; a "not found" reply cites nothing
    spans = [(c.start, c.end) for c in answer.citations if c.file == row["file"]] if answer.found else []
    precision, recall = m.char_precision_recall(spans, gold) if answerable else (None, None)
    faithful, total = m.faithful_citations(answer.citations, lambda f: texts[f])
    text = texts[row["file"]]
    gold_text = " … ".join(text[g["start"]:g["end"]] for g in gold[:2])
    return {
        "id": row["id"], "category": row["category"], "file": row["file"], "question": row["question"],
        "expect_found": answerable, "found": bool(answer.found), "text": answer.text,
        "expected": (f"{row.get('answer', '')} — gold: {gold_text[:600]}" if answerable else "not found (no such clause)"),
        "rank": rank, "char_precision": precision, "char_recall": recall,
        "correct": bool(answer.found) == answerable and (not answerable or bool(recall)),
        "cited_clauses": [{"file": c.file, "agreement": c.agreement, "clause": c.clause, "quote": c.quote,
                           "clause_text": c.clause_text} for c in answer.citations],
        "faithful": faithful, "citations": total, "seconds": round(seconds, 4),
    }


def score_cuad_rows(rows: list[dict]) -> dict:
    answerable = [r for r in rows if r["expect_found"]]
    found = m.binary_scores([r["found"] for r in rows], [r["expect_found"] for r in rows])
    faithful, total = sum(r["faithful"] for r in rows), sum(r["citations"] for r in rows)
    return {
        "n_questions": len(rows), "n_answerable": len(answerable),
        "hit@1": m.mean(m.hit_at(r["rank"], 1) for r in answerable),
        f"hit@{K}": m.mean(m.hit_at(r["rank"], K) for r in answerable),
        "mrr": m.mean(m.reciprocal_rank(r["rank"]) for r in answerable),
        "char_precision": m.mean(r["char_precision"] for r in answerable),
        "char_recall": m.mean(r["char_recall"] for r in answerable),
        "found_precision": found["precision"], "found_recall": found["recall"],
        "found_balanced_accuracy": found["balanced_accuracy"],
        "answer_correctness": m.mean(float(r["correct"]) for r in rows),
        "faithfulness": faithful / total if total else None,
        **m.latency([r["seconds"] for r in rows]),
    }
