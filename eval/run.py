"""Run an eval suite through the public Assistant API, report it, and gate it against the baseline."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from eval import metrics as m
from eval.baseline import DEFAULT_BASELINE, check_baseline, suite_key, update_command, write_baseline
from eval.corpus import run_corpus
from eval.cuad import run_cuad
from eval.pairs_file import Pair, PairsFileError, load_pairs
from eval.report import print_summary, write_report
from eval.result import (ALL, HALVES, PARTS, REPO, EvalOptionError, SuiteResult, by_category, cited_clauses,
                         faithfulness, generative, now, setting)
from eval.split import TEST, VALIDATION, pair_half

SUITES = ("sample", "cuad", "cuad-corpus")
CUAD_SUITES = {"cuad": run_cuad, "cuad-corpus": run_corpus}


def run_eval(suite: str = "sample", limit: int | None = None, baseline: str | Path | None = DEFAULT_BASELINE,
             report_dir: str | Path | None = None, update_baseline: bool = False, index_dir: str | None = None,
             model: str | None = None, progress: bool = True, qa=None, part: str | None = None,
             half: str | None = None, style: str | None = None) -> int:
    """Run a suite ("sample", "cuad", "cuad-corpus" or a pairs .yaml path); 0 = pass, 1 = regression
    or broken pairs. `part` (validation|fit) picks the CUAD contracts, `half` (test|fit|all) the pairs,
    `style` (eval.cuad.STYLES) asks a CUAD suite in a hand-written paraphrase style (cuad-corpus: after
    each query's lead-in naming its contract).

    `qa` lets tests pass an already-open (or fake) assistant instead of building the index.
    From a CLI: `raise typer.Exit(run_eval(suite, limit=limit, baseline=baseline or DEFAULT_BASELINE,
    report_dir=report, update_baseline=update_baseline))`.
    """
    from rich.console import Console

    console = Console(stderr=True, width=max(120, Console(stderr=True).width))  # the table needs ~115 columns
    started = time.perf_counter()
    if style is not None and suite not in CUAD_SUITES:
        raise EvalOptionError(f"--style is for the CUAD suites (their questions in a paraphrase style); not {suite}")
    if suite in CUAD_SUITES:
        if half is not None:
            raise EvalOptionError(f"--half is for the pairs suites; {suite} takes --part ({', '.join(PARTS)})")
        extra = {"style": style} if style is not None else {}
        result = CUAD_SUITES[suite](limit=limit, part=part or VALIDATION, index_dir=index_dir, model=model,
                                    progress=progress, qa=qa, **extra)
    else:
        if part is not None:
            raise EvalOptionError(f"--part is for the CUAD suites; {suite} takes --half ({', '.join(HALVES)})")
        result = run_pairs_suite(suite, limit=limit, half=half or TEST, index_dir=index_dir, model=model,
                                 progress=progress, qa=qa)
    result.meta["seconds_total"] = round(time.perf_counter() - started, 1)

    results_path = Path(report_dir) / "results.json" if report_dir else REPO / ".clauseqa" / f"eval-{result.suite}-results.json"
    results_path.parent.mkdir(parents=True, exist_ok=True)
    results_path.write_text(json.dumps(result.to_dict(), indent=1, default=str), encoding="utf-8")
    if report_dir:
        write_report(result, report_dir)
    print_summary(result, console)
    console.print(f"results: {results_path}" + (f"; report: {Path(report_dir) / 'report.html'}" if report_dir else ""))

    status = 0
    if result.broken:
        console.print(f"[red]{len(result.broken)} broken pair(s)[/red] — expected citations not in the index:")
        for b in result.broken:
            console.print(f"  {b['id']} (line {b['line']}): {b['missing']}")
        status = 1
    if baseline is None:
        return status
    if update_baseline:
        stale = write_baseline(result, baseline)
        console.print(f"baseline updated: {baseline} [{result.suite}]")
        if stale:
            console.print(f"dropped old-style keys no run checks any more: {', '.join(stale)}")
        return status
    drops, note = check_baseline(result, baseline)
    if note:
        console.print(note)
    if drops:
        console.print(f"[red]REGRESSION[/red] against {baseline} [{result.suite}]:")
        for line in drops:
            console.print(f"  {line}")
        console.print(f"If the drop is intended, record it: {update_command(result.suite)}")
        return 1
    if status == 0:
        console.print(f"[green]PASS[/green] ({result.suite}, {result.overall.get('n_questions', 0)} questions)")
    return status


# -- the pairs suite ---------------------------------------------------------------------------

def pairs_path(suite: str) -> Path:
    """eval/pairs/sample.yaml for "sample", else the .yaml path given."""
    if suite.endswith((".yaml", ".yml")):
        return Path(suite)
    if suite != "sample":  # the CUAD suites never reach here: run_eval sends them to their runners
        raise PairsFileError(f"Unknown suite {suite!r}; valid: {', '.join(SUITES)} or a pairs .yaml file")
    return REPO / "eval" / "pairs" / f"{suite}.yaml"


def pairs_of_half(pairs, half: str) -> list[Pair]:
    """The pairs of one half of the split (by id), in file order; "all" keeps every pair."""
    if half not in HALVES:
        raise EvalOptionError(f"Unknown half {half!r}; valid: {', '.join(HALVES)}")
    return [p for p in pairs if half == ALL or pair_half(p.id) == half]


def run_pairs_suite(suite: str = "sample", limit: int | None = None, index_dir: str | None = None,
                    model: str | None = None, progress: bool = True, qa=None, half: str = TEST) -> SuiteResult:
    """Ask every pair of the half (conversations turn by turn) and score each question."""
    path = pairs_path(suite)
    pairs = pairs_of_half(load_pairs(path), half)
    pairs = pairs[:limit] if limit else pairs
    if not pairs:
        raise PairsFileError(f"{path}: the suite is empty (half={half}, limit={limit}) — nothing to evaluate")
    build_seconds = 0.0
    if qa is None:
        from assistant import Assistant

        t = time.perf_counter()
        qa = Assistant.from_paths([str(REPO / "data" / "agreements")],
                                  index_dir=index_dir or str(REPO / ".clauseqa" / "eval-sample"), model=model)
        build_seconds = time.perf_counter() - t
    known = indexed_clause_keys(qa)
    broken, rows = [], []
    texts: dict[str, str] = {}

    def text_of(file: str) -> str:
        if file not in texts:
            texts[file] = qa.document_text(file)
        return texts[file]

    from tqdm import tqdm

    bar = tqdm(total=sum(len(p.turns) for p in pairs), desc="eval", unit="q", disable=not progress)
    for pair in pairs:
        missing = [c.key for t in pair.turns for c in t.citations if known is not None and c.key not in known]
        if missing:
            broken.append({"id": pair.id, "line": pair.line, "category": pair.category,
                           "missing": ["{} / {} / clause {}".format(*k) for k in missing]})
            bar.update(len(pair.turns))
            continue
        rows.extend(_ask_pair(qa, pair, text_of))
        bar.update(len(pair.turns))
    bar.close()
    llm = generative(rows)
    meta = {"pairs_file": str(path), "half": half, "pairs": len(pairs), "index_seconds": round(build_seconds, 1),
            "model": model or setting(qa, "model"), "when": now()}
    return SuiteResult(suite_key(path.stem, half, limit), score_rows(rows, llm),
                       by_category(rows, lambda r: score_rows(r, llm)), tuple(rows), tuple(broken), meta)


def indexed_clause_keys(qa) -> set[tuple[str, str, str]] | None:
    """Every (file, agreement label, clause) the index holds; None if the assistant cannot say."""
    retriever = getattr(qa, "retriever", None)
    clauses = getattr(retriever, "clauses", None)
    if clauses is None:
        return None
    return {(c.file, c.agreement_label, m.clause_key(c.clause_id)) for c in clauses.values()}


def _ask_pair(qa, pair: Pair, text_of: Callable[[str], str]) -> list[dict]:
    asker = qa.conversation() if pair.is_conversation else qa
    rows = []
    for n, turn in enumerate(pair.turns, 1):
        t = time.perf_counter()
        answer = asker.ask(turn.question)
        seconds = time.perf_counter() - t
        cited = m.cited_keys(answer.citations)
        expected = {c.key for c in turn.citations}
        faithful, total = m.faithful_citations(answer.citations, text_of)
        rows.append({
            "id": pair.id, "category": pair.category, "turn": n, "line": pair.line,
            "question": turn.question, "standalone_question": answer.standalone_question,
            "expected": _expected_text(turn),
            "expect_found": turn.expect_found, "found": bool(answer.found), "text": answer.text, "mode": answer.mode,
            "expected_facts": [list(f) for f in turn.answer_facts],
            "expected_citations": [list(k) for k in sorted(expected)],
            "cited": [list(k) for k in sorted(cited)],
            "cited_clauses": cited_clauses(answer),
            "correct": m.answer_correct(answer, turn.answer_facts, turn.expect_found),
            "first_line": m.first_line_correct(answer, turn.answer_facts)
            if turn.expect_found and turn.answer_facts else None,
            # citation precision/recall are about answerable questions; refusals are scored apart
            "citation_precision": m.citation_precision(cited, expected) if turn.expect_found else None,
            "citation_recall": m.citation_recall(cited, expected) if turn.expect_found else None,
            "faithful": faithful, "citations": total, "seconds": round(seconds, 4),
        })
    return rows


def _expected_text(turn) -> str:
    if not turn.expect_found:
        return "not found (unanswerable)"
    facts = "; ".join(" | ".join(alts) for alts in turn.answer_facts) or "(no facts)"
    cites = ", ".join("{} / {} / {}".format(*c.key) for c in turn.citations)
    return f"facts: {facts} — cite: {cites}"


def score_rows(rows: list[dict], llm: bool = False) -> dict:
    """Aggregate question rows into the metrics the tables, plots and baseline use; faithfulness
    only for answers a chat model wrote (extractive quotes are the document text by construction)."""
    found = [r["found"] for r in rows]
    expect = [r["expect_found"] for r in rows]
    refusal = m.binary_scores([not f for f in found], [not e for e in expect])
    return {
        "n_questions": len(rows),
        "answer_correctness": m.mean(float(r["correct"]) for r in rows),
        # answerable questions with expected facts: are they all in the answer's first line?
        "first_line_correctness": m.mean(float(r["first_line"]) for r in rows if r.get("first_line") is not None),
        "citation_precision": m.mean(r["citation_precision"] for r in rows),
        "citation_recall": m.mean(r["citation_recall"] for r in rows),
        **faithfulness(rows, llm),
        "refusal_precision": refusal["precision"], "refusal_recall": refusal["recall"],
        **m.latency([r["seconds"] for r in rows]),
    }


if __name__ == "__main__":  # python -m eval.run [sample|cuad|cuad-corpus] [limit]
    sys.exit(run_eval(sys.argv[1] if len(sys.argv) > 1 else "sample",
                      limit=int(sys.argv[2]) if len(sys.argv) > 2 else None))
