"""Indexing benchmarks: production build vs raw encode, and the int8 runtime vs fp32.

    .venv/bin/python eval/bench_index.py [build] [--contracts 12] [--model all-MiniLM-L6-v2] [--rounds 2]
    .venv/bin/python eval/bench_index.py int8 [--contracts 20] [--rounds 3]

`build` times `build_index` (the production path: a fresh temp index, the production embedder)
against one raw encode call over exactly the texts that build sent to the embedder (captured by
wrapping its `embed`, whatever those texts are), alternating A B B A ... so neither side always
runs first on a warm or cold machine, and checks an unchanged re-index.

`int8` encodes the clause texts of the first N CUAD validation contracts with fp32 torch and the
`@onnx-int8` runtime, alternating A B A B ..., and scores a cheap retrieval proxy on the same
vectors: within each contract, rank its clauses by cosine to each CUAD question; hit@5 means a
gold span overlaps one of the top five.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence

if __package__ in (None, ""):  # run as a script: make `eval.bench_common` importable
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))

from eval.bench_common import (SAMPLE_DIR, Target, cuad_files, figures_table, offline, peak_rss_mb, print_targets,
                               report_excluded, sample_files, segmentable)

offline()

from index.embedders import DEFAULT_MODEL, Embedder  # noqa: E402

INT8 = "@onnx-int8"


@contextlib.contextmanager
def capture_embed(embedder: Embedder) -> Iterator[dict]:
    """Record every text sent to `embedder.embed` and the seconds spent there; the production
    method still does the work (an instance attribute shadows it, removed afterwards)."""
    seen: dict = {"texts": [], "seconds": 0.0, "calls": 0}
    original = embedder.embed

    def embed(texts: Sequence[str]) -> list[list[float]]:
        started = time.perf_counter()
        try:
            return original(texts)
        finally:
            seen["seconds"] += time.perf_counter() - started
            seen["calls"] += 1
            seen["texts"].extend(texts)

    embedder.embed = embed  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        del embedder.embed


def raw_encoder(embedder: Embedder) -> Callable[[Sequence[str]], object]:
    """The model's own encode call, without ClauseQA: sentence-transformers' `encode` for the fp32
    runtime, the ONNX Runtime loop for the int8 one (numpy out, no lists)."""
    from index.embedders import OnnxInt8Embedder, SentenceTransformerEmbedder

    if isinstance(embedder, SentenceTransformerEmbedder):
        model = embedder.model
        return lambda texts: model.encode(list(texts), batch_size=embedder.batch_size, normalize_embeddings=True,
                                          convert_to_numpy=True, show_progress_bar=False)
    if isinstance(embedder, OnnxInt8Embedder):
        return lambda texts: embedder.model.encode(texts, embedder.batch_size)
    raise SystemExit(f"{embedder.name} has no model encode to compare against")


def alternate(sides: dict[str, Callable[[], object]], rounds: int,
              pattern: str) -> tuple[dict[str, list[float]], list[str]]:
    """Run each side `rounds` times in the order "ABBA" (mirrored pairs) or "ABAB": (wall seconds
    per run of each side, the order run)."""
    a, b = list(sides)
    pair = (a, b)
    order: list[str] = []
    for r in range(rounds):
        order += list(pair if pattern == "ABAB" or r % 2 == 0 else pair[::-1])
    seconds: dict[str, list[float]] = {a: [], b: []}
    for side in order:
        started = time.perf_counter()
        sides[side]()
        seconds[side].append(time.perf_counter() - started)
    return seconds, order


def bench_build(args) -> int:
    from rich.console import Console

    from index.build import build_index
    from index.embedders import get_embedder
    from index.store import ChromaStore

    console = Console()
    contracts, failed = segmentable(cuad_files(args.contracts))
    report_excluded(console, failed, args.contracts)
    paths = [SAMPLE_DIR, *contracts]
    console.print(f"Corpus: {len(sample_files())} sample files + {len(contracts)} CUAD contracts; model {args.model}")
    started = time.perf_counter()
    embedder = get_embedder(args.model)
    load_seconds = time.perf_counter() - started
    raw = raw_encoder(embedder)
    raw(["warm up the model", "and its kernels"])  # first-call setup is charged to neither side

    tmp = tempfile.TemporaryDirectory(prefix="clauseqa-bench-index-")
    ChromaStore(f"{tmp.name}/warm-up").count()  # Chroma's first client setup, likewise
    builds: list[dict] = []
    texts: list[str] = []  # what the first build sent to the embedder: the raw side encodes these

    def build() -> None:
        store = ChromaStore(f"{tmp.name}/index-{len(builds)}")
        with capture_embed(embedder) as seen:
            report = build_index(paths, store, embedder)
        builds.append({**seen, "report": report, "store": store})
        texts.extend(() if len(builds) > 1 else seen["texts"])
        console.print(f"  build {len(builds)}: {len(seen['texts']):,} texts in {seen['calls']} embed calls",
                      style="dim")

    def encode() -> None:
        if not texts:  # cannot happen: each order starts with a build
            raise RuntimeError("raw encode ran before any build captured its texts")
        raw(texts)
        console.print(f"  raw encode: {len(texts):,} texts", style="dim")

    seconds, order = alternate({"build": build, "raw": encode}, args.rounds, "ABBA")
    if any(b["texts"] != texts for b in builds):
        raise SystemExit("the builds sent different texts to the embedder; the comparison would be unfair")
    n = len(texts)
    report = builds[0]["report"]
    for f in report.skipped:
        console.print(f"[yellow]skipped[/] {f.name}: {f.reason}")

    # re-index the unchanged corpus into the last build's store, reopened as `clauseqa index` would
    started = time.perf_counter()
    again = build_index(paths, ChromaStore(builds[-1]["store"].location), embedder)
    reindex_seconds = time.perf_counter() - started

    build_s, raw_s = sum(seconds["build"]), sum(seconds["raw"])
    embed_s = sum(b["seconds"] for b in builds)
    ratio = raw_s / build_s  # the same texts per run on both sides: texts/s ratio
    rows = [
        ("model", f"{embedder.name} (load {load_seconds:.1f} s, not timed)"),
        ("files indexed", f"{sum(1 for f in report.files if f.status == 'indexed'):,}"),
        ("clauses", f"{report.clauses:,}"),
        ("texts sent to the embedder per build", f"{n:,} in {builds[0]['calls']} embed calls"),
        ("order", " ".join(order)),
        ("build_index, each round", ", ".join(f"{s:.1f} s" for s in seconds["build"])),
        ("  of which Embedder.embed", f"{embed_s / len(builds):.1f} s mean ({embed_s / build_s:.0%})"),
        ("raw encode, same texts, each round", ", ".join(f"{s:.1f} s" for s in seconds["raw"])),
        ("build_index throughput", f"{n * len(builds) / build_s:,.1f} texts/s"),
        ("raw encode throughput", f"{n * len(seconds['raw']) / raw_s:,.1f} texts/s"),
        ("re-index unchanged", f"{reindex_seconds:.2f} s, {again.embedded} embedded"),
        ("peak RSS (process)", f"{peak_rss_mb():,.0f} MB"),
    ]
    console.print(figures_table(f"Indexing: {len(contracts)} CUAD + sample, {args.rounds} rounds each", rows))
    print_targets(console, [
        Target("indexing throughput vs raw encode (build_index, same texts)", round(100 * ratio, 1), ">= 95", "%"),
        Target("re-index unchanged corpus, seconds", round(reindex_seconds, 2), "< 3", " s"),
        Target("re-index unchanged corpus, texts embedded", again.embedded, "== 0"),
    ])
    tmp.cleanup()
    return 0


def clause_sets(n: int):
    """[(file, clauses, texts)] for the first n CUAD validation contracts, and their answerable rows."""
    from eval.bench_common import cuad_dir
    from eval.cuad import load_rows
    from index.build import embed_text
    from index.loaders import load_document
    from index.segment import segment

    files, rows = load_rows(n)
    sets = []
    for file in files:
        segmented = segment(load_document(cuad_dir() / "contracts" / file))
        by_number = {a.number: a for a in segmented.agreements}
        sets.append((file, segmented.clauses, [embed_text(c, by_number[c.agreement]) for c in segmented.clauses]))
    return sets, [r for r in rows if r["answerable"] and r.get("gold")]


def hit_at_5(sets, rows, clause_vectors, question_vectors) -> float:
    """Share of answerable questions whose contract's top five clauses by cosine meet a gold span."""
    import numpy as np

    from eval import metrics as m

    at, by_file = 0, {}
    for file, clauses, texts in sets:
        by_file[file] = (clauses, np.asarray(clause_vectors[at:at + len(texts)], dtype=np.float32))
        at += len(texts)
    hits = []
    for row, q in zip(rows, np.asarray(question_vectors, dtype=np.float32)):
        clauses, vectors = by_file[row["file"]]
        top = np.argsort(-(vectors @ q), kind="stable")[:5]
        hits.append(m.hit_at(m.first_hit_rank([(clauses[i].start, clauses[i].end) for i in top], row["gold"]), 5))
    return sum(hits) / len(hits)


