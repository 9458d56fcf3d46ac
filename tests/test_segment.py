"""Tests for index/segment.py and index/agreements.py: agreements per file, clause ids, exact offsets."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from index.loaders import load_document
from index.segment import MAX_CHARS, segment
from index.types import LoadedDocument, SegmentedDocument

from tests.samples import F000, F001, F002, F003, F004, SAMPLE_FILES

# The ICML "Final Contribution Agreement" template of 002 and 003: eight clauses, no sub-items.
FINAL_CONTRIBUTION_IDS = ["preamble", "1", "2", "3", "4", "5", "6", "7", "8", "signatures"]

_cache: dict[str, SegmentedDocument] = {}


def seg(sample_dir: Path, name: str) -> SegmentedDocument:
    if name not in _cache:
        _cache[name] = segment(load_document(sample_dir / name))
    return _cache[name]


def from_text(text: str, name: str = "inline.txt") -> SegmentedDocument:
    doc = LoadedDocument(path=name, name=name, text=text, kind="txt",
                         sha256=hashlib.sha256(text.encode()).hexdigest())
    return segment(doc)


def ids(segmented: SegmentedDocument, agreement: int = 1) -> list[str]:
    return [c.clause_id for c in segmented.clauses if c.agreement == agreement]


def clause(segmented: SegmentedDocument, clause_id: str, agreement: int = 1):
    (found,) = [c for c in segmented.clauses if c.agreement == agreement and c.clause_id == clause_id]
    return found


# --- agreements ---------------------------------------------------------------------------


@pytest.mark.parametrize("name, count", [(F000, 1), (F001, 1), (F002, 5), (F003, 7), (F004, 1)])
def test_agreement_count_per_file(sample_dir, name, count):
    assert len(seg(sample_dir, name).agreements) == count


def test_sample_corpus_holds_15_agreements(sample_dir):
    assert sum(len(seg(sample_dir, n).agreements) for n in SAMPLE_FILES) == 15


@pytest.mark.parametrize("name, labels", [
    (F000, ["Xin Wang"]),
    (F001, ["Amirkeivan Mohtashami"]),
    (F002, ["Dan Alistarh", "Michael Goin", "Justin Kopinsky", "Mark Kurtz", "Sage Moore"]),
    (F003, ["Yuzheng Hu", "Jiawei Jiang", "Bin Cui", "Ce Zhang", "Yihan He", "Yingxia Shao", "Fangcheng Fu"]),
    (F004, ["Jianfei Chen"]),
])
def test_agreement_labels_in_order(sample_dir, name, labels):
    segmented = seg(sample_dir, name)
    assert [a.label for a in segmented.agreements] == labels
    assert [a.number for a in segmented.agreements] == list(range(1, len(labels) + 1))


@pytest.mark.parametrize("name, title, date, kind", [
    (F000, "Parameter efficient training of deep convolutional neural networks by dynamic sparse reparameterization",
     "5/12/2019", "ICML Publication Agreement"),
    (F001, "Masked Training of Neural Networks with Partial Gradients", "21 Feb 2022", "Publication Agreement"),
    (F004, "ActNN: Reducing Training Memory Footprint via 2-Bit Activation Compressed Training",
     "June 10, 2021", "Publication Agreement"),
])
def test_publication_agreement_title_date_kind(sample_dir, name, title, date, kind):
    (agreement,) = seg(sample_dir, name).agreements
    assert (agreement.title, agreement.date, agreement.kind) == (title, date, kind)


SPARSITY = "Inducing and Exploiting Activation Sparsity for Fast Inference on Deep Neural Networks"
TINYSCRIPT = "Don't Waste Your Bits! Squeeze Activations and Gradients for Deep Neural Networks via TinyScript"


@pytest.mark.parametrize("name, titles", [
    # Dan Alistarh's "EventTitles:" line names two talks; the other four name one.
    (F002, ["On the Sample Complexity of Adversarial Multi-Source PAC Learning, " + SPARSITY] + [SPARSITY] * 4),
    # the <u> markup around the title is dropped
    (F003, [TINYSCRIPT] * 7),
])
def test_contribution_agreement_titles_dates_kinds(sample_dir, name, titles):
    agreements = seg(sample_dir, name).agreements
    assert [a.title for a in agreements] == titles
    # "made and entered into as of Sep 23, 2020", not the event date "Jul 15, 2020" below it
    assert {a.date for a in agreements} == {"Sep 23, 2020"}
    assert {a.kind for a in agreements} == {"Final Contribution Agreement"}


def test_parties_of_a_publication_agreement(sample_dir):
    (agreement,) = seg(sample_dir, F000).agreements
    assert agreement.parties == ("Xin Wang", "PMLR", "IMLS", "ICML")


@pytest.mark.parametrize("name, bounds", [
    (F002, [(0, 3716), (3716, 7347), (7347, 10997), (10997, 14610), (14610, 18218)]),
    (F003, [(0, 3662), (3662, 7311), (7311, 10940), (10940, 14566), (14566, 18212), (18212, 21878),
            (21878, 25526)]),
])
def test_agreements_tile_a_multi_agreement_file(sample_dir, name, bounds):
    segmented = seg(sample_dir, name)
    assert [(a.start, a.end) for a in segmented.agreements] == bounds
    text = segmented.document.text
    assert bounds[-1][1] == len(text)
    for start, _ in bounds[1:]:
        assert text[start:].startswith('This Final Contribution Agreement ("Agreement")')


# --- clause ids ---------------------------------------------------------------------------

PUBLICATION_IDS = {
    F000: ["preamble", "1", "2", "3", "4", "5", "6", "6(a)", "6(b)", "6(c)", "7", "8", "signatures", "footnote 1"],
    # 001 and 004 restart numbering under clause 6 ("1.", "2.", "3."): those are 6.1, 6.2, 6.3;
    # their footnote is printed between clauses 5 and 6
    F001: ["preamble", "1", "2", "3", "4", "5", "footnote 1", "6", "6.1", "6.2", "6.3", "7", "signatures"],
    F004: ["preamble", "1", "2", "3", "4", "5", "footnote 1", "6", "6.1", "6.2", "6.3", "7", "signatures"],
}

@pytest.mark.parametrize("name", [F000, F001, F004])
def test_publication_agreement_clause_ids(sample_dir, name):
    assert ids(seg(sample_dir, name)) == PUBLICATION_IDS[name]


@pytest.mark.parametrize("name, agreements", [(F002, 5), (F003, 7)])
def test_contribution_agreement_clause_ids(sample_dir, name, agreements):
    segmented = seg(sample_dir, name)
    for number in range(1, agreements + 1):
        assert ids(segmented, number) == FINAL_CONTRIBUTION_IDS, f"agreement {number}"


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_clause_ids_are_unique_per_agreement(sample_dir, name):
    segmented = seg(sample_dir, name)
    keys = [(c.agreement, c.clause_id) for c in segmented.clauses]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("name", [F000, F001, F002, F003, F004])
def test_no_clause_is_empty(sample_dir, name):
    assert [c.clause_id for c in seg(sample_dir, name).clauses if not c.text.strip()] == []


@pytest.mark.parametrize("name", [F001, F004])
def test_restarted_numbering_becomes_sub_clauses_of_6(sample_dir, name):
    segmented = seg(sample_dir, name)
    text = segmented.document.text
    lead = clause(segmented, "6")
    assert lead.text.endswith("6. You further warrant that:")
    firsts = {cid: text[clause(segmented, cid).start:][:30] for cid in ("6.1", "6.2", "6.3")}
    assert firsts == {
        "6.1": "1. The article is original, ha",
        "6.2": "2. You are the sole author(s) ",
        "6.3": "3. The article does not libel ",
    }
    # no top-level 1, 2, 3 appear twice: the restart did not reset the numbering
    assert ids(segmented).count("1") == 1
    assert clause(segmented, "7").text.startswith("7. This is the entire agreement")


# --- offsets ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_every_clause_is_its_exact_slice_of_the_text(sample_dir, name):
    segmented = seg(sample_dir, name)
    text = segmented.document.text
    assert segmented.clauses
    for c in segmented.clauses:
        assert text[c.start:c.end] == c.text, c.clause_id
        assert c.content_hash == hashlib.sha256(c.text.encode("utf-8")).hexdigest()[:16]
        assert c.file == name


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_clauses_are_ordered_disjoint_and_inside_their_agreement(sample_dir, name):
    segmented = seg(sample_dir, name)
    bounds = {a.number: (a.start, a.end) for a in segmented.agreements}
    labels = {a.number: a.label for a in segmented.agreements}
    previous_end = 0
    for c in segmented.clauses:
        assert previous_end <= c.start <= c.end
        start, end = bounds[c.agreement]
        assert start <= c.start and c.end <= end
        assert c.agreement_label == labels[c.agreement]
        previous_end = c.end


@pytest.mark.parametrize("name, agreement, clause_id, start, end, opening", [
    (F000, 1, "preamble", 0, 581, "## **ICML Publication Agreement**\n\nThis is a publication agreement"),
    (F000, 1, "1", 585, 786, "1. By signing this form, you warrant"),
    (F000, 1, "6(a)", 2021, 2207, "(a) The article is original"),
    (F000, 1, "7", 2889, 3286, "7. This is the entire agreement between you and the publisher"),
    (F000, 1, "signatures", 3421, 3566, "I HAVE READ AND AGREE FULLY WITH THE TERMS OF THIS AGREEMENT."),
    (F000, 1, "footnote 1", 3572, 3753, "<sup>1.</sup> The language of this publication agreement"),
    (F001, 1, "6.1", 2078, 2263, "1. The article is original"),
    (F001, 1, "footnote 1", 1846, 2041, "<sup>&</sup>lt;sup>1</sup>The language"),
    (F004, 1, "6.3", 2369, 2911, "3. The article does not libel anyone"),
    (F004, 1, "footnote 1", 1848, 2018, "¹The language of this publication agreement"),
    (F002, 1, "1", 576, 1155, "1 . In exchange for free use"),
    (F002, 3, "7", 9936, 10301, "7. This Agreement is governed by the laws of the State of California"),
    (F003, 7, "signatures", 25219, 25526, "Speaker:"),
])
def test_chosen_clause_offsets(sample_dir, name, agreement, clause_id, start, end, opening):
    c = clause(seg(sample_dir, name), clause_id, agreement)
    assert (c.start, c.end) == (start, end)
    assert c.text.startswith(opening)


def test_clause_text_ends_where_the_next_marker_begins(sample_dir):
    segmented = seg(sample_dir, F000)
    assert clause(segmented, "6").text == "6. You further warrant that:"
    assert clause(segmented, "7").text.endswith("within one year of the date of your signature.")
    assert clause(segmented, "8").text == (
        "8. You also agree that ICML or IMLS may print, sell, and distribute the proceedings, "
        "and post the work on the ICML/IMLS web pages.")


def test_headings_are_first_words_without_markup(sample_dir):
    segmented = seg(sample_dir, F000)
    assert clause(segmented, "preamble").heading == (
        'ICML Publication Agreement This is a publication agreement 1 ("this agreement") regarding')
    assert clause(segmented, "7").heading == "7. This is the entire agreement between you and the publisher, and"


# --- CUAD contracts (shared folder) -------------------------------------------------------

LIGHTBRIDGE = "LIGHTBRIDGECORP_11_23_2015-EX-10.26-STRATEGIC ALLIANCE AGREEMENT.txt"
ALCO = "ALCOSTORESINC_12_14_2005-EX-10.26-AGENCY AGREEMENT.txt"

LIGHTBRIDGE_IDS = [
    "preamble", "1", "1 (part 2)", "1 (part 3)", "2", "2.1", "2.2", "2.3", "2.4", "3", "4", "4.1",
    "4.1(a)", "4.1(b)", "4.1(c)", "4.1(d)", "4.1(e)", "4.2", "4.2(a)", "4.2(b)", "4.2(c)", "4.2(d)", "4.2(e)",
    "4.3", "4.4", "4.5", "5", "5.1", "5.1(a)", "5.1(b)", "5.2", "5.3", "6", "6.1", "6.2", "6.3", "7", "7.1",
    # the filing lost the "Section 7.3" marker; its text stays inside 7.2
    "7.2", "7.4", "7.5", "7.6", "7.7", "7.8", "7.9", "7.10", "signatures",
]


def cuad(shared_dir: Path, name: str) -> SegmentedDocument:
    path = shared_dir / "cuad" / "contracts" / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return segment(load_document(path))


def test_cuad_article_and_section_numbering_gives_dotted_ids(shared_dir):
    segmented = cuad(shared_dir, LIGHTBRIDGE)
    assert ids(segmented) == LIGHTBRIDGE_IDS
    assert clause(segmented, "4").text == "ARTICLE IV  CONFIDENTIALITY"
    assert clause(segmented, "7.10").text.startswith("Section 7.10 Expenses.")
    assert clause(segmented, "4.1(d)").text.startswith("(d) the disclosure is made in accordance with Section 4.3")


def test_cuad_long_clause_is_split_into_labelled_parts(shared_dir):
    segmented = cuad(shared_dir, LIGHTBRIDGE)
    text = segmented.document.text
    parts = [clause(segmented, cid) for cid in ("1", "1 (part 2)", "1 (part 3)")]
    assert [(p.start, p.end) for p in parts] == [(1070, 2151), (2153, 3274), (3276, 3446)]
    assert parts[0].text.startswith("ARTICLE I  DEFINITIONS")
    assert parts[1].text.startswith('"Project" shall mean')
    # the parts together are the whole clause: only whitespace between them
    assert all(not text[a.end:b.start].strip() for a, b in zip(parts, parts[1:]))


@pytest.mark.parametrize("name", [LIGHTBRIDGE, ALCO])
def test_cuad_no_chunk_is_longer_than_max_chars(shared_dir, name):
    segmented = cuad(shared_dir, name)
    text = segmented.document.text
    assert max(len(c.text) for c in segmented.clauses) <= MAX_CHARS
    for c in segmented.clauses:
        assert text[c.start:c.end] == c.text


def test_cuad_section_parts_are_labelled(shared_dir):
    segmented = cuad(shared_dir, ALCO)
    got = [cid for cid in ids(segmented) if cid.startswith("2.01")]
    assert got == ["2.01", "2.01 (part 2)", "2.01 (part 3)", "2.01 (part 4)", "2.01 (part 5)"]
    assert clause(segmented, "2.01").text.startswith("Section 2.01 Equipment Orders.")


def test_cuad_numbered_list_inside_a_section_does_not_hijack_top_level_numbers(shared_dir):
    segmented = cuad(shared_dir, ALCO)
    assert clause(segmented, "3").text == "ARTICLE III TERMINATION"
    assert clause(segmented, "3.01").text == "Section 3.01 Termination."
    assert clause(segmented, "3.01(c)").text.startswith("(c) Any termination under this Section 3.01")


def test_date_only_in_the_opening_lines():
    # no "as of", no "Date:" line, no date near the end: the first date of the head is the date
    text = ("This Agreement is made on January 5, 2020 between Acme Corp and Beta LLC.\n\n"
            "1. Scope. Acme shall supply widgets to Beta as Beta orders them from time to time.\n\n"
            "2. Term. This Agreement runs for two years and renews for one-year terms unless either party "
            "gives notice of non-renewal at least ninety days before the end of the then-current term.\n\n"
            "3. Law. This Agreement is governed by the laws of the State of Delaware, without regard to its "
            "conflict of laws rules, and the courts of Delaware have exclusive jurisdiction over disputes.\n")
    segmented = from_text(text)
    assert segmented.agreements[0].date == "January 5, 2020"
    assert ids(segmented) == ["preamble", "1", "2", "3"]


def test_cuad_contract_with_a_date_only_in_its_head(shared_dir):
    # one of the 53 shared CUAD contracts whose date fallback once raised IndexError
    segmented = cuad(shared_dir, "ALLISONTRANSMISSIONHOLDINGSINC_12_15_2014-EX-99.1-COOPERATION AGREEMENT.txt")
    assert segmented.agreements[0].date == "December 12, 2014"
    assert ids(segmented)[:5] == ["preamble", "preamble (part 2)", "1", "1(a)", "1(b)"]


# --- several agreements in one file, and one agreement with attachments -------------------


def contract(title: str, opening: str, law: str, signer: str) -> str:
    """A short signed contract: title, opening, three numbered clauses, a signature block."""
    return (f"{title}\n\n{opening}\n\n"
            "1. Services. The Supplier shall provide the services described in the order form with due care.\n\n"
            "2. Fees. The Customer shall pay each invoice within thirty days of receiving it.\n\n"
            f"3. Governing Law. This Agreement is governed by the laws of {law}.\n\n"
            "IN WITNESS WHEREOF, the parties have signed this Agreement on the date above.\n\n"
            f"ACME CORP.\nBy: /s/ {signer}\nName: {signer}\nTitle: President\n")


FIRST = contract("SERVICES AGREEMENT", "This Services Agreement is made on May 1, 2023 between Acme Corp. "
                 "(\"Supplier\") and Beta LLC (\"Customer\").", "the State of Texas", "Ann Lee")


@pytest.mark.parametrize("second", [
    # the same title again, opened without "by and between"
    contract("SERVICES AGREEMENT", "This Agreement is made on June 2, 2023 among Acme Corp., Gamma Inc. and "
             "Delta Ltd.", "the State of Ohio", "Bo Chan"),
    # a Markdown title
    contract("# Supply Agreement", "This Supply Agreement is entered into on June 2, 2023 between Acme Corp. "
             "and Gamma Inc.", "the State of Ohio", "Bo Chan"),
    # an opening with no title above it, right after the signatures
    contract("", "This Agreement is made on June 2, 2023 between Acme Corp. and Gamma Inc.", "the State of Ohio",
             "Bo Chan").lstrip(),
])
def test_a_title_or_opening_after_a_signature_block_starts_a_new_agreement(second):
    text = FIRST + "\n" + second
    segmented = from_text(text)
    assert [(a.start, a.end) for a in segmented.agreements] == [(0, len(FIRST) + 1), (len(FIRST) + 1, len(text))]
    assert ids(segmented, 1) == ids(segmented, 2) == ["preamble", "1", "2", "3", "signatures"]
    assert [a.date for a in segmented.agreements] == ["May 1, 2023", "June 2, 2023"]
    assert clause(segmented, "3", 2).text.endswith("the State of Ohio.")


@pytest.mark.parametrize("attachment", [
    "EXHIBIT A\n\nSTATEMENT OF WORK\n\nThis Statement of Work is made on May 1, 2023 under the Services "
    "Agreement between Acme Corp. and Beta LLC.\n\n(a) Install the software.\n(b) Train the staff.\n",
    # an amendment signed later is part of the agreement it amends
    "AMENDMENT NO. 1 TO SERVICES AGREEMENT\n\nThis Amendment No. 1 is made on June 2, 2023 between Acme Corp. "
    "and Beta LLC.\n\n1. Clause 2 is amended to read: the Customer shall pay within sixty days.\n"
    "2. All other terms remain in force.\n",
    # a form of another agreement attached under a schedule label
    "SCHEDULE 1\n\nCONFIDENTIALITY AGREEMENT\n\nThis Confidentiality Agreement is made on May 1, 2023 between "
    "Beta LLC and each of its employees.\n\n1. Each employee keeps the Supplier's information secret.\n",
])
def test_exhibits_schedules_and_amendments_after_the_signatures_stay_in_the_agreement(attachment):
    segmented = from_text(FIRST + "\n" + attachment)
    assert len(segmented.agreements) == 1
    assert clause(segmented, "signatures").text.endswith("Title: President")


@pytest.mark.parametrize("heading, name", [
    ("EXHIBIT A - STATEMENT OF WORK", "Exhibit A"),
    ("Schedule 2: Fees", "Schedule 2"),
    ("AMENDMENT NO. 1 TO SERVICES AGREEMENT", "Amendment No. 1"),
])
def test_attachments_after_the_signatures_get_their_own_clause_ids(heading, name):
    text = FIRST + f"\n{heading}\n\n1. Install the software.\n2. Train the staff.\n"
    segmented = from_text(text)
    assert ids(segmented) == ["preamble", "1", "2", "3", "signatures", name, f"{name} 1", f"{name} 2"]
    assert clause(segmented, f"{name} 2").text == "2. Train the staff."
    assert clause(segmented, "signatures").text.endswith("Title: President")


def test_an_attachment_heading_before_the_signatures_is_a_cross_reference():
    text = FIRST.replace("2. Fees.", "EXHIBIT B\n\n2. Fees.")
    assert "Exhibit B" not in ids(from_text(text))


def test_a_signature_page_before_the_terms_is_not_an_agreement_of_its_own():
    cover = ("RESELLER AGREEMENT\n\nThe terms below and the order form are the entire agreement of the parties.\n\n"
             "ACCEPTED AND AGREED TO BY:\nBy: /s/ Ann Lee\nName: Ann Lee\n\n")
    text = cover + FIRST.replace("SERVICES AGREEMENT\n\nThis Services Agreement is made on May 1, 2023 between",
                                 "This Reseller Agreement is entered into by and between")
    assert len(from_text(text).agreements) == 1


def test_a_sentence_about_the_agreement_does_not_open_one():
    text = FIRST + ("\nNOTICE OF ACCEPTANCE\n\nThis Notice references the Agreement executed on May 1, 2023 by "
                    "and between Acme Corp. and Beta LLC, and confirms delivery.\n")
    assert len(from_text(text).agreements) == 1


def test_parties_listed_under_a_heading():
    text = ("SUPPLY AGREEMENT\n\nPARTIES\n\n(1) Acme Widgets Limited, a company registered in England, of 1 High "
            "Street, Leeds (\"Supplier\"); and\n(2) Beta Retail Ltd, of 2 Low Road, York (\"Buyer\").\n\n"
            "1. Supply. The Supplier shall supply widgets.\n2. Price. The Buyer shall pay the list price.\n")
    (agreement,) = from_text(text).agreements
    assert agreement.parties == ("Acme Widgets Limited", "Beta Retail Ltd", "Supplier", "Buyer")
    assert agreement.label == "Acme Widgets Limited and Beta Retail Ltd"



def test_defined_names_of_things_are_no_parties():
    # each party's defined name ends its description, however long, or spells its initials; the things the
    # recitals define ("the Compound", "the Proposed Transaction") and a role either party plays are not parties
    text = ("MUTUAL CONFIDENTIAL DISCLOSURE AGREEMENT\n\nThis Agreement (this \"Agreement\") is entered into as of "
            "January 8, 2024 (the \"Effective Date\") by and between Calderwood Therapeutics, Inc., a Delaware "
            "corporation having its principal place of business at 450 Kendall Street, Cambridge, Massachusetts "
            "02142 (\"Calderwood\"), and Information System Associates, Inc. (formerly known as Infosys Partners), "
            "a Florida corporation (\"ISA\").\n\nCalderwood is developing CLD-417, an orally administered small "
            "molecule inhibitor (the \"Compound\"), and the Parties wish to evaluate a joint venture in Reeves "
            "County, Texas (the \"Proposed Transaction\"). Information that one Party (the \"Discloser\") "
            "discloses to the other is confidential.\n\n1. Use. The Compound shall be used only to evaluate the "
            "Proposed Transaction.\n2. Term. This Agreement lasts two years.\n")
    (agreement,) = from_text(text).agreements
    assert agreement.parties == ("Calderwood Therapeutics, Inc.", "Information System Associates, Inc.",
                                 "Calderwood", "ISA")


def test_a_role_given_to_a_person_or_a_blank_is_a_party():
    text = ("CONSULTING AGREEMENT\n\nThis Consulting Agreement is entered into by Immunotolerance, Inc., a "
            "Delaware corporation (the \"Company\"), and Alan Crane, an individual (the \"Consultant\"); "
            "and ______________, with its principal place of business at ______________ (\"Distributor\").\n\n"
            "1. Services. The Consultant shall advise the Company.\n2. Fees. The Company shall pay monthly.\n")
    (agreement,) = from_text(text).agreements
    assert {"Company", "Consultant", "Distributor"} <= set(agreement.parties)

# --- text without numbering ----------------------------------------------------------------

NDA = """MUTUAL NONDISCLOSURE AGREEMENT

