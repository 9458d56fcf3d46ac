"""Scale benchmark: ClauseQA against the LangChain tutorial pipeline over the bundled agreements
plus N CUAD contracts (default all 408), in the same run on the same machine.

    .venv/bin/python eval/bench_scale.py [--contracts 408] [--questions 100] [--cold-runs 3]

Both indexes are built once into .clauseqa/ (gitignored) and reused. Figures: warm ask p50/p95
(unscoped and scoped to one contract; ClauseQA's is the whole answer with citations, the
tutorial's a top-4 similarity search), 8 asks during an upload, the time to add one contract
beyond its own embedding, peak RSS of a fresh process asking the same questions, and a cold
`clauseqa ask`. Every figure is printed with the tutorial's beside it and PASS/MISS.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `eval.*` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval.bench_common import (BENCH_HOME, REPO, SAMPLE_DIR, Target, cuad_files, offline, percentile,
                               print_targets)
from eval.bench_tutorial import (Question, latencies, measure_rss_subprocess, open_tutorial, own_peak_rss_mb,
                                 question_sets, rss_questions)

offline()

COLD_QUESTION = "Which law governs Xin Wang's agreement?"


def index_dir(contracts: int) -> Path:
    return BENCH_HOME / f"bench-scale-{contracts}"


def open_clauseqa(contracts: int, console):
    """Build (first run) or update (later runs: every file unchanged) the ClauseQA bench index."""
    from assistant import Assistant

    paths = [str(SAMPLE_DIR), *map(str, cuad_files(contracts))]
    started = time.perf_counter()
    qa = Assistant.from_paths(paths, index_dir=str(index_dir(contracts)))
    seconds = time.perf_counter() - started
    console.print(f"ClauseQA index {index_dir(contracts).relative_to(REPO)}: {len(qa.files())} files, "
                  f"{len(qa.retriever.clauses):,} clauses; build/update {seconds:.1f} s")
    return qa


def ask_latencies(qa, questions: Sequence[Question]) -> list[float]:
    seconds = []
    for question, file in questions:
        started = time.perf_counter()
        qa.ask(question, files=[file] if file else None)
        seconds.append(time.perf_counter() - started)
    return seconds


def _cited(answer) -> tuple:
    return tuple((c.file, c.clause, c.start, c.end) for c in answer.citations)


class _EmbedTimer:
    """Seconds the upload thread spends in the embedding model (what adding a contract must cost)."""

    def __init__(self, embedder):
        self.embedder, self.seconds, self.thread = embedder, 0.0, None
        self.started = threading.Event()
        self._embed = embedder.embed

    def __enter__(self):
        def timed(texts):
            mine = threading.get_ident() == self.thread
            if mine:
                self.started.set()
            began = time.perf_counter()
            try:
                return self._embed(texts)
            finally:
                if mine:
                    self.seconds += time.perf_counter() - began

        self.embedder.embed = timed
        return self

    def __exit__(self, *exc):
        self.embedder.embed = self._embed


def _upload_copy(folder: Path, contracts: int) -> Path:
    """A new contract: one CUAD contract's text under a new name with its own first line, so it is
    neither unchanged nor a duplicate of an indexed file."""
    source = cuad_files(contracts)[len(cuad_files(contracts)) // 2]
    target = folder / f"upload-{source.name}"
    target.write_text("UPLOADED COPY FOR THE SCALE BENCHMARK\n" + source.read_text(encoding="utf-8", errors="replace"),
                      encoding="utf-8")
    return target


def add_one_contract(qa, contracts: int) -> dict:
    """Add one contract to the index and take it out again, timing both; the add's own embedding
    time is measured inside it."""
    folder = Path(tempfile.mkdtemp(prefix="clauseqa-upload-"))
    try:
        _upload_copy(folder, contracts)
        timer = _EmbedTimer(qa.embedder)
        timer.thread = threading.get_ident()
        with timer:
            started = time.perf_counter()
            qa.add_paths([str(folder)])
            total = time.perf_counter() - started
        for f in folder.iterdir():
            f.unlink()
        started = time.perf_counter()
        qa.add_paths([str(folder)])  # the folder lost its file: the file leaves the index
        removed = time.perf_counter() - started
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {"total": total, "embedding": timer.seconds, "overhead": total - timer.seconds, "remove": removed}


def asks_during_upload(qa, questions: Sequence[Question], contracts: int) -> dict:
    """Asks started while a contract is being indexed: do they finish before it does, with the
    answers they give in a quiet index?"""
    quiet = [_cited(qa.ask(q, files=[f] if f else None)) for q, f in questions]
    folder = Path(tempfile.mkdtemp(prefix="clauseqa-upload-"))
    results: list[tuple[float, float, tuple] | None] = [None] * len(questions)
    upload: dict[str, float] = {}
    try:
        _upload_copy(folder, contracts)
        timer = _EmbedTimer(qa.embedder)

        def index():
            timer.thread = threading.get_ident()
            upload["start"] = time.perf_counter()
            qa.add_paths([str(folder)])
            upload["end"] = time.perf_counter()

        def ask(n: int, question: str, file: str | None):
            began = time.perf_counter()
            answer = qa.ask(question, files=[file] if file else None)
            results[n] = (began, time.perf_counter(), _cited(answer))

        with timer:
            uploader = threading.Thread(target=index)
            uploader.start()
            timer.started.wait(timeout=120)  # the upload is under way: its file is loaded and segmented
            askers = [threading.Thread(target=ask, args=(n, q, f)) for n, (q, f) in enumerate(questions)]
            for t in askers:
                t.start()
            for t in askers:
                t.join()
            uploader.join()
        for f in folder.iterdir():
            f.unlink()
        qa.add_paths([str(folder)])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    done = [r for r in results if r is not None]
    return {"asks": len(questions), "finished": len(done),
            "before_upload_ended": sum(1 for _, end, _ in done if end < upload["end"]),
            "same_answer": sum(1 for r, q in zip(results, quiet) if r is not None and r[2] == q),
            "upload_seconds": upload["end"] - upload["start"],
            "slowest_ask": max((end - began for began, end, _ in done), default=0.0)}


def rss_only(contracts: int, questions: list[Question]) -> dict:
    """In this (fresh) process: open the finished index, ask, report the peak RSS."""
    from assistant import Assistant

    started = time.perf_counter()
    qa = Assistant.open(str(index_dir(contracts)))
    for question, file in questions:
        qa.ask(question, files=[file] if file else None)
    return {"pipeline": "clauseqa", "questions": len(questions), "seconds": round(time.perf_counter() - started, 2),
            "peak_rss_mb": round(own_peak_rss_mb(), 1)}


def measure_own_rss(contracts: int, questions: list[Question]) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(questions, fh)
    try:
        done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--contracts", str(contracts),
                               "--rss-only", "--questions-file", fh.name], capture_output=True, text=True, cwd=REPO)
    finally:
        Path(fh.name).unlink(missing_ok=True)
    if done.returncode != 0:
        raise RuntimeError(f"rss-only child failed (exit {done.returncode}): {done.stderr.strip()[-800:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def cold_asks(contracts: int, runs: int) -> list[float]:
    """Wall time of `clauseqa ask` in a new process over the existing index, as a user sees it."""
    command = [str(Path(sys.executable).parent / "clauseqa"), "ask", COLD_QUESTION, "--index",
               str(index_dir(contracts))]
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
        seconds.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise RuntimeError(f"clauseqa ask failed (exit {done.returncode}): {done.stderr.strip()[-800:]}")
    return seconds


def _ms(values: Sequence[float], p: float) -> float:
    return round(1000 * percentile(values, p), 1)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contracts", type=int, default=408, help="first N CUAD contracts by name (default 408)")
    parser.add_argument("--questions", type=int, default=100, help="questions per timed set (default 100)")
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--rss-questions", type=int, default=50)
    parser.add_argument("--rss-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--questions-file", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.rss_only:
        questions = [tuple(q) for q in json.loads(Path(args.questions_file).read_text(encoding="utf-8"))]
        print(json.dumps(rss_only(args.contracts, questions)))
        return 0

    from rich.console import Console

    console = Console()
    tutorial = open_tutorial(args.contracts, console=console)
    qa = open_clauseqa(args.contracts, console)
    sets = question_sets(args.contracts, args.questions)
    for qs in sets.values():  # untimed: load the models, map the vectors, warm the caches
        for question, file in qs[:2]:
            qa.ask(question, files=[file] if file else None)
            tutorial.ask(question, file=file)
    targets = []
    for name, qs in sets.items():
        qa._vectors.clear()  # no question of the timed set is embedded before it is asked
        ours = ask_latencies(qa, qs)
        theirs = latencies(tutorial, [q for q, _ in qs], [f for _, f in qs])
        console.print(f"{name}: ClauseQA p50 {_ms(ours, 50)} / p95 {_ms(ours, 95)} ms; "
                      f"tutorial p50 {_ms(theirs, 50)} / p95 {_ms(theirs, 95)} ms (n={len(qs)})")
        targets += [Target(f"warm ask p50, {name}", _ms(ours, 50), "<= 40", " ms", f"{_ms(theirs, 50)} ms"),
                    Target(f"warm ask p95, {name}", _ms(ours, 95), "<= 120", " ms", f"{_ms(theirs, 95)} ms")]

    console.print("Adding one contract (and removing it) ...", style="dim")
    added = add_one_contract(qa, args.contracts)
    console.print(f"add: {added['total']:.2f} s total, {added['embedding']:.2f} s embedding its clauses and "
                  f"sentences, {added['overhead']:.2f} s the rest; remove: {added['remove']:.2f} s")
    targets.append(Target("add one contract beyond its embedding", round(added["overhead"], 2), "<= 2", " s",
                          f"its embedding {added['embedding']:.1f} s"))

    mixed = [q for qs in sets.values() for q in qs[2:6]]
    console.print(f"{len(mixed)} asks while a contract is being indexed ...", style="dim")
    during = asks_during_upload(qa, mixed, args.contracts)
    console.print(f"upload {during['upload_seconds']:.1f} s; {during['before_upload_ended']}/{during['asks']} asks "
                  f"finished before it did (slowest {during['slowest_ask']:.2f} s); "
                  f"{during['same_answer']}/{during['asks']} gave their quiet-index answer")
    targets += [Target("asks done before the upload finished", during["before_upload_ended"],
                       f">= {during['asks']}", "", f"upload {during['upload_seconds']:.1f} s"),
                Target("asks giving their quiet-index answer", during["same_answer"], f">= {during['asks']}")]

    console.print("Peak RSS of fresh processes asking the same questions ...", style="dim")
    rss_qs = rss_questions(args.contracts, args.rss_questions)
    theirs = measure_rss_subprocess(args.contracts, rss_qs)
    ours = measure_own_rss(args.contracts, rss_qs)
    ratio = ours["peak_rss_mb"] / theirs["peak_rss_mb"]
    targets += [Target("peak RSS asking, ratio to tutorial", round(ratio, 2), "<= 1.2", "",
                       f"{theirs['peak_rss_mb']:.0f} MB"),
                Target("peak RSS asking", round(ours["peak_rss_mb"]), "< 1500", " MB", f"{theirs['peak_rss_mb']:.0f} MB")]

    console.print(f"Cold `clauseqa ask` x{args.cold_runs} ...", style="dim")
    cold = cold_asks(args.contracts, args.cold_runs)
    targets.append(Target("cold clauseqa ask, median", round(statistics.median(cold), 2), "<= 5", " s",
                          f"tutorial: open store + model {theirs['open_seconds']:.1f} s"))
    print_targets(console, targets, title=f"Scale: 5 sample files + {args.contracts} CUAD contracts, "
                                          f"{len(qa.retriever.clauses):,} clauses vs {tutorial.chunks:,} tutorial chunks")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
