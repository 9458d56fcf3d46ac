"""The UI's handlers, driven by a fake assistant: no browser, no server, no network."""

import dataclasses
import importlib
from pathlib import Path

import pytest

from assistant.types import Answer
from index.errors import IndexNotWritable, StoreUnavailable
from tests.ui_fakes import CLAUSE_7, XIN_WANG_FILE, FakeAssistant, cite, law_answer
from ui import app, render
from ui.uploads import prepare_uploads, sanitize_filename

LAW_Q = "Which law governs Xin Wang's agreement?"
LAW_QUOTE = "It will be governed by the laws of the Commonwealth of Massachusetts."


def run(assistant, question, history=None, conversation=None, answers=None, agreements=None,
        files=None):
    """All yields of one chat turn, and the last one unpacked."""
    steps = list(app.respond(assistant, question, history, conversation, answers, agreements, files))
    return steps, steps[-1]


def last_text(history):
    return history[-1]["content"]


# -- sources and escaping -----------------------------------------------------------------

def test_sources_show_whole_clause_with_exact_quote_marked():
    out = render.sources_html(law_answer(LAW_Q))
    before, _, after = CLAUSE_7.partition(LAW_QUOTE)
    assert f"{before}<mark>{LAW_QUOTE}</mark>{after}" in out
    assert out.count("<mark>") == 1
    assert XIN_WANG_FILE in out and "Xin Wang" in out and "clause 7" in out


def test_sources_say_which_question_answered_in_another_ones_words():
    answer = dataclasses.replace(law_answer("Whose rules apply to Xin Wang's deal?"),
                                 answered_as="Which jurisdiction's law governs this agreement?", searched="")
    assert '<div class="cqa-searched">Answered as “Which jurisdiction&#x27;s law governs this agreement?”' \
           in render.sources_html(answer)
    assert "nswered as" not in render.sources_html(law_answer(LAW_Q))


def test_highlight_uses_offsets_not_first_occurrence():
    text = "pay the fee. If late, pay the fee twice."
    citation = cite("f.txt", "A", "3", text, 500, "If late, pay the fee twice.")
    # Same words twice: only the cited span, the second one, is marked.
    narrow = dataclasses.replace(citation, quote="pay the fee", start=500 + 22, end=500 + 33)
    assert render.highlight_clause(narrow) == "pay the fee. If late, <mark>pay the fee</mark> twice."


def test_highlight_falls_back_to_finding_the_quote_when_offsets_disagree():
    citation = dataclasses.replace(cite("f.txt", "A", "7", CLAUSE_7, 100, LAW_QUOTE), start=0, end=5)
    assert f"<mark>{LAW_QUOTE}</mark>" in render.highlight_clause(citation)


def test_quote_not_in_clause_text_is_still_shown():
    citation = dataclasses.replace(cite("f.txt", "A", "7", CLAUSE_7, 100, LAW_QUOTE),
                                   quote="words <elsewhere>")
    out = render.source_html(1, citation)
    assert "<mark>" not in render.highlight_clause(citation)
    assert "Quoted: <mark>words &lt;elsewhere&gt;</mark>" in out


def test_everything_is_html_escaped():
    fake = FakeAssistant()
    _, (history, sources, *_) = run(fake, "<script>alert(1)</script>")
    message = last_text(history)
    assert "<b>" not in message and "&lt;b&gt;tags&lt;/b&gt; &amp; such" in message
    assert "[1] a&lt;b&gt;.txt · O'Brien &amp; &lt;Co&gt; · clause 2" in message
    assert "<i>" not in sources and "<b>" not in sources
    assert "&lt;i&gt;x&lt;/i&gt; <mark>&amp;</mark> y" in sources
    assert "O&#x27;Brien &amp; &lt;Co&gt;" in sources and "a&lt;b&gt;.txt" in sources


# -- asking -------------------------------------------------------------------------------

def test_answer_streams_then_shows_numbered_citations():
    fake = FakeAssistant()
    steps, (history, sources, conversation, answers, box) = run(fake, LAW_Q)
    assert len(steps) > 3  # placeholder, several pieces, final answer
    assert history[0] == {"role": "user", "content": LAW_Q}
    assert last_text(steps[0][0]) == app.THINKING
    partial = [last_text(s[0]) for s in steps[1:-1]]
    assert partial[0] == "Xin " and "Massachusetts" in partial[-1] and "Citations" not in partial[-1]
    assert "Commonwealth of Massachusetts [1]" in last_text(history)
    assert f"[1] {XIN_WANG_FILE} · Xin Wang · clause 7" in last_text(history)
    assert f"<mark>{LAW_QUOTE}</mark>" in sources
    assert box == "" and answers[1].found


