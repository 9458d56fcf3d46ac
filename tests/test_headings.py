"""Tests for index/headings.py through index/segment.py: clause headings without a number, headings glued
to their number, cross-references at a wrapped line's start, tables of contents and page numbers before
an exhibit's heading. Every expected id and offset is read off the text, never off the code's output."""

from __future__ import annotations

import hashlib

import pytest

from index.headings import unnumbered_headings
from index.segment import is_contents, segment
from index.types import LoadedDocument, SegmentedDocument


def from_text(text: str, name: str = "inline.txt") -> SegmentedDocument:
    doc = LoadedDocument(path=name, name=name, text=text, kind="txt",
                         sha256=hashlib.sha256(text.encode()).hexdigest())
    return segment(doc)


def spans(segmented: SegmentedDocument) -> list[tuple[str, int, int]]:
    return [(c.clause_id, c.start, c.end) for c in segmented.clauses]


OPENING = ('MASTER SUPPLY AGREEMENT\n\nThis Master Supply Agreement ("Agreement") is between Harlow Polymers Inc. '
           '("Seller") and Dunmore Medical Ltd. ("Buyer").\n\n')
PRODUCTS = ("PRODUCTS, QUANTITY, PRICE\n\nSeller shall sell and Buyer shall purchase the products listed in "
            "Attachment A at the prices stated there.\n\n")
RUNNING = "HARLOW - DUNMORE\n\n"  # a running header: printed on every page
GOVERNING = ("GOVERNING LAW\n\nThis Agreement shall be governed by the laws of the State of Delaware without "
             "regard to its conflict of laws rules.\n\n")
TERMS = ("1. PRICE ADJUSTMENTS Seller may adjust its prices once a year on sixty days' written notice.\n\n"
         "2. PAYMENT Buyer shall pay each invoice within thirty days of its date.\n\n")
SUPPLY = OPENING + PRODUCTS + RUNNING + GOVERNING + RUNNING + TERMS


def test_capitals_headings_before_the_first_numbered_clause_head_their_own_clauses():
    at = SUPPLY.index
    assert spans(from_text(SUPPLY)) == [
        ("preamble", 0, len(OPENING) - 2),
        # the running header stays in the clause it interrupts
        ("Products, Quantity, Price", at("PRODUCTS,"), at("GOVERNING LAW") - 2),
        ("Governing Law", at("GOVERNING LAW"), at("1. PRICE") - 2),
        ("1", at("1. PRICE"), at("2. PAYMENT") - 2),
        ("2", at("2. PAYMENT"), len(SUPPLY) - 2),
    ]


def test_the_title_above_the_opening_a_recital_heading_and_a_running_header_head_nothing():
    recitals = ("RECITALS\n\nA. Seller makes medical-grade polymers and Buyer makes syringes for hospitals.\n\n"
                "NOW, THEREFORE, the parties agree as follows:\n\n")
    text = OPENING + recitals + RUNNING + PRODUCTS + RUNNING + TERMS
    products = (text.index("PRODUCTS,"), "Products, Quantity, Price")
    assert unnumbered_headings(text, 0, text.index("1. PRICE")) == [products]


def test_a_heading_whose_words_other_headings_hold_is_still_one():
    # "TERM" is in "TERMINATION": only a line of its own repeated is a running header
    text = (OPENING + "TERM\n\nThis Agreement runs for three years from its signing unless it is ended earlier.\n\n"
            "TERMINATION FOR CAUSE\n\nEither party may end this Agreement at once if the other breaches it.\n\n"
            "1. NOTICES Notices must be in writing and sent by courier to the addresses above.\n\n"
            "2. WAIVER No waiver of any breach is a waiver of any other breach of this Agreement.\n")
    assert unnumbered_headings(text, 0, text.index("1. NOTICES")) == [
        (text.index("TERM\n"), "Term"), (text.index("TERMINATION FOR"), "Termination For Cause")]


def test_a_capitals_line_that_goes_on_from_the_sentence_before_is_no_heading():
    text = (OPENING + "Neither party shall be liable for indirect damages. EACH PARTY WAIVES ANY RIGHT\n"
            "TO A JURY TRIAL IN ANY ACTION.\n\nThe parties have read and understood this clause in full.\n\n" + TERMS)
    assert unnumbered_headings(text, 0, text.index("1. PRICE")) == []


