"""Formatting only: answers, citations, sources, build reports and the index table as text or HTML."""

from __future__ import annotations

import html
from collections.abc import Sequence

from assistant.types import AgreementInfo, Answer, AnswerGroup, Citation, Value
from index.types import BuildReport, FileReport, IndexedFile

INDEX_HEADERS = ["File", "Agreement", "Title", "Date", "Clauses"]

SOURCES_PLACEHOLDER = (
    '<div class="cqa-empty">Ask a question: each clause an answer cites appears here in full, '
    "with the quoted words highlighted.</div>"
)

# Scoped to the sources component (gr.HTML css_template), so it travels with the component
# however the app is launched.
SOURCES_CSS = """
.cqa-empty { color: var(--body-text-color-subdued); padding: 12px 4px; font-size: 0.95em; }
.cqa-searched { color: var(--body-text-color-subdued); font-size: 0.9em; margin: 0 0 10px 0; }
.cqa-source { border: 1px solid var(--border-color-primary); border-radius: 8px;
  padding: 10px 12px; margin: 0 0 12px 0; background: var(--background-fill-primary); }
.cqa-head { font-size: 0.9em; margin-bottom: 6px; display: flex; flex-wrap: wrap;
  gap: 6px; align-items: baseline; }
.cqa-num { font-weight: 700; color: var(--color-accent); }
.cqa-file { font-family: var(--font-mono); font-size: 0.92em; }
.cqa-agreement { font-weight: 600; }
.cqa-clause-id { color: var(--body-text-color-subdued); }
.cqa-text { white-space: pre-wrap; line-height: 1.5; font-size: 0.93em; max-height: 320px;
  overflow-y: auto; }
.cqa-text mark { background: #fde68a; color: #111827; padding: 0 1px; border-radius: 2px; }
.cqa-text mark strong.cqa-value { font-weight: 700; text-decoration: underline; }
.cqa-note { color: var(--body-text-color-subdued); font-size: 0.85em; margin-top: 4px; }
"""


def clause_label(clause: str) -> str:
    """'7' -> 'clause 7'; named parts ('preamble', 'signatures') stay as they are."""
    return f"clause {clause}" if clause[:1].isdigit() else clause


def citation_line(number: int, citation: Citation) -> str:
    return f"[{number}] {citation.file} · {citation.agreement} · {clause_label(citation.clause)}"


def answer_markdown(answer: Answer) -> str:
    """The chat message for an answer: its text, then its numbered citations."""
    parts = [html.escape(answer.text.strip(), quote=False) or "(no answer)"]
    if shows_groups(answer):  # else the lines say it all
        parts.append(groups_table(answer.groups, answer.citations))
    if not answer.found and answer.searched and answer.searched not in answer.text:
        parts.append(f"*Searched {html.escape(answer.searched, quote=False)}.*")
    if answer.citations:
        lines = [html.escape(citation_line(i, c), quote=False)
                 for i, c in enumerate(answer.citations, 1)]
        parts.append("**Citations**  \n" + "  \n".join(lines))
    if answer.unsupported:
        n = len(answer.unsupported)
        parts.append(f"*{n} sentence{'s' if n != 1 else ''} left out: no clause supports "
                     f"{'them' if n != 1 else 'it'}.*")
    return "\n\n".join(parts)


def _cell(text: str, limit: int = 0) -> str:
    text = " ".join(text.split())
    if limit and len(text) > limit:
        text = text[:limit - 1].rstrip() + "…"
    return html.escape(text, quote=False).replace("|", "\\|")


def groups_table(groups: Sequence[AnswerGroup], citations: Sequence[Citation] = ()) -> str:
    """Agreements that say the same thing, one row per group, as a compact Markdown table; each
    agreement carries the marker of its first citation when the citations are given."""
    rows = ["| Agreements | Answer | Clause |", "|---|---|---|"]
    for g in groups:
        names = []
        for label, key in zip(g.agreements, g.keys):
            first = next((i for i in g.citations if i < len(citations)
                          and f"{citations[i].file}#{citations[i].agreement_number}" == key), None)
            names.append(label if first is None else f"{label} [{first + 1}]")
        value = g.value if g.kind != "quote" else f"“{g.value}”"
        clauses = ", ".join(clause_label(c) for c in dict.fromkeys(g.clauses))
        rows.append(f"| {_cell(', '.join(names))} | {_cell(value, 90)} | {_cell(clauses)} |")
    return "\n".join(rows)


