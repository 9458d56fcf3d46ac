"""The `clauseqa` command, a face like the web page: formatting only; every command calls the Python API."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from index.errors import ClauseQAError

app = typer.Typer(help="Ask questions of agreements; every answer cites file, agreement and clause.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
console = Console()
err = Console(stderr=True)

# Options every command shares: one place, one precedence (flag > CLAUSEQA_* variable > default).
IndexOpt = Annotated[Optional[str], typer.Option("--index", help="Index folder [env CLAUSEQA_INDEX_DIR; default .clauseqa]")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", help="sentence-transformers model name or path, or 'hashing'")]
HostOpt = Annotated[Optional[str], typer.Option("--chroma-host", help="Use a Chroma server at this host instead of a folder")]
PortOpt = Annotated[Optional[int], typer.Option("--chroma-port", help="Chroma server port (default 8000)")]
FileOpt = Annotated[Optional[list[str]], typer.Option("--file", "-f", help="Only this indexed file (repeatable)")]
LlmOpt = Annotated[Optional[str], typer.Option("--llm", help="Chat model, e.g. ollama:llama3.1 or openai:MODEL")]
LlmUrlOpt = Annotated[Optional[str], typer.Option("--llm-base-url", help="Base URL of an OpenAI-compatible server")]


def _settings(index, model, host, port, **extra) -> dict:
    return {"index_dir": index, "model": model, "host": host, "port": port, **extra}


def _run(action):
    """Turn ClauseQA errors into `Error: ...` and exit code 1."""
    try:
        return action()
    except ClauseQAError as exc:
        err.print(f"[bold red]Error:[/] {exc}", highlight=False)
        raise typer.Exit(1) from None


@app.command()
def index(paths: Annotated[list[str], typer.Argument(help="Files or folders (.txt .md .pdf .docx)")],
          index: IndexOpt = None, model: ModelOpt = None, chroma_host: HostOpt = None, chroma_port: PortOpt = None):
    """Index agreements: new and changed files are embedded, unchanged ones skipped.

    Example: clauseqa index data/agreements
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from assistant.api import Assistant
    from assistant.settings import Settings

    def build():
        assistant = Assistant(Settings.resolve(**_settings(index, model, chroma_host, chroma_port)))
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, transient=True) as bar:
            task = bar.add_task("Indexing", total=None)

            def progress(name: str, done: int, total: int):
                bar.update(task, completed=done, total=total, description=f"Indexing {name[:40]}")

            return assistant.add_paths(paths, progress=progress), assistant

    report, assistant = _run(build)
    table = Table(title=f"Index {assistant.store.location}")
    for column in ("file", "status", "agreements", "clauses", "embedded", "reason"):
        table.add_column(column)
    for f in report.files:
        style = "red" if f.status == "skipped" else None
        table.add_row(f.name, f.status, str(f.agreements), str(f.clauses), str(f.embedded), f.reason, style=style)
    console.print(table)
    indexed = [f for f in report.files if f.status not in ("skipped", "removed")]
    console.print(f"{len(indexed)} files, {report.agreements} agreements, {report.clauses} clauses, "
                  f"{report.embedded} embedded, {len(report.skipped)} skipped, {report.seconds:.1f} s"
                  + (" (embedding model changed: index rebuilt)" if report.rebuilt else ""))


@app.command()
def status(index: IndexOpt = None, chroma_host: HostOpt = None, chroma_port: PortOpt = None):
    """List what is indexed: files, agreements (label, title, date) and clause counts.

    Example: clauseqa status --index .clauseqa
    """
    from assistant.api import Assistant

    assistant = _run(lambda: Assistant.open(index, host=chroma_host, port=chroma_port))
    table = Table(title=f"{assistant.store.location} — model {assistant.store.model()}")
    for column in ("file", "#", "agreement", "kind", "title", "date", "clauses"):
        table.add_column(column)
    for a in assistant.agreements():
        table.add_row(a.file, str(a.number), a.label, a.kind, a.title[:50], a.date, str(a.clauses))
    console.print(table)
    console.print(f"{len(assistant.files())} files, {len(assistant.agreements())} agreements, "
                  f"{sum(a.clauses for a in assistant.agreements())} clauses")


