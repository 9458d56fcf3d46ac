"""Tutorial-baseline benchmark: the LangChain tutorial pipeline (eval/tutorial.py) over the same files.

    .venv/bin/python eval/bench_tutorial.py --contracts 408 [--questions 200] [--rss-questions 50] [--torch-threads 1]
    .venv/bin/python eval/bench_tutorial.py --contracts 408 --rss-only [--questions-file Q.json]

One store holds data/agreements plus the first N CUAD contracts (sorted by name, all of them: the
tutorial has no segmenter to fail on); it lives in .clauseqa/bench-tutorial-N (gitignored), is built
once and reused (eval/tutorial.py's marker guards it). In the same process it then times warm
top-4 similarity searches: unscoped (the sample questions of eval/pairs/sample.yaml) and scoped to
one file (CUAD questions of validation-part contracts, spread evenly, each asked of its own file).
Peak RSS is reported twice: this process's (which includes the build when it built), and that of a
fresh process that only opens the store and asks (--rss-only, printing one JSON line on stdout), so
another benchmark can compare it process against process (`measure_rss_subprocess`).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `eval.bench_common` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.bench_common import (BENCH_HOME, REPO, cuad_dir, cuad_files, evenly, figures_table, offline, peak_rss_mb,
                               percentile, read_jsonl, sample_files)

offline()

from eval.tutorial import K, TutorialPipeline  # noqa: E402

Question = tuple[str, str | None]  # (question, file to scope to or None)


def store_dir(contracts: int) -> Path:
    return BENCH_HOME / f"bench-tutorial-{contracts}"


def corpus(contracts: int) -> list[Path]:
    """The sample agreements, then the first N CUAD contracts by name."""
    return [*sample_files(), *cuad_files(contracts)]


def open_tutorial(contracts: int, fresh: bool = False, console=None) -> TutorialPipeline:
    """The tutorial store over samples + N CUAD contracts: built on first use, reused afterwards.
    `pipeline.built_seconds` is what this call spent building (0.0 when reused)."""
    paths = corpus(contracts)
    started = time.perf_counter()

    def progress(done: int, total: int, chunks: int) -> None:
        if console is not None:
            console.print(f"  tutorial build: {done}/{total} files, {chunks:,} chunks, "
                          f"{time.perf_counter() - started:.0f} s", style="dim")

    return TutorialPipeline.build(store_dir(contracts), paths, fresh=fresh, progress=progress)


def sample_questions() -> list[str]:
    """The first question of every hand-written pair on the bundled corpus."""
    from eval.pairs_file import load_pairs

    return [p.turns[0].question for p in load_pairs(REPO / "eval" / "pairs" / "sample.yaml")]


def cuad_questions(contracts: int, n: int | None) -> list[tuple[str, str]]:
    """(question, file) for CUAD contracts among the first N that are in the validation part,
    contracts in the split's order, n of them spread evenly over all such rows."""
    from eval.split import VALIDATION
    from eval.split import cuad_files as split_files

    names = [p.name for p in cuad_files(contracts)]
    order = {f: i for i, f in enumerate(split_files(names, VALIDATION))}
    rows = [r for r in read_jsonl(cuad_dir() / "qa.jsonl") if r["file"] in order]
    rows.sort(key=lambda r: order[r["file"]])  # stable: qa.jsonl's order within a contract
    return [(r["question"], r["file"]) for r in evenly(rows, n)]


def question_sets(contracts: int, n: int | None) -> dict[str, list[Question]]:
    """The two timed sets: unscoped sample questions and CUAD questions scoped to their file."""
    return {"unscoped (sample.yaml)": [(q, None) for q in evenly(sample_questions(), n)],
            "scoped to own file (CUAD validation)": list(cuad_questions(contracts, n))}


def latencies(pipeline: TutorialPipeline, questions: Sequence[str],
              files: Sequence[str | None] | None = None, k: int = K) -> list[float]:
    """Seconds per `ask` (top-k similarity search, optionally within files[i]), in order."""
    files = list(files) if files is not None else [None] * len(questions)
    seconds = []
    for question, file in zip(questions, files, strict=True):
        started = time.perf_counter()
        pipeline.ask(question, k=k, file=file)
        seconds.append(time.perf_counter() - started)
    return seconds


def warm_up(pipeline: TutorialPipeline, sets: dict[str, list[Question]]) -> None:
    """Untimed asks that load the HNSW index and warm the model, one per set."""
    for qs in sets.values():
        if qs:
            pipeline.ask(qs[0][0], file=qs[0][1])


