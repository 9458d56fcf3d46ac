"""Asking benchmark: warm `ask` latency, CLI cold start, and CUAD retrieval (hybrid vs BM25 vs dense).

    .venv/bin/python eval/bench_ask.py [--contracts 50] [--limit-questions 200]

One index holds both corpora (data/agreements plus the first N CUAD contracts, sorted by name);
it lives in .clauseqa/bench-ask-N (gitignored) and is rebuilt from scratch whenever the index
code (index/*.py) or the model changed since it was built.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `eval.bench_common` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.bench_common import (BENCH_HOME, REPO, SAMPLE_DIR, Target, cuad_dir, cuad_files, evenly, figures_table,
                               gold_ranges, offline, overlaps, peak_rss_mb, percentile, print_targets, read_jsonl,
                               report_excluded, segmentable)

offline()

COLD_QUESTION = "Which law governs Xin Wang's agreement?"


def _index_fingerprint(paths: Sequence[Path], model: str) -> str:
    """Index code + model + corpus: when any changes, a cached bench index is stale."""
    digest = hashlib.sha256(model.encode())
    for source in sorted((REPO / "index").glob("*.py")):
        digest.update(source.read_bytes())
    for p in paths:
        digest.update(str(p).encode())
    return digest.hexdigest()[:16]


def _sample_questions() -> list[str]:
    import yaml

    pairs = yaml.safe_load((REPO / "eval" / "pairs" / "sample.yaml").read_text(encoding="utf-8"))
    return [p["question"] for p in pairs if p.get("question")]


def open_index(contracts: list[Path], fresh: bool, console):
    from assistant import Assistant
    from assistant.settings import Settings
    from index.embedders import DEFAULT_MODEL

    index_dir = BENCH_HOME / f"bench-ask-{len(contracts)}"  # the fingerprint guards its contents
    model = Settings.resolve().model or DEFAULT_MODEL
    stamp = index_dir / "bench-fingerprint"
    fingerprint = _index_fingerprint([SAMPLE_DIR, *contracts], model)
    if index_dir.exists() and (fresh or not stamp.exists() or stamp.read_text() != fingerprint):
        console.print(f"Rebuilding {index_dir} (index code, model or corpus changed, or --fresh)")
        shutil.rmtree(index_dir)
    # stamped before building: an interrupted build resumes (build_index skips finished files)
    index_dir.mkdir(parents=True, exist_ok=True)
    stamp.write_text(fingerprint)
    started = time.perf_counter()
    assistant = Assistant.from_paths([str(SAMPLE_DIR), *map(str, contracts)], index_dir=str(index_dir))
    build_seconds = time.perf_counter() - started
    return assistant, index_dir, build_seconds


def warm_latency(assistant, sample_qs: list[str], cuad_rows: list[dict], console) -> dict[str, list[float]]:
    """Seconds per `ask`, after two untimed asks that build the retriever and warm the model."""
    assistant.ask(COLD_QUESTION)
    if cuad_rows:
        assistant.ask(cuad_rows[0]["question"], files=[cuad_rows[0]["file"]])
    times: dict[str, list[float]] = {"sample (whole index)": [], "CUAD qa (own file)": []}
    for q in sample_qs:
        started = time.perf_counter()
        assistant.ask(q)
        times["sample (whole index)"].append(time.perf_counter() - started)
    for row in cuad_rows:
        started = time.perf_counter()
        assistant.ask(row["question"], files=[row["file"]])
        times["CUAD qa (own file)"].append(time.perf_counter() - started)
    return times


def cold_start(index_dir: Path, runs: int, console) -> tuple[str, list[float]]:
    """Wall time from process start to exit (the answer is printed last), as a user sees it."""
    bin_dir = Path(sys.executable).parent
    if importlib.util.find_spec("ui.cli") is not None and (bin_dir / "clauseqa").exists():
        label = f'clauseqa ask "..." --index {index_dir.relative_to(REPO)}'
        cmd = [str(bin_dir / "clauseqa"), "ask", COLD_QUESTION, "--index", str(index_dir)]
    else:
        label = "python -c Assistant.open(DIR).ask(...)  [CLI not landed yet: stand-in]"
        code = (f"from assistant import Assistant; "
                f"print(Assistant.open({str(index_dir)!r}).ask({COLD_QUESTION!r}).text)")
        cmd = [sys.executable, "-c", code]
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
        seconds.append(time.perf_counter() - started)
        if done.returncode != 0:
            console.print(f"[red]cold start failed (exit {done.returncode})[/]: {done.stderr.strip()[-600:]}")
            break
    return label, seconds


Ranker = Callable[[dict, int], list]  # (row, k) -> clauses, best first


def rankers(assistant, within_file: bool) -> dict[str, Ranker]:
    """ClauseQA's hybrid retrieval, and its two internal rankings alone over the same chunks."""
    import numpy as np

    from assistant.text import content_terms

    retriever = assistant.retriever

    def files(row):
        return [row["file"]] if within_file else None

    def hybrid(row, k):
        return [h.clause for h in assistant.retrieve(row["question"], k=k, files=files(row))]

    def bm25(row, k):
        allowed = retriever._allowed(None, files(row))
        return [retriever._clause(n) for n, _ in retriever._lexical(content_terms(row["question"]), allowed, k)]

    def dense(row, k):
        vector = np.asarray(assistant.embedder.embed_query(row["question"]), dtype=np.float32)
        allowed = retriever._allowed(None, files(row))
        return [retriever._clause(n) for n, _ in retriever._dense(vector, allowed, None, k)]

    return {"hybrid (ClauseQA)": hybrid, "BM25 alone": bm25, "dense alone": dense}