@app.command()
def ask(question: Annotated[str, typer.Argument(help="The question, in quotes")], file: FileOpt = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print the Answer as JSON")] = False,
        index: IndexOpt = None, model: ModelOpt = None, chroma_host: HostOpt = None, chroma_port: PortOpt = None,
        llm: LlmOpt = None, llm_base_url: LlmUrlOpt = None):
    """Ask one question; prints the answer and its citations (file, agreement, clause, quote).

    Example: clauseqa ask "Which law governs Xin Wang's agreement?"
    """
    from assistant.api import Assistant

    def answer():
        assistant = Assistant.open(index, model=model, host=chroma_host, port=chroma_port, llm=llm,
                                   llm_base_url=llm_base_url)
        if assistant.settings.llm and not as_json:  # a chat model writes: show it as it does
            return print_stream(assistant.stream(question, files=file or None))
        return assistant.ask(question, files=file or None)

    result = _run(answer)
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        print_answer(result)


def print_stream(items):
    """Print a chat model's text as it arrives, then return the Answer it ends with. The text is a
    preview; the Answer printed after it holds only what its citations verify."""
    answer = None
    for item in items:
        if isinstance(item, str):
            console.print(item, end="", style="dim", soft_wrap=True, highlight=False, markup=False)
        else:
            answer = item
    console.print()
    console.print("Checked against the clauses:", style="dim", highlight=False, markup=False)
    return answer


def print_answer(answer) -> None:
    console.print(answer.text, highlight=False, markup=False)
    if answer.groups:  # agreements that say the same thing, one row per group
        table = Table("Agreements", "Answer", "Clause", show_lines=False)
        for g in answer.groups:
            value = g.value if g.kind != "quote" else f"“{g.value[:80]}{'…' if len(g.value) > 80 else ''}”"
            table.add_row(", ".join(g.agreements), value, ", ".join(dict.fromkeys(g.clauses)))
        console.print(table)
    for n, c in enumerate(answer.citations, 1):
        console.print(f"  [{n}] {c.file} · {c.agreement} · clause {c.clause} · chars {c.start}-{c.end}",
                      style="dim", highlight=False, markup=False)
    for sentence in answer.unsupported:  # a chat model's sentences no quote of a clause supports
        console.print(f"  left out, no clause supports it: {sentence}", style="dim", highlight=False, markup=False)
    if not answer.found:
        console.print(f"  searched: {answer.searched}", style="dim", highlight=False, markup=False)


@app.command()
def chat(index: IndexOpt = None, model: ModelOpt = None, chroma_host: HostOpt = None, chroma_port: PortOpt = None,
         llm: LlmOpt = None, llm_base_url: LlmUrlOpt = None):
    """A conversation in the terminal; follow-ups ("when did he sign?") keep the context. Ctrl-D quits.

    Example: clauseqa chat
    """
    from assistant.api import Assistant

    assistant = _run(lambda: Assistant.open(index, model=model, host=chroma_host, port=chroma_port, llm=llm,
                                            llm_base_url=llm_base_url))
    conversation = assistant.conversation()
    console.print(f"{len(assistant.agreements())} agreements indexed. Ask away (empty line or Ctrl-D quits).")
    while True:
        try:
            question = console.input("[bold]> [/]")
        except (EOFError, KeyboardInterrupt):
            break
        if not question.strip():
            break
        if assistant.settings.llm:
            result = _run(lambda: print_stream(conversation.stream(question)))
        else:
            result = _run(lambda: conversation.ask(question))
        print_answer(result)


