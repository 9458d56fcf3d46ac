"""Run an eval suite through the public Assistant API, report it, and gate it against the baseline."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from eval import metrics as m
from eval.pairs_file import Pair, PairsFileError, load_pairs

REPO = Path(__file__).resolve().parents[1]
DEFAULT_BASELINE = REPO / "eval" / "baseline.json"
DEFAULT_TOLERANCE = 0.02
SUITES = ("sample", "cuad")
UPDATE_HINT = ("re-record: clauseqa eval --update-baseline | clauseqa eval --suite cuad --limit 10 --update-baseline; "
               "tolerance = absolute drop allowed per metric; gate_categories = also gate each category")


@dataclass(frozen=True)
class SuiteResult:
    """Everything one run measured; `overall` and `categories` are what the baseline stores."""

    suite: str  # the baseline key, e.g. "sample" or "cuad-10"
    overall: dict
    categories: dict  # category -> metric -> value (None where undefined)
    rows: tuple = ()  # one dict per question asked
    broken: tuple = ()  # pairs whose expected citations do not exist in the index
    meta: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


def run_eval(suite: str = "sample", limit: int | None = None, baseline: str | Path | None = DEFAULT_BASELINE,
             report_dir: str | Path | None = None, update_baseline: bool = False, index_dir: str | None = None,
             model: str | None = None, progress: bool = True, qa=None) -> int:
    """Run a suite ("sample", "cuad" or a pairs .yaml path); 0 = pass, 1 = regression or broken pairs.

    `qa` lets tests pass an already-open (or fake) assistant instead of building the index.
    From a CLI: `raise typer.Exit(run_eval(suite, limit=limit, baseline=baseline or DEFAULT_BASELINE,
    report_dir=report, update_baseline=update_baseline))`.
    """
    from rich.console import Console

    console = Console(stderr=True, width=max(120, Console(stderr=True).width))  # the table needs ~115 columns
    started = time.perf_counter()
    if suite == "cuad":
        from eval.cuad import run_cuad

        result = run_cuad(limit=limit, index_dir=index_dir, model=model, progress=progress, qa=qa)
    else:
        result = run_pairs_suite(suite, limit=limit, index_dir=index_dir, model=model, progress=progress, qa=qa)
    result.meta["seconds_total"] = round(time.perf_counter() - started, 1)

    results_path = Path(report_dir) / "results.json" if report_dir else REPO / ".clauseqa" / f"eval-{result.suite}-results.json"
    results_path.parent.mkdir(parents=True, exist_ok=True)
    results_path.write_text(json.dumps(result.to_dict(), indent=1, default=str), encoding="utf-8")
    if report_dir:
        from eval.report import write_report

        write_report(result, report_dir)
    from eval.report import print_summary

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
        write_baseline(result, baseline)
        console.print(f"baseline updated: {baseline} [{result.suite}]")
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
    if suite.endswith((".yaml", ".yml")):
        return Path(suite)
    if suite not in SUITES:
        raise PairsFileError(f"Unknown suite {suite!r}; valid: {', '.join(SUITES)} or a pairs .yaml file")
    return REPO / "eval" / "pairs" / f"{suite}.yaml"


def run_pairs_suite(suite: str = "sample", limit: int | None = None, index_dir: str | None = None,
                    model: str | None = None, progress: bool = True, qa=None) -> SuiteResult:
    """Ask every pair (conversations turn by turn) and score each question."""
    path = pairs_path(suite)
    pairs = load_pairs(path)[:limit] if limit else load_pairs(path)
    if not pairs:
        raise PairsFileError(f"{path}: the suite is empty (limit={limit}) — nothing to evaluate")
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
    suite_key = Path(suite).stem if suite.endswith((".yaml", ".yml")) else suite
    suite_key += f"-{limit}" if limit else ""
    categories = {c: score_rows([r for r in rows if r["category"] == c])
                  for c in sorted({r["category"] for r in rows})}
    meta = {"pairs_file": str(path), "pairs": len(pairs), "index_seconds": round(build_seconds, 1),
            "model": model or _setting(qa, "model"), "when": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    return SuiteResult(suite_key, score_rows(rows), categories, tuple(rows), tuple(broken), meta)


def _setting(qa, name: str):
    return getattr(getattr(qa, "settings", None), name, None)


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
            "expect_found": turn.expect_found, "found": bool(answer.found), "text": answer.text,
            "expected_facts": [list(f) for f in turn.answer_facts],
            "expected_citations": [list(k) for k in sorted(expected)],
            "cited": [list(k) for k in sorted(cited)],
            "cited_clauses": [{"file": c.file, "agreement": c.agreement, "clause": c.clause, "quote": c.quote,
                               "clause_text": c.clause_text} for c in answer.citations],
            "correct": m.answer_correct(answer, turn.answer_facts, turn.expect_found),
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


def score_rows(rows: list[dict]) -> dict:
    """Aggregate question rows into the metrics the tables, plots and baseline use."""
    faithful, total = sum(r["faithful"] for r in rows), sum(r["citations"] for r in rows)
    found = [r["found"] for r in rows]
    expect = [r["expect_found"] for r in rows]
    refusal = m.binary_scores([not f for f in found], [not e for e in expect])
    return {
        "n_questions": len(rows),
        "answer_correctness": m.mean(float(r["correct"]) for r in rows),
        "citation_precision": m.mean(r["citation_precision"] for r in rows),
        "citation_recall": m.mean(r["citation_recall"] for r in rows),
        "faithfulness": faithful / total if total else None,
        "refusal_precision": refusal["precision"], "refusal_recall": refusal["recall"],
        **m.latency([r["seconds"] for r in rows]),
    }


# -- summary and baseline ----------------------------------------------------------------------

def gated(name: str) -> bool:
    """Quality metrics are gated; counts and latency (machine-dependent) are only reported."""
    return not name.startswith(("n_", "latency"))


def update_command(suite_key: str) -> str:
    """The command that re-records this suite's baseline, e.g. for "cuad-10"."""
    name, _, n = suite_key.rpartition("-") if suite_key[-1:].isdigit() else (suite_key, "", "")
    suite = "" if name == "sample" else f" --suite {name}"
    return f"clauseqa eval{suite}{f' --limit {n}' if n else ''} --update-baseline"