def test_spelled_out_section_numbers_after_a_sentence_in_flattened_text():
    text = ('ENDORSEMENT AGREEMENT   This Endorsement Agreement is made between Alumni Club ("Club") and Brightfield '
            'Foods, Inc. ("Company").   The parties agree as follows:   SECTION ONE. DEFINITIONS   As used in this '
            'Agreement, the following terms shall have these meanings. "Licensed Marks" means the Club logo. '
            "SECTION TWO. GRANT OF RIGHTS   The Club grants to Company the right to use the Licensed Marks on "
            "labels.   "
            "1. Company shall pay the fees within ten days.   2. Company shall keep accurate records of all sales.")
    assert unnumbered_headings(text, 0, text.index("1. Company")) == [
        (text.index("SECTION ONE"), "Section One. Definitions"),
        (text.index("SECTION TWO"), "Section Two. Grant Of Rights"),
    ]


def test_a_heading_glued_to_its_number_marks_a_clause():
    text = (OPENING + "1.DEFINITIONS\n\n\"Products\" means the polymers listed in Attachment A.\n\n"
            "2.TERM AND TERMINATION\n\nThis Agreement runs for three years from its signing.\n")
    assert spans(from_text(text)) == [
        ("preamble", 0, len(OPENING) - 2),
        ("1", text.index("1.DEF"), text.index("2.TERM") - 2),
        ("2", text.index("2.TERM"), len(text) - 1),
    ]


def test_a_cross_reference_starting_a_wrapped_line_is_no_clause_and_leaves_numbering_alone():
    text = (OPENING + "1.       SPONSORSHIP\n\n         a)       Excite will promote Sponsor as described in\n"
            "         Section 13(c) without any further fee, and as set out in\n"
            "         Section 2.5 and Exhibit A.\n\n"
            "2.       FEES\n\n         Sponsor shall pay the fees set out in\n"
            "         Section 8.3, within thirty days.\n")
    # before, "Section 13" set the clauses' headings to worded ones and every bare "1." and "2." was dropped
    assert spans(from_text(text)) == [
        ("preamble", 0, len(OPENING) - 2),
        ("1", text.index("1.  "), text.index("2.  ") - 2),
        ("2", text.index("2.  "), len(text) - 1),
    ]


def test_a_table_of_contents_lists_clauses_without_heading_them():
    contents = ("TABLE OF CONTENTS\n\n1.    Definitions.......................... 1\n"
                "2.    Term of Agreement.................... 2\n\n")
    body = ("1.    DEFINITIONS\n\nThe terms defined in this Section have these meanings throughout.\n\n"
            "2.    TERM OF AGREEMENT\n\nThis Agreement runs for one year from its signing.\n")
    text = OPENING + contents + body
    assert spans(from_text(text)) == [
        ("preamble", 0, text.index(body) - 2),
        ("1", text.index(body), text.index("2.    TERM OF") - 2),
        ("2", text.index("2.    TERM OF"), len(text) - 1),
    ]


COVER = "Exhibit 10.2\n\nINTELLECTUAL PROPERTY AGREEMENT\n\nbetween HARLOW POLYMERS INC. and DUNMORE MEDICAL LTD.\n\n"
# a contents list as filings print it: no dot leaders, each entry's page after its title, a page header inside it
LISTED = ("TABLE OF CONTENTS\n\n1. Definitions 1\n\n1.1 IP Agreement 2\n\n1.2 Effective Date 2\n\n"
          "TABLE OF CONTENTS (continued)\n\nii\n\n2. Assignment 3\n\n2.1 Grant by Harlow 3\n\n3. Term 4\n\n")
BODY = ("1. Definitions. The terms defined below have these meanings.\n\n"
        "1.1 IP Agreement. \"IP Agreement\" means this agreement and its exhibits.\n\n"
        "1.2 Effective Date. \"Effective Date\" means the Closing Date.\n\n"
        "2. Assignment. Harlow hereby assigns the Transferred Patents to Dunmore.\n\n"
        "2.1 Grant by Harlow. Harlow grants Dunmore a licence under the Licensed Patents.\n\n"
        "3. Term. This Agreement runs for ten years from the Effective Date.\n")


def test_a_table_of_contents_without_dot_leaders_is_one_clause_and_the_body_is_numbered_after_it():
    text = COVER + LISTED + OPENING + BODY
    # before, the list's numbers headed clauses ("1.1 IP Agreement 2") and the body's "1." after "3." broke the
    # sequence: the whole body was cited as "3 (part 2)", "3 (part 3)", ...
    assert spans(from_text(text)) == [
        ("preamble", 0, text.index("1. Definitions 1") - 2),
        ("contents", text.index("1. Definitions 1"), text.index("3. Term 4") + len("3. Term 4")),
        ("preamble (continued)", text.index(OPENING), text.index(BODY) - 2),
        ("1", text.index(BODY), text.index("1.1 IP Agreement.") - 2),
        ("1.1", text.index("1.1 IP Agreement."), text.index("1.2 Effective Date.") - 2),
        ("1.2", text.index("1.2 Effective Date."), text.index("2. Assignment.") - 2),
        ("2", text.index("2. Assignment."), text.index("2.1 Grant by Harlow.") - 2),
        ("2.1", text.index("2.1 Grant by Harlow."), text.index("3. Term.") - 2),
        ("3", text.index("3. Term."), len(text) - 1),
    ]


