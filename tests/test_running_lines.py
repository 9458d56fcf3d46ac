"""Running heads and feet (assistant/running_lines.py): never a quote of their own, never a quote's end."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.running_lines import line_key, running_lines, without_running_lines

PAGED = Path(__file__).resolve().parent / "contracts_apart"
SUPPLY = "supply_norland_pike_paged.txt"

FOOT = "Source: ACME CORP, 10-K, 3/1/2020"
PAGES = (f"1. The Supplier shall deliver the goods.\nPage 1 of 3\n{FOOT}\n"
         f"2. The Buyer shall pay within thirty days of\nPage 2 of 3\n{FOOT}\nreceiving the invoice.\n"
         f"3. This Agreement is governed by Ohio law.\nPage 3 of 3\n{FOOT}\n")


def test_line_key_blanks_digits_spacing_and_case():
    assert line_key("Page  2 of 9") == line_key("page 3 OF 9") == "page # of #"


def test_a_line_repeated_page_after_page_is_running():
    assert running_lines([(0, PAGES)], (0, len(PAGES))) == {"page # of #", "source: acme corp, #-k, #/#/#"}


def test_lines_repeated_only_at_the_end_or_twice_or_without_words_are_not():
    blocks = "1. Terms of the agreement, at length. " * 20 + "\nBy:\nTitle: Director\n" * 3
    assert running_lines([(0, blocks)], (0, len(blocks))) == frozenset()  # within its last pages
    twice = f"1. Terms.\n{FOOT}\n" + "2. More terms of the agreement. " * 20 + f"\n{FOOT}\n"
    assert running_lines([(0, twice)], (0, len(twice))) == frozenset()
    numbers = "1. Terms.\n- 1 -\n" + "2. More terms. " * 10 + "\n- 2 -\n" + "3. Terms. " * 10 + "\n- 3 -\n"
    assert running_lines([(0, numbers)], (0, len(numbers))) == frozenset()  # no two letters: no quote anyway
    reserved = "".join(f"({item}) Reserved.\n" + "Terms of the agreement. " * 10 + "\n" for item in "abc")
    assert running_lines([(0, reserved)], (0, len(reserved))) == frozenset()  # the agreement's own items


def test_clauses_are_read_at_their_offsets_in_the_agreement():
    first, second = "1. Terms.\nPage 1 of 3\n", "2. Terms.\nPage 2 of 3\n"
    third = "3. Terms.\nPage 3 of 3\n"
    # spread over 2,000 characters of a 2,100-character agreement
    assert running_lines([(0, first), (1000, second), (2000, third)], (0, 2100)) == {"page # of #"}
    # the same three lines within the last fifth of it are a block, not page furniture
    assert running_lines([(1700, first), (1800, second), (1900, third)], (0, 2100)) == frozenset()


def test_running_lines_at_a_spans_ends_are_cut_off():
    running = running_lines([(0, PAGES)], (0, len(PAGES)))
    start = PAGES.index("2. The Buyer")
    end = PAGES.index("receiving")
    assert without_running_lines(PAGES, start, end, running) == (start, PAGES.index(" of\nPage 2") + 3)
    foot = PAGES.index(FOOT)
    assert without_running_lines(PAGES, PAGES.index("Page 1"), foot + len(FOOT), running) == (
        PAGES.index("Page 1"), PAGES.index("Page 1"))  # nothing else: no span left
    inside = (PAGES.index("The Supplier"), PAGES.index("goods.") + 6)
    assert without_running_lines(PAGES, *inside, running) == inside


@pytest.fixture(scope="module")
def paged(tmp_path_factory):
    from assistant import Assistant

    return Assistant.from_paths([str(PAGED / SUPPLY)], index_dir=str(tmp_path_factory.mktemp("paged-idx")))


def test_a_sentence_a_page_break_cuts_is_quoted_whole_past_the_page_furniture(paged):
    """The quote used to end in "... without delay of\\n    Page 2 of 3": the rest of the sentence is
    on the next page, after the foot. It goes on to the sentence's end (the furniture in between
    stays, as the quote is the document's text)."""
    text = (PAGED / SUPPLY).read_text()
    answer = paged.ask("What must the Supplier do if a delivery will be late?")
    first = answer.citations[0]
    assert (first.clause, first.start, first.end) == ("2.03", 1230, 1522)
    assert first.quote == text[1230:1522]
    assert first.quote.startswith("Supplier shall use commercially reasonable efforts to meet the delivery dates")
    assert first.quote.endswith("shall notify Buyer without delay of\n                                   Page 3 of 4\n"
                                "Source: NORLAND METALS CORP, 10-K, 3/15/2022\n\x0c\n"
                                "any expected delay of more than three (3) days.")


@pytest.mark.parametrize("question, first", [
    # it used to quote the cover page's foot first, a filing's date: "Source: NORLAND METALS CORP, 10-K, 3/15/2022"
    ("What is the agreement date?", ("signatures", 2300, 2391)),
    # (read as asking for its effective date, clause 3.01: "This Agreement begins on the date above ...")
    ("When does the agreement take effect?", ("3.01", 1569, 1798)),
])
def test_a_filings_running_foot_is_no_answer(paged, question, first):
    answer = paged.ask(question)
    assert [(c.clause, c.start, c.end) for c in answer.citations][:1] == [first]
    assert not any("Source:" in c.quote or "Page " in c.quote for c in answer.citations)
