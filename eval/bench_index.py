"""Indexing benchmark: end-to-end build vs raw SentenceTransformer.encode, then an unchanged re-index.

    .venv/bin/python eval/bench_index.py [--contracts 50]

Indexes data/agreements plus the first N CUAD contracts (sorted by name) into a fresh temp index
with the real default model, and compares ClauseQA's embedding throughput with one raw
`encode` call over exactly the texts ClauseQA embedded, in the same process.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence

if __package__ in (None, ""):  # run as a script: make `eval.bench_common` importable
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))

from eval.bench_common import (SAMPLE_DIR, Target, cuad_files, figures_table, offline, peak_rss_mb, print_targets,
                               report_excluded, sample_files, segmentable)

offline()

from index.embedders import Embedder  # noqa: E402


class TimedEmbedder(Embedder):
    """Passes through to the real embedder, keeping the texts and the seconds spent embedding."""

    def __init__(self, inner: Embedder):
        self.inner = inner
        self.name = inner.name
        self.batch_size = inner.batch_size
        self.texts: list[str] = []
        self.batch_sizes: list[int] = []
        self.seconds = 0.0

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        started = time.perf_counter()
        try:
            return super().embed(texts)
        finally:
            self.seconds += time.perf_counter() - started
            self.texts.extend(texts)

    def embed_batch(self, texts: Sequence[str]) -> list[list[float]]:
        self.batch_sizes.append(len(texts))
        return self.inner.embed_batch(texts)


def _timed_method(obj, name: str, bucket: dict[str, float]) -> None:
    """Wrap obj.name so its wall time adds up in bucket[name]."""
    original = getattr(obj, name)

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            bucket[name] = bucket.get(name, 0.0) + time.perf_counter() - started

    setattr(obj, name, wrapper)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contracts", type=int, default=50, help="first N CUAD contracts (default 50)")
    parser.add_argument("--per-file-raw", action="store_true",
                        help="also time raw encode with one call per file, as build_index batches (one more pass)")
    parser.add_argument("--keep", action="store_true", help="print the temp index folder and keep it")
    args = parser.parse_args(argv)

    from rich.console import Console

    from index.build import build_index
    from index.embedders import get_embedder
    from index.store import ChromaStore

    console = Console()
    contracts, failed = segmentable(cuad_files(args.contracts))
    report_excluded(console, failed, args.contracts)
    paths = [SAMPLE_DIR, *contracts]
    console.print(f"Corpus: {len(sample_files())} sample files ({SAMPLE_DIR}) + {len(contracts)} CUAD contracts")

    started = time.perf_counter()
    real = get_embedder()
    model = real.model
    model_seconds = time.perf_counter() - started
    # one small encode first, so torch's first-call setup is charged to neither side
    model.encode(["warm up the model", "and its kernels"], batch_size=real.batch_size)

    tmp = tempfile.TemporaryDirectory(prefix="clauseqa-bench-index-")
    index_dir = f"{tmp.name}/index"
    store = ChromaStore(index_dir)
    phases: dict[str, float] = {}
    _timed_method(store, "replace_file", phases)
    embedder = TimedEmbedder(real)

    def progress(what: str, done: int, total: int) -> None:
        if done % 10 == 0 or done == total:
            console.print(f"  indexing {done}/{total} files", style="dim")

    started = time.perf_counter()
    report = build_index(paths, store, embedder, progress=progress)
    build_seconds = time.perf_counter() - started
    texts = embedder.texts
    if report.skipped:
        for f in report.skipped:
            console.print(f"[yellow]skipped[/] {f.name}: {f.reason}")

    # token counts: all word pieces, and what the model reads (it truncates at max_seq_length)
    ids = model.tokenizer(texts, add_special_tokens=True, truncation=False)["input_ids"]
    tokens = sum(len(i) for i in ids)
    max_len = model.max_seq_length
    tokens_read = sum(min(len(i), max_len) for i in ids)
    truncated = sum(1 for i in ids if len(i) > max_len)

    console.print("  raw encode over the same texts ...", style="dim")
    started = time.perf_counter()
    model.encode(texts, batch_size=real.batch_size, normalize_embeddings=True, convert_to_numpy=True,
                 show_progress_bar=False)
    raw_seconds = time.perf_counter() - started

    # the same raw encode, but one call per file as build_index makes them: isolates the cost of
    # per-file batches (less length sorting, ragged last batches) from ClauseQA's own overhead
    raw_per_file_seconds = None
    if args.per_file_raw:
        console.print("  raw encode, one call per file ...", style="dim")
        started = time.perf_counter()
        at = 0
        for n in (f.embedded for f in report.files if f.embedded):
            model.encode(texts[at:at + n], batch_size=real.batch_size, normalize_embeddings=True,
                         convert_to_numpy=True, show_progress_bar=False)
            at += n
        raw_per_file_seconds = time.perf_counter() - started

    # re-index the unchanged corpus, as a fresh `clauseqa index` would: reopen the store
    started = time.perf_counter()
    store2 = ChromaStore(index_dir)
    open_seconds = time.perf_counter() - started
    started = time.perf_counter()
    again = build_index(paths, store2, real)
    reindex_seconds = time.perf_counter() - started
    peak = peak_rss_mb()

    n = len(texts)
    store_seconds = phases.get("replace_file", 0.0)
    rest = build_seconds - embedder.seconds - store_seconds
    e2e_rate = n / build_seconds
    embed_rate = n / embedder.seconds if embedder.seconds else float("nan")
    raw_rate = n / raw_seconds
    rows = [
        ("files indexed", f"{sum(1 for f in report.files if f.status == 'indexed'):,}"),
        ("agreements", f"{report.agreements:,}"),
        ("clauses (chunks)", f"{report.clauses:,}"),
        ("texts embedded", f"{n:,}"),
        ("tokens (tokenizer count of embedded texts)", f"{tokens:,}"),
        (f"  of which the model reads (<= {max_len}/text)", f"{tokens_read:,} ({truncated:,} texts truncated)"),
        ("model load (not in build)", f"{model_seconds:.1f} s"),
        ("end-to-end indexing (load+segment+embed+store)", f"{build_seconds:.1f} s"),
        ("  embed (Embedder.embed)", f"{embedder.seconds:.1f} s ({embedder.seconds / build_seconds:.0%})"),
        ("  store (Chroma replace_file)", f"{store_seconds:.1f} s ({store_seconds / build_seconds:.0%})"),
        ("  load+segment+hash+other", f"{rest:.1f} s ({rest / build_seconds:.0%})"),
        ("clauses/s end-to-end", f"{report.clauses / build_seconds:,.1f}"),
        ("tokens/s end-to-end", f"{tokens / build_seconds:,.0f}"),
        ("raw encode, one call, same texts, batch " + str(real.batch_size), f"{raw_seconds:.1f} s = {raw_rate:,.1f} texts/s"),
        *([("raw encode, one call per file", f"{raw_per_file_seconds:.1f} s = {n / raw_per_file_seconds:,.1f} texts/s")]
          if raw_per_file_seconds else []),
        ("ClauseQA embed phase only", f"{embed_rate:,.1f} texts/s = {embed_rate / raw_rate:.0%} of raw"),
        ("ClauseQA end-to-end", f"{e2e_rate:,.1f} texts/s = {e2e_rate / raw_rate:.0%} of raw"),
        ("batches sent to the model", f"{len(embedder.batch_sizes):,} (mean {n / max(1, len(embedder.batch_sizes)):.1f} texts)"),
        ("re-index unchanged: store open", f"{open_seconds:.2f} s"),
        ("re-index unchanged: build_index", f"{reindex_seconds:.2f} s, {again.embedded} embedded"),
        ("peak RSS (process peak, ru_maxrss)", f"{peak:,.0f} MB"),
    ]
    console.print(figures_table(f"Indexing: {len(contracts)} CUAD + sample", rows,
                                note="peak RSS is the whole process's peak (model, both builds, raw encodes)"))
    print_targets(console, [
        Target("end-to-end embedding throughput vs raw encode", round(100 * e2e_rate / raw_rate, 1), ">= 80", "%"),
        Target("re-index unchanged corpus, seconds", round(reindex_seconds, 2), "< 3", " s"),
        Target("re-index unchanged corpus, texts embedded", again.embedded, "== 0"),
    ])
    if args.keep:
        console.print(f"Index kept at {index_dir}")
        tmp._finalizer.detach()  # type: ignore[attr-defined]
    else:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