def own_peak_rss_mb() -> float:
    """This process image's peak RSS (VmHWM). Not ru_maxrss: when a big parent spawns us (vfork or
    fork, then exec), the kernel carries the parent's high-water mark into our ru_maxrss, so a
    child of a 900 MB benchmark would report 900 MB whatever it used itself."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return peak_rss_mb()


def rss_only(contracts: int, questions: list[Question]) -> dict:
    """In this (fresh) process: open the finished store, ask, report the peak RSS."""
    started = time.perf_counter()
    pipeline = TutorialPipeline.open(store_dir(contracts))
    open_seconds = time.perf_counter() - started
    for question, file in questions:
        pipeline.ask(question, file=file)
    return {"pipeline": "langchain-tutorial", "contracts": contracts, "chunks": pipeline.chunks,
            "questions": len(questions), "open_seconds": round(open_seconds, 2),
            "peak_rss_mb": round(own_peak_rss_mb(), 1)}


def rss_questions(contracts: int, m: int) -> list[Question]:
    """m questions, half unscoped sample questions and half scoped CUAD ones."""
    unscoped = [(q, None) for q in evenly(sample_questions(), (m + 1) // 2)]
    return unscoped + list(cuad_questions(contracts, m - len(unscoped)))


def set_torch_threads(n: int) -> None:
    import torch

    torch.set_num_threads(n)


def measure_rss_subprocess(contracts: int, questions: Sequence[Question] | None = None, m: int = 50,
                           torch_threads: int | None = None) -> dict:
    """Peak RSS (MB) of a fresh process that opens the finished store and asks the questions
    (default: rss_questions(contracts, m)). The questions go through a file, so the child never
    loads qa.jsonl and its peak is the pipeline's alone."""
    qs = list(questions) if questions is not None else rss_questions(contracts, m)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(qs, fh)
    try:
        done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--contracts", str(contracts),
                               "--rss-only", "--questions-file", fh.name,
                               *(["--torch-threads", str(torch_threads)] if torch_threads else [])],
                              capture_output=True, text=True, cwd=REPO)
    finally:
        Path(fh.name).unlink(missing_ok=True)
    if done.returncode != 0:
        raise RuntimeError(f"rss-only child failed (exit {done.returncode}): {done.stderr.strip()[-800:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _ms(values: Sequence[float]) -> str:
    return (f"{1000 * percentile(values, 50):.1f} / {1000 * percentile(values, 95):.1f} / "
            f"{1000 * max(values):.1f} ms") if values else "n/a"


def run(contracts: int, n_questions: int | None, rss_m: int, fresh: bool, console,
        torch_threads: int | None = None) -> dict:
    """Build or reuse the store, time both question sets, measure RSS; returns the figures."""
    console.print(f"Tutorial store: 5 sample files + the first {contracts} CUAD contracts -> "
                  f"{store_dir(contracts).relative_to(REPO)}")
    pipeline = open_tutorial(contracts, fresh=fresh, console=console)
    sets = question_sets(contracts, n_questions)
    warm_up(pipeline, sets)
    times = {}
    for name, qs in sets.items():
        console.print(f"Timing {len(qs)} questions: {name} ...", style="dim")
        times[name] = latencies(pipeline, [q for q, _ in qs], [f for _, f in qs])
    in_process = peak_rss_mb()
    console.print(f"Fresh-process RSS: open + {rss_m} questions ...", style="dim")
    child = measure_rss_subprocess(contracts, m=rss_m, torch_threads=torch_threads)
    import torch

    return {"contracts": contracts, "files": len(pipeline.files), "chunks": pipeline.chunks,
            "torch_threads": torch.get_num_threads(),
            "build_seconds_recorded": pipeline.info.get("build_seconds"),
            "built_seconds_this_run": round(pipeline.built_seconds, 1),
            "latency_seconds": times, "peak_rss_mb_this_process": round(in_process, 1),
            "fresh_process": child, "store": str(store_dir(contracts))}


def figures(result: dict):
    rows = [("files (sample + CUAD)", f"{result['files']}"),
            ("chunks (1000/200 splitter)", f"{result['chunks']:,}"),
            ("build (recorded, all runs)", f"{result['build_seconds_recorded']:.1f} s"),
            ("built in this run", f"{result['built_seconds_this_run']:.1f} s")]
    for name, ts in result["latency_seconds"].items():
        rows.append((f"top-{K} {name}: n={len(ts)} p50 / p95 / max", _ms(ts)))
    rows.append(("torch threads", str(result["torch_threads"])))
    built = " (includes the build)" if result["built_seconds_this_run"] else ""
    rows.append((f"peak RSS, this process{built}", f"{result['peak_rss_mb_this_process']:,.0f} MB"))
    child = result["fresh_process"]
    rows.append((f"peak RSS, fresh process: open + {child['questions']} asks", f"{child['peak_rss_mb']:,.0f} MB"))
    rows.append(("open store + model, fresh process", f"{child['open_seconds']:.1f} s"))
    return figures_table(f"LangChain tutorial baseline ({result['contracts']} CUAD contracts + samples)", rows,
                         note="warm = same process, after one untimed ask per set; RSS: ru_maxrss here, VmHWM in the child")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contracts", type=int, default=408, help="first N CUAD contracts (default 408: all)")
    parser.add_argument("--questions", type=int, default=None,
                        help="cap on each timed set (default 200); with --rss-only: questions asked (default 50)")
    parser.add_argument("--rss-questions", type=int, default=50, help="asks in the fresh-process RSS run (default 50)")
    parser.add_argument("--fresh", action="store_true", help="rebuild the store from scratch")
    parser.add_argument("--rss-only", action="store_true",
                        help="open the built store in this process, ask, print {peak_rss_mb, ...} as JSON")
    parser.add_argument("--questions-file", type=Path, help="with --rss-only: a JSON list of [question, file|null]")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--torch-threads", type=int, default=None,
                        help="torch intra-op threads (default: torch's own). On a shared, oversubscribed "
                             "machine 1 keeps query latency from swinging 10x with the neighbours' load")
    args = parser.parse_args(argv)
    if args.torch_threads:
        set_torch_threads(args.torch_threads)

    if args.rss_only:
        if args.questions_file:
            qs = [(q, f) for q, f in json.loads(args.questions_file.read_text(encoding="utf-8"))]
        else:
            qs = rss_questions(args.contracts, args.questions or 50)
        print(json.dumps(rss_only(args.contracts, qs)))
        return 0

    from rich.console import Console

    console = Console()
    result = run(args.contracts, args.questions or 200, args.rss_questions, args.fresh, console,
                 args.torch_threads)
    console.print(figures(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