def test_short_clauses_that_say_something_or_a_price_list_after_them_are_no_contents():
    prices = ("1. Rent 100\n\n2. Deposit 200\n\n3. Fee 30\n\n4. Late charge 15\n\n5. Holding Over 45\n\n"
              "6. Payment. Rent is due on the first day of each month.\n")
    assert [cid for cid, _, _ in spans(from_text(OPENING + prices))][:2] == ["preamble", "1"]
    said = ("1. The Term is 2\n\n2. Each party may assign 3\n\n3. Notice must be given 4\n\n"
            "4. The Fee is 5\n\n5. Payment. Buyer shall pay each invoice within 30 days.\n")
    assert [cid for cid, _, _ in spans(from_text(OPENING + said))] == ["preamble", "1", "2", "3", "4", "5"]


def test_a_table_of_contents_with_dot_leaders_is_one_clause_too():
    dotted = ("TABLE OF CONTENTS\n\n1.    Definitions.......................... 1\n"
              "1.1   IP Agreement......................... 2\n2.    Assignment........................... 3\n"
              "2.1   Grant by Harlow...................... 3\n3.    Term................................. 4\n\n")
    text = COVER + dotted + OPENING + BODY
    # before, the list stayed in the preamble: the agreement's opening chunks were its cover and its contents
    assert spans(from_text(text))[:4] == [
        ("preamble", 0, text.index("1.    Definitions") - 2),
        ("contents", text.index("1.    Definitions"), text.index("....... 4") + len("....... 4")),
        ("preamble (continued)", text.index(OPENING), text.index(BODY) - 2),
        ("1", text.index(BODY), text.index("1.1 IP Agreement.") - 2),
    ]


def test_a_table_of_contents_run_on_a_line_after_its_heading_is_one_clause():
    # filings flatten the list onto one line: no number starts a line, so none marked a clause, and the list stayed
    # in the preamble, between the cover and the opening
    listed = "TABLE OF CONTENTS Page 1.1 IP Agreement 2 1.2 Effective Date 2 2.1 Grant by Harlow 3 3. Term 4\n\n"
    text = COVER + listed + OPENING + BODY
    assert spans(from_text(text))[:4] == [
        ("preamble", 0, text.index("TABLE OF CONTENTS") - 2),
        ("contents", text.index("TABLE OF CONTENTS"), text.index(" Term 4") + len(" Term 4")),
        ("preamble (continued)", text.index(OPENING), text.index(BODY) - 2),
        ("1", text.index(BODY), text.index("1.1 IP Agreement.") - 2),
    ]
    # an article's own number is no page ("ARTICLE 2 ASSIGNMENT 9" after page 6), nor is a filing's form ("8-K")
    articles = ("TABLE OF CONTENTS PAGE ARTICLE 1 DEFINITIONS 5 1.1 IP Agreement 6 1.2 Effective Date 6 ARTICLE 2 "
                "ASSIGNMENT 9 2.1 Grant by Harlow 9 ARTICLE 3 TERM 12 Source: HARLOW INC, 8-K, 6/3/2019\n\n")
    text = COVER + articles + OPENING + BODY
    assert spans(from_text(text))[:3] == [
        ("preamble", 0, text.index("TABLE OF CONTENTS") - 2),
        ("contents", text.index("TABLE OF CONTENTS"), text.index(" TERM 12") + len(" TERM 12")),
        ("preamble (continued)", text.index("Source: HARLOW"), text.index(BODY) - 2),
    ]
    # a "Table of Contents" link atop a filing's page, the cover after it, lists nothing
    linked = "Table of Contents\n\nExhibit 4.28\n\nSERVICE AGREEMENT\n\n1 OCTOBER 2019\n\n"
    assert [cid for cid, _, _ in spans(from_text(linked + OPENING + BODY))][:2] == ["preamble", "1"]


@pytest.mark.parametrize("clause_id, listing", [
    ("contents", True), ("contents (part 2)", True), ("Schedule 1 contents", True), ("preamble", False),
    ("Table Of Contents", False), ("12 (part 2)", False)])
def test_a_table_of_contents_is_told_by_its_id_in_an_attachment_too(clause_id, listing):
    assert is_contents(clause_id) is listing


