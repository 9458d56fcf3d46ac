"""The Gradio app: plain handler functions over the Assistant API, and build_app() that wires them."""

import inspect
import logging
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from assistant.types import Answer
from index.errors import ClauseQAError
from ui import catalog_view, render
from ui.uploads import ALLOWED_EXTENSIONS, prepare_uploads

log = logging.getLogger(__name__)

EXAMPLES = [
    "Which law governs Xin Wang's agreement?",
    "Who signed for ICML?",
    "Which agreements let the author publish elsewhere, and after how long?",
    "Which courts have jurisdiction over Sage Moore's agreement?",
    "Who wrote ActNN?",
]
ASK_CONCURRENCY = 4  # questions answered at once; more wait in the queue
THINKING = "…"

# Page-level styling; Gradio 6 takes it at launch(), see ui.launch.
CSS = """
.gradio-container { max-width: 1280px !important; margin: 0 auto !important; }
#cqa-header h1 { margin-bottom: 0; font-size: 1.6em; }
#cqa-header p { margin-top: 2px; color: var(--body-text-color-subdued); }
#cqa-sources-col { background: var(--block-background-fill); border: 1px solid
  var(--block-border-color); border-radius: var(--block-radius); padding: 4px 14px 12px; }
#cqa-sources-col h3 { margin-bottom: 0; }
#cqa-sources-hint p { color: var(--body-text-color-subdued); font-size: 0.85em; margin-top: 0; }
#cqa-sources { min-height: 480px; }
#cqa-send { min-width: 90px; }
#cqa-index, #cqa-index * { font-family: var(--font) !important; }
footer { display: none !important; }
"""


def theme():
    import gradio as gr

    # System fonts: the default theme fetches web fonts, which an offline machine cannot.
    return gr.themes.Soft(primary_hue="indigo", neutral_hue="slate",
                          font=["ui-sans-serif", "system-ui", "sans-serif"],
                          font_mono=["ui-monospace", "SFMono-Regular", "monospace"])


# -- scope and the index view -------------------------------------------------------------

def scope(values: Sequence[str] | None) -> list[str] | None:
    """An empty picker means everything, which the API spells None."""
    picked = [v for v in (values or []) if v]
    return picked or None


def agreement_choices(assistant) -> list[tuple[str, str]]:
    return [(f"{a.label} — {a.file}", a.key)
            for a in sorted(assistant.agreements(), key=lambda a: (a.label.lower(), a.key))]


def file_choices(assistant) -> list[str]:
    return sorted(f.name for f in assistant.files())


def index_view(assistant) -> tuple[list[list], str]:
    files, agreements = assistant.files(), assistant.agreements()
    return render.index_rows(files, agreements), render.index_summary(files, agreements)


def catalog_table(assistant) -> tuple[list[list[str]], list]:
    """(table cells, the CatalogRows behind them): one row per agreement."""
    rows = assistant.catalog()
    return catalog_view.table_rows(rows), rows


def catalog_source_for_cell(rows: Sequence | None, index: Any) -> str:
    """The clause behind the catalog cell the user clicked ([row, column]), the value highlighted."""
    if not isinstance(index, (list, tuple)) or len(index) != 2:
        return catalog_view.SOURCE_PLACEHOLDER
    return catalog_view.source_panel(rows or [], int(index[0]), int(index[1]))


# -- asking -------------------------------------------------------------------------------

def _answer_stream(conversation, question: str, files, agreements) -> Iterator[str | Answer]:
    """Text pieces then the Answer; a conversation without stream() answers in one piece."""
    stream = getattr(conversation, "stream", None)
    if callable(stream):
        yield from stream(question, files=files, agreements=agreements)
    else:
        yield conversation.ask(question, files=files, agreements=agreements)