def bench_int8(args) -> int:
    import numpy as np
    from rich.console import Console

    from index.embedders import get_embedder

    console = Console()
    sets, rows = clause_sets(args.contracts)
    texts = [t for _, _, ts in sets for t in ts]
    questions = [r["question"] for r in rows]
    console.print(f"{len(sets)} CUAD validation contracts: {len(texts):,} clause texts, "
                  f"{len(rows)} answerable questions")
    fp32 = get_embedder(args.model)
    int8 = get_embedder(args.model + INT8)
    for e in (fp32, int8):
        e.embed(["warm up the model", "and its kernels"])
    vectors: dict[str, list] = {}

    def run(name: str, embedder: Embedder) -> Callable[[], None]:
        def go() -> None:
            out = embedder.embed(texts)
            vectors.setdefault(name, out)
            console.print(f"  {name}: {len(texts):,} texts", style="dim")
        return go

    seconds, order = alternate({"fp32": run("fp32", fp32), "int8": run("int8", int8)}, args.rounds, "ABAB")
    rate = {k: len(texts) * len(v) / sum(v) for k, v in seconds.items()}
    hit = {"fp32": hit_at_5(sets, rows, vectors["fp32"], fp32.embed(questions)),
           "int8": hit_at_5(sets, rows, vectors["int8"], int8.embed(questions))}
    cos = np.sum(np.asarray(vectors["fp32"]) * np.asarray(vectors["int8"]), axis=1)
    speedup = rate["int8"] / rate["fp32"]
    rows_out = [
        ("texts per run", f"{len(texts):,} clause texts (embed_text, no lead-ins)"),
        ("order", " ".join(order)),
        ("fp32 torch, each round", ", ".join(f"{s:.1f} s" for s in seconds["fp32"])),
        (f"{INT8}, each round", ", ".join(f"{s:.1f} s" for s in seconds["int8"])),
        ("fp32 throughput", f"{rate['fp32']:,.1f} texts/s"),
        ("int8 throughput", f"{rate['int8']:,.1f} texts/s"),
        ("int8 / fp32", f"{speedup:.2f}x"),
        ("cosine int8 vs fp32 (mean / min)", f"{cos.mean():.4f} / {cos.min():.4f}"),
        (f"hit@5 proxy, fp32 ({len(rows)} questions)", f"{hit['fp32']:.4f}"),
        ("hit@5 proxy, int8", f"{hit['int8']:.4f}"),
    ]
    console.print(figures_table(f"int8 vs fp32: {args.model}, {len(sets)} validation contracts", rows_out,
                                note="hit@5 proxy: a contract's own clauses ranked by cosine to the raw question"))
    print_targets(console, [
        Target("int8 throughput / fp32", round(speedup, 2), ">= 1.8", "x"),
        Target("hit@5 proxy drop, fp32 - int8", round(hit["fp32"] - hit["int8"], 4), "<= 0.01"),
    ])
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", nargs="?", choices=("build", "int8"), default="build",
                        help="build: build_index vs raw encode (default); int8: int8 runtime vs fp32")
    parser.add_argument("--contracts", type=int, default=None,
                        help="CUAD contracts: the first N by name for build (default 12), "
                             "the first N validation contracts for int8 (default 20)")
    parser.add_argument("--model", default=None,
                        help=f"embedding model; build accepts a runtime suffix such as {DEFAULT_MODEL}{INT8} "
                             f"(default {DEFAULT_MODEL})")
    parser.add_argument("--rounds", type=int, default=None, help="runs of each side (default 2 for build, 3 for int8)")
    args = parser.parse_args(argv)
    args.model = args.model or DEFAULT_MODEL
    if args.what == "int8":
        if INT8 in args.model:
            parser.error(f"int8 compares {INT8} with fp32 itself: give --model without the suffix")
        args.contracts, args.rounds = args.contracts or 20, args.rounds or 3
        return bench_int8(args)
    args.contracts, args.rounds = args.contracts or 12, max(2, args.rounds or 2)
    return bench_build(args)


if __name__ == "__main__":
    raise SystemExit(main())
