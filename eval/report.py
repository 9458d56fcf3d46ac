"""Write an eval run as Markdown and HTML with per-category tables, plots and every failure."""

from __future__ import annotations

import html
from pathlib import Path

from eval.result import SuiteResult, is_score

CHART = "metrics_by_category.png"
LATENCY = "latency.png"

# What each metric means, printed under the tables so that a number is never read without its definition.
DEFINITIONS = {
    "first_cite_overlap": "answerable questions whose answer was found and whose first citation (in the right "
                          "contract) overlaps a gold span; also_at copies count as gold",
    "any_cite_overlap": "the same, for any citation of the answer",
    "mean_cited_chars": "characters a found answer cites (sum of end - start over its citations), on average",
    "right_contract_at_1": "questions whose answer was found and first cites the contract asked about; "
                           "refusals are misses",
    "char_precision": "share of cited characters inside gold (answerable questions)",
    "char_recall": "share of gold characters cited, each gold span by its best-covered copy",
    "found_balanced_accuracy": "the found / not-found decision: mean of its recall on answerable and on "
                               "unanswerable questions",
    "answer_correctness": "right found / not-found decision and, when answerable, a right answer (CUAD: the "
                          "first citation overlaps gold; pairs: every expected fact present)",
    "first_line_correctness": "answerable pairs with expected facts: every fact is already in the answer's first "
                              "line (the short answer)",
    "faithfulness": "share of citations whose quote is exactly the document text (chat-model answers only; "
                    "extractive quotes are by construction)",
    "hit@1": "retrieval, answerable questions: the first retrieved clause overlaps gold",
    "hit@5": "retrieval: one of the first five clauses overlaps gold",
    "mrr": "retrieval: mean reciprocal rank of the first clause overlapping gold",
}


_COUNTS = {"mean_cited_chars"}  # averages of counts: thousandths of a character mean nothing


def _fmt(value, name: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}" if name in _COUNTS else f"{value:.3f}"
    return str(value)


def definitions(result) -> list[tuple[str, str]]:
    return [(name, DEFINITIONS[name]) for name in result.overall if name in DEFINITIONS]


def _table(result) -> tuple[list[str], list[list[str]]]:
    names = list(result.overall)
    rows = [[c] + [_fmt(v.get(n), n) for n in names] for c, v in result.categories.items()]
    rows.append(["**overall**"] + [_fmt(result.overall.get(n), n) for n in names])
    return ["category"] + names, rows


def failures(result) -> list[dict]:
    return [r for r in result.rows if not r.get("correct", True)]


def write_report(result, report_dir: str | Path) -> dict[str, Path]:
    """report.md, report.html and the two PNGs in report_dir; returns their paths by kind."""
    out = Path(report_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"chart": out / CHART, "latency": out / LATENCY, "md": out / "report.md", "html": out / "report.html"}
    plot_categories(result, paths["chart"])
    plot_latency(result, paths["latency"])
    paths["md"].write_text(markdown(result), encoding="utf-8")
    paths["html"].write_text(to_html(result), encoding="utf-8")
    return paths


