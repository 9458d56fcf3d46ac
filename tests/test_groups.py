"""Answers over several agreements: agreements whose evidence says the same thing are grouped, by the
value they state or else by their quote, and the faces show the groups as a table."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.answer import compose
from assistant.evidence import CANDIDATE_FEATURES, Candidate, EvidenceSet
from assistant.features import question_types
from assistant.groups import group, quote_key
from assistant.ranker import Selection
from assistant.retrieve import Hit
from assistant.snippets import snippet
from assistant.types import Answer, Citation, Value
from index.types import Clause
from ui import render

CA = "This Agreement is governed by the laws of the State of California, without regard to any conflict of laws rules."
MA = "It will be governed by the laws of the Commonwealth of Massachusetts."
GRANT = "You hereby grant a Creative Commons copyright license in the article to the general public."
ALL = Selection(threshold=0.5, aggregate_ratio=0.1)


def clause(label: str, file: str, text: str, clause_id: str = "7", agreement: int = 1, start: int = 100) -> Clause:
    return Clause(file=file, agreement=agreement, agreement_label=label, clause_id=clause_id, heading="",
                  start=start, end=start + len(text), text=text)


def ask(question: str, clauses: list[Clause], aggregate: bool = True) -> Answer:
    """compose() with each clause's whole text as one candidate, in the given order."""
    candidates = tuple(Candidate(Hit(c.chunk_id, c, 0.5, 0.5, 0.5), c.start, c.end, 1) for c in clauses)
    evidence = EvidenceSet(question, candidates, np.zeros((len(clauses), len(CANDIDATE_FEATURES)), dtype=np.float32),
                           question_types(question))
    return compose(question, evidence, np.linspace(0.9, 0.8, len(clauses)), 0.9, ALL, "the indexed agreements",
                   aggregate=aggregate, every_agreement=True)


def law_corpus() -> list[Clause]:
    return [clause("Dan Alistarh", "002.txt", CA, agreement=1), clause("Xin Wang", "000.txt", MA),
            clause("Mark Kurtz", "002.txt", CA, agreement=2, start=900), clause("Ce Zhang", "003.txt", CA),
            clause("Jianfei Chen", "004.txt", MA)]


def test_agreements_that_state_the_same_value_are_one_group():
    answer = ask("Which agreements are governed by California law?", law_corpus())
    first, *rest = answer.text.splitlines()
    assert first == ("3 of 5 agreements: California (clause 7 in each) — Dan Alistarh [1], Mark Kurtz [3], "
                     "Ce Zhang [4]; 2: Massachusetts (clause 7 in each) — Xin Wang [2], Jianfei Chen [5]")
    assert rest[0] == f"- Dan Alistarh (clause 7): \"{CA}\" [1]" and len(rest) == 5  # the lines as before
    california, massachusetts = answer.groups
    assert (california.value, california.key, california.kind) == ("California", "california", "law")
    assert california.agreements == ("Dan Alistarh", "Mark Kurtz", "Ce Zhang")
    assert california.keys == ("002.txt#1", "002.txt#2", "003.txt#1")
    assert california.clauses == ("7", "7", "7") and california.citations == (0, 2, 3)
    assert (massachusetts.value, massachusetts.agreements, massachusetts.citations) == \
        ("Massachusetts", ("Xin Wang", "Jianfei Chen"), (1, 4))
    for v in answer.values:
        c = answer.citations[v.citation]
        assert c.clause_text[v.start - c.clause_start:v.end - c.clause_start] == v.text
        assert c.start <= v.start < v.end <= c.end


def coverage_ask(question: str, clauses: list[Clause], coverage: list[float]) -> Answer:
    """compose() choosing which agreements join by the ranker's trust and the question words each quote covers."""
    candidates = tuple(Candidate(Hit(c.chunk_id, c, 0.5, 0.5, 0.5), c.start, c.end, 1) for c in clauses)
    features = np.zeros((len(clauses), len(CANDIDATE_FEATURES)), dtype=np.float32)
    features[:, CANDIDATE_FEATURES.index("s_idf_cov")] = coverage
    evidence = EvidenceSet(question, candidates, features, question_types(question))
    return compose(question, evidence, np.linspace(0.95, 0.89, len(clauses)), 0.9, Selection(threshold=0.5),
                   "the indexed agreements", aggregate=True)