GROUP_HEADERS = ["Agreement", "Answer", "Clause"]


def shows_groups(answer: Answer | None) -> bool:
    """Whether an answer's groups say more than its lines: several agreements share an answer, or
    an answer is a value."""
    return answer is not None and any(len(g.agreements) > 1 or g.kind != "quote" for g in answer.groups)


def group_rows(answer: Answer | None) -> list[list[str]]:
    """The grouped answer as a table of one row per agreement (agreement, its group's answer, its
    clause), groups in order: a row opens that agreement's clause (agreement_sources_html)."""
    if not shows_groups(answer):
        return []
    rows = []
    for g in answer.groups:
        value = g.value if g.kind != "quote" else f"“{g.value}”"
        for label, clause in zip(g.agreements, g.clauses):
            rows.append([label, " ".join(value.split()), clause_label(clause)])
    return rows


def agreement_sources_html(answer: Answer | None, row: int) -> str:
    """The sources panel for one row of group_rows: that agreement's citations, numbered as in the
    answer, the quote and its values highlighted."""
    keys = [key for g in (answer.groups if shows_groups(answer) else ()) for key in g.keys]
    if not 0 <= row < len(keys):
        return sources_html(answer)
    return _cards(answer, lambda c: f"{c.file}#{c.agreement_number}" == keys[row])


def _quote_span(citation: Citation) -> tuple[int, int] | None:
    """Where the quote sits inside clause_text, trusting offsets only when they check out."""
    text, quote = citation.clause_text, citation.quote
    start = citation.start - citation.clause_start
    end = citation.end - citation.clause_start
    if 0 <= start <= end <= len(text) and text[start:end] == quote:
        return start, end
    # Offsets that disagree with the text would highlight the wrong words; find the quote instead.
    found = text.find(quote) if quote else -1
    return (found, found + len(quote)) if found >= 0 else None


def _marked_quote(quote: str, citation: Citation, values: Sequence[Value]) -> str:
    """The quote, HTML-escaped, with the answer's values in it in <strong class="cqa-value">;
    a value whose offsets do not check out against the quote is left unmarked."""
    spans = sorted((v.start - citation.start, v.end - citation.start) for v in values)
    spans = [(s, e) for s, e in spans if 0 <= s < e <= len(quote)
             and any(quote[s:e] == v.text for v in values)]
    out, at = [], 0
    for s, e in spans:
        if s < at:
            continue  # overlapping values: the first one is marked
        out += [html.escape(quote[at:s]), '<strong class="cqa-value">', html.escape(quote[s:e]), "</strong>"]
        at = e
    return "".join(out) + html.escape(quote[at:])


def highlight_clause(citation: Citation, values: Sequence[Value] = ()) -> str:
    """The clause text, HTML-escaped, with the quoted words in <mark> and the answer's values
    (spans of this quote) in <strong> inside it."""
    text = citation.clause_text
    if not text:
        return f"<mark>{_marked_quote(citation.quote, citation, values)}</mark>"
    span = _quote_span(citation)
    if span is None:
        return html.escape(text)
    start, end = span
    return (html.escape(text[:start]) + "<mark>" + _marked_quote(text[start:end], citation, values) + "</mark>"
            + html.escape(text[end:]))