def read_baseline(path: str | Path) -> dict:
    path = Path(path)
    if not path.exists():
        return {"tolerance": DEFAULT_TOLERANCE, "suites": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise PairsFileError(f"{path}:{exc.lineno}: baseline is not valid JSON ({exc.msg}) — "
                             f"rewrite it with: clauseqa eval --update-baseline") from exc
    data.setdefault("tolerance", DEFAULT_TOLERANCE)
    data.setdefault("suites", {})
    return data


def write_baseline(result: SuiteResult, path: str | Path) -> None:
    """Record this run as the suite's baseline, keeping the tolerance and other suites."""
    data = read_baseline(path)
    old = data["suites"].get(result.suite, {})
    data["suites"][result.suite] = {
        # CUAD has ~10 rows per category, so one row flips a category score: gate only its overall
        "gate_categories": old.get("gate_categories", not result.suite.startswith("cuad")),
        "recorded": result.meta.get("when") or datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "model": result.meta.get("model"),
        "overall": result.overall,
        "categories": result.categories,
    }
    data = {"update": UPDATE_HINT, "tolerance": data["tolerance"], "suites": dict(sorted(data["suites"].items()))}
    Path(path).write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")


def check_baseline(result: SuiteResult, path: str | Path) -> tuple[list[str], str]:
    """(drops, note): one line per gated metric below baseline - tolerance, overall and per category."""
    data = read_baseline(path)
    base = data["suites"].get(result.suite)
    if base is None:
        return [], (f"No baseline for {result.suite!r} in {path} — record one with: "
                    f"{update_command(result.suite)} (not gated this time)")
    tolerance = float(data["tolerance"])
    scopes = [("overall", base.get("overall", {}), result.overall)]
    if base.get("gate_categories", True):
        scopes += [(c, values, result.categories.get(c, {})) for c, values in base.get("categories", {}).items()]
    drops = []
    for scope, was, now in scopes:
        for name, old in was.items():
            if not gated(name) or old is None:
                continue
            new = now.get(name)
            # None means nothing to measure this time (e.g. no refusals at all), which is no drop
            if new is not None and new < old - tolerance:
                drops.append(f"{scope}.{name}: {old:.3f} -> {new:.3f} ({new - old:+.3f}, tolerance {tolerance})")
    return drops, ""


if __name__ == "__main__":  # python -m eval.run [sample|cuad] [limit]
    sys.exit(run_eval(sys.argv[1] if len(sys.argv) > 1 else "sample",
                      limit=int(sys.argv[2]) if len(sys.argv) > 2 else None))