def score(rows: list[dict], ranks: dict[str, Ranker], console, what: str) -> dict[str, dict[str, float]]:
    """hit@1, hit@5 (a chunk of the row's file overlapping a gold span) and right-file@1."""
    out: dict[str, dict[str, float]] = {}
    for name, rank in ranks.items():
        hit1 = hit5 = file1 = 0
        seconds = []
        try:
            for n, row in enumerate(rows):
                spans = gold_ranges(row["gold"])
                started = time.perf_counter()
                clauses = rank(row, 5)
                seconds.append(time.perf_counter() - started)
                good = [c.file == row["file"] and overlaps(c.start, c.end, spans) for c in clauses]
                hit1 += bool(good[:1] and good[0])
                hit5 += any(good)
                file1 += bool(clauses and clauses[0].file == row["file"])
                if (n + 1) % 100 == 0:
                    console.print(f"  {what}: {name} {n + 1}/{len(rows)}", style="dim")
        except (AttributeError, TypeError) as exc:  # the retriever's internals moved: say so, keep the rest
            console.print(f"[yellow]{name}: unavailable ({exc})[/]")
            continue
        total = max(1, len(rows))
        out[name] = {"hit@1": hit1 / total, "hit@5": hit5 / total, "file@1": file1 / total,
                     "ms": 1000 * statistics.mean(seconds) if seconds else float("nan")}
    return out