def source_html(number: int, citation: Citation, values: Sequence[Value] = ()) -> str:
    e = html.escape
    note = ""
    if citation.clause_text and _quote_span(citation) is None:
        note = f'<div class="cqa-note">Quoted: <mark>{e(citation.quote)}</mark></div>'
    return (
        f'<div class="cqa-source" id="cqa-source-{number}">'
        f'<div class="cqa-head"><span class="cqa-num">[{number}]</span>'
        f'<span class="cqa-file">{e(citation.file)}</span><span>·</span>'
        f'<span class="cqa-agreement">{e(citation.agreement)}</span><span>·</span>'
        f'<span class="cqa-clause-id">{e(clause_label(citation.clause))}</span></div>'
        f'<div class="cqa-text">{highlight_clause(citation, values)}</div>{note}</div>'
    )


def sources_html(answer: Answer | None) -> str:
    """The sources panel: every citation with its whole clause and the quote highlighted."""
    if answer is None:
        return SOURCES_PLACEHOLDER
    if not answer.citations:
        what = f" in {html.escape(answer.searched)}" if answer.searched else ""
        return f'<div class="cqa-empty">No clause cited: nothing matching was found{what}.</div>'
    facts = []
    if answer.standalone_question and answer.standalone_question != answer.question:
        facts.append(f"understood as “{answer.standalone_question}”")
    if answer.answered_as:  # refused in its own words, answered in its kind's (assistant/rephrase.py)
        facts.append(f"answered as “{answer.answered_as}”")
    if answer.searched:
        facts.append(f"searched {answer.searched}")
    if answer.seconds:
        facts.append(f"{answer.seconds:.2f} s")
    head = ""
    if facts:
        text = "; ".join(facts)
        head = f'<div class="cqa-searched">{html.escape(text[:1].upper() + text[1:])}</div>'

    return head + _cards(answer)


def _cards(answer: Answer, keep=lambda citation: True) -> str:
    """A source card per kept citation, numbered as in the answer, with its values marked."""
    return "".join(source_html(i, c, [v for v in answer.values if v.citation == i - 1])
                   for i, c in enumerate(answer.citations, 1) if keep(c))


def error_message(exc: Exception) -> str:
    return html.escape(f"Error: {exc}", quote=False)


def _file_result(report: FileReport) -> str:
    name = report.name or report.path
    if report.status == "skipped":
        return f"✗ {name} — skipped: {report.reason or 'could not be read'}"
    if report.status == "removed":
        return f"• {name} — removed from the index"
    if report.status == "unchanged":
        return f"• {name} — unchanged (already indexed)"
    agreements = f"{report.agreements} agreement{'s' if report.agreements != 1 else ''}"
    clauses = f"{report.clauses} clause{'s' if report.clauses != 1 else ''}"
    return f"✓ {name} — {report.status}: {agreements}, {clauses}"


def upload_summary(report: BuildReport | None, rejected: Sequence[str] = (),
                   error: str = "") -> str:
    """Per-file results in plain words, as Markdown lines."""
    lines = [html.escape(line, quote=False) for line in rejected]
    if report is not None:
        lines += [html.escape(_file_result(f), quote=False) for f in report.files]
    if error:
        lines.append(html.escape(error, quote=False)
                     + " — nothing already indexed was changed.")
    if not lines:
        return "No files added."
    return "  \n".join(lines)


def index_rows(files: Sequence[IndexedFile], agreements: Sequence[AgreementInfo]) -> list[list]:
    """One row per agreement; a file with no agreement found still gets a row."""
    rows: list[list] = []
    with_agreements = set()
    for a in sorted(agreements, key=lambda a: (a.file, a.number)):
        with_agreements.add(a.file)
        rows.append([a.file, a.label, a.title, a.date, a.clauses])
    for f in sorted(files, key=lambda f: f.name):
        if f.name not in with_agreements:
            rows.append([f.name, "—", "", "", f.clauses])
    return rows


def index_summary(files: Sequence[IndexedFile], agreements: Sequence[AgreementInfo]) -> str:
    clauses = sum(f.clauses for f in files)
    return (f"**{len(files)}** file{'s' if len(files) != 1 else ''} · "
            f"**{len(agreements)}** agreement{'s' if len(agreements) != 1 else ''} · "
            f"**{clauses}** clause{'s' if clauses != 1 else ''} indexed")
