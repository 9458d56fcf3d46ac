"""Shared helpers for the benchmark scripts: corpus paths, timing, percentiles, target tables."""

from __future__ import annotations

import json
import os
import resource
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DIR = REPO / "data" / "agreements"
BENCH_HOME = REPO / ".clauseqa"  # gitignored: bench indexes live in .clauseqa/bench-*


def offline() -> None:
    """Never reach a hub, and keep tokenizers from spawning threads the 2 cores can't use."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def cuad_dir() -> Path:
    """CLAUSEQA_CUAD_DIR, else the shared CUAD folder next to the checkout."""
    where = Path(os.environ.get("CLAUSEQA_CUAD_DIR") or REPO.parent / "shared" / "cuad")
    if not (where / "contracts").is_dir():
        raise SystemExit(f"No CUAD folder at {where} — set CLAUSEQA_CUAD_DIR to the folder holding contracts/")
    return where


def sample_files() -> list[Path]:
    """The bundled agreements (the folder's README is documentation, not an agreement)."""
    return sorted(p for p in SAMPLE_DIR.iterdir() if p.suffix == ".txt")


def cuad_files(n: int) -> list[Path]:
    """The first n CUAD contracts, sorted by name."""
    return sorted((cuad_dir() / "contracts").glob("*.txt"), key=lambda p: p.name)[:n]


def evenly(rows: list, n: int | None) -> list:
    """n rows spread over the list (deterministic), or all of them."""
    if n is None or n >= len(rows):
        return rows
    if n <= 0:
        return []
    step = len(rows) / n
    return [rows[int(i * step)] for i in range(n)]


def segmentable(paths: Sequence[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Split paths into those segment() handles and (path, error) for those it crashes on, so
    one segmenter bug costs a few contracts (reported) instead of the whole benchmark."""
    from index.loaders import load_document
    from index.segment import segment

    ok, failed = [], []
    for path in paths:
        try:
            segment(load_document(path))
            ok.append(path)
        except Exception as exc:  # noqa: BLE001 - any crash here would abort build_index
            failed.append((path, f"{exc.__class__.__name__}: {exc}"))
    return ok, failed


def report_excluded(console, failed: Sequence[tuple[Path, str]], n: int) -> None:
    if failed:
        console.print(f"[yellow]Excluded {len(failed)} of the first {n} CUAD contracts: segment() raises on them "
                      f"(build_index would abort):[/]")
        for path, error in failed:
            console.print(f"  [yellow]{path.name}[/]: {error}")


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def peak_rss_mb() -> float:
    """This process's peak resident set (Linux reports KiB), not the current size."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: Sequence[float], p: float) -> float:
    """Linear-interpolated percentile, p in [0, 100]."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    at = (len(ordered) - 1) * p / 100
    low = int(at)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (at - low)


def gold_ranges(gold: Iterable[dict]) -> list[tuple[int, int]]:
    """Every gold span, with the repeats listed in `also_at` (same length, other start)."""
    out = []
    for g in gold:
        length = g["end"] - g["start"]
        out.append((g["start"], g["end"]))
        out.extend((s, s + length) for s in g.get("also_at", ()))
    return out


def overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Half-open [start, end) meets any span."""
    return any(start < e and s < end for s, e in spans)


@dataclass
class Target:
    name: str
    value: float
    goal: str  # e.g. ">= 0.80"
    unit: str = ""
    baseline: str = ""  # the same figure for the baseline, measured in the same run

    @property
    def passed(self) -> bool:
        op, _, bound = self.goal.partition(" ")
        b = float(bound)
        return {">=": self.value >= b, ">": self.value > b, "<=": self.value <= b,
                "<": self.value < b, "==": self.value == b}[op]


def print_targets(console, targets: Sequence[Target], title: str = "Targets") -> None:
    from rich.table import Table

    table = Table(title=title)
    with_baseline = any(t.baseline for t in targets)
    columns = ("target", "figure", "baseline", "goal", "verdict") if with_baseline else \
        ("target", "figure", "goal", "verdict")
    for col in columns:
        table.add_column(col, justify="right" if col in ("figure", "baseline", "goal") else "left")
    for t in targets:
        figure = f"{t.value:,.3f}".rstrip("0").rstrip(".") if isinstance(t.value, float) else f"{t.value:,}"
        verdict = "[green]PASS[/]" if t.passed else "[red]MISS[/]"
        row = [t.name, f"{figure}{t.unit}"] + ([t.baseline] if with_baseline else []) + [f"{t.goal}{t.unit}", verdict]
        table.add_row(*row)
    console.print(table)


def figures_table(title: str, rows: Sequence[tuple[str, str]], note: str | None = None):
    from rich.table import Table

    table = Table(title=title, caption=note)
    table.add_column("figure")
    table.add_column("value", justify="right")
    for name, value in rows:
        table.add_row(name, value)
    return table


def on_and_off(qa, rows: Sequence[dict], switch: Callable[[bool], None]) -> dict[bool, list[float]]:
    """Seconds per `qa.ask` of each CUAD row, asked with a feature on and off in turn in one process
    (`switch(True)` / `switch(False)`; the order alternating, so neither side always pays the first
    embedding); the feature is left on."""
    import time

    seconds: dict[bool, list[float]] = {True: [], False: []}
    try:
        for n, row in enumerate(rows):
            for on in ((True, False) if n % 2 else (False, True)):
                switch(on)
                start = time.perf_counter()
                qa.ask(row["question"], files=[row["file"]])
                seconds[on].append(time.perf_counter() - start)
    finally:
        switch(True)
    return seconds


def on_and_off_line(label: str, feature: str, seconds: dict[bool, list[float]]) -> str:
    """"casual: 820 questions; glossary off mean 5.94 ms, p95 12.0 | on ... (x1.109)"."""
    import statistics

    def shown(times: list[float]) -> str:
        return f"mean {1000 * statistics.mean(times):.2f} ms, p95 {1000 * statistics.quantiles(times, n=20)[18]:.1f}"

    ratio = statistics.mean(seconds[True]) / statistics.mean(seconds[False])
    return (f"{label}: {len(seconds[True])} questions; {feature} off {shown(seconds[False])} | "
            f"on {shown(seconds[True])} (x{ratio:.3f})")


def fit_contracts_on_and_off(doc: str, feature: str, default_style: str,
                             make_switch: Callable[[], Callable[[bool], None]]) -> None:
    """The on/off benchmarks' command: the 40 fit contracts' questions, every second one, in CUAD's
    words and each `--style` (`default_style` when none is given), asked with a feature on and off in
    turn (`make_switch()` returns the switch, importing what it patches); one `on_and_off_line` each.
    Reuses the index `clauseqa eval --suite cuad --part fit --limit 40` builds."""
    import argparse

    from eval import cuad

    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--style", action="append", help="a cuad --style besides CUAD's own words (repeatable)")
    args = parser.parse_args()
    root = cuad.cuad_dir()
    files, rows = cuad.load_rows(40, "fit", root)
    qa, _ = cuad.open_index(root, files, "fit", None, None)
    switch = make_switch()
    for style in ["cuad", *(args.style or [default_style])]:
        asked = (rows if style == "cuad" else cuad.styled(rows, style))[::2]
        print(on_and_off_line(style, feature, on_and_off(qa, asked, switch)), flush=True)
