"""The whole-corpus CUAD suite: many contracts in one index, questions that name their contract in
words, asked with no file filter, so the assistant must find the right contract itself."""

from __future__ import annotations

import time

from eval import metrics as m
from eval.cuad import CuadNotFound, chosen_files, cuad_dir, open_index, read_jsonl, styled
from eval.result import SuiteResult, by_category, cited_clauses, faithfulness, generative, now, setting
from eval.split import VALIDATION

QUERIES = "corpus_queries.jsonl"


def load_queries(limit: int | None = None, part: str = VALIDATION, root=None) -> tuple[list[str], list[dict]]:
    """The chosen contracts (the same ones the cuad suite picks) and every answerable corpus
    query about them; the contracts are chosen from qa.jsonl so both suites share one index."""
    root = root or cuad_dir()
    files = chosen_files(read_jsonl(root / "qa.jsonl"), part, limit)
    chosen = set(files)
    # an unanswerable query has no right contract to find: nothing to score
    return files, [r for r in read_jsonl(root / QUERIES) if r["file"] in chosen and r["answerable"]]


def styled_queries(rows: list[dict], style: str) -> list[dict]:
    """Each query's question asked in a paraphrase style (eval.cuad.styled) after its own lead-in naming the
    contract ("In the Co-Branding Agreement between A and B: <question>"); the gold stays the lawyers'."""
    parts = []
    for n, r in enumerate(rows):
        lead, _, question = r["question"].partition(": ")
        parts.append({"n": n, "category": r["category"], "lead": lead, "question": question})
    return [{**rows[p["n"]], "question": f"{p['lead']}: {p['question']}"} for p in styled(parts, style)]


def run_corpus(limit: int | None = None, part: str = VALIDATION, index_dir: str | None = None,
               model: str | None = None, progress: bool = True, qa=None, style: str | None = None) -> SuiteResult:
    """Ask every query of the whole index; key e.g. "cuad-corpus-validation-10", or
    "cuad-corpus-validation-10-everyday" asked in a paraphrase style after each query's lead-in."""
    from tqdm import tqdm

    root = cuad_dir()
    files, rows = load_queries(limit, part, root)
    if style:
        rows = styled_queries(rows, style)
    if not rows:
        raise CuadNotFound(f"{root / QUERIES} has no questions about the {len(files)} chosen contracts")
    build_seconds = 0.0
    if qa is None:
        qa, build_seconds = open_index(root, files, part, index_dir, model)
    texts: dict[str, str] = {}

    def text_of(file: str) -> str:
        if file not in texts:
            texts[file] = qa.document_text(file)
        return texts[file]

    results = []
    for row in tqdm(rows, desc=f"cuad corpus ({part}, {len(files)} contracts)", unit="q", disable=not progress):
        t = time.perf_counter()
        answer = qa.ask(row["question"])  # no files=: finding the contract is what is measured
        results.append(score_corpus_row(row, answer, time.perf_counter() - t, text_of))
    llm = generative(results)
    meta = {"part": part, "contracts": files, "index_seconds": round(build_seconds, 1),
            "model": model or setting(qa, "model"), "when": now(), "style": style or "cuad"}
    return SuiteResult(f"cuad-corpus-{part}-{len(files)}" + (f"-{style}" if style else ""),
                       score_corpus_rows(results, llm),
                       by_category(results, lambda r: score_corpus_rows(r, llm)), tuple(results), (), meta)


def score_corpus_row(row: dict, answer, seconds: float, text_of) -> dict:
    """One whole-corpus question: did the first citation land in the right contract, and on gold?"""
    file, gold = row["file"], row.get("gold") or []
    right = m.right_file_first(answer, file)
    first = m.first_cite_overlap(answer, file, gold)
    faithful, total = m.faithful_citations(answer.citations, text_of)
    gold_text = " … ".join(text_of(file)[g["start"]:g["end"]] for g in gold[:2])
    return {
        "id": row["id"], "category": row["category"], "file": file, "question": row["question"],
        "expect_found": True, "found": bool(answer.found), "text": answer.text, "mode": answer.mode,
        "expected": f"{row.get('answer', '')} — in {file}, gold: {gold_text[:600]}",
        "right_contract_at_1": right, "first_cite_overlap": first,
        "any_cite_overlap": m.any_cite_overlap(answer, file, gold), "cited_chars": m.cited_chars(answer),
        "cited_files": sorted({c.file for c in answer.citations}),
        "correct": first, "cited_clauses": cited_clauses(answer), "faithful": faithful, "citations": total,
        "seconds": round(seconds, 4),
    }


def score_corpus_rows(rows: list[dict], llm: bool = False) -> dict:
    """Every row is answerable, so a refusal is a miss on each metric."""
    return {
        "n_questions": len(rows),
        "right_contract_at_1": m.mean(float(r["right_contract_at_1"]) for r in rows),
        "first_cite_overlap": m.mean(float(r["first_cite_overlap"]) for r in rows),
        "any_cite_overlap": m.mean(float(r["any_cite_overlap"]) for r in rows),
        "mean_cited_chars": m.mean(r["cited_chars"] for r in rows),
        **faithfulness(rows, llm),
        **m.latency([r["seconds"] for r in rows]),
    }