@app.command()
def catalog(output: Annotated[str, typer.Option("--format", help="table, csv or json")] = "table",
            file: FileOpt = None, index: IndexOpt = None, chroma_host: HostOpt = None,
            chroma_port: PortOpt = None):
    """The agreement catalog: one row per agreement (title, parties, dates, term, renewal, notice,
    governing law, courts, assignment, termination, signatures), each value with its clause.

    Example: clauseqa catalog --format csv > catalog.csv
    """
    from assistant.api import Assistant
    from ui import catalog_view

    if output not in ("table", "csv", "json"):
        err.print(f"[bold red]Error:[/] Unknown format {output!r} — use table, csv or json", highlight=False)
        raise typer.Exit(1)
    rows = _run(lambda: Assistant.open(index, host=chroma_host, port=chroma_port).catalog(files=file or None))
    if output == "csv":
        sys.stdout.write(catalog_view.csv_text(rows))
    elif output == "json":
        sys.stdout.write(catalog_view.json_text(rows) + "\n")
    else:
        noun = "agreement" if len(rows) == 1 else "agreements"
        title = f"Agreement catalog — {len(rows)} {noun}"
        if console.width >= 40 * len(catalog_view.HEADERS) // 3:  # wide enough for a column per field
            table = Table(*catalog_view.HEADERS, title=title, show_lines=True)
            for cells in catalog_view.table_rows(rows):
                table.add_row(*cells)
            console.print(table, highlight=False, markup=False)
            return
        console.print(title, style="bold", highlight=False, markup=False)  # a narrow terminal: a field per line
        for cells in catalog_view.table_rows(rows):
            table = Table("Field", "Value", title=f"{cells[0]} — {cells[1]}", show_header=False, title_justify="left")
            for header, value in zip(catalog_view.HEADERS[2:], cells[2:]):
                table.add_row(header, value)
            console.print(table, highlight=False, markup=False)


@app.command()
def ui(index: IndexOpt = None, model: ModelOpt = None, chroma_host: HostOpt = None, chroma_port: PortOpt = None,
       host: Annotated[str, typer.Option(help="Address to bind")] = "127.0.0.1",
       port: Annotated[int, typer.Option(help="Port to serve on")] = 7860,
       share: Annotated[bool, typer.Option(help="Create a public Gradio share link")] = False,
       llm: LlmOpt = None, llm_base_url: LlmUrlOpt = None):
    """Open the chat UI in the browser (http://127.0.0.1:7860 by default).

    Example: clauseqa ui --port 7860
    """
    from assistant.api import Assistant
    from ui.launch import launch

    assistant = _run(lambda: Assistant.open(index, model=model, host=chroma_host, port=chroma_port, llm=llm,
                                            llm_base_url=llm_base_url))
    launch(assistant, host=host, port=port, share=share)


@app.command(name="eval")
def eval_command(suite: Annotated[str, typer.Option(help="sample (bundled agreements), cuad (each question asked "
                                                         "of its contract), cuad-corpus (one index, no file filter) "
                                                         "or a pairs .yaml file")] = "sample",
                 limit: Annotated[Optional[int], typer.Option(help="CUAD: number of contracts (default 10); "
                                                                   "pairs: number of pairs")] = None,
                 part: Annotated[Optional[str], typer.Option(help="CUAD: validation (default) or fit contracts")] = None,
                 half: Annotated[Optional[str], typer.Option(help="Pairs: test (default, gated), fit or all")] = None,
                 style: Annotated[Optional[str], typer.Option(help="cuad, or cuad-corpus after each query's "
                                                                   "lead-in: ask in a hand-written paraphrase "
                                                                   "style instead of CUAD's words: plain, terse, "
                                                                   "imperative, yes-no or role (fitted on); "
                                                                   "everyday, brief, statement or casual "
                                                                   "(never fitted on); framed: CUAD's words "
                                                                   "inside a chat's lead-in; unmarked: CUAD's "
                                                                   "words in lower case, no question mark; "
                                                                   "scene: CUAD's words after a sentence "
                                                                   "setting the scene; slips: with a typing "
                                                                   "slip; blind-a/-b/-c, short-slips, tail, "
                                                                   "keywords, review, "
                                                                   "listed, pasted, labelled, searched: "
                                                                   "see the README")] = None,
                 baseline: Annotated[Optional[Path], typer.Option(help="Baseline JSON to gate against")] = None,
                 report: Annotated[Optional[Path], typer.Option(help="Write HTML/Markdown/JSON report here")] = None,
                 update_baseline: Annotated[bool, typer.Option(help="Rewrite the baseline from this run")] = False,
                 index: IndexOpt = None, model: ModelOpt = None):
    """Run the regression eval; exits 1 when a metric drops below the baseline.

    Example: clauseqa eval --suite cuad --part validation --limit 40 --report reports/cuad
    """
    from eval.run import DEFAULT_BASELINE, run_eval  # lazy: only this command needs eval

    code = _run(lambda: run_eval(suite=suite, limit=limit, part=part, half=half, style=style,
                                 baseline=baseline or DEFAULT_BASELINE,
                                 report_dir=report, update_baseline=update_baseline, index_dir=index, model=model))
    raise typer.Exit(code)


if __name__ == "__main__":
    app()