def test_follow_up_uses_the_same_conversation():
    fake = FakeAssistant()
    _, (history, _, conversation, answers, _) = run(fake, LAW_Q)
    _, (history, _, conversation2, answers, _) = run(fake, "and who signed for ICML?", history,
                                                     conversation, answers)
    assert conversation2 is conversation
    assert [c for c in fake.calls if c[0] == "conversation"] == [("conversation",)]
    assert len(conversation.history) == 2 and len(history) == 4
    assert answers[3].standalone_question.startswith("and who signed for ICML? (about: Which law")
    assert app.sources_for_message(answers, 1) == render.sources_html(answers[1])
    assert app.sources_for_message(answers, 2) == render.sources_html(answers[3])  # the question


@pytest.mark.parametrize("agreements, files, sent_agreements, sent_files", [
    ([], [], None, None),
    (None, None, None, None),
    ([f"{XIN_WANG_FILE}#1"], [], [f"{XIN_WANG_FILE}#1"], None),
    ([], ["a.txt", "b.pdf"], None, ["a.txt", "b.pdf"]),
])
def test_scope_is_passed_through(agreements, files, sent_agreements, sent_files):
    fake = FakeAssistant()
    run(fake, LAW_Q, agreements=agreements, files=files)
    asks = [c for c in fake.calls if c[0] == "ask"]
    assert asks == [("ask", LAW_Q, sent_files, sent_agreements)]


def test_conversation_without_stream_answers_in_one_piece():
    class Plain:
        def __init__(self):
            self.asked = []

        def ask(self, question, files=None, agreements=None):
            self.asked.append((question, files, agreements))
            return law_answer(question)

    plain = Plain()
    steps, (history, *_) = run(FakeAssistant(), LAW_Q, conversation=plain, files=["x.txt"])
    assert plain.asked == [(LAW_Q, ["x.txt"], None)]
    assert len(steps) == 2 and "Massachusetts [1]" in last_text(history)


def test_not_found_shows_what_was_searched():
    fake = FakeAssistant()
    _, (history, sources, _, answers, _) = run(fake, "What is the price of tea in Lisbon?")
    assert not answers[1].found
    assert last_text(history).startswith("Not found: no clause in the indexed agreements")
    assert "*Searched the 1 indexed agreements.*" in last_text(history)
    assert "nothing matching was found in the 1 indexed agreements" in sources
    assert "<mark>" not in sources


def test_errors_become_a_message_in_the_chat():
    fake = FakeAssistant()

    def broken(*args, **kwargs):
        raise StoreUnavailable("Chroma server at localhost:8000 is down — start it or unset "
                               "CLAUSEQA_CHROMA_HOST")

    fake.ask = broken
    _, (history, sources, *_) = run(fake, LAW_Q)
    assert last_text(history).startswith("Error: Chroma server at localhost:8000 is down")
    assert sources == render.SOURCES_PLACEHOLDER


def test_blank_question_asks_nothing():
    fake = FakeAssistant()
    steps, (history, *_) = run(fake, "   ")
    assert history == [] and fake.calls == [] and len(steps) == 1


def test_unsupported_sentences_are_mentioned():
    answer = dataclasses.replace(law_answer(LAW_Q), unsupported=("It is also void in Texas.",))
    assert "*1 sentence left out: no clause supports it.*" in render.answer_markdown(answer)


# -- the index view and scope pickers -----------------------------------------------------

def test_index_view_and_choices():
    fake = FakeAssistant()
    rows, summary = app.index_view(fake)
    assert rows == [[XIN_WANG_FILE, "Xin Wang", fake.agreements()[0].title, "", 12]]
    assert summary == "**1** file · **1** agreement · **12** clauses indexed"
    assert app.agreement_choices(fake) == [(f"Xin Wang — {XIN_WANG_FILE}", f"{XIN_WANG_FILE}#1")]
    assert app.file_choices(fake) == [XIN_WANG_FILE]


# -- uploads ------------------------------------------------------------------------------

@pytest.mark.parametrize("name, safe", [
    ("../../etc/passwd.txt", "passwd.txt"),
    ("C:\\Users\\me\\Lease 2024.pdf", "Lease_2024.pdf"),
    ("/abs/path/deal.docx", "deal.docx"),
    ("héllo wörld;rm -rf.md", "h_llo_w_rld_rm_-rf.md"),
    (".hidden.txt", "hidden.txt"),
    (".txt", "upload.txt"),
    ("..", "upload"),
    ("", "upload"),
])
def test_sanitize_filename(name, safe):
    assert sanitize_filename(name) == safe


def write(folder: Path, name: str, data: bytes | str) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return str(path)