def test_an_agreement_stating_another_alternative_the_question_offers_joins():
    corpus = [clause("Xin Wang", "000.txt", MA), clause("Jianfei Chen", "004.txt", MA),
              clause("Dan Alistarh", "002.txt", CA), clause("Ce Zhang", "003.txt", CA)]
    coverage = [0.765, 0.765, 0.648, 0.648]  # the rarer word Massachusetts weighs more
    either = coverage_ask("Which agreements are governed by California or Massachusetts law?", corpus, coverage)
    assert [(g.value, g.agreements) for g in either.groups] == [
        ("Massachusetts", ("Xin Wang", "Jianfei Chen")), ("California", ("Dan Alistarh", "Ce Zhang"))]
    # without the alternative, a California clause does not answer for Massachusetts however alike it reads
    one = coverage_ask("Which agreements are governed by Delaware or Massachusetts law?", corpus, coverage)
    assert [(g.value, g.agreements) for g in one.groups] == [("Massachusetts", ("Xin Wang", "Jianfei Chen"))]
    assert coverage_ask("Which agreements are governed by Massachusetts law?", corpus, coverage).groups == one.groups


def test_alternatives_are_read_from_or_lists():
    from assistant.answer import alternatives

    assert alternatives("Governed by California or Massachusetts law?") == (frozenset({"california", "massachusett"}),)
    assert alternatives("Delaware, Texas or Ohio?") == (frozenset({"delawar", "texa", "ohio"}),)
    assert alternatives("Who signed for ICML?") == () and alternatives("this or this") == ()


def test_values_are_compared_normalised():
    shouting = "7. This Agreement shall be governed by the laws of the State of CALIFORNIA."
    answer = ask("Which agreements are governed by California law?",
                 [clause("A", "a.txt", CA), clause("B", "b.txt", shouting)])
    assert [(g.value, g.agreements) for g in answer.groups] == [("California", ("A", "B"))]
    dates = ask("What is the effective date of each agreement?",
                [clause("A", "a.txt", 'Made as of Sep 23, 2020 (the "Effective Date").', "preamble"),
                 clause("B", "b.txt", 'Made as of September 23, 2020 (the "Effective Date").', "preamble"),
                 clause("C", "c.txt", 'Made as of 1 March 2021 (the "Effective Date").', "preamble")])
    assert [(g.key, g.agreements) for g in dates.groups] == [("2020-09-23", ("A", "B")), ("2021-03-01", ("C",))]
    assert dates.text.splitlines()[0] == ("2 of 3 agreements: Sep 23, 2020 (preamble in each) — A [1], B [2]; "
                                          "1: 1 March 2021 (preamble) — C [3]")


def test_without_values_agreements_are_grouped_by_what_their_quotes_say():
    ocr = "You hereby grant a  Creative Commons copyright licence in the article to the general public"
    answer = ask("Which agreements grant a Creative Commons licence?",
                 [clause("A", "a.txt", GRANT, "2"), clause("B", "b.txt", GRANT, "2"),
                  clause("C", "c.txt", "<sup>1</sup>" + ocr, "2")])
    assert [(g.kind, g.agreements, g.citations) for g in answer.groups] == \
        [("quote", ("A", "B"), (0, 1)), ("quote", ("C",), (2,))]
    assert answer.groups[0].value == GRANT and answer.groups[0].key == quote_key(GRANT)
    # a group without a value shows its quote's words (whole, when short)
    assert answer.text.splitlines()[0] == (f"2 of 3 agreements: \"{GRANT}\" (clause 2 in each) — A [1], B [2]; "
                                           "1: \"You hereby grant a Creative Commons copyright licence in the article "
                                           "to the general public\" (clause 2) — C [3]")
    assert answer.values == ()


def test_a_few_agreements_that_each_say_something_else_stand_side_by_side_first():
    answer = ask("What happens if the article is never published?",
                 [clause("A", "a.txt", GRANT, "2"), clause("B", "b.txt", MA, "7")])
    assert len(answer.groups) == 2 and all(len(g.agreements) == 1 for g in answer.groups)
    lines = answer.text.splitlines()
    assert lines[0] == f'A: "{snippet(GRANT, answer.question)}" [1]; B: "{snippet(MA, answer.question)}" [2]'
    assert lines[1].startswith("- A (clause 2)")


def test_many_agreements_that_each_say_something_else_add_no_line():
    texts = [GRANT, MA, CA, "The publisher may edit the article for style."]
    answer = ask("What happens if the article is never published?",
                 [clause(label, f"{label}.txt", text, "2") for label, text in zip("ABCD", texts)])
    assert len(answer.groups) == 4
    assert answer.text.startswith("- A (clause 2)")


def test_a_comparison_names_each_agreement_with_its_value():
    answer = ask("How does the governing law of Xin Wang's agreement differ from Dan Alistarh's?",
                 [clause("Xin Wang", "000.txt", MA), clause("Dan Alistarh", "002.txt", CA)], aggregate=False)
    assert answer.text.splitlines()[0] == "Xin Wang: Massachusetts [1]; Dan Alistarh: California [2]"
    assert [g.value for g in answer.groups] == ["Massachusetts", "California"]


def test_one_agreement_has_no_groups():
    assert group([Citation("a.txt", "A", "7", MA, 0, len(MA), 0.9)], []) == ()


