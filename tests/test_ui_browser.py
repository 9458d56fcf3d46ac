"""The page in a real (Debian) Chromium: ask, read the sources, upload, and many users at once."""

import re
import shutil
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LAW_Q = "Which law governs Xin Wang's agreement?"
GROUP_Q = "Which agreements are governed by California or Massachusetts law?"
XIN_WANG_FILE = "000_7332def5b04a4bbf.txt"
TIMEOUT_MS = 60_000  # the real assistant may load an embedding model on its first question

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason=f"no {CHROMIUM} — run: .ci/install-browser.sh (Debian chromium)"),
]

LEASE = """LEASE AGREEMENT

This Lease Agreement is made on 1 March 2024 between Harbor Properties LLC ("Landlord") and
Maria Lopez ("Tenant").

1. Rent. The Tenant shall pay a monthly rent of 1,250 euros on the first day of each month.
2. Governing law. This Lease is governed by the laws of the State of Oregon.
3. Term. The Lease runs for twelve months from the date above.

Signed: Harbor Properties LLC, by Tom Reed, Manager. Maria Lopez.
"""
LEASE_Q = "Which state's laws govern the Harbor lease?"


@pytest.fixture(scope="module")
def browser_assistant(tmp_path_factory):
    """The real assistant (default model) on the bundled agreements, in a fresh index."""
    from assistant import Assistant

    sample = Path(__file__).resolve().parents[1] / "data" / "agreements"
    return Assistant.from_paths([str(sample)], index_dir=str(tmp_path_factory.mktemp("index")))