def test_upload_indexes_good_files_and_reports_each_in_plain_words(tmp_path):
    fake = FakeAssistant(index_dir=str(tmp_path / "index"))
    incoming = tmp_path / "gradio"
    files = [write(incoming, "Lease (v2).txt", "Lease Agreement\n1. Rent is 900 euros a month.\n"),
             write(incoming, "broken.pdf", b"%PDF-1.4 garbage"),
             write(incoming, "tool.exe", b"MZ"),
             write(incoming, "huge.txt", b"x" * (1024 * 1024 + 1))]
    seen = []
    text = app.handle_upload(fake, files, app.upload_folder(fake), max_mb=1,
                             progress=lambda *a: seen.append(a))
    uploads = tmp_path / "index" / "uploads"
    assert fake.calls == [("add_paths", [str(uploads / "Lease_v2.txt"), str(uploads / "broken.pdf")])]
    assert text.split("  \n") == [
        "✗ tool.exe — not added: .exe files are not accepted (use .txt, .md, .pdf, .docx)",
        "✗ huge.txt — not added: 1.0 MB is over the 1 MB limit per file",
        "✓ Lease_v2.txt — indexed: 1 agreement, 3 clauses",
        "✗ broken.pdf — skipped: damaged PDF (could not be read)",
    ]
    assert sorted(p.name for p in uploads.iterdir()) == ["Lease_v2.txt", "broken.pdf"]
    assert seen[-1] == ("Done", 2, 2)
    assert "Lease_v2.txt" in app.file_choices(fake)


def test_nothing_acceptable_means_no_indexing(tmp_path):
    fake = FakeAssistant()
    text = app.handle_upload(fake, [write(tmp_path, "x.exe", b"MZ")], tmp_path / "up", max_mb=20)
    assert text.startswith("✗ x.exe — not added") and fake.calls == []
    assert app.handle_upload(fake, [], tmp_path / "up", 20) == "Choose one or more files first."


def test_same_name_different_content_keeps_both(tmp_path):
    up = tmp_path / "uploads"
    first = prepare_uploads([write(tmp_path / "a", "deal.txt", "one")], up, 20).paths
    again = prepare_uploads([write(tmp_path / "b", "deal.txt", "one")], up, 20).paths
    other = prepare_uploads([write(tmp_path / "c", "deal.txt", "two")], up, 20).paths
    assert first == again == [str(up / "deal.txt")]
    assert other == [str(up / "deal-2.txt")]
    assert (up / "deal.txt").read_text() == "one"


def test_index_error_is_reported_and_nothing_is_lost(tmp_path):
    fake = FakeAssistant()

    def refuse(paths, progress=None):
        raise IndexNotWritable("Cannot write ./.clauseqa — check its permissions")

    fake.add_paths = refuse
    text = app.handle_upload(fake, [write(tmp_path, "a.txt", "A")], tmp_path / "up", 20)
    assert text == ("Error: Cannot write ./.clauseqa — check its permissions — nothing already "
                    "indexed was changed.")
    assert app.file_choices(fake) == [XIN_WANG_FILE]


def test_upload_folder_without_index_dir_is_a_temp_dir():
    folder = app.upload_folder(FakeAssistant())
    assert folder.is_dir() and folder.name.startswith("clauseqa-uploads-")
    folder.rmdir()


# -- building and launching ---------------------------------------------------------------

def test_build_app_makes_blocks_without_launching():
    import gradio as gr

    demo = app.build_app(FakeAssistant(), max_upload_mb=5)
    assert isinstance(demo, gr.Blocks) and not demo.is_running
    assert "ask" in demo.config["dependencies"][1]["api_name"]


@pytest.mark.parametrize("env, auth", [
    ({}, None),
    ({"CLAUSEQA_UI_USER": "ann"}, None),
    ({"CLAUSEQA_UI_USER": "ann", "CLAUSEQA_UI_PASSWORD": "s3cret"}, ("ann", "s3cret")),
])
def test_launch_is_local_and_private_by_default(monkeypatch, env, auth):
    import gradio as gr

    # `ui.launch` the function shadows `ui.launch` the module as an attribute of the package.
    launch_module = importlib.import_module("ui.launch")

    for key in ("CLAUSEQA_UI_USER", "CLAUSEQA_UI_PASSWORD"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    captured = {}
    monkeypatch.setattr(gr.Blocks, "launch", lambda self, **kw: captured.update(kw))
    launch_module.launch(FakeAssistant())
    assert captured["server_name"] == "127.0.0.1" and captured["server_port"] == 7860
    assert captured["share"] is False and captured["auth"] == auth
    assert captured["max_file_size"] == "20mb"


def test_answer_types_are_only_formatted():
    # The UI never parses answer text back: the same Answer renders the same way twice.
    answer = law_answer(LAW_Q)
    assert render.answer_markdown(answer) == render.answer_markdown(Answer(**answer.__dict__))