def test_equal_groups_keep_citation_order():
    citations = [Citation(f"{n}.txt", n, "7", q, 0, len(q), 0.9) for n, q in (("A", MA), ("B", CA))]
    values = [Value("Massachusetts", 57, 70, "law", 0), Value("California", 55, 65, "law", 1)]
    assert [g.agreements for g in group(citations, values)] == [("A",), ("B",)]


# -- the faces ---------------------------------------------------------------------------------

def test_the_chat_message_shows_the_groups_as_a_table():
    answer = ask("Which agreements are governed by California law?", law_corpus())
    table = render.groups_table(answer.groups, answer.citations)
    assert table.splitlines() == [
        "| Agreements | Answer | Clause |",
        "|---|---|---|",
        "| Dan Alistarh [1], Mark Kurtz [3], Ce Zhang [4] | California | clause 7 |",
        "| Xin Wang [2], Jianfei Chen [5] | Massachusetts | clause 7 |",
    ]
    message = render.answer_markdown(answer)
    assert table in message and message.index(table) < message.index("**Citations**")
    plain = ask("Which law governs it?", [clause("Xin Wang", "000.txt", MA)])
    assert "| Agreements |" not in render.answer_markdown(plain)


def test_the_ui_table_has_a_row_per_agreement_that_opens_its_clause():
    answer = ask("Which agreements are governed by California law?", law_corpus())
    assert render.group_rows(answer) == [
        ["Dan Alistarh", "California", "clause 7"], ["Mark Kurtz", "California", "clause 7"],
        ["Ce Zhang", "California", "clause 7"], ["Xin Wang", "Massachusetts", "clause 7"],
        ["Jianfei Chen", "Massachusetts", "clause 7"]]
    # the fourth row (Xin Wang) opens Xin Wang's citation only, numbered as in the answer
    html = render.agreement_sources_html(answer, 3)
    assert html.count('class="cqa-source"') == 1 and 'id="cqa-source-2"' in html
    assert '<span class="cqa-agreement">Xin Wang</span>' in html
    assert '<strong class="cqa-value">Massachusetts</strong>' in html
    assert render.agreement_sources_html(answer, 99) == render.sources_html(answer)  # not a row: all of them
    assert render.group_rows(ask("Which law governs it?", [clause("Xin Wang", "000.txt", MA)])) == []


def test_a_quote_group_is_quoted_short_and_escaped():
    text = "A | B <i>x</i> " + "word " * 30
    answer = ask("Which agreements say this?", [clause("A", "a.txt", text, "2"), clause("B", "b.txt", text, "2")])
    row = render.groups_table(answer.groups, answer.citations).splitlines()[2]
    assert row.startswith("| A [1], B [2] | “A \\| B &lt;i&gt;x&lt;/i&gt; word") and "…" in row


def test_the_sources_mark_the_value_inside_the_quote():
    answer = ask("Which law governs it?", [clause("Xin Wang", "000.txt", MA)], aggregate=False)
    html = render.sources_html(answer)
    assert ("<mark>It will be governed by the laws of the Commonwealth of "
            "<strong class=\"cqa-value\">Massachusetts</strong>.</mark>") in html


@pytest.mark.slow
def test_real_agreements_through_the_public_api(sample_dir, tmp_path):
    """The bundled corpus, indexed with the hashing embedder: every value is a span of its citation."""
    from assistant import Assistant

    qa = Assistant.from_paths([str(sample_dir)], index_dir=str(tmp_path / "idx"), model="hashing")
    law = qa.ask("Which law governs Xin Wang's agreement?")
    many = qa.ask("Which agreements are governed by California law?")
    for answer in (law, many):
        for v in answer.values:
            c = answer.citations[v.citation]
            assert qa.document_text(c.file)[v.start:v.end] == v.text
            assert c.start <= v.start < v.end <= c.end
    if law.citations and law.citations[0].clause == "7":
        assert law.text.splitlines()[0] == "Massachusetts [1]"
    if len({(c.file, c.agreement_number) for c in many.citations}) > 1:
        assert many.groups and sum(len(g.agreements) for g in many.groups) == \
            len({(c.file, c.agreement_number) for c in many.citations})


def test_a_table_only_when_it_adds_something():
    different = ask("What happens if the article is never published?",
                    [clause("A", "a.txt", GRANT, "2"), clause("B", "b.txt", MA, "7")])
    assert len(different.groups) == 2 and "| Agreements |" not in render.answer_markdown(different)


def test_a_party_who_signs_its_own_agreement_is_named_once():
    answer = ask("Which people signed agreements for the paper?",
                 [clause("Dan Alistarh", "a.txt", "Signature: Dan Alistarh", "signatures"),
                  clause("Mark Kurtz", "b.txt", "Signature: Mark Kurtz", "signatures")])
    assert answer.text.splitlines()[0] == "Dan Alistarh [1]; Mark Kurtz [2]"