def plot_categories(result, path: Path) -> None:
    """Grouped bars: each quality metric (0..1) per category, overall last."""
    import matplotlib

    matplotlib.use("Agg")  # reports are written headless (CI, servers)
    import matplotlib.pyplot as plt

    groups = {**result.categories, "overall": result.overall}
    names = [n for n in result.overall if is_score(n)]
    fig, ax = plt.subplots(figsize=(max(8, 0.9 * len(groups) * max(1, len(names)) / 3), 4.5))
    width = 0.8 / max(1, len(names))
    for i, name in enumerate(names):
        xs = [g + i * width for g in range(len(groups))]
        ax.bar(xs, [v.get(name) or 0.0 for v in groups.values()], width, label=name)
    ax.set_xticks([g + 0.4 - width / 2 for g in range(len(groups))])
    ax.set_xticklabels(list(groups), rotation=45 if len(groups) > 8 else 20, ha="right", fontsize=8)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("score")
    ax.set_title(f"{result.suite}: metrics per category")
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))  # outside: never hides a bar
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_latency(result, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    seconds = [r["seconds"] for r in result.rows if "seconds" in r]
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.hist(seconds or [0.0], bins=min(30, max(5, len(seconds) // 4)), color="#4a7ab7")
    ax.set_xlabel("seconds per question")
    ax.set_ylabel("questions")
    p50, p95 = result.overall.get("latency_p50"), result.overall.get("latency_p95")
    ax.set_title(f"{result.suite}: latency (p50 {_fmt(p50)} s, p95 {_fmt(p95)} s)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _cited_text(row: dict) -> list[str]:
    return [f"{c['file']} / {c['agreement']} / clause {c['clause']}: {c.get('clause_text') or c['quote']}"
            for c in row.get("cited_clauses", [])]


def markdown(result) -> str:
    header, rows = _table(result)
    lines = [f"# ClauseQA eval: {result.suite}", "",
             f"{result.overall.get('n_questions', 0)} questions; "
             + ", ".join(f"{k}: {v}" for k, v in result.meta.items() if k not in ("contracts",)), "",
             "## Per category", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    lines += ["", *(f"- `{name}`: {text}" for name, text in definitions(result)), ""]
    lines += [f"![metrics per category]({CHART})", "", f"![latency]({LATENCY})", ""]
    if result.broken:
        lines += ["## Broken pairs (expected citation not in the index; not counted)", ""]
        lines += [f"- `{b['id']}` (line {b['line']}): {', '.join(b['missing'])}" for b in result.broken]
        lines.append("")
    fails = failures(result)
    lines += [f"## Failures ({len(fails)})", ""]
    for r in fails:
        turn = f" turn {r['turn']}" if r.get("turn", 1) > 1 else ""
        lines += [f"### `{r['id']}`{turn} ({r['category']})", "", f"- **question:** {r['question']}",
                  f"- **expected:** {r.get('expected', '')}", f"- **got:** {r['text'] or '(empty)'}"]
        lines += [f"- **cited:** {_one_line(t)}" for t in _cited_text(r)] or ["- **cited:** nothing"]
        lines.append("")
    return "\n".join(lines)


def _one_line(text: str, limit: int = 700) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + " …"


def to_html(result) -> str:
    esc = html.escape
    header, rows = _table(result)
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{esc(c.strip('*'))}</td>" for c in r) + "</tr>" for r in rows)
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>ClauseQA eval: {esc(result.suite)}</title>",
             "<style>body{font-family:sans-serif;max-width:1100px;margin:auto}table{border-collapse:collapse}"
             "td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}td:first-child{text-align:left}"
             ".fail{border-left:4px solid #c33;padding-left:8px;margin:12px 0}pre{white-space:pre-wrap;"
             "background:#f6f6f6;padding:6px}</style></head><body>",
             f"<h1>ClauseQA eval: {esc(result.suite)}</h1><h2>Per category</h2>",
             f"<table class='categories'><tr>{head}</tr>{body}</table>",
             "<dl>" + "".join(f"<dt><code>{esc(n)}</code></dt><dd>{esc(t)}</dd>" for n, t in definitions(result)) + "</dl>",
             f"<p><img src='{CHART}' alt='metrics per category'></p><p><img src='{LATENCY}' alt='latency'></p>"]
    if result.broken:
        parts.append("<h2>Broken pairs (not counted)</h2><ul>")
        parts += [f"<li><code>{esc(b['id'])}</code> (line {b['line']}): {esc(', '.join(b['missing']))}</li>"
                  for b in result.broken]
        parts.append("</ul>")
    fails = failures(result)
    parts.append(f"<h2>Failures ({len(fails)})</h2>")
    for r in fails:
        cited = "".join(f"<pre>{esc(t)}</pre>" for t in _cited_text(r)) or "<p>cited nothing</p>"
        parts.append(f"<div class='fail'><h3><code>{esc(r['id'])}</code> turn {r.get('turn', 1)} "
                     f"({esc(r['category'])})</h3><p><b>question:</b> {esc(r['question'])}</p>"
                     f"<p><b>expected:</b> {esc(r.get('expected', ''))}</p><p><b>got:</b> {esc(r['text'])}</p>"
                     f"<p><b>cited clauses:</b></p>{cited}</div>")
    parts.append("</body></html>")
    return "\n".join(parts)


# -- the console summary -----------------------------------------------------------------------

_SHORT = {"n_questions": "n", "n_answerable": "n ans", "answer_correctness": "correct",
          "first_line_correctness": "1st line",
          "citation_precision": "cite P", "citation_recall": "cite R", "faithfulness": "faithful",
          "refusal_precision": "refuse P", "refusal_recall": "refuse R", "char_precision": "char P",
          "char_recall": "char R", "found_precision": "found P", "found_recall": "found R",
          "found_balanced_accuracy": "found BA", "first_cite_overlap": "1st cite", "any_cite_overlap": "any cite",
          "mean_cited_chars": "chars", "right_contract_at_1": "doc@1", "latency_p50": "p50 s", "latency_p95": "p95 s"}


# Kept to the report and the JSON so that the table fits 120 columns: the answer metrics, found BA and
# the retrieval means say enough at a glance.
_CONSOLE_HIDDEN = {"latency_mean", "char_precision", "char_recall", "found_precision", "found_recall"}


def print_summary(result, console=None) -> None:
    """One compact table: a row per category (if few) and overall; the rest is in the report and JSON."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console(stderr=True)
    names = [n for n in result.overall if n not in _CONSOLE_HIDDEN]
    table = Table(title=f"ClauseQA eval: {result.suite}", padding=(0, 1), pad_edge=False)
    table.add_column("category", no_wrap=True)
    for name in names:
        table.add_column(_SHORT.get(name, name), justify="right", no_wrap=True)
    rows = result.categories.items() if len(result.categories) <= 12 else ()  # CUAD's 41 go to the report
    for category, values in rows:
        table.add_row(category, *(_short_fmt(values.get(n), n) for n in names))
    table.add_row("[bold]overall[/bold]", *(_short_fmt(result.overall.get(n), n) for n in names))
    console.print(table)


def _short_fmt(value, name: str) -> str:
    if isinstance(value, float):
        return f"{value:.0f}" if name in _COUNTS else f"{value:.2f}"
    return _fmt(value)


def report_from_results(results_json: str | Path, report_dir: str | Path) -> dict[str, Path]:
    """Re-draw the report of an earlier run from its results.json (no assistant needed)."""
    import json

    return write_report(SuiteResult.from_dict(json.loads(Path(results_json).read_text(encoding="utf-8"))), report_dir)