@pytest.fixture(scope="module")
def concurrent_questions():
    """(question, words its answer must contain) for the many-users test; distinct answers
    catch sessions that get each other's answers."""
    return [(LAW_Q, "Massachusetts"), ("Which law governs Sage Moore's agreement?", "California"),
            ("Who signed for ICML?", "David Blei")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(browser_assistant):
    from ui.launch import launch

    port = free_port()
    demo = launch(browser_assistant, port=port, block=False)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(server)
    page.locator("#cqa-question textarea").wait_for()
    yield page
    context.close()


def ask(page, question: str, expect: str) -> None:
    box = page.locator("#cqa-question textarea")
    box.fill(question)
    box.press("Enter")
    page.locator("#cqa-chat").get_by_text(expect).last.wait_for()
    # The final message carries the citations; streaming text alone does not.
    page.locator("#cqa-chat").get_by_text(re.compile(r"\[1\] .+ · .+ · ")).last.wait_for()


def upload(page, path: Path, expect: str) -> str:
    page.get_by_role("tab", name="Agreements").click()
    page.locator("#cqa-upload input[type=file]").set_input_files(str(path))
    # Wait for Gradio to finish receiving the file before indexing it.
    page.locator("#cqa-upload").get_by_text(path.stem).first.wait_for()  # name shown in parts
    page.locator("#cqa-add").click()
    results = page.locator("#cqa-upload-results")
    results.get_by_text(expect).wait_for()
    return results.inner_text()


def bot_message(page, n: int):
    """The n-th (1-based) answer in the chat, once its final form (with citations) has arrived."""
    message = page.locator("#cqa-chat [data-testid=bot]").nth(n - 1)
    message.get_by_text("Citations").wait_for()
    return message


def first_line(message) -> str:
    return message.locator(".message-content").inner_text().split("\n", 1)[0].strip()


def assert_source_card(card, citation, value: str) -> None:
    """A Sources card shows the cited clause whole, the quote marked, and `value` marked inside it."""
    from ui.render import clause_label

    assert card.locator(".cqa-agreement").inner_text() == citation.agreement
    assert card.locator(".cqa-clause-id").inner_text() == clause_label(citation.clause)
    assert card.locator(".cqa-text").inner_text() == citation.clause_text
    assert card.locator(".cqa-text mark").count() == 1
    assert card.locator(".cqa-text mark").inner_text() == citation.quote
    values = card.locator(".cqa-text mark strong.cqa-value")
    assert values.count() == 1
    assert values.inner_text() == value


def test_value_question_shows_the_value_first_and_highlights_it_in_the_clause(page, tmp_path,
                                                                               browser_assistant):
    answer = browser_assistant.ask(LAW_Q)
    assert answer.text.splitlines()[0] == "Massachusetts [1]"  # what the page must show first
    (value,) = answer.values
    assert value.citation == 0 and value.text == "Massachusetts"

    box = page.locator("#cqa-question textarea")
    box.fill(LAW_Q)
    box.press("Enter")
    message = bot_message(page, 1)
    assert first_line(message) == answer.text.splitlines()[0]

    sources = page.locator("#cqa-sources")
    assert sources.locator(".cqa-source").count() == len(answer.citations) == 1
    card = sources.locator("#cqa-source-1")
    assert_source_card(card, answer.citations[0], value.text)
    assert sources.locator("strong.cqa-value").count() == 1  # nothing else is marked as the value
    # Highlighted on screen, not only in the markup: the sources CSS reached the page.
    style = card.locator("mark strong.cqa-value").evaluate(
        "e => [getComputedStyle(e.parentElement).backgroundColor, getComputedStyle(e).fontWeight,"
        " getComputedStyle(e).textDecorationLine]")
    assert style == ["rgb(253, 230, 138)", "700", "underline"]

    time.sleep(0.3)  # let the last transition settle before the picture
    shot = tmp_path / "value.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    shutil.copyfile(shot, "/tmp/clauseqa-browser-value.png")


def test_which_agreements_question_shows_the_grouped_table_and_rows_open_clauses(page,
                                                                                  browser_assistant):
    from playwright.sync_api import expect

    from ui.render import clause_label

    answer = browser_assistant.ask(GROUP_Q)  # on the bundled agreements, before the upload test
    assert [g.value for g in answer.groups] == ["California", "Massachusetts"]
    assert [len(g.agreements) for g in answer.groups] == [12, 3]

    box = page.locator("#cqa-question textarea")
    box.fill(GROUP_Q)
    box.press("Enter")
    grouped = bot_message(page, 1)
    assert first_line(grouped) == answer.text.splitlines()[0]
    table = grouped.locator("table")
    assert table.locator("thead th").all_inner_texts() == ["Agreements", "Answer", "Clause"]
    rows = table.locator("tbody tr")
    assert rows.count() == len(answer.groups)
    for row, group in zip(rows.all(), answer.groups):
        agreements, shown_value, clauses = row.locator("td").all_inner_texts()
        named = re.findall(r"(.+?) \[(\d+)\](?:, |$)", agreements)
        assert [label for label, _ in named] == list(group.agreements)
        for (label, number), key in zip(named, group.keys):
            cited = answer.citations[int(number) - 1]  # the marker names that agreement's citation
            assert (cited.agreement, f"{cited.file}#{cited.agreement_number}") == (label, key)
        assert shown_value == group.value
        assert clauses == ", ".join(clause_label(c) for c in dict.fromkeys(group.clauses))

    # Another answer takes over the Sources panel...
    box.fill(LAW_Q)
    box.press("Enter")
    bot_message(page, 2)
    sources = page.locator("#cqa-sources")
    expect(sources.locator(".cqa-source")).to_have_count(1, timeout=TIMEOUT_MS)
    assert sources.locator(".cqa-agreement").inner_text() == "Xin Wang"

    # ...and clicking a row of the earlier table brings that row's clauses back.
    group = answer.groups[0]
    rows.nth(0).locator("td").nth(1).click()
    expect(sources.locator(".cqa-source")).to_have_count(len(answer.citations), timeout=TIMEOUT_MS)
    for key in group.keys:
        i = next(i for i in group.citations
                 if f"{answer.citations[i].file}#{answer.citations[i].agreement_number}" == key)
        assert_source_card(sources.locator(f"#cqa-source-{i + 1}"), answer.citations[i], group.value)

    # The answer's table of agreements under the chat: a row opens that agreement's clause alone.
    from ui.render import group_rows

    expected = group_rows(answer)
    names = page.locator("#cqa-groups [role=gridcell][data-col='0']")
    expect(names).to_have_count(len(expected), timeout=TIMEOUT_MS)
    assert names.all_inner_texts() == [agreement for agreement, _, _ in expected]
    pick = len(expected) - 1  # the last Massachusetts agreement
    assert expected[pick][1:] == ["Massachusetts", "clause 7"]
    page.locator(f"#cqa-groups [data-testid='cell-{pick}-1']").click()
    expect(sources.locator(".cqa-source")).to_have_count(1, timeout=TIMEOUT_MS)
    key = [k for g in answer.groups for k in g.keys][pick]
    i = next(i for i, c in enumerate(answer.citations) if f"{c.file}#{c.agreement_number}" == key)
    assert sources.locator(".cqa-agreement").inner_text() == expected[pick][0]
    assert_source_card(sources.locator(f"#cqa-source-{i + 1}"), answer.citations[i], "Massachusetts")


def test_catalog_lists_every_agreement_and_a_value_opens_its_clause(page, browser_assistant):
    from playwright.sync_api import expect

    from assistant.catalog import FIELDS
    from ui.catalog_view import FIRST_FIELD_COLUMN, cell

    catalog = browser_assistant.catalog()
    # The 15 bundled agreements: this runs before the upload test adds one.
    assert len(catalog) == len(browser_assistant.agreements()) == 15
    page.get_by_role("tab", name="Agreements").click()
    grid = page.locator("#cqa-catalog [role=grid]")
    grid.wait_for()
    assert grid.get_attribute("aria-rowcount") == str(len(catalog) + 1)  # the header row too
    names = page.locator("#cqa-catalog [role=gridcell][data-col='0']")
    expect(names).to_have_count(len(catalog), timeout=TIMEOUT_MS)
    assert names.all_inner_texts() == [row.agreement for row in catalog]

    column = FIRST_FIELD_COLUMN + FIELDS.index("governing_law")
    law_rows = [i for i, row in enumerate(catalog) if row.governing_law.stated]
    first = law_rows[0]
    other = next(i for i in law_rows
                 if catalog[i].governing_law.text != catalog[first].governing_law.text)
    panel = page.locator("#cqa-catalog-source")
    for i in (first, other):  # two different clauses: the panel follows the click
        row, value = catalog[i], catalog[i].governing_law
        shown = page.locator(f"#cqa-catalog [data-testid='cell-{i}-{column}']")
        assert shown.inner_text() == cell(row, "governing_law")
        assert shown.inner_text().startswith(value.text)
        shown.click()
        expect(panel.locator(".cqa-agreement")).to_have_text(row.agreement, timeout=TIMEOUT_MS)
        assert panel.locator(".cqa-source").count() == 1
        assert_source_card(panel.locator(".cqa-source"), value.citation, value.text)


def test_ask_read_sources_upload_and_screenshot(page, tmp_path, browser_assistant):
    ask(page, LAW_Q, "Massachusetts")
    chat = page.locator("#cqa-chat")
    assert chat.get_by_text(re.compile(rf"{re.escape(XIN_WANG_FILE)} · .+ · clause 7\b")).count()
    sources = page.locator("#cqa-sources")
    assert "entire agreement between you and the publisher" in sources.inner_text()
    assert "Massachusetts" in sources.locator("mark").first.inner_text()

    lease = tmp_path / "harbor lease.txt"
    lease.write_text(LEASE)
    assert "✓ harbor_lease.txt — indexed" in upload(page, lease, "harbor_lease.txt —")
    assert "harbor_lease.txt" in page.locator("#cqa-index").inner_text()

    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj <<< not really a pdf\n%%EOF\n")
    assert "✗ broken.pdf — skipped:" in upload(page, broken, "broken.pdf —")
    # The earlier upload is still indexed after the failed one.
    assert "harbor_lease.txt" in page.locator("#cqa-index").inner_text()

    page.get_by_role("tab", name="Ask").click()
    # The new file is in the scope picker; scope the question to it.
    page.locator("#cqa-scope-files input").click()
    page.get_by_role("option", name="harbor_lease.txt").click()
    page.keyboard.press("Escape")
    ask(page, LEASE_Q, "Oregon")
    # its own citation line (ask() may have seen the earlier answer's while this one was still arriving)
    chat.get_by_text(re.compile(r"harbor_lease\.txt · ")).first.wait_for(timeout=TIMEOUT_MS)
    assert chat.get_by_text(re.compile(r"harbor_lease\.txt · ")).count()
    calls = getattr(browser_assistant, "calls", None)  # only the fake records its calls
    if calls is not None:
        assert ("ask", LEASE_Q, ["harbor_lease.txt"], None) in calls

    page.locator("#cqa-chat").get_by_text(LAW_Q).first.click()  # earlier turn: its sources
    page.locator("#cqa-sources mark").get_by_text("Massachusetts").wait_for()
    time.sleep(0.3)  # let the last transition settle before the picture
    shot = tmp_path / "ui.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_ten_users_at_once_each_get_their_answer(server, concurrent_questions):
    from gradio_client import Client

    jobs = [concurrent_questions[i % len(concurrent_questions)] for i in range(10)]

    def one(job):
        question, expect = job
        # A client per user: its own session, so its own conversation.
        client = Client(server, verbose=False)
        history, sources, *_ = client.predict(question, [], [], [], api_name="/ask")
        return history[-1]["content"], sources

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(one, jobs))
    assert time.monotonic() - started < 120
    for (question, expect), (message, sources) in zip(jobs, results):
        text = message if isinstance(message, str) else str(message)
        assert expect in text, (question, text)
        assert "<mark>" in sources