def respond(assistant, question: str, history: list | None, conversation, answers: dict | None,
            agreements: Sequence[str] | None = None, files: Sequence[str] | None = None
            ) -> Iterator[tuple[list, str, Any, dict, str]]:
    """Chat turn; yields (history, sources html, conversation, answers by message, textbox)."""
    history = list(history or [])
    answers = dict(answers or {})
    question = (question or "").strip()
    if not question:
        yield history, render.sources_html(None), conversation, answers, ""
        return
    if conversation is None:
        conversation = assistant.conversation()
    history.append({"role": "user", "content": question})
    history.append({"role": "assistant", "content": THINKING})
    at = len(history) - 1
    searching = '<div class="cqa-empty">Searching the agreements…</div>'
    yield list(history), searching, conversation, answers, ""
    text, answer = "", None
    try:
        for piece in _answer_stream(conversation, question, scope(files), scope(agreements)):
            if isinstance(piece, Answer):
                answer = piece
                break
            text += piece
            history[at] = {"role": "assistant", "content": text}
            yield list(history), searching, conversation, answers, ""
    except ClauseQAError as exc:
        history[at] = {"role": "assistant", "content": render.error_message(exc)}
        yield history, render.sources_html(None), conversation, answers, ""
        return
    except Exception as exc:  # the page must survive a bug in one answer
        log.exception("answering %r failed", question)
        history[at] = {"role": "assistant",
                       "content": render.error_message(RuntimeError(f"{type(exc).__name__}: {exc}"))}
        yield history, render.sources_html(None), conversation, answers, ""
        return
    if answer is None:
        history[at] = {"role": "assistant",
                       "content": render.error_message(RuntimeError("the assistant gave no answer"))}
        yield history, render.sources_html(None), conversation, answers, ""
        return
    answers[at] = answer
    history[at] = {"role": "assistant", "content": render.answer_markdown(answer)}
    yield history, render.sources_html(answer), conversation, answers, ""


def answer_for_message(answers: dict | None, index: Any) -> Answer | None:
    """The answer of a chat message the user clicked (its own, or the one after its question)."""
    if isinstance(index, (list, tuple)):
        index = index[0]
    answers = answers or {}
    for i in (index, index + 1) if isinstance(index, int) else ():
        if i in answers:
            return answers[i]
    return None


def sources_for_message(answers: dict | None, index: Any) -> str:
    """The sources panel for a chat message the user clicked (its answer, or the one after it)."""
    return render.sources_html(answer_for_message(answers, index))


def latest_answer(answers: dict | None) -> Answer | None:
    return answers[max(answers)] if answers else None


# -- adding agreements --------------------------------------------------------------------

def upload_folder(assistant) -> Path:
    """<index dir>/uploads when the assistant has an index dir, else a temp folder."""
    index_dir = getattr(assistant, "index_dir", None)
    if index_dir:
        return Path(index_dir) / "uploads"
    return Path(tempfile.mkdtemp(prefix="clauseqa-uploads-"))


def handle_upload(assistant, files: Sequence[str] | None, folder: str | Path, max_mb: float,
                  progress: Callable[[str, int, int], None] | None = None) -> str:
    """Check, copy and index uploaded files; returns per-file results in plain words."""
    if not files:
        return "Choose one or more files first."
    prepared = prepare_uploads([str(f) for f in files], folder, max_mb)
    if not prepared.paths:
        return render.upload_summary(None, prepared.rejected)
    try:
        report = assistant.add_paths(prepared.paths, progress=progress)
    except ClauseQAError as exc:
        return render.upload_summary(None, prepared.rejected, error=f"Error: {exc}")
    except Exception as exc:
        log.exception("indexing uploads failed")
        return render.upload_summary(None, prepared.rejected,
                                     error=f"Error: indexing failed ({type(exc).__name__}: {exc})")
    return render.upload_summary(report, prepared.rejected)


def gradio_progress(progress) -> Callable[[str, int, int], None]:
    """The API's progress(message, done, total) as a gr.Progress bar."""
    def report(message: str, done: int, total: int) -> None:
        progress((done, total) if total else None, desc=message)
    return report


# -- the app ------------------------------------------------------------------------------

def _chatbot_kwargs(gr) -> dict:
    params = inspect.signature(gr.Chatbot.__init__).parameters
    kwargs = {}
    # Gradio 5 needs type="messages"; Gradio 6 only speaks messages and has no such argument.
    if "type" in params:
        kwargs["type"] = "messages"
    # No "share" button: it posts the conversation to Hugging Face.
    if "buttons" in params:
        kwargs["buttons"] = ["copy", "copy_all"]
    elif "show_share_button" in params:
        kwargs["show_share_button"] = False
    return kwargs