Acme Corporation and Beta Industries LLC wish to explore a possible business relationship and will exchange \
confidential information for that purpose only. This letter records the terms on which they do so, effective on \
signature by both.

CONFIDENTIALITY

Each party shall keep the other party's confidential information secret, shall use it only to evaluate the \
relationship, and shall disclose it only to employees and advisers who need to know it and are bound by duties \
of confidence at least as strict as these. Confidential information does not include information that is public \
through no fault of the receiving party, or that the receiving party already knew, or that it develops \
independently without use of the other party's information.

Either party may end these discussions at any time by written notice. On request, the receiving party shall \
return or destroy the other party's confidential information and certify that it has done so.

The obligations in this letter survive for three years after the discussions end. This letter is governed by the \
laws of the State of New York.
"""


def test_text_without_numbering_gives_paragraph_chunks():
    segmented = from_text(NDA, "nda.txt")
    (agreement,) = segmented.agreements
    assert agreement.label == "Mutual Nondisclosure Agreement"
    assert [(c.clause_id, c.start, c.end) for c in segmented.clauses] == [
        ("preamble", 0, 270), ("Confidentiality", 272, 781), ("para 3", 783, 1129)]
    for c in segmented.clauses:
        assert NDA[c.start:c.end] == c.text
        assert len(c.text) <= MAX_CHARS
    assert segmented.clauses[1].text.startswith("CONFIDENTIALITY\n\nEach party shall keep")
    assert segmented.clauses[2].text.endswith("laws of the State of New York.")
    # nothing but whitespace falls between chunks
    assert not "".join(NDA[a.end:b.start] for a, b in zip(segmented.clauses, segmented.clauses[1:])).strip()


def test_a_heading_opens_the_paragraph_chunk_it_heads():
    segmented = from_text(NDA, "nda.txt")
    (heading_chunk,) = [c for c in segmented.clauses if "Each party shall keep" in c.text]
    assert heading_chunk.clause_id == "Confidentiality"
    assert heading_chunk.text.startswith("CONFIDENTIALITY\n\nEach party shall keep")


def test_two_markers_are_needed_before_numbering_is_trusted():
    # a single "1." is not a clause structure: the text falls back to paragraphs
    text = ("TERMS\n\nThe supplier shall deliver the goods described in Schedule 1. Payment is due within thirty "
            "days of the invoice.\n\n1. This line is the only numbered line in the whole text.\n")
    segmented = from_text(text)
    assert [c.clause_id for c in segmented.clauses] == ["preamble"]
    assert segmented.clauses[0].text == text.strip()


def test_cross_references_do_not_become_clauses():
    text = ("This Services Agreement is made between Acme Corp and Beta LLC.\n\n"
            "1. Services. Acme shall perform the services.\n"
            "2. Fees. Beta shall pay the fees set out in clause\n"
            "9. of the schedule, monthly in arrears.\n"
            "3. Term. This agreement lasts one year.\n")
    segmented = from_text(text)
    assert ids(segmented) == ["preamble", "1", "2", "3"]
    assert clause(segmented, "2").text == ("2. Fees. Beta shall pay the fees set out in clause\n"
                                           "9. of the schedule, monthly in arrears.")


def test_inline_dotted_numbers_after_a_sentence_end():
    text = ("This Supply Agreement is made between Acme Corp and Beta LLC. 1.1 Supply. Acme supplies parts. "
            "1.2 Price. Beta pays the list price. 2.1 Term. One year.")
    segmented = from_text(text)
    assert ids(segmented) == ["preamble", "1.1", "1.2", "2.1"]
    assert clause(segmented, "1.2").text == "1.2 Price. Beta pays the list price."
    assert re.fullmatch(r"This Supply Agreement .*Beta LLC\.", clause(segmented, "preamble").text)


@pytest.mark.slow
def test_every_shared_cuad_contract_segments_with_exact_offsets(shared_dir):
    paths = sorted((shared_dir / "cuad" / "contracts").glob("*.txt"))
    assert len(paths) == 408
    several = []
    for path in paths:
        segmented = segment(load_document(path))
        text = segmented.document.text
        assert segmented.clauses, path.name
        for c in segmented.clauses:
            assert text[c.start:c.end] == c.text, (path.name, c.clause_id)
            assert 0 < len(c.text.strip()) and len(c.text) <= MAX_CHARS, (path.name, c.clause_id)
        if len(segmented.agreements) > 1:
            several.append(path.name.split("_")[0])
    # each CUAD file is one contract with its exhibits; only these four attach a whole form of another
    # agreement that opens "This ... Agreement ... by and between" (a confidentiality, termination,
    # non-competition or non-use agreement), and that form is an agreement of its own
    assert several == ["AIRTECHINTERNATIONALGROUPINC", "ChinaRealEstateInformationCorp", "GOOSEHEADINSURANCE,INC",
                       "WOMENSGOLFUNLIMITEDINC"]


# --- schedules between the last clause and the execution blocks (English style) ------------

_ENGLISH = """THIS SUPPLY AGREEMENT is dated 1 March 2024