def test_an_exhibit_heading_after_a_page_number_on_its_line_opens_the_exhibit():
    signing = ("IN WITNESS WHEREOF, the parties have signed this Agreement.\n\nHARLOW POLYMERS INC.\n\n"
               "By: /s/ Ann Lee\n\n")
    exhibit = ("15                                     EXHIBIT A\n\n"
               "1.      SOFTWARE. Hosted BuySite v 6.0\n\n"
               "2.      RELATIONSHIP MANAGERS. The Seller Relationship Manager shall be named in writing.\n")
    text = OPENING + TERMS + signing + exhibit
    assert [cid for cid, _, _ in spans(from_text(text))] == [
        "preamble", "1", "2", "signatures", "Exhibit A", "Exhibit A 1", "Exhibit A 2"]
    assert spans(from_text(text))[3] == ("signatures", text.index("IN WITNESS"), text.index("15   ") - 2)


def test_an_article_heading_run_into_the_text_after_a_sentence_marks_a_clause():
    # CUAD flattens line breaks: the article's heading follows the sentence before it on the same line
    text = ('TRADEMARK LICENSE AGREEMENT This Trademark License Agreement is made between Harlow Capital LLC '
            '("Licensor") and Harlow Credit Fund, Inc. ("Licensee"). The parties agree as follows: ARTICLE 1 '
            "LICENSE GRANT 1.1. License. The Licensor grants to the Licensee a non-exclusive licence to use the "
            "Licensed Mark. 1.2. Licensor's Use. Nothing in this Agreement limits the Licensor's own use of the "
            "Licensed Mark. ARTICLE 2 COMPLIANCE 2.1. Quality Control. The Licensee shall keep the quality of its "
            "services at least as high as the Licensor's. 2.2. Notices. Notices shall be given in writing.")
    at = text.index
    assert spans(from_text(text)) == [
        ("preamble", 0, at("ARTICLE 1") - 1),
        ("1", at("ARTICLE 1"), at("1.2.") - 1),
        ("1.2", at("1.2."), at("ARTICLE 2") - 1),
        ("2", at("ARTICLE 2"), at("2.2.") - 1),
        ("2.2", at("2.2."), len(text)),
    ]
    # a reference to an article at a sentence's start heads nothing
    referring = text.replace("ARTICLE 2 COMPLIANCE", "Article 2 hereof governs compliance.")
    assert [cid for cid, _, _ in spans(from_text(referring))] == ["preamble", "1", "1.2", "2.1", "2.2"]


def test_an_article_number_run_into_a_sentence_with_its_title_on_the_next_line_marks_a_clause():
    # "... agree as follows: ARTICLE 1\n\nDEFINITIONS "Affiliate" means ...": the title after a line break
    text = ('PROMOTION AGREEMENT This Promotion Agreement is made between Harlow Capital LLC ("Harlow") and '
            'Dunmore Medical Ltd. ("Dunmore"). The parties agree as follows: ARTICLE 1\n\nDEFINITIONS "Affiliate" '
            "means any entity that controls a Party. ARTICLE 2\n\nGRANT OF RIGHTS 2.1 Grant. Harlow grants Dunmore "
            "the right to promote the Product. 2.2 Retained Rights. Harlow keeps every other right.")
    at = text.index
    # before, "ARTICLE 1" was not seen: the definitions stayed in the preamble and "ARTICLE 2" headed nothing
    assert spans(from_text(text)) == [
        ("preamble", 0, at("ARTICLE 1") - 1),
        ("1", at("ARTICLE 1"), at("ARTICLE 2") - 1),
        ("2", at("ARTICLE 2"), at("2.2 Retained") - 1),
        ("2.2", at("2.2 Retained"), len(text)),
    ]


def test_a_table_of_contents_is_never_cited_and_the_body_clause_is(tmp_path):
    from assistant import Assistant

    text = COVER + LISTED + OPENING + BODY
    (tmp_path / "ip.txt").write_text(text, encoding="utf-8")
    qa = Assistant.from_paths([str(tmp_path / "ip.txt")], index_dir=str(tmp_path / "index"))
    # more hits asked for than there are chunks: every chunk but the contents comes back
    hits = qa.retrieve("Does Harlow assign the Transferred Patents?", k=20)
    assert sorted(h.clause.clause_id for h in hits) == sorted(
        ["preamble", "preamble (continued)", "1", "1.1", "1.2", "2", "2.1", "3"])
    answer = qa.ask("Does Harlow assign the Transferred Patents?")
    first = answer.citations[0]
    assert (first.clause, first.quote) == ("2", "Harlow hereby assigns the Transferred Patents to Dunmore.")
    assert text[first.start:first.end] == first.quote