def build_app(assistant, *, max_upload_mb: float = 20) -> "gr.Blocks":
    """The ClauseQA page over `assistant`; launch it with ui.launch.launch (or demo.launch)."""
    try:
        import gradio as gr
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ImportError("The UI needs Gradio — run: pip install 'gradio>=5'") from exc

    folder_cache: list[Path] = []

    def folder() -> Path:
        if not folder_cache:
            folder_cache.append(upload_folder(assistant))
        return folder_cache[0]

    rows, summary = index_view(assistant)
    with gr.Blocks(title="ClauseQA", analytics_enabled=False) as demo:
        conversation = gr.State(None)
        answers = gr.State(None)
        with gr.Column(elem_id="cqa-header"):
            gr.Markdown("# ClauseQA\nAnswers from your agreements, each with the clause it "
                        "comes from.")
        with gr.Tabs():
            with gr.Tab("Ask", id="ask"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3):
                        with gr.Row():
                            agreements_pick = gr.Dropdown(
                                choices=agreement_choices(assistant), value=[], multiselect=True,
                                label="Agreements", info="Empty means all agreements",
                                elem_id="cqa-scope-agreements")
                            files_pick = gr.Dropdown(
                                choices=file_choices(assistant), value=[], multiselect=True,
                                label="Files", info="Empty means all files",
                                elem_id="cqa-scope-files")
                        chat = gr.Chatbot(label="Conversation", show_label=False, height=480,
                                          elem_id="cqa-chat",
                                          placeholder="Ask about parties, governing law, "
                                                      "rights, terms or signatures.",
                                          **_chatbot_kwargs(gr))
                        # a grouped answer as one row per agreement: a row opens its clause in Sources
                        shown_answer = gr.State(None)
                        groups_grid = gr.Dataframe(value=[], headers=render.GROUP_HEADERS, interactive=False,
                                                   wrap=True, visible=False, elem_id="cqa-groups",
                                                   label="Agreements in this answer: click one to see its clause")
                        with gr.Row():
                            question = gr.Textbox(show_label=False, scale=8, lines=1, max_lines=4,
                                                  placeholder="Ask a question about the agreements",
                                                  elem_id="cqa-question", autofocus=True)
                            send = gr.Button("Ask", variant="primary", scale=1, elem_id="cqa-send")
                            clear = gr.Button("New chat", variant="secondary", scale=1,
                                              elem_id="cqa-clear")
                        gr.Examples(EXAMPLES, inputs=[question], label="Examples")
                    with gr.Column(scale=2, elem_id="cqa-sources-col"):
                        gr.Markdown("### Sources")
                        gr.Markdown("The clauses behind the latest answer. Click an earlier "
                                    "message to see its clauses.", elem_id="cqa-sources-hint")
                        sources = gr.HTML(render.SOURCES_PLACEHOLDER, elem_id="cqa-sources",
                                          css_template=render.SOURCES_CSS)
            with gr.Tab("Agreements", id="agreements"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=2):
                        gr.Markdown("### Add agreements\n"
                                    f"{', '.join(ALLOWED_EXTENSIONS)} · up to {max_upload_mb:g} MB "
                                    "per file. Files already indexed stay indexed.")
                        upload = gr.File(file_count="multiple", file_types=list(ALLOWED_EXTENSIONS),
                                         label="Files", elem_id="cqa-upload")
                        add = gr.Button("Add to index", variant="primary", elem_id="cqa-add")
                        results = gr.Markdown(elem_id="cqa-upload-results")
                    with gr.Column(scale=3):
                        gr.Markdown("### Indexed agreements")
                        index_summary = gr.Markdown(summary, elem_id="cqa-index-summary")
                        table = gr.Dataframe(value=rows, headers=render.INDEX_HEADERS,
                                             interactive=False, wrap=True, elem_id="cqa-index",
                                             column_widths=["25%", "17%", "37%", "10%", "11%"])
                catalog_cells, catalog_shown = catalog_table(assistant)
                catalog_rows = gr.State(catalog_shown)  # the rows the table shows, for its clicks
                gr.Markdown("### Catalog\nEvery agreement's title, parties, dates, term, law and "
                            "signatures, as its clauses state them. Click a value to see its clause.")
                catalog_grid = gr.Dataframe(value=catalog_cells, headers=catalog_view.HEADERS,
                                            interactive=False, wrap=True, elem_id="cqa-catalog")
                catalog_source = gr.HTML(catalog_view.SOURCE_PLACEHOLDER, elem_id="cqa-catalog-source",
                                         css_template=render.SOURCES_CSS)

        def on_ask(q, history, conv, ans, agreements, files):
            yield from respond(assistant, q, history, conv, ans, agreements, files)

        ask_io = dict(fn=on_ask, inputs=[question, chat, conversation, answers, agreements_pick,
                                         files_pick],
                      outputs=[chat, sources, conversation, answers, question],
                      concurrency_limit=ASK_CONCURRENCY, concurrency_id="ask")
        def groups_of(answer):
            rows = render.group_rows(answer)
            return gr.update(value=rows, visible=bool(rows)), answer

        def on_answered(ans):
            return groups_of(latest_answer(ans))

        for event in (question.submit(api_name="ask", **ask_io), send.click(api_name=False, **ask_io)):
            event.then(on_answered, inputs=[answers], outputs=[groups_grid, shown_answer], api_name=False)

        def on_select(ans, evt: gr.SelectData):
            answer = answer_for_message(ans, evt.index)
            return (render.sources_html(answer), *groups_of(answer))

        chat.select(on_select, inputs=[answers], outputs=[sources, groups_grid, shown_answer], api_name=False)

        def on_group_select(answer, evt: gr.SelectData):
            row = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
            return render.agreement_sources_html(answer, int(row))

        groups_grid.select(on_group_select, inputs=[shown_answer], outputs=[sources], api_name=False)

        def reset():
            return [], render.sources_html(None), None, None, gr.update(value=[], visible=False), None

        reset_outputs = [chat, sources, conversation, answers, groups_grid, shown_answer]
        clear.click(reset, outputs=reset_outputs, api_name=False)
        # The chat's own trash button must forget the conversation too, or follow-ups would
        # still refer to the cleared turns.
        chat.clear(reset, outputs=reset_outputs, api_name=False)

        def refresh(picked_agreements=None, picked_files=None):
            rows, summary = index_view(assistant)
            a_choices, f_choices = agreement_choices(assistant), file_choices(assistant)
            keys = {key for _, key in a_choices}
            return (rows, summary,
                    gr.update(choices=a_choices, value=[v for v in picked_agreements or [] if v in keys]),
                    gr.update(choices=f_choices, value=[v for v in picked_files or [] if v in f_choices]))

        def on_add(files, picked_agreements, picked_files, progress=gr.Progress()):
            text = handle_upload(assistant, files, folder(), max_upload_mb,
                                 progress=gradio_progress(progress))
            return (text, None, *refresh(picked_agreements, picked_files))

        add.click(on_add, inputs=[upload, agreements_pick, files_pick],
                  outputs=[results, upload, table, index_summary, agreements_pick, files_pick],
                  concurrency_limit=1, concurrency_id="index", api_name="add")

        def on_catalog_select(shown, evt: gr.SelectData):
            return catalog_source_for_cell(shown, evt.index)

        catalog_grid.select(on_catalog_select, inputs=[catalog_rows], outputs=[catalog_source], api_name=False)

        def refresh_catalog():
            return catalog_table(assistant)

        # new uploads change the results line once indexed; the catalog follows
        results.change(refresh_catalog, outputs=[catalog_grid, catalog_rows], api_name=False,
                       show_progress="hidden")
        demo.load(refresh_catalog, outputs=[catalog_grid, catalog_rows], api_name=False, show_progress="hidden")
        demo.load(refresh, inputs=[agreements_pick, files_pick],
                  outputs=[table, index_summary, agreements_pick, files_pick], api_name=False,
                  show_progress="hidden")
    return demo