1. SUPPLY

1.1 The Supplier shall supply the Products listed in Schedule 1.

2. GENERAL

2.1 This agreement is governed by the law of Scotland.

SCHEDULE 1 PRODUCTS

(a) Rolled oats, 1 kg bag: GBP 1.10 per bag.

(b) Oat milk, 1 litre carton: GBP 0.85 per carton.

Signed by Ewan Murray, Director, for and on behalf of Tamsin Valley Foods Limited

Signed by Priya Lal, Chief Commercial Officer, for and on behalf of Corrie & Lisle Grocers plc
"""


def test_a_schedule_before_the_execution_blocks_has_its_own_ids_and_the_blocks_stay_signatures():
    segmented = from_text(_ENGLISH)
    # before: the schedule's items were "2.1(a)" and "2.1(b)", and its heading ended clause 2.1
    assert ids(segmented) == ["preamble", "1", "1.1", "2", "2.1", "Schedule 1", "Schedule 1 (a)", "Schedule 1 (b)",
                              "signatures"]
    assert clause(segmented, "2.1").text == "2.1 This agreement is governed by the law of Scotland."
    assert clause(segmented, "Schedule 1").text == "SCHEDULE 1 PRODUCTS"
    item = clause(segmented, "Schedule 1 (b)")
    assert _ENGLISH[item.start:item.end] == "(b) Oat milk, 1 litre carton: GBP 0.85 per carton."
    assert clause(segmented, "signatures").text.startswith("Signed by Ewan Murray, Director,")


@pytest.mark.parametrize("text", [
    # a clause numbered after the heading continues the body: the heading was one of its lines
    _ENGLISH.replace("SCHEDULE 1 PRODUCTS", "SCHEDULE 1 PRODUCTS\n\n3. PRICES\n\n3.1 Prices are fixed."),
    # a list of the schedules' names, with no text of their own
    _ENGLISH.replace("SCHEDULE 1 PRODUCTS\n\n(a) Rolled oats, 1 kg bag: GBP 1.10 per bag.\n\n(b) Oat milk, 1 litre "
                     "carton: GBP 0.85 per carton.", "SCHEDULE 1 PRODUCTS\nSCHEDULE 2 PRICES"),
    # prose after the signing line: it is no execution block that ends the agreement
    _ENGLISH + "\n" + "The parties further agree to the terms set out in the attached letter. " * 20,
])
def test_a_schedule_heading_before_signatures_is_read_as_one_only_when_it_can_be(text):
    assert not [i for i in ids(from_text(text)) if i.startswith("Schedule")]