def retrieval_table(title: str, results: dict[str, dict[str, float]], n: int, with_file: bool):
    from rich.table import Table

    table = Table(title=f"{title} ({n} questions)")
    table.add_column("ranking")
    columns = (["right contract@1"] if with_file else []) + ["hit@1", "hit@5", "ms/query"]
    for c in columns:
        table.add_column(c, justify="right")
    for name, r in results.items():
        cells = ([f"{r['file@1']:.3f}"] if with_file else []) + [f"{r['hit@1']:.3f}", f"{r['hit@5']:.3f}",
                                                                 f"{r['ms']:.0f}"]
        table.add_row(name, *cells)
    return table


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contracts", type=int, default=50, help="first N CUAD contracts (default 50)")
    parser.add_argument("--limit-questions", type=int, default=None,
                        help="cap each question set (warm asks: at most 50; retrieval sets: all by default)")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold-start subprocess runs (default 3)")
    parser.add_argument("--fresh", action="store_true", help="rebuild the bench index from scratch")
    parser.add_argument("--by-category", action="store_true", help="within-contract hit@5 per CUAD category")
    args = parser.parse_args(argv)

    from rich.console import Console

    console = Console()
    contracts, failed = segmentable(cuad_files(args.contracts))
    report_excluded(console, failed, args.contracts)
    names = {p.name for p in contracts}
    qa = [r for r in read_jsonl(cuad_dir() / "qa.jsonl") if r["file"] in names]
    corpus_rows = [r for r in read_jsonl(cuad_dir() / "corpus_queries.jsonl") if r["file"] in names]
    answerable = [r for r in qa if r["answerable"] and r["gold"]]

    console.print(f"One index: 5 sample files + {len(contracts)} CUAD contracts (of the first {args.contracts} by name)")
    assistant, index_dir, build_seconds = open_index(contracts, args.fresh, console)
    chunks = len(assistant.retriever.clauses)
    cuad_chunks = sum(1 for c in assistant.retriever.clauses.values() if c.file in names)
    console.print(f"Index {index_dir.relative_to(REPO)}: {chunks:,} chunks ({cuad_chunks:,} CUAD, "
                  f"{cuad_chunks / max(1, len(contracts)):.0f}/contract); build/update {build_seconds:.1f} s")

    # -- warm ask latency -------------------------------------------------------------------
    n_warm = min(50, args.limit_questions) if args.limit_questions is not None else 50
    sample_qs = evenly(_sample_questions(), (n_warm + 1) // 2)
    cuad_qs = evenly(qa, n_warm - len(sample_qs))
    console.print(f"Warm ask: {len(sample_qs)} sample + {len(cuad_qs)} CUAD questions ...", style="dim")
    times = warm_latency(assistant, sample_qs, cuad_qs, console)
    every = [t for ts in times.values() for t in ts]
    rows = [(f"{name}: n={len(ts)} p50 / p95 / max",
             f"{1000 * percentile(ts, 50):.0f} / {1000 * percentile(ts, 95):.0f} / {1000 * max(ts):.0f} ms")
            for name, ts in times.items() if ts]
    rows.append((f"all: n={len(every)} p50 / p95", f"{1000 * percentile(every, 50):.0f} / "
                                                   f"{1000 * percentile(every, 95):.0f} ms"))

    # -- cold start -------------------------------------------------------------------------
    console.print(f"Cold start x{args.cold_runs} ...", style="dim")
    label, cold = cold_start(index_dir, args.cold_runs, console)
    rows.append((f"cold start: {label}", ", ".join(f"{s:.1f}" for s in cold) + " s"
                 + (f" (median {statistics.median(cold):.1f} s)" if cold else "")))
    console.print(figures_table("Latency", rows, note="warm = same process, after two untimed asks"))

    # -- retrieval --------------------------------------------------------------------------
    within_rows = evenly(answerable, args.limit_questions)
    console.print(f"Within-contract retrieval: {len(within_rows)} answerable qa rows ...", style="dim")
    within = score(within_rows, rankers(assistant, within_file=True), console, "within")
    console.print(retrieval_table("CUAD within-contract (file filter = the row's contract), k=5", within,
                                  len(within_rows), with_file=False))
    if args.by_category:
        _by_category(assistant, within_rows, console)

    corpus = evenly(corpus_rows, args.limit_questions)
    console.print(f"Whole-corpus retrieval: {len(corpus)} corpus_queries rows ...", style="dim")
    whole = score(corpus, rankers(assistant, within_file=False), console, "corpus")
    console.print(retrieval_table(f"CUAD whole-corpus (no filter, {chunks:,} chunks), k=5", whole, len(corpus),
                                  with_file=True))
    console.print(f"Peak RSS (process peak, ru_maxrss): {peak_rss_mb():,.0f} MB")

    hybrid_in = within.get("hybrid (ClauseQA)", {})
    hybrid_all = whole.get("hybrid (ClauseQA)", {})
    print_targets(console, [
        Target(f"warm ask p95 ({len(contracts)} contracts + sample)", round(1000 * percentile(every, 95)), "< 300",
               " ms"),
        Target("within-contract hit@5 (hybrid)", round(hybrid_in.get("hit@5", 0.0), 3), ">= 0.80"),
        Target("within-contract hit@1 (hybrid)", round(hybrid_in.get("hit@1", 0.0), 3), ">= 0.50"),
        Target("whole-corpus right contract@1 (hybrid)", round(hybrid_all.get("file@1", 0.0), 3), ">= 0.95"),
    ])
    return 0


def _by_category(assistant, rows: list[dict], console) -> None:
    from rich.table import Table

    hybrid = rankers(assistant, within_file=True)["hybrid (ClauseQA)"]
    stats: dict[str, list[int]] = {}
    for row in rows:
        spans = gold_ranges(row["gold"])
        good = any(overlaps(c.start, c.end, spans) for c in hybrid(row, 5))
        stats.setdefault(row["category"], []).append(int(good))
    table = Table(title="within-contract hit@5 by category (hybrid)")
    table.add_column("category")
    table.add_column("n", justify="right")
    table.add_column("hit@5", justify="right")
    for category, hits in sorted(stats.items(), key=lambda kv: sum(kv[1]) / len(kv[1])):
        table.add_row(category, str(len(hits)), f"{sum(hits) / len(hits):.2f}")
    console.print(table)


if __name__ == "__main__":
    raise SystemExit(main())
