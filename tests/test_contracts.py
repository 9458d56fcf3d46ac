"""Contracts of other kinds (tests/contracts/): exact segmentation, and answers that cite exact clauses."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from assistant.framing import asked_topic, plain_text
from index.loaders import load_document
from index.segment import MAX_CHARS, segment
from index.types import SegmentedDocument

CONTRACTS = Path(__file__).resolve().parent / "contracts"
NDA = "nda_acme_birch.txt"
LICENCE = "licence_northwind_quill.md"
SERVICES = "services_harbor_kestrel.txt"
TWO = "lease_and_consulting.txt"  # an equipment lease, then a consulting agreement
SAAS = "saas_orbit_fenwick.txt"  # a software subscription: numbered 1.1-style clauses under capitalised headings
EMPLOYMENT = "employment_halden_ruiz.txt"  # an employment contract: a company and a person, "the Company"
SUPPLY = "supply_tamsin_corrie.txt"  # an English-style supply agreement: "(1)"/"(2)" parties, a schedule, "Signed by" lines
DISTRIBUTION = "distribution_vantor_selk.txt"  # "Section 1." clauses, signature blocks side by side, a Dutch name
FILES = (NDA, LICENCE, SERVICES, TWO, SAAS, EMPLOYMENT, SUPPLY, DISTRIBUTION)

_cache: dict[str, SegmentedDocument] = {}


def seg(name: str) -> SegmentedDocument:
    if name not in _cache:
        _cache[name] = segment(load_document(CONTRACTS / name))
    return _cache[name]


def ids(segmented: SegmentedDocument, agreement: int = 1) -> list[str]:
    return [c.clause_id for c in segmented.clauses if c.agreement == agreement]


def clause(segmented: SegmentedDocument, clause_id: str, agreement: int = 1):
    (found,) = [c for c in segmented.clauses if c.agreement == agreement and c.clause_id == clause_id]
    return found


# --- agreements ---------------------------------------------------------------------------


@pytest.mark.parametrize("name, count", [(NDA, 1), (LICENCE, 1), (SERVICES, 1), (TWO, 2), (SAAS, 1), (EMPLOYMENT, 1),
                                         (SUPPLY, 1), (DISTRIBUTION, 1)])
def test_agreement_count_per_file(name, count):
    assert len(seg(name).agreements) == count


def test_second_agreement_without_by_and_between_starts_at_its_title():
    segmented = seg(TWO)
    text = segmented.document.text
    assert [(a.start, a.end) for a in segmented.agreements] == [(0, 1538), (1538, 3127)]
    assert text[1538:].startswith("CONSULTING AGREEMENT\n\nThis Agreement is made on 3 June 2024 among")
    # the lease keeps its own signature block; nothing of it leaks into the consulting agreement
    assert text[:1538].rstrip().endswith("Title: President")


@pytest.mark.parametrize("name, number, label, parties, date, kind", [
    (NDA, 1, "Acme Robotics, Inc. and Birch Analytics LLC",
     # "the Discloser" is a role either party plays, defined in clause 2, not a third party's name
     ("Acme Robotics, Inc.", "Birch Analytics LLC", "Acme", "Birch"), "March 4, 2024",
     "MUTUAL NON-DISCLOSURE AGREEMENT"),
    # parties listed as "(1) ... (2) ..." under a Parties heading, then the short names they are given
    (LICENCE, 1, "Northwind Software Limited and Quillfeather Publishing Ltd",
     ("Northwind Software Limited", "Quillfeather Publishing Ltd", "Licensor", "Licensee"), "12 January 2024",
     "Software Licence Agreement"),
    (SERVICES, 1, "Harbor Point Logistics Corp. and Kestrel Consulting Group LLC",
     ("Harbor Point Logistics Corp.", "Kestrel Consulting Group LLC", "Client", "Consultant"), "September 1, 2023",
     "PROFESSIONAL SERVICES AGREEMENT"),
    (TWO, 1, "Lumen Equipment Rentals LLC and Granite Peak Builders Inc.",
     ("Lumen Equipment Rentals LLC", "Granite Peak Builders Inc.", "Lessor", "Lessee"), "February 1, 2024",
     "EQUIPMENT LEASE AGREEMENT"),
    # three parties "among" one another; the date is the one the opening states, not a signing date
    (TWO, 2, "Orchid Biotech Ltd and Dr. Helena Marsh",
     ("Orchid Biotech Ltd", "Dr. Helena Marsh", "Maple Ridge Ventures Inc.", "Orchid", "Consultant", "Maple Ridge"),
     "3 June 2024", "CONSULTING AGREEMENT"),
    (SAAS, 1, "Orbit Ledger Systems, Inc. and Fenwick & Hale Retail Ltd.",
     ("Orbit Ledger Systems, Inc.", "Fenwick & Hale Retail Ltd.", "Customer"), "March 3, 2025",
     "SOFTWARE SUBSCRIPTION AGREEMENT"),
    (EMPLOYMENT, 1, "Halden Robotics GmbH and Sofia Ruiz", ("Halden Robotics GmbH", "Sofia Ruiz", "Company", "Employee"),
     "6 January 2025", "EMPLOYMENT AGREEMENT"),
    # "THIS SUPPLY AGREEMENT is dated ...": the kind is read from the capitals (it was "")
    (SUPPLY, 1, "Tamsin Valley Foods Limited and Corrie & Lisle Grocers plc",
     ("Tamsin Valley Foods Limited", "Corrie & Lisle Grocers plc", "Supplier", "Buyer"), "14 January 2023",
     "SUPPLY AGREEMENT"),
])
def test_agreement_label_parties_date_kind(name, number, label, parties, date, kind):
    agreement = seg(name).agreements[number - 1]
    assert (agreement.number, agreement.label, agreement.parties, agreement.date, agreement.kind) == \
        (number, label, parties, date, kind)
    assert agreement.title == ""


# --- clause ids ---------------------------------------------------------------------------

CLAUSE_IDS = {
    (NDA, 1): ["preamble", "1", "2", "2(a)", "2(b)", "2(c)", "3", "4", "5", "6", "7", "8", "9", "10", "11",
               "signatures"],
    # "## 1. Definitions" heads clauses 1.1 and 1.2
    (LICENCE, 1): ["preamble", "1", "1.1", "1.2", "2", "2.1", "2.2", "3", "3.1", "3.2", "4", "4.1", "5", "5.1",
                   "6", "6.1", "6.2", "7", "7.1", "7.2", "8", "8.1", "9", "9.1", "signatures"],
    # "ARTICLE IV" is 4 and "Section 4.5" is 4.5; the exhibit after the signatures has its own ids
    (SERVICES, 1): ["preamble", "1", "1.1", "1.2", "2", "2.1", "2.2", "2.3", "3", "3.1", "3.2", "3.3", "4", "4.1",
                    "4.2", "4.3", "4.4", "4.5", "signatures", "Exhibit A", "Exhibit A (a)", "Exhibit A (b)",
                    "Exhibit A (c)"],
    (TWO, 1): ["preamble", "1", "2", "3", "4", "5", "6", "7", "8", "signatures"],
    # numbering starts again at 1 in the second agreement: no "8.1" carried over from the lease
    (TWO, 2): ["preamble", "1", "1.1", "1.2", "2", "2.1", "3", "3.1", "3.2", "4", "4.1", "5", "5.1", "5.2",
               "signatures"],
    # "1. DEFINITIONS" heads 1.1-1.3, each on a line of its own
    (SAAS, 1): ["preamble", "1", "1.1", "1.2", "1.3", "2", "2.1", "2.2", "3", "3.1", "3.2", "3.3", "4", "4.1", "4.2",
                "5", "5.1", "5.2", "6", "6.1", "6.2", "7", "7.1", "7.2", "7.3", "8", "8.1", "8.2", "9", "9.1", "9.2",
                "10", "10.1", "10.2", "11", "11.1", "11.2", "11.3", "signatures"],
    (EMPLOYMENT, 1): ["preamble", "1", "1.1", "1.2", "2", "2.1", "2.2", "3", "3.1", "3.2", "3.3", "4", "4.1", "4.2", "5",
                      "5.1", "5.2", "5.3", "6", "6.1", "7", "7.1", "8", "8.1", "8.2", "9", "9.1", "signatures"],
    # the schedule stands between the last clause and the "Signed by" lines (its items were "10.2(a)"-"10.2(c)")
    (SUPPLY, 1): ["preamble", "1", "1.1", "1.2", "1.3", "2", "2.1", "2.2", "2.3", "3", "3.1", "3.2", "3.3", "4", "4.1",
                  "4.2", "4.3", "5", "5.1", "5.2", "6", "6.1", "7", "7.1", "7.2", "8", "8.1", "8.2", "9", "9.1", "10",
                  "10.1", "10.2", "Schedule 1", "Schedule 1 (a)", "Schedule 1 (b)", "Schedule 1 (c)", "signatures"],
}


@pytest.mark.parametrize("name, agreement", list(CLAUSE_IDS))
def test_clause_ids_in_order(name, agreement):
    assert ids(seg(name), agreement) == CLAUSE_IDS[(name, agreement)]


# --- offsets ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_every_clause_is_its_exact_slice_of_the_text(name):
    segmented = seg(name)
    text = segmented.document.text
    bounds = {a.number: (a.start, a.end) for a in segmented.agreements}
    previous_end = 0
    for c in segmented.clauses:
        assert text[c.start:c.end] == c.text, c.clause_id
        assert c.content_hash == hashlib.sha256(c.text.encode("utf-8")).hexdigest()[:16]
        assert previous_end <= c.start < c.end <= bounds[c.agreement][1]
        assert c.start >= bounds[c.agreement][0]
        assert 0 < len(c.text.strip()) and len(c.text) <= MAX_CHARS
        previous_end = c.end
    # only whitespace and Markdown heading marks fall between clauses: no words are lost
    gaps = "".join(text[a.end:b.start] for a, b in zip(segmented.clauses, segmented.clauses[1:]))
    assert not gaps.replace("#", "").strip()


@pytest.mark.parametrize("name, agreement, clause_id, start, end, opening", [
    (NDA, 1, "preamble", 0, 473, "MUTUAL NON-DISCLOSURE AGREEMENT\n\nThis Mutual Non-Disclosure Agreement"),
    (NDA, 1, "2(b)", 1020, 1097, "(b) the Recipient knew before the disclosure"),
    (NDA, 1, "7", 2076, 2348, "7. Term and Termination. This Agreement runs for two (2) years"),
    (NDA, 1, "10", 2734, 2980, "10. Governing Law. This Agreement is governed by the laws of the State of Delaware"),
    (NDA, 1, "signatures", 3135, 3435, "IN WITNESS WHEREOF, the Parties have signed this Agreement"),
    (LICENCE, 1, "preamble", 0, 440, "# Software Licence Agreement\n\n**Date:** 12 January 2024"),
    (LICENCE, 1, "3.1", 1103, 1248, "3.1 The Licensee shall pay an annual licence fee of GBP 24,000"),
    (LICENCE, 1, "7.1", 2247, 2413, "7.1 The Licensee shall not assign, sub-license or otherwise transfer"),
    (LICENCE, 1, "9", 2681, 2697, "9. Governing Law"),
    (LICENCE, 1, "9.1", 2699, 2860, "9.1 This Agreement and any dispute arising from it are governed by the law of"),
    (LICENCE, 1, "signatures", 2862, 3146, "Signed for and on behalf of Northwind Software Limited"),
    (SERVICES, 1, "3.2", 1255, 1402, "Section 3.2 Termination for Convenience."),
    (SERVICES, 1, "4", 1580, 1598, "ARTICLE IV\nGENERAL"),
    (SERVICES, 1, "4.5", 2239, 2415, "Section 4.5 Governing Law. This Agreement is governed by the laws of the State"),
    (SERVICES, 1, "signatures", 2417, 2711, "IN WITNESS WHEREOF, the parties have executed this Agreement"),
    (SERVICES, 1, "Exhibit A", 2713, 2909, "EXHIBIT A\nSTATEMENT OF WORK\n\nThis Statement of Work is made under"),
    (SERVICES, 1, "Exhibit A (b)", 2993, 3079, "(b) A written route-planning report"),
    (TWO, 1, "preamble", 0, 262, "EQUIPMENT LEASE AGREEMENT\n\nThis Equipment Lease Agreement"),
    (TWO, 1, "3", 474, 648, "3. Rent. Lessee shall pay rent of USD 6,200 per month"),
    (TWO, 1, "8", 1181, 1259, "8. Governing Law. This Lease is governed by the laws of the State of Colorado."),
    (TWO, 1, "signatures", 1261, 1536, "IN WITNESS WHEREOF, the parties have executed this Lease"),
    (TWO, 2, "preamble", 1538, 1775, "CONSULTING AGREEMENT\n\nThis Agreement is made on 3 June 2024 among"),
    (TWO, 2, "1.1", 1792, 1934, "1.1 Orchid engages the Consultant"),
    (TWO, 2, "3", 2190, 2234, "3. Confidentiality and Intellectual Property"),
    (TWO, 2, "5.2", 2774, 2892, "5.2 This Agreement is governed by the laws of the Province of Ontario"),
    (TWO, 2, "signatures", 2894, 3126, "Signed:\n\nORCHID BIOTECH LTD\nBy: /s/ Nadia Kowalski"),
    (SUPPLY, 1, "10.2", 4189, 4413, "10.2 This agreement is governed by the law of Scotland"),
    (SUPPLY, 1, "Schedule 1", 4415, 4445, "SCHEDULE 1 PRODUCTS AND PRICES"),
    (SUPPLY, 1, "Schedule 1 (b)", 4493, 4543, "(b) Oat milk, 1 litre carton: GBP 0.85 per carton."),
    (SUPPLY, 1, "signatures", 4591, 4768, "Signed by Ewan Murray, Director, for and on behalf of Tamsin Valley Foods"),
])
def test_chosen_clause_offsets(name, agreement, clause_id, start, end, opening):
    c = clause(seg(name), clause_id, agreement)
    assert (c.start, c.end) == (start, end)
    assert c.text.startswith(opening)
    assert seg(name).document.text[start:end] == c.text


def test_signature_blocks_hold_every_signatory():
    nda = clause(seg(NDA), "signatures").text
    assert nda.endswith("Name: Priya Raman\nTitle: Managing Member\nDate: March 5, 2024")
    assert "Name: Daniel Okafor" in nda
    consulting = clause(seg(TWO), "signatures", 2).text
    assert [n for n in ("Nadia Kowalski", "Helena Marsh", "Simon Achebe") if n in consulting] == \
        ["Nadia Kowalski", "Helena Marsh", "Simon Achebe"]


def test_signed_by_lines_are_blocks_of_signer_title_and_party():
    # "Signed by <name>, <title>, for and on behalf of <party>": one line, one block (none was read)
    from index.signature_blocks import signature_blocks

    blocks = signature_blocks(seg(SUPPLY).clauses)
    text = seg(SUPPLY).document.text
    assert [(b.signer.text, b.signer.role, b.party.text) for b in blocks] == [
        ("Ewan Murray", "Director", "Tamsin Valley Foods Limited"),
        ("Priya Lal", "Chief Commercial Officer", "Corrie & Lisle Grocers plc")]
    assert [(text[b.signer.start:b.signer.end], text[b.party.start:b.party.end]) for b in blocks] == [
        ("Ewan Murray", "Tamsin Valley Foods Limited"), ("Priya Lal", "Corrie & Lisle Grocers plc")]


@pytest.mark.parametrize("line, signer, role, party", [
    ("Executed as a deed by Acme Holdings Limited acting by Jane Roe, a director", "Jane Roe", "director",
     "Acme Holdings Limited"),
    ("Signed by Jane Roe for and on behalf of Acme Holdings Limited", "Jane Roe", "", "Acme Holdings Limited"),
])
def test_other_one_line_execution_clauses_are_blocks(line, signer, role, party):
    from index.signature_blocks import signature_blocks
    from index.types import Clause

    body = f"IN WITNESS WHEREOF the parties have signed this agreement.\n\n{line}\n"
    (block,) = signature_blocks([Clause(file="f.txt", agreement=1, agreement_label="A", clause_id="signatures",
                                        heading="", start=0, end=len(body), text=body, content_hash="x")])
    assert (block.signer.text, block.signer.role, block.party.text) == (signer, role, party)


@pytest.mark.parametrize("body, blocks", [
    # a middle initial is part of the name: "Margaret L. Osei" was no signer at all
    ("ACME ROBOTICS, INC.\n\nBy: /s/ Margaret L. Osei\nName: Margaret L. Osei\nTitle: General Counsel\n",
     [("Margaret L. Osei", "General Counsel", "ACME ROBOTICS, INC.")]),
    # a label set apart from its value by spaces is one field: "/s/ Daniel R. Whitcomb" was read as the party
    ("RED MESA ENERGY PARTNERS, LLC\n\nBy:    /s/ Daniel R. Whitcomb\nName:  Daniel R. Whitcomb\n"
     "Title: Executive Vice President\n",
     [("Daniel R. Whitcomb", "Executive Vice President", "RED MESA ENERGY PARTNERS, LLC")]),
])
def test_signers_with_initials_and_spaced_fields_are_read(body, blocks):
    from index.signature_blocks import signature_blocks
    from index.types import Clause

    text = f"IN WITNESS WHEREOF the parties have signed this agreement.\n\n{body}"
    read = signature_blocks([Clause(file="f.txt", agreement=1, agreement_label="A", clause_id="signatures",
                                    heading="", start=0, end=len(text), text=text, content_hash="x")])
    assert [(b.signer.text, b.signer.role, b.party.text) for b in read] == blocks
    assert [text[b.signer.start:b.signer.end] for b in read] == [signer for signer, _, _ in blocks]


def test_a_party_name_wrapped_onto_the_next_line_is_one_name():
    from index.agreements import split_agreements

    text = ("MUTUAL NON-DISCLOSURE AGREEMENT\n\n"
            "This Mutual Non-Disclosure Agreement (this \"Agreement\") is entered into as\n"
            "of March 4, 2021 (the \"Effective Date\") by and between Aldermoor\n"
            "Semiconductor Corporation, a Delaware corporation having its principal place\n"
            "of business at 4100 Orchard Parkway, San Jose, California 95134\n"
            "(\"Aldermoor\"), and Kestrel Photonics Limited, a company incorporated in\n"
            "England and Wales having its registered office at Cambridge, United\n"
            "Kingdom (\"Kestrel\").\n\n1. Definitions.\n")
    (agreement,) = split_agreements(text, "nda.txt")
    assert agreement.label == "Aldermoor Semiconductor Corporation and Kestrel Photonics Limited"
    assert agreement.parties == ("Aldermoor Semiconductor Corporation", "Kestrel Photonics Limited", "Aldermoor",
                                 "Kestrel")


def test_an_opening_without_between_names_the_organisation_it_defines():
    from index.agreements import split_agreements

    text = ("EMPLOYEE CONFIDENTIAL INFORMATION AND INVENTION ASSIGNMENT AGREEMENT\n\n"
            "As a condition of my employment with Quillon Robotics, Inc., a Delaware corporation (together with its "
            "subsidiaries, successors and assigns, the \"Company\"), and in consideration of my employment, I, the "
            "undersigned employee, agree to the following:\n\n1. Confidential Information.\n")
    (agreement,) = split_agreements(text, "employee.txt")
    assert (agreement.label, agreement.parties) == ("Quillon Robotics, Inc.", ("Quillon Robotics, Inc.",))


def test_a_letter_agreements_parties_are_its_letterhead_and_its_addressee():
    from index.agreements import split_agreements

    text = ("BRIGHTWATER PROVISIONS, INC.\n1180 Commerce Drive\nGreen Bay, Wisconsin 54304\n\nJune 17, 2019\n\n"
            "PERSONAL AND CONFIDENTIAL\n\nCardinal Ridge Capital Partners IV, L.P.\n"
            "c/o Cardinal Ridge Capital Management LLC\n200 Clarendon Street\nBoston, Massachusetts 02116\n\n"
            "Ladies and Gentlemen:\n\nIn connection with your consideration of a possible negotiated transaction "
            "(the \"Possible Transaction\") involving Brightwater Provisions, Inc. (together with its subsidiaries, "
            "the \"Company\"), the Company is prepared to make available to you certain information.\n\n"
            "1. Evaluation Material.\n")
    (agreement,) = split_agreements(text, "letter.txt")
    # not "Possible Transaction", a defined name the letter gives a thing
    assert agreement.parties == ("Brightwater Provisions, Inc.", "Cardinal Ridge Capital Partners IV, L.P.")
    assert agreement.label == "Brightwater Provisions, Inc. and Cardinal Ridge Capital Partners IV, L.P."


def test_exhibit_after_the_signatures_is_part_of_the_same_agreement():
    # "This Statement of Work is made under the ... Agreement dated ... between" opens no new agreement
    segmented = seg(SERVICES)
    assert len(segmented.agreements) == 1
    assert clause(segmented, "signatures").text.endswith("Name: Marcus Bell\nTitle: Managing Partner")
    assert clause(segmented, "4.5").text.endswith("courts located in New York County.")


# --- answers through the public API (real default model) ----------------------------------


@pytest.fixture(scope="module")
def qa(tmp_path_factory):
    """The real default model over tests/contracts, built once for the module."""
    from assistant import Assistant

    return Assistant.from_paths([str(CONTRACTS)], index_dir=str(tmp_path_factory.mktemp("contracts-idx")))


@pytest.mark.slow
@pytest.mark.parametrize("question, file, agreement_number, clause_id, quoted", [
    ("Which law governs the NDA between Acme and Birch?", NDA, 1, "10", "State of Delaware"),
    ("How long do confidentiality obligations survive under the NDA between Acme and Birch?",
     NDA, 1, "7", "survive for three (3) years"),
    ("Who signed for Birch?", NDA, 1, "signatures", "Priya Raman"),
    # "the NDA" names the Mutual Non-Disclosure Agreement (its kind's initials); "any licence" is asked
    # about, and names not the Software Licence Agreement
    ("Does the NDA grant any licence to patents?", NDA, 1, "6", "Nothing in this Agreement grants either Party any licence"),
    ("Can the licensee assign the licence?", LICENCE, 1, "7.1", "shall not assign"),
    ("What annual licence fee does Quillfeather pay Northwind?", LICENCE, 1, "3.1", "GBP 24,000"),
    ("Which law governs the software licence agreement?", LICENCE, 1, "9.1", "law of England and Wales"),
    ("How much notice must Harbor Point give to terminate the services agreement for convenience?",
     SERVICES, 1, "3.2", "sixty (60) days"),
    ("What monthly fee does Harbor Point pay Kestrel?", SERVICES, 1, "2.1", "USD 18,500"),
    ("What is the monthly rent for the excavator?", TWO, 1, "3", "USD 6,200 per month"),
    # a tenant asks about subletting; the lease forbids a "sublease" (it was refused)
    ("Can the lessee sublet?", TWO, 1, "7", "Lessee shall not sublease the Equipment"),
    # the lease says "excavator" once, where it defines the Equipment, and then only "the Equipment";
    # the opening definition was quoted for both, and the first was refused
    ("Can Granite Peak sublet the excavator?", TWO, 1, "7", "Lessee shall not sublease the Equipment"),
    ("When is the lessor allowed to take the excavator back?", TWO, 1, "6", "repossess the Equipment"),
    # "Inkwell" is said only where the licence defines the Software (it was refused)
    ("Can Quillfeather make copies of Inkwell?", LICENCE, 1, "2.2", "shall not copy, modify, decompile"),
    ("Which law governs the consulting agreement with Orchid Biotech?", TWO, 2, "5.2", "Province of Ontario"),
    ("Who are the parties to the consulting agreement?", TWO, 2, "preamble", "Orchid Biotech Ltd"),
    # "the consulting agreement" is the Consulting Agreement, whose party is "the Consultant"; not the
    # services agreement of "Kestrel Consulting Group LLC", whose notices clause was quoted first
    ("How are notices given under the consulting agreement?", TWO, 2, "5.1", "Notices shall be sent by email"),
    # the subscription: its words and the question's differ ("each year" / "annual", "cap" / "shall not
    # exceed", "raise its prices" / "increase the fees"); the last two were refused, the first quoted nothing
    ("How much does Fenwick & Hale pay each year?", SAAS, 1, "3.1", "annual subscription fee of EUR 42,000"),
    ("What is the cap on liability in the subscription agreement?", SAAS, 1, "10.2", "shall not exceed the fees paid"),
    ("Can Orbit Ledger raise its prices?", SAAS, 1, "3.3", "Provider may increase the fees"),
    ("How quickly must Orbit Ledger report a data breach?", SAAS, 1, "7.2", "within seventy-two (72) hours"),
    # title as ownership is a clause's, not the name the opening gives (the title line was quoted first)
    ("Who retains title to Customer Data under the subscription agreement?", SAAS, 1, "8.1",
     "Customer retains all right, title and interest in Customer Data."),
    ("Who keeps right, title and interest in the Service under the subscription agreement?", SAAS, 1, "8.1",
     "Provider retains all right, title and interest in the Service."),
    # the employment contract: "owns" / "belong to" (it was refused)
    ("Who owns Sofia Ruiz's inventions?", EMPLOYMENT, 1, "7.1", "belong to the Company"),
    ("How many days of holiday does Sofia Ruiz get?", EMPLOYMENT, 1, "4.2", "thirty (30) working days of paid holiday"),
    ("Which courts have jurisdiction over the employment agreement?", EMPLOYMENT, 1, "9.1", "labour courts of Munich"),
    ("How many hours a week does Sofia Ruiz work?", EMPLOYMENT, 1, "4.1", "forty (40) hours per week"),
    # to quit is to end one's employment (it was refused: "no clause about much, notice, quit")
    ("How much notice must Sofia Ruiz give to quit?", EMPLOYMENT, 1, "5.1", "three (3) months' written notice"),
])
def test_answer_cites_the_exact_clause(qa, question, file, agreement_number, clause_id, quoted):
    answer = qa.ask(question)
    assert answer.found is True
    assert answer.citations, answer.text
    first = answer.citations[0]
    assert (first.file, first.agreement_number, first.clause) == (file, agreement_number, clause_id), answer.text
    assert quoted in first.quote
    text = qa.document_text(first.file)
    assert text[first.start:first.end] == first.quote
    assert text[first.clause_start:first.clause_start + len(first.clause_text)] == first.clause_text


@pytest.mark.slow
@pytest.mark.parametrize("typed, file, agreement_number, clause_id, quoted", [
    ("How many hours a week does Sofia Ruiz work", EMPLOYMENT, 1, "4.1", "forty (40) hours per week"),
    ("How much does Fenwick & Hale pay each year", SAAS, 1, "3.1", "annual subscription fee of EUR 42,000"),
    ("who is the lease between", TWO, 1, "preamble", "Granite Peak"),
    # several marks read as one: with "??" the first quoted the term's clause 3.1, the second was refused
    ("When must notice of termination be given under the services agreement??", SERVICES, 1, "3.2",
     "sixty (60) days' prior written notice"),
    ("What position does Priya Lal hold??", SUPPLY, 1, "signatures", "Signed by Priya Lal, Chief Commercial Officer"),
])
def test_a_question_typed_without_its_question_mark_or_with_several_cites_the_clause(qa, typed, file, agreement_number,
                                                                                     clause_id, quoted):
    """The first three were refused without their "?" (read as a phrase, the "found" probability fell
    under the cut)."""
    first = first_citation(qa, typed)
    assert (first.file, first.agreement_number, first.clause) == (file, agreement_number, clause_id)
    assert quoted in first.quote


@pytest.mark.slow
@pytest.mark.parametrize("typed, file, clause_id, quoted", [
    ("Who owns Sofia Ruiz's invenitons?", EMPLOYMENT, "7.1", "belong to the Company"),
    ("Who is the lease betewen?", TWO, "preamble", "Granite Peak Builders Inc."),
    ("Which courts have jurisdcition over the employment agreement?", EMPLOYMENT, "9.1", "labour courts of Munich"),
    ("Who has an agremeent with Birch Analytics?", NDA, "preamble", "Birch Analytics LLC"),
    # a capitalised defined term or a word of a name
    ("Who is the Licesnee?", LICENCE, "preamble", "(2) Quillfeather Publishing Ltd"),
    ("What does Softawre mean in the licence?", LICENCE, "1.1", '"Software" means the Inkwell'),
    ("Who signed as Presdient?", TWO, "signatures", "By: /s/ Owen Fitzgerald"),
    ("Where is Halden Roboitcs based?", EMPLOYMENT, "preamble", "is between Halden"),
])
def test_a_typing_slip_is_read_as_the_word_the_agreements_use(qa, typed, file, clause_id, quoted):
    """Each slip was a word no clause holds: all but the courts' question were refused."""
    first = first_citation(qa, typed)
    assert (first.file, first.clause) == (file, clause_id) and quoted in first.quote


def found_first(qa, question: str, files=None):
    """A found answer (asked of `files`) and its first citation."""
    answer = qa.ask(question, files=files)
    assert answer.found is True, answer.text
    return answer, answer.citations[0]


def first_citation(qa, question: str):
    """The first citation of a found answer, checked to quote its document's exact characters."""
    answer, first = found_first(qa, question)
    assert qa.document_text(first.file)[first.start:first.end] == first.quote, answer.text
    return first


@pytest.mark.slow
@pytest.mark.parametrize("question, file, clause_id, quoted", [
    ("Who are the parties to the supply agreement?", SUPPLY, "preamble", "Tamsin Valley Foods Limited"),
    ("Who signed the NDA?", NDA, "signatures", "By: /s/ Daniel Okafor"),
    ("Who owns Sofia Ruiz's inventions?", EMPLOYMENT, "7.1", "belong to the Company"),
    ("Who keeps right, title and interest in the Service under the subscription agreement?", SAAS, "8.1",
     "Provider retains all right, title and interest in the Service."),
])
def test_a_question_after_a_sentence_setting_the_scene_is_answered_as_asked_alone(qa, question, file, clause_id,
                                                                                   quoted):
    """Each was refused behind this sentence: "signed" asked for signature blocks, "renewal" and "deal" were
    words the clause had to hold."""
    assert_answered_as_alone(qa, question, "We signed this deal last year and renewal is coming up. " + question,
                             file, clause_id, quoted)


@pytest.mark.slow
@pytest.mark.parametrize("question, file, clause_id, quoted", [
    ("Does the NDA allow disclosure to advisers?", NDA, "3", "employees and advisers who need to know it"),
    ("How quickly must Orbit Ledger report a data breach?", SAAS, "7.2", "within seventy-two (72) hours"),
    ("Where is Halden Robotics based?", EMPLOYMENT, "preamble", "Halden Robotics GmbH"),
    ("Can Granite Peak sublet the excavator?", TWO, "7", "Lessee shall not sublease the Equipment"),
])
def test_a_question_before_a_sentence_saying_why_is_answered_as_asked_alone(qa, question, file, clause_id, quoted):
    """Each was refused before this sentence: "renegotiate", "asking" and "side" were words the clause had to
    hold."""
    assert_answered_as_alone(qa, question, question + " Asking because the other side wants to renegotiate.",
                             file, clause_id, quoted)


def assert_answered_as_alone(qa, question: str, typed: str, file: str, clause_id: str, quoted: str) -> None:
    """`typed` (the question with something said around it) is found, cites exactly what the question asked
    alone cites, first `quoted` in clause `clause_id` of `file`, and reads as the question alone."""
    alone = qa.ask(question)
    answer = qa.ask(typed)
    assert answer.found is True, answer.text
    assert [(c.file, c.clause, c.start, c.end) for c in answer.citations] == \
        [(c.file, c.clause, c.start, c.end) for c in alone.citations]
    first = answer.citations[0]
    assert (first.file, first.clause) == (file, clause_id) and quoted in first.quote
    assert answer.standalone_question == question


@pytest.mark.slow
@pytest.mark.parametrize("file, clause_id, quoted", [
    (NDA, "7", "This Agreement runs for two (2) years from the Effective Date."),
    (SAAS, "4.1", "The initial Subscription Term is three (3) years"),
    (SUPPLY, "8.1", "continues for two (2) years"),
    (DISTRIBUTION, "9", "The initial term of this Agreement is five (5) years"),
])
def test_a_keyword_asks_what_its_kind_asks(qa, file, clause_id, quoted):
    """"Expiration Date" typed as into a search box quoted each agreement's opening, which dates it."""
    answer, first = found_first(qa, "Expiration Date", files=[file])
    assert (first.file, first.clause) == (file, clause_id) and quoted in first.quote
    assert qa.document_text(file)[first.start:first.end] == first.quote
    assert answer.answered_as == "When does this agreement expire or its initial term end?"


@pytest.mark.slow
@pytest.mark.parametrize("file, topic, clause_id, quoted", [
    (NDA, "Governing Law", "10", "This Agreement is governed by the laws of the State of Delaware"),
    (NDA, "Expiration Date", "7", "This Agreement runs for two (2) years from the Effective Date."),
    (SAAS, "Expiration Date", "4.1", "The initial Subscription Term is three (3) years"),
    (DISTRIBUTION, "Expiration Date", "9", "The initial term of this Agreement is five (5) years"),
    (LICENCE, "License Grant", "2.1", "The Licensor grants the Licensee a non-exclusive, non-transferable licence"),
])
def test_a_review_request_for_the_passages_about_a_topic_asks_the_topic(qa, file, topic, clause_id, quoted):
    """A contract review's request ("Highlight the parts (if any) of this contract related to ...") quoted the
    agreement's opening, and the licence's assignment clause for its grant: the request's words were read as
    what the clause had to hold."""
    answer, first = found_first(qa, f'Highlight the parts (if any) of this contract related to "{topic}" that should '
                                    f'be reviewed by a lawyer.', files=[file])
    assert (first.file, first.clause) == (file, clause_id) and quoted in first.quote, answer.text
    assert qa.document_text(file)[first.start:first.end] == first.quote


@pytest.mark.slow
@pytest.mark.parametrize("question, file, clause_id, quoted", [
    ("In the Mutual Non-Disclosure Agreement between Acme Robotics and Birch Analytics: Expiration Date", NDA, "7",
     "This Agreement runs for two (2) years from the Effective Date."),
    ("In the Software Subscription Agreement between Orbit and Fenwick: Expiration Date", SAAS, "4.1",
     "The initial Subscription Term is three (3) years"),
    # a review's request after the lead-in asks its topic, as it does alone
    ('In the Mutual Non-Disclosure Agreement between Acme Robotics and Birch Analytics: Highlight the parts (if any) '
     'of this contract related to "Expiration Date" that should be reviewed by a lawyer.', NDA, "7",
     "This Agreement runs for two (2) years from the Effective Date."),
])
def test_a_question_after_a_lead_in_naming_the_agreement_is_asked_again_in_its_kinds_words(qa, question, file,
                                                                                          clause_id, quoted):
    """Asked in its kind's words, a question after a naming lead-in ("In the X between A and B: ...") was asked in
    its own words again: the lead-in's question stood in for the kind's, so the keyword quoted the opening."""
    answer, first = found_first(qa, question)
    assert (first.file, first.clause) == (file, clause_id) and quoted in first.quote, answer.text
    assert answer.answered_as == "When does this agreement expire or its initial term end?"


@pytest.mark.slow
@pytest.mark.parametrize("question, file, clause_id, quoted", [
    ("Under the Mutual Non-Disclosure Agreement between Acme Robotics and Birch Analytics, can the recipient tell "
     "its lawyers?", NDA, "3", "shall disclose it only to its employees and advisers"),
    ("When does the initial term end in the Software Subscription Agreement between Orbit and Fenwick?", SAAS, "4.1",
     "The initial Subscription Term is three (3) years"),
    ("When does the initial term end? (the Software Subscription Agreement between Orbit and Fenwick)", SAAS, "4.1",
     "The initial Subscription Term is three (3) years"),
])
def test_an_agreement_named_after_a_comma_or_after_the_question_is_named_as_by_a_lead_in(qa, question, file,
                                                                                         clause_id, quoted):
    """The first two named the agreement, but its title's and parties' leftovers ("Under the Mutual Non-Disclosure
    between , and ,") were read as asked: the opening that holds those words was cited first, or the renewal."""
    answer, first = found_first(qa, question)
    assert (first.file, first.clause) == (file, clause_id) and quoted in first.quote, answer.text


def assert_law_then_term(answer) -> None:
    """The NDA's law (clause 10) cited first and its term (clause 7) second: both parts answered."""
    assert answer.found is True, answer.text
    assert [(c.file, c.clause) for c in answer.citations[:2]] == [(NDA, "10"), (NDA, "7")], answer.text
    assert "State of Delaware" in answer.citations[0].quote
    assert "This Agreement runs for two (2) years from the Effective Date." in answer.citations[1].quote


@pytest.mark.slow
def test_a_two_part_question_after_a_lead_in_naming_the_agreement_answers_both_parts(qa):
    """Only the first part was answered: the lead-in kept the question whole."""
    answer = qa.ask("In the Mutual Non-Disclosure Agreement between Acme Robotics and Birch Analytics: which law "
                    "governs it and how long does it run?")
    assert_law_then_term(answer)


@pytest.mark.slow
@pytest.mark.parametrize("question, file, clause_id, quoted", [
    ("Can either party assign the NDA?", NDA, "8", "Neither Party may assign this Agreement"),
    ("What is the NDA's purpose?", NDA, "1", "The Parties wish to evaluate a possible joint development"),
    ("How long does the SSA run?", SAAS, "4.1", "The initial Subscription Term is three (3) years"),
    # or by its kind said whole
    ("How long does the Distribution Agreement run?", DISTRIBUTION, "9", "The initial term of this Agreement is"),
    ("Can either party assign the Software Subscription Agreement?", SAAS, "11.1", "assign this Agreement"),
])
def test_an_agreement_called_by_its_initials_or_kind_is_named_not_asked(qa, question, file, clause_id, quoted):
    """Asked of one agreement, "the NDA" was read as a word its clauses must hold: the first two were refused,
    since the NDA never calls itself so. Its kind's words, read as asked, quoted the opening that holds them
    (the Software Subscription Agreement: its licence grant)."""
    answer, first = found_first(qa, question, files=[file])
    assert (first.file, first.clause) == (file, clause_id) and quoted in first.quote, answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question", ["1. Which law governs?\n2. How long does it run?",
                                      "- Which law governs?\n- How long does it run?"])
def test_a_checklist_of_two_questions_answers_both(qa, question):
    """Only the first was answered: the second's mark hid that it opens a question of its own."""
    answer = qa.ask(question, files=[NDA])
    assert_law_then_term(answer)


@pytest.mark.slow
@pytest.mark.parametrize("pasted, file, clause_id, quoted", [
    ("**How long do the warranties last?**", SUPPLY, "5.1", "at least sixty (60) days"),
    ("<p>How long do the warranties last?</p>", SUPPLY, "5.1", "at least sixty (60) days"),
    ("**Does the NDA allow disclosure to advisers?**", NDA, "3", "disclose it only to its employees and advisers"),
    ("How\u00a0long\u00a0do\u00a0the\u00a0warranties\u00a0last?", SUPPLY, "5.1", "at least sixty (60) days"),
])
def test_a_question_pasted_with_its_markup_is_answered_as_in_plain_text(qa, pasted, file, clause_id, quoted):
    """The warranty question was refused in bold, in a paragraph tag and with no-break spaces; the NDA question
    in bold quoted the NDA's opening: the markup hid how the question opens."""
    answer, first = found_first(qa, pasted, files=[file])
    assert (first.clause, quoted in first.quote) == (clause_id, True), answer.text
    bare = qa.ask(plain_text(pasted), files=[file])
    assert answer.text == bare.text and answer.citations == bare.citations
    assert answer.question == pasted


@pytest.mark.slow
@pytest.mark.parametrize("typed, bare, file, clause_id, quoted", [
    # each was refused: "ClauseQA", "pls" and the marks were read as asked
    ("@ClauseQA How long do the warranties last?", "How long do the warranties last?", SUPPLY, "5.1",
     "at least sixty (60) days"),
    ("> How long do the warranties last?", "How long do the warranties last?", SUPPLY, "5.1",
     "at least sixty (60) days"),
    ("(How long do the warranties last?)", "How long do the warranties last?", SUPPLY, "5.1",
     "at least sixty (60) days"),
    ("pls Is there a non-compete?", "Is there a non-compete?", EMPLOYMENT, "8.1", "shall not work for a business"),
])
def test_a_question_addressed_quoted_or_in_brackets_is_answered_as_asked_bare(qa, typed, bare, file, clause_id,
                                                                               quoted):
    answer, first = found_first(qa, typed, files=[file])
    assert (first.clause, quoted in first.quote) == (clause_id, True), answer.text
    assert answer.citations == qa.ask(bare, files=[file]).citations


@pytest.mark.slow
@pytest.mark.parametrize("typed, bare, file, clause_id, start, end", [
    # was refused, "no clause about long, dose, nda, last": "dose" read as asked, a word no clause holds
    ("how long dose the nda last", "how long does the nda last", NDA, "7", 2101, 2163),
    ("Waht does teh NDA say about compelled disclosure?", "What does the NDA say about compelled disclosure?", NDA,
     "4", 1507, 1727),
])
def test_a_short_word_typed_with_two_letters_swapped_is_read_as_meant(qa, typed, bare, file, clause_id, start, end):
    answer, first = found_first(qa, typed, files=[file])
    assert (first.clause, first.start, first.end) == (clause_id, start, end), answer.text
    assert answer.citations == qa.ask(bare, files=[file]).citations


@pytest.mark.slow
@pytest.mark.parametrize("question, file, clause_id, start, end", [
    # each was refused: "center" and "organized" are no words of these English-written agreements
    ("Where is the distribution center?", SUPPLY, "3.2", 1564, 1652),  # "the Buyer's distribution centre"
    ("Where is the company organized?", EMPLOYMENT, "preamble", 22, 292),  # "a company organised under the laws"
])
def test_an_american_spelling_meets_the_british_one_of_the_agreement(qa, question, file, clause_id, start, end):
    answer, first = found_first(qa, question, files=[file])
    assert (first.clause, first.start, first.end) == (clause_id, start, end), answer.text


@pytest.mark.slow
def test_a_short_question_naming_a_clauses_title_is_answered_from_that_clause(qa):
    """Refused before, "Not found: no clause about non-compete", though clause 8 is titled "Post-Contractual
    Non-Competition": a question asked in two words read to the found classifier as little evidence."""
    answer, first = found_first(qa, "Is there a non-compete?", files=[EMPLOYMENT])
    assert (first.clause, first.start, first.end) == ("8.1", 2123, 2314), answer.text
    assert first.quote.startswith("For twelve (12) months after the end of her employment, the Employee shall not work")


@pytest.mark.slow
@pytest.mark.parametrize("typed, clauses, quoted", [
    # was one block's caption alone, "BIRCH ANALYTICS LLC": "URGENT" read as asked
    ("URGENT: who signed the NDA?", ["signatures", "signatures"], "By: /s/ Daniel Okafor"),
    # was refused, "no clause about Yes, mutual"
    ("Yes or no: is the NDA mutual?", ["preamble"], "This Mutual Non-Disclosure Agreement"),
    ("Which law governs the NDA? (2/5)", ["10"], "governed by the laws of the State of Delaware"),  # a guard
    # the label names the agreement, the question none (read as "who signed for Acme?": Daniel Okafor alone)
    ("Acme: who signed?", ["signatures", "signatures"], "By: /s/ Daniel Okafor"),
])
def test_a_label_before_a_question_or_an_aside_after_it_is_not_asked(qa, typed, clauses, quoted):
    answer, first = found_first(qa, typed)
    assert [(c.file, c.clause) for c in answer.citations] == [(NDA, c) for c in clauses], answer.text
    assert quoted in first.quote


@pytest.mark.slow
@pytest.mark.parametrize("typed, file, clause_id, quoted", [
    # was refused, "no clause about Show, indemnification, provisions in 1 agreement"
    ("Show me the indemnification provisions", DISTRIBUTION, "8", "Vantor shall indemnify, defend and hold harmless"),
    # was refused, "no clause about exclusivity", though clause 2 is titled "SUPPLY AND EXCLUSIVITY"
    ("Is there an exclusivity clause?", SUPPLY, "2.2", "the Supplier shall not supply the Products, or any goods"),
    # a guard: 6.1 before too, as the keyword's answer with another score
    ("Could you find the confidentiality clause?", EMPLOYMENT, "6.1", "The Employee shall keep secret all business"),
    # both were refused
    ("What does the warranty clause say?", SAAS, "9.2", 'EXCEPT AS STATED IN SECTION 9.1, THE SERVICE IS PROVIDED'),
    ("Summarize the warranty clause.", SUPPLY, "5.1", "The Supplier warrants that the Products will, on delivery"),
    # both were refused: a name asked whether it is there
    ("Any assignment?", SUPPLY, "10.1", "Neither party may assign or subcontract any of its rights"),
    ("Is there exclusivity?", SUPPLY, "2.2", "the Supplier shall not supply the Products, or any goods"),
])
def test_a_search_for_a_clause_by_its_name_is_answered_as_the_name(qa, typed, file, clause_id, quoted):
    answer, first = found_first(qa, typed, files=[file])
    assert (first.clause, quoted in first.quote) == (clause_id, True), answer.text
    assert qa.document_text(file)[first.start:first.end] == first.quote
    name = asked_topic(typed)  # "indemnification", "exclusivity"
    assert answer.citations == qa.ask(name[0].upper() + name[1:], files=[file]).citations


@pytest.mark.slow
@pytest.mark.parametrize("typed, file", [("Find the confidentiality clause.", SUPPLY),
                                         ("Find the confidentiality clause.", SAAS),
                                         ("Find the confidentiality clause.", DISTRIBUTION),
                                         ("Summarize the confidentiality clause.", SUPPLY)])
def test_a_search_for_a_clause_none_of_whose_words_is_there_is_not_found(qa, typed, file):
    """Quoted an assignment clause (10.1, 13) or the data-protection clause (7.1) before: "Find the ... clause."
    was asked as a sentence, "find" and "clause" among the words it looked for."""
    answer = qa.ask(typed, files=[file])
    assert (answer.found, answer.citations) == (False, ()), answer.text
    assert answer.text == f"Not found: no clause about Confidentiality in 1 agreement in {file}."


@pytest.mark.slow
@pytest.mark.parametrize("typed, file, clauses, quoted", [
    # was "Not found": read against "How long do the warranties last?", which clause 9 does not say
    ("Warranty", SAAS, ["9.2", "9.1"], 'EXCEPT AS STATED IN SECTION 9.1, THE SERVICE IS PROVIDED "AS IS"'),
    # was both agreements' openings: "... terminate the agreement without cause, for convenience?", its kind's
    # question, was read as asking which agreements are without a cause
    ("Termination", TWO, ["4.1", "6"], "Any party may end it on fourteen (14) days' written notice to the others."),
    # was the kind's "8.2" (the compensation for the restriction) first: both quote clause 8, titled so
    ("Non-compete", EMPLOYMENT, ["8.1"], "For twelve (12) months after the end of her employment, the Employee"),
])
def test_a_keyword_answered_from_a_clause_titled_in_its_words_stands_against_its_kind(qa, typed, file, clauses,
                                                                                       quoted):
    answer, first = found_first(qa, typed, files=[file])
    assert [c.clause for c in answer.citations] == clauses, answer.text
    assert first.quote.startswith(quoted) and answer.answered_as == ""


CHECKLIST = [("Who are the parties?", "preamble", "by and between Acme Robotics, Inc."),
             ("Which law governs?", "10", "governed by the laws of the State of Delaware"),
             ("How long does it run?", "7", "This Agreement runs for two (2) years from the Effective Date."),
             ("Can either party assign it?", "8", "Neither Party may assign this Agreement"),
             ("How are notices given?", "9", "Notices under this Agreement must be in writing")]


@pytest.mark.slow
def test_a_checklist_of_five_questions_answers_each_as_asked_alone(qa):
    """A message of more than three questions was asked as one: it answered only which law governs."""
    answer = qa.ask("\n".join(f"{n}. {q}" for n, (q, _, _) in enumerate(CHECKLIST, 1)), files=[NDA])
    assert answer.found is True, answer.text
    heads = answer.text.splitlines()[0].split("; ")
    for question, clause_id, quoted in CHECKLIST:
        alone = qa.ask(question, files=[NDA])
        first = alone.citations[0]
        assert (first.clause, quoted in first.quote) == (clause_id, True), alone.text
        assert (first.start, first.end) in [(c.start, c.end) for c in answer.citations], answer.text
    assert heads[:3] == ["Acme Robotics, Inc.", "Birch Analytics LLC [1]", "Delaware [2]"], answer.text
    assert "Not answered" not in answer.text


@pytest.mark.slow
def test_a_message_of_more_questions_than_answered_at_once_names_the_rest(qa):
    from assistant.question_parts import MAX_PARTS

    asked = [q for q, _, _ in CHECKLIST] * 2  # ten questions
    answer = qa.ask(" ".join(asked), files=[NDA])
    assert answer.text.splitlines()[-1] == (f"Not answered (at most {MAX_PARTS} questions at a time; ask these "
                                            f"again): {' '.join(asked[MAX_PARTS:])}")
    assert [c.clause for c in answer.citations[:2]] == ["preamble", "10"], answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question, file, clause_id, quoted", [
    ("What does this agreement say about Expiration Date?", NDA, "7",
     "This Agreement runs for two (2) years from the Effective Date."),
    ("What does this contract say about Expiration Date?", DISTRIBUTION, "9",
     "The initial term of this Agreement is five (5) years"),
])
def test_what_an_agreement_says_about_a_topic_asks_the_topic(qa, question, file, clause_id, quoted):
    """Both quoted the agreement's opening, which dates it."""
    answer, first = found_first(qa, question, files=[file])
    assert (first.file, first.clause) == (file, clause_id) and quoted in first.quote, answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question, file, clause_id, quoted", [
    ("- How long do the warranties last?", SUPPLY, "5.1", "have a remaining shelf life of at least six"),
    ("• Is either party restricted from competing with the other or operating in some market?", SAAS, "2.2",
     "use the Service to build a competing product"),
    ('"What must a party do or provide after the agreement terminates or expires?"', SAAS, "5.2",
     "Upon termination, Provider shall make Customer Data available for export for sixty (60) days"),
])
def test_a_question_pasted_from_a_checklist_is_asked_as_typed_alone(qa, question, file, clause_id, quoted):
    """A list's mark before it or quotes around it: the first two were refused and the third quoted the opening,
    while the bare question cites these clauses."""
    answer, first = found_first(qa, question, files=[file])
    assert (first.file, first.clause) == (file, clause_id) and quoted in first.quote, answer.text
    assert qa.document_text(file)[first.start:first.end] == first.quote


@pytest.mark.slow
@pytest.mark.parametrize("question, file, agreement_number, clause_id, defining", [
    ("How is Confidential Information defined in the NDA?", NDA, 1, "2",
     '"Confidential Information" means all non-public business, technical and financial information'),
    ("What does Software mean in the licence?", LICENCE, 1, "1.1", '"Software" means the Inkwell'),
    # the licence named: the subscription defines "Authorized Users" too
    ("What is the definition of Users in the licence?", LICENCE, 1, "1.2", '"Users" means employees and contractors'),
    # defined in passing, in parentheses: the sentence that defines it, not the many that use it
    ("What is meant by the Purpose?", NDA, 1, "1", '(the "Purpose")'),
    ("What does the term Equipment refer to in the lease?", TWO, 1, "1",
     'one CAT 320 hydraulic excavator, serial number CAT0320XK7741 (the "Equipment")'),
    ("Who is the Licensee?", LICENCE, 1, "preamble", 'Quillfeather Publishing Ltd'),
])
def test_a_definition_question_cites_the_sentence_that_defines_the_term(qa, question, file, agreement_number,
                                                                        clause_id, defining):
    answer = qa.ask(question)
    assert answer.found is True
    first = answer.citations[0]
    assert (first.file, first.agreement_number, first.clause) == (file, agreement_number, clause_id), answer.text
    assert defining in first.quote
    assert qa.document_text(first.file)[first.start:first.end] == first.quote


@pytest.mark.slow
def test_who_is_a_defined_party_names_it_first_in_each_agreement_that_defines_it(qa):
    answer = qa.ask("Who is the Consultant?")  # defined in the consulting and the services agreement
    assert [(v.text, v.kind) for v in answer.values] == [
        ("Dr. Helena Marsh", "party"), ("Kestrel Consulting Group LLC", "party")]
    assert {answer.citations[v.citation].file for v in answer.values} == {TWO, SERVICES}
    for v in answer.values:
        assert qa.document_text(answer.citations[v.citation].file)[v.start:v.end] == v.text
    assert [g.value for g in answer.groups] == ["Dr. Helena Marsh", "Kestrel Consulting Group LLC"]
    single = qa.ask("Who is the Licensee?")
    assert single.text.splitlines()[0] == "Quillfeather Publishing Ltd [1]"


@pytest.mark.slow
@pytest.mark.parametrize("question, file, clause_id, courts", [
    ("Where would a dispute over the NDA be heard?", NDA, "10", "state and federal courts in Wilmington, Delaware"),
    ("In which forum must claims about the NDA be brought?", NDA, "10",
     "state and federal courts in Wilmington, Delaware"),
    ("Where can a party sue under the licence?", LICENCE, "9.1", "courts of England and Wales"),
    ("If the parties to the licence disagree, which court decides?", LICENCE, "9.1", "courts of England and Wales"),
    # "forum", "claims" and "brought" are nowhere in clause 4.5: the venue words it does use are searched for
    ("In which forum must claims about the services agreement be brought?", SERVICES, "4.5",
     "courts located in New York County"),
    ("Where do lawsuits about the services agreement go?", SERVICES, "4.5", "courts located in New York County"),
    # a country's courts by its adjective (the whole sentence was the answer)
    ("Which courts decide disputes under the supply agreement?", SUPPLY, "10.2", "Scottish courts"),
])
def test_a_venue_question_in_any_words_names_the_courts_from_the_forum_clause(qa, question, file, clause_id, courts):
    """The ranker was fitted on CUAD, which labels no forum clause: "where would a dispute be heard?"
    was refused, "where can a party sue?" too (neither word is in the clause)."""
    answer = qa.ask(question)
    first = answer.citations[0]
    assert (first.file, first.clause) == (file, clause_id), answer.text
    assert answer.text.splitlines()[0] == f"{courts} [1]"
    (value,) = answer.values
    assert (value.kind, value.text) == ("court", courts)
    assert qa.document_text(file)[value.start:value.end] == courts


@pytest.mark.slow
@pytest.mark.parametrize("question, lead", [
    # the party the question names by the name its agreement gives it ("Acme") is who the agreement is with
    ("Who has an agreement with Acme?", "Birch Analytics LLC [1]"),
    ("Who has an agreement with Birch Analytics?", "Acme Robotics, Inc. [1]"),
])
def test_who_holds_an_agreement_with_a_party_leaves_that_party_out(qa, question, lead):
    answer = qa.ask(question)
    assert answer.text.splitlines()[0] == lead
    assert [(c.file, c.clause) for c in answer.citations] == [(NDA, "preamble")]


@pytest.mark.slow
@pytest.mark.parametrize("question, file, signer, party_line", [
    # the name the agreement gives a party ("the Licensee"), not the party's own name, in the question:
    # the opening gave "Quillfeather Publishing Ltd" as the answer, the Licensor's block came first
    ("Who signed for the Licensee?", LICENCE, "Grace Whitlock",
     "Signed for and on behalf of Quillfeather Publishing Ltd"),
    ("Who signed on behalf of the Licensor?", LICENCE, "Thomas Avery",
     "Signed for and on behalf of Northwind Software Limited"),
    ("Who signed for the Client?", SERVICES, "Elena Vasquez", "HARBOR POINT LOGISTICS CORP."),
    ("Who signed for the Consultant?", SERVICES, "Marcus Bell", "KESTREL CONSULTING GROUP LLC"),
    ("Who signed for the Customer?", SAAS, "Declan Murphy", "Signed for Fenwick & Hale Retail Ltd."),
    # a role that is also a legal form's word: "the Company" (the opening's party was the answer)
    ("Who signed for the Company?", EMPLOYMENT, "Matthias Brenner", "For Halden Robotics GmbH"),
    # signer and party on one "Signed by" line: the party's name was the answer
    ("Who signed for the Buyer?", SUPPLY, "Priya Lal",
     "Signed by Priya Lal, Chief Commercial Officer, for and on behalf of Corrie & Lisle Grocers plc"),
])
def test_who_signed_for_a_party_named_by_its_role_reads_that_partys_block(qa, question, file, signer, party_line):
    answer = qa.ask(question)
    assert answer.text.splitlines()[0] == f"{signer} [1]"
    (first, *_) = answer.citations
    assert (first.file, first.clause) == (file, "signatures")
    assert first.quote.startswith(party_line)
    (value,) = answer.values
    assert qa.document_text(file)[value.start:value.end] == signer
    assert first.start <= value.start < value.end <= first.end


@pytest.mark.slow
@pytest.mark.parametrize("question, lead, signers", [
    # the ranker alone quoted Priya Raman's block (dated March 5) and Simon Achebe's (June 5). A date
    # names no agreement: each answer says which agreement was signed then (before, "March 4, 2024"
    # scoped the NDA, whose opening is dated so, and "15 January 2024" the licence dated 12 January)
    ("Who signed anything on March 4, 2024?", "Acme Robotics, Inc. and Birch Analytics LLC: Daniel Okafor [1]",
     ["Daniel Okafor"]),
    ("Who signed an agreement on 4 June 2024?", "Orchid Biotech Ltd and Dr. Helena Marsh: Helena Marsh [1]",
     ["Helena Marsh"]),
    ("Which agreements were signed on 15 January 2024?",
     "Northwind Software Limited and Quillfeather Publishing Ltd: Grace Whitlock [1]", ["Grace Whitlock"]),
    ("What was signed in June 2024?",
     "Orchid Biotech Ltd and Dr. Helena Marsh: Nadia Kowalski [1]; Helena Marsh [3]; Simon Achebe [5]",
     ["Nadia Kowalski", "Helena Marsh", "Simon Achebe"]),
    # a year: every block dated in it, agreement by agreement (the ranker quoted one block of 2024)
    ("Who signed anything in 2024?",
     "Orchid Biotech Ltd and Dr. Helena Marsh: Nadia Kowalski; Helena Marsh; Simon Achebe [1]; Northwind Software "
     "Limited and Quillfeather Publishing Ltd: Thomas Avery; Grace Whitlock [7]; Acme Robotics, Inc. and Birch "
     "Analytics LLC: Daniel Okafor; Priya Raman [11]",
     ["Nadia Kowalski", "Helena Marsh", "Simon Achebe", "Thomas Avery", "Grace Whitlock", "Daniel Okafor",
      "Priya Raman"]),
])
def test_who_signed_on_a_day_or_in_a_month_is_read_from_the_signature_blocks_dated_then(qa, question, lead, signers):
    answer = qa.ask(question)
    assert answer.text.splitlines()[0] == lead
    assert [v.text for v in answer.values] == signers
    for value in answer.values:  # each signer cited where the block names them, the date line beside it
        cited, dated = answer.citations[value.citation], answer.citations[value.citation + 1]
        assert cited.clause == dated.clause == "signatures"
        assert cited.start <= value.start < value.end <= cited.end
        assert qa.document_text(cited.file)[value.start:value.end] == value.text
        assert dated.quote.startswith("Date:")


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    # the consulting agreement names no rate at all (the licence's late-payment interest is another agreement's)
    "What is the interest rate on the loan to Orchid Biotech?",
    "How many vacation days does an employee get each year?",
    # the lease ends on late rent (a number of days) but says nothing of notice
    "How many days' notice must the Lessor give before terminating the equipment lease?",
    # courts, yes (clause 10); arbitration, nowhere: the preamble was quoted
    "Where is the seat of arbitration under the Acme NDA?",
])
def test_questions_the_contracts_do_not_answer_are_not_found(qa, question):
    answer = qa.ask(question)
    assert answer.found is False
    assert answer.citations == ()


@pytest.mark.slow
def test_a_count_of_notice_is_read_beside_the_notice_not_the_first_number(qa):
    """Clause 4.1 says how long the engagement lasts, then the notice that ends it: "how many days'
    notice" is the second, the one the words "written notice" follow."""
    answer = qa.ask("How many days' notice ends the consulting engagement?")
    assert answer.text.splitlines()[0] == "fourteen (14) days [1]"
    first = answer.citations[0]
    assert (first.file, first.clause, first.quote) == (
        TWO, "4.1", "Any party may end it on fourteen (14) days' written notice to the others.")
    (value,) = answer.values
    assert qa.document_text(TWO)[value.start:value.end] == value.text == "fourteen (14) days"


@pytest.mark.slow
def test_words_naming_a_chosen_agreement_say_which_not_what_is_asked(qa):
    """Asked of the NDA chosen by key, "the NDA" names it as it does unscoped: a word its clauses
    need not hold. A question naming another agreement keeps all its words."""
    nda = [a.key for a in qa.agreements() if a.file == NDA]
    scope = qa.scope_of("May either party assign the NDA?", agreements=nda)
    assert scope.agreements == tuple(nda) and scope.terms == ("nda",)
    assert qa.scope_of("Can the licensee sublicense under the licence agreement with Quillfeather?",
                       agreements=nda).terms == ()


@pytest.mark.slow
@pytest.mark.parametrize("question, clause_id", [
    ("May the recipient share confidential information with its employees?", "3"),
    ("Must the recipient return or destroy confidential information?", "5"),
    ("Do any obligations survive after the NDA ends?", "7"),
    ("Can the recipient develop similar information on its own?", "2(c)"),
    ("Must the recipient tell the discloser if a court orders disclosure?", "4"),
    ("Can the recipient use the confidential information for other purposes?", "3"),
    ("May either party assign the NDA?", "8"),
    ("Which courts have jurisdiction over disputes?", "10"),
    # words the NDA spells otherwise: "lawyers" are among its "advisers", "advisors" is "advisers"
    ("Can the recipient tell its lawyers?", "3"),
    ("May the recipient give confidential information to its advisors?", "3"),
    # statements, as a reviewer checking a playbook writes them
    ("The recipient must notify the discloser when legally compelled to disclose confidential information.", "4"),
    ("Confidential information includes information disclosed orally.", "2"),
    ("The recipient must destroy the discloser's confidential materials on request.", "5"),
    # the definition of Confidential Information (clause 2) shares most words with these; the clause
    # that answers does not (an attractor until the question adapter)
    ("The recipient may disclose confidential information to its advisers.", "3"),
    ("Receiving Party may share some Confidential Information with some of its employees.", "3"),
])
def test_nda_questions_and_statements_cite_the_clause_that_answers(qa, question, clause_id):
    nda = [a.key for a in qa.agreements() if a.file == NDA]
    answer = qa.ask(question, agreements=nda)
    assert answer.found, answer.text
    first = answer.citations[0]
    assert (first.file, first.clause) == (NDA, clause_id), answer.text
    assert qa.document_text(NDA)[first.start:first.end] == first.quote


@pytest.mark.slow
@pytest.mark.parametrize("question, file, clause_id, value, quoted", [
    # the distributor "shall purchase" what the question asks it to "buy" (it was refused)
    ("How much does Selk have to buy each year?", DISTRIBUTION, "2", "US$2,000,000",
     "Distributor shall purchase Products having an aggregate purchase price of not less than"),
    # employment "begins" when she "starts" (the clause was quoted without the date it states)
    ("When does Sofia Ruiz start?", EMPLOYMENT, "2.1", "1 February 2025", "Employment begins on 1 February 2025."),
])
def test_an_everyday_verb_finds_the_contract_word_and_states_its_value(qa, question, file, clause_id, value, quoted):
    answer = qa.ask(question)
    assert answer.text.splitlines()[0] == f"{value} [1]", answer.text
    first = answer.citations[0]
    assert (first.file, first.clause) == (file, clause_id)
    assert first.quote.startswith(quoted)
    assert qa.document_text(file)[first.start:first.end] == first.quote


@pytest.mark.slow
@pytest.mark.parametrize("question, date", [
    ("When did Priya Raman sign?", "March 5, 2024"),  # the signer, named in her block
    ("When was the NDA signed by Birch?", "March 5, 2024"),  # the party, named at the head of its block
    ("On what date did Acme sign?", "March 4, 2024"),
])
def test_when_someone_signed_is_the_date_in_their_own_signature_block(qa, question, date):
    """The NDA's two blocks each end with a date; the first was quoted for either signer."""
    answer = qa.ask(question)
    assert answer.text.splitlines()[0] == f"{date} [1]"
    first = answer.citations[0]
    assert (first.file, first.clause) == (NDA, "signatures")
    (value,) = answer.values
    text = qa.document_text(NDA)
    assert text[value.start:value.end] == value.text == date
    assert text[first.start:first.end] == first.quote and date in first.quote


@pytest.mark.slow
def test_a_contract_named_in_a_lead_in_asked_when_it_was_signed_is_dated_by_its_opening(qa):
    """The parties in the lead-in name the contract, not a signer: its own date comes first, as
    lawyers mark it, not one block's date."""
    answer = qa.ask("In the Mutual Non-Disclosure Agreement between Acme Robotics, Inc. and Birch Analytics LLC: "
                    "what date is this agreement dated or signed?")
    assert (answer.citations[0].file, answer.citations[0].clause) == (NDA, "preamble")
    assert "entered into as of March 4, 2024" in answer.citations[0].quote


@pytest.mark.slow
def test_a_question_in_words_no_clause_uses_searches_the_words_its_kind_is_asked_in(qa):
    """No clause says "handed over to another firm"; the fitted questions of its kind (assignment)
    mostly say "assign" and "transfer", and clause 8 does. Searched for those words too, clause 8
    is retrieved first and cited (before, clause 9 on how notices are delivered shared the most
    words with the question and was the only citation)."""
    question = "Can this agreement be handed over to another firm?"
    assert qa.retrieve(question, files=[NDA])[0].clause.clause_id == "8"
    answer = qa.ask(question, files=[NDA])
    assert answer.found is True
    cited = {c.clause: c for c in answer.citations}
    assert "8" in cited, answer.text
    assert cited["8"].quote.startswith("Neither Party may assign this Agreement")


@pytest.mark.slow
def test_a_yes_no_about_what_names_the_agreement_reads_the_adjective_from_the_question_as_asked(qa):
    # "licence" names the Software Licence Agreement, so the answer's own wording is "Is the exclusive?";
    # the adjective still has its noun, as the question was asked
    answer = qa.ask("Is the licence exclusive?")
    first = answer.citations[0]
    assert (first.file, first.clause) == (LICENCE, "2.1")
    assert answer.text.splitlines()[0].startswith('No: "The Licensor grants the Licensee a non-exclusive,')
    [said] = answer.values
    assert (said.kind, said.text, said.citation) == ("no", "non-exclusive", 0)
    assert qa.document_text(LICENCE)[said.start:said.end] == "non-exclusive"


@pytest.mark.slow
def test_which_agreements_lack_a_clause_asks_each_agreement_alone(qa):
    # the equipment lease says nothing of confidentiality; the consulting agreement in the same file does
    answer = qa.ask("Which agreements lack a confidentiality clause?")
    assert answer.found
    assert answer.text.splitlines()[0] == (
        "4 of 9 agreements have no clause about confidentiality that the search found: Vantor Medical Devices, Inc. "
        "and Selk Health Supplies B.V. (distribution_vantor_selk.txt), Lumen Equipment Rentals LLC "
        "and Granite Peak Builders Inc. (lease_and_consulting.txt), Orbit Ledger Systems, Inc. and Fenwick & Hale "
        "Retail Ltd. (saas_orbit_fenwick.txt), Tamsin Valley Foods Limited and Corrie & Lisle Grocers plc "
        "(supply_tamsin_corrie.txt). The other 5 do:")
    assert [(c.file, c.agreement_number, c.clause) for c in answer.citations] == [
        (EMPLOYMENT, 1, "6.1"), (TWO, 2, "3.1"), (LICENCE, 1, "5.1"), (NDA, 1, "2"), (SERVICES, 1, "4.1")]
    assert answer.citations[1].quote == ("The Consultant shall keep all information about Orchid's trial programme "
                                         "confidential during the engagement and for five (5) years after it ends.")
    # a termination right in any words ("may end it", "may terminate the Lease" on late rent) is one
    every = qa.ask("Which agreements have no termination clause?")
    assert every.text.splitlines()[0] == "None: all 9 agreements have a clause about termination."
    assert [(c.file, c.agreement_number, c.clause) for c in every.citations] == [
        (DISTRIBUTION, 1, "9"), (EMPLOYMENT, 1, "5.1"), (TWO, 1, "6"), (TWO, 2, "4.1"), (LICENCE, 1, "6.2"), (NDA, 1, "7"), (SAAS, 1, "5.1"), (SERVICES, 1, "3.2"),
        (SUPPLY, 1, "8.2")]
    nothing = qa.ask("Which contracts have no non-solicitation clause?")
    assert (nothing.found, nothing.citations) == (False, ())
    assert nothing.text == ("Not found in any of the 9 agreements: none has a clause about non-solicitation, "
                            "so all 9 lack one.")


@pytest.mark.slow
def test_every_word_naming_the_agreement_a_party_picked_is_scope_not_asked(qa):
    """"What must Birch do with the materials when the NDA ends?": Birch picks the NDA, and "NDA" (its
    kind's initials) and "Acme" (its other party) name it too; its clauses say neither ("the
    Recipient", "the Discloser"), so as asked words they were words the agreement lacks ("no clause
    about materials, NDA, ends")."""
    assert qa.scope_of("What must Birch do with the materials when the NDA ends?").terms == ("birch", "nda")
    assert qa.scope_of("Under the Acme NDA, what must Birch do with materials?").terms == ("acm", "birch", "nda")
    # a word of its kind its clauses use is asked about: what Tamsin must supply
    assert qa.scope_of("What must Tamsin supply under the supply agreement?").terms == ("tamsin",)
    # a party asked about in a signing question stays asked ("did Acme sign?": Acme's block)
    assert "acm" not in qa.scope_of("Did Acme sign the Birch NDA?").terms


@pytest.mark.slow
def test_a_word_of_the_agreements_kind_that_other_words_already_name_it_by_is_asked_about(qa):
    # "NDA" names the Mutual Non-Disclosure Agreement; "disclosure" is then what is asked, not a name
    assert qa.scope_of("Does the NDA allow disclosure to advisers?").terms == ("nda",)
    answer = qa.ask("Does the NDA allow disclosure to advisers?")
    assert answer.found
    first = answer.citations[0]
    assert (first.file, first.clause) == (NDA, "3")
    assert "shall disclose it only to its employees and advisers" in first.quote
    # alone, a kind's word still names the agreement ("the licence": the Software Licence Agreement)
    assert qa.scope_of("Is the licence exclusive?").terms == ("licenc",)


@pytest.mark.slow
def test_how_many_agreements_lists_every_agreement_by_its_cited_title(qa):
    answer = qa.ask("How many agreements are there?")
    assert answer.found
    assert answer.text.splitlines() == [
        "9 agreements in 8 files:",
        '- Vantor Medical Devices, Inc. and Selk Health Supplies B.V. (distribution_vantor_selk.txt, preamble): '
        '"EXCLUSIVE DISTRIBUTION AGREEMENT" [1]',
        '- Halden Robotics GmbH and Sofia Ruiz (employment_halden_ruiz.txt, preamble): "EMPLOYMENT AGREEMENT" [2]',
        '- Lumen Equipment Rentals LLC and Granite Peak Builders Inc. (lease_and_consulting.txt, preamble): '
        '"EQUIPMENT LEASE AGREEMENT" [3]',
        '- Orchid Biotech Ltd and Dr. Helena Marsh (lease_and_consulting.txt, preamble): "CONSULTING AGREEMENT" [4]',
        '- Northwind Software Limited and Quillfeather Publishing Ltd (licence_northwind_quill.md, preamble): '
        '"Software Licence Agreement" [5]',
        '- Acme Robotics, Inc. and Birch Analytics LLC (nda_acme_birch.txt, preamble): '
        '"MUTUAL NON-DISCLOSURE AGREEMENT" [6]',
        '- Orbit Ledger Systems, Inc. and Fenwick & Hale Retail Ltd. (saas_orbit_fenwick.txt, preamble): '
        '"SOFTWARE SUBSCRIPTION AGREEMENT" [7]',
        '- Harbor Point Logistics Corp. and Kestrel Consulting Group LLC (services_harbor_kestrel.txt, preamble): '
        '"PROFESSIONAL SERVICES AGREEMENT" [8]',
        # the title line is the opening's first line, which dates the agreement too
        '- Tamsin Valley Foods Limited and Corrie & Lisle Grocers plc (supply_tamsin_corrie.txt, preamble): '
        '"THIS SUPPLY AGREEMENT is dated 14 January 2023" [9]']
    for value in answer.values:
        cited = answer.citations[value.citation]
        assert qa.document_text(cited.file)[value.start:value.end] == value.text
    assert [(v.kind, v.start, v.end) for v in answer.values][:4] == [("title", 0, 32), ("title", 0, 20), ("title", 0, 25),
                                                                      ("title", 1538, 1558)]


@pytest.mark.slow
def test_the_agreements_with_a_party_are_listed_from_the_catalog(qa):
    answer = qa.ask("List the agreements with Acme.")
    assert answer.text.splitlines() == [
        "1 agreement in 1 file:",
        '- Acme Robotics, Inc. and Birch Analytics LLC (nda_acme_birch.txt, preamble): '
        '"MUTUAL NON-DISCLOSURE AGREEMENT" [1]']
    assert [(c.file, c.clause, c.start, c.end) for c in answer.citations] == [(NDA, "preamble", 0, 31)]
    # a name no agreement's parties hold is not a scope: the question is answered as any other
    assert not qa.ask("List the agreements with California law.").text.startswith("6 agreements")


@pytest.mark.slow
def test_a_name_alone_after_an_ellipsis_asks_the_last_question_of_that_name(qa):
    # Acme and Birch are parties to one agreement, so "Birch" scopes nothing new: the follow-up was
    # asked as "What about Birch (in the agreement of ...)?" and quoted the opening
    conversation = qa.conversation()
    assert conversation.ask("Who signed for Acme?").text.splitlines()[0] == "Daniel Okafor [1]"
    second = conversation.ask("What about Birch?")
    assert second.standalone_question == "Who signed for Birch?"
    assert second.text.splitlines()[0] == "Priya Raman [1]"
    assert (second.citations[0].file, second.citations[0].clause) == (NDA, "signatures")


@pytest.mark.slow
def test_a_question_of_a_word_or_two_is_asked_of_the_agreement_in_discussion(qa):
    # "Which courts?" after the licence's governing law: the licence's courts, not every agreement's
    conversation = qa.conversation()
    conversation.ask("Which law governs the software licence agreement?")
    second = conversation.ask("Which courts?")
    assert second.standalone_question == \
        "Which courts (in the agreement of Northwind Software Limited and Quillfeather Publishing Ltd)?"
    assert [(c.file, c.clause) for c in second.citations] == [(LICENCE, "9.1")]
    assert second.text.splitlines()[0] == "courts of England and Wales [1]"


@pytest.mark.slow
def test_a_name_alone_replaces_the_person_asked_about_not_the_words_that_named_the_agreement(qa):
    conversation = qa.conversation()
    assert conversation.ask("When did Priya Raman sign the NDA?").text.splitlines()[0] == "March 5, 2024 [1]"
    second = conversation.ask("And Daniel Okafor?")  # "NDA" named the agreement: Priya Raman is replaced
    assert second.standalone_question == "When did Daniel Okafor sign the NDA?"
    assert second.text.splitlines()[0] == "March 4, 2024 [1]"
    conversation = qa.conversation()
    conversation.ask("Who signed for the Licensee?")
    assert conversation.ask("What about the Licensor?").standalone_question == "Who signed for the Licensor?"


@pytest.mark.slow
@pytest.mark.parametrize("question, lead, file, quote_start, value", [
    # the ranker alone quoted the lease's "executed this Lease as of the date first written above"
    ("Which contract was signed first?",
     "Vantor Medical Devices, Inc. and Selk Health Supplies B.V. [1]: June 1, 2022, the earliest date of the "
     "9 dated agreements", DISTRIBUTION, "This Exclusive Distribution Agreement", ("June 1, 2022", 132, 144)),
    # the subscription's blocks are undated: the date its opening gives it
    ("Which agreement was signed most recently?",
     "Orbit Ledger Systems, Inc. and Fenwick & Hale Retail Ltd. [1]: March 3, 2025, the latest date of the 9 dated "
     "agreements", SAAS, "This Software Subscription Agreement", ("March 3, 2025", 110, 123)),
])
def test_the_newest_or_oldest_agreement_is_read_from_the_catalogs_dates(qa, question, lead, file, quote_start, value):
    answer = qa.ask(question)
    assert answer.text.splitlines()[0] == lead
    (first,) = answer.citations
    assert (first.file, first.clause) == (file, "preamble") and first.quote.startswith(quote_start)
    (said,) = answer.values
    assert (said.text, said.start, said.end) == value
    assert qa.document_text(file)[said.start:said.end] == said.text


@pytest.mark.slow
@pytest.mark.parametrize("question, lead, quotes", [
    # no party named: every block that names its signer, each with the caption naming its party (the
    # ranker quoted "BIRCH ANALYTICS LLC" and answered with one signer)
    ("Who signed the NDA?", "Daniel Okafor [1]; Priya Raman [2]",
     ["ACME ROBOTICS, INC.\nBy: /s/ Daniel Okafor", "BIRCH ANALYTICS LLC\nBy: /s/ Priya Raman"]),
    ("Who signed the supply agreement?", "Ewan Murray [1]; Priya Lal [2]",
     ["Signed by Ewan Murray, Director, for and on behalf of Tamsin Valley Foods Limited",
      "Signed by Priya Lal, Chief Commercial Officer, for and on behalf of Corrie & Lisle Grocers plc"]),
    ("Who are the signatories of the licence?", "Thomas Avery [1]; Grace Whitlock [2]",
     ["Signed for and on behalf of Northwind Software Limited\nSignature: Thomas Avery",
      "Signed for and on behalf of Quillfeather Publishing Ltd\nSignature: Grace Whitlock"]),
])
def test_who_signed_an_agreement_names_every_signer_from_its_blocks(qa, question, lead, quotes):
    answer = qa.ask(question)
    assert answer.text.splitlines()[0] == lead
    assert [c.quote for c in answer.citations] == quotes
    assert {c.clause for c in answer.citations} == {"signatures"}
    for value, citation in zip(answer.values, answer.citations, strict=True):
        assert value.kind == "signer"
        assert qa.document_text(citation.file)[value.start:value.end] == value.text
        assert citation.start <= value.start < value.end <= citation.end


@pytest.mark.slow
def test_a_schedules_items_are_cited_by_the_schedules_ids(qa):
    answer = qa.ask("What is the price of oat milk?")
    first = answer.citations[0]
    assert (first.file, first.clause, first.quote) == \
        (SUPPLY, "Schedule 1 (b)", "Oat milk, 1 litre carton: GBP 0.85 per carton.")
    assert answer.text.splitlines()[0] == "GBP 0.85 [1]"


@pytest.mark.slow
def test_a_title_opening_with_this_is_named_without_it(qa):
    answer = qa.ask("What is the title of the supply agreement?")
    assert answer.text.splitlines()[0] == "SUPPLY AGREEMENT [1]"
    (value,) = answer.values
    assert (value.kind, value.start, value.end) == ("title", 5, 21)
    (row,) = qa.catalog([SUPPLY])
    assert (row.title.text, row.title.start, row.courts.text) == ("SUPPLY AGREEMENT", 5, "Scottish courts")
    assert [(s.signer.text, s.signer.role, s.party.text) for s in row.signatures] == [
        ("Ewan Murray", "Director", "Tamsin Valley Foods Limited"),
        ("Priya Lal", "Chief Commercial Officer", "Corrie & Lisle Grocers plc")]


@pytest.mark.slow
def test_a_bounded_prohibition_is_no_plain_no(qa):
    # "may not raise the prices more than once in any Contract Year" allows a rise: the answer was "No"
    answer = qa.ask("Can the Supplier increase its prices?")
    assert answer.text.startswith('Clause 4.2 addresses this, without a plain yes or no: "The Supplier may not raise')
    assert (answer.citations[0].file, answer.citations[0].clause) == (SUPPLY, "4.2")
    assert not [v for v in answer.values if v.kind in ("yes", "no")]


@pytest.mark.slow
@pytest.mark.parametrize("question, lead, quotes", [
    # parties listed one to a paragraph: the ranker quoted "(2) Corrie & Lisle ..." and a recital
    ("Who are the parties to the supply agreement?",
     'Tamsin Valley Foods Limited (the "Supplier") [1]; Corrie & Lisle Grocers plc (the "Buyer") [2]',
     ["(1) Tamsin Valley Foods Limited, a company incorporated in Scotland", "(2) Corrie & Lisle Grocers plc, a company"]),
    ("Who is the lease between?",
     'Lumen Equipment Rentals LLC (the "Lessor"); Granite Peak Builders Inc. (the "Lessee") [1]',
     ['This Equipment Lease Agreement (the "Lease") is made as of February 1, 2024 by and between']),
    # "counterparties" was "not found": no clause says the word
    ("Who are the counterparties to the lease?",
     'Lumen Equipment Rentals LLC (the "Lessor"); Granite Peak Builders Inc. (the "Lessee") [1]',
     ['This Equipment Lease Agreement (the "Lease") is made as of February 1, 2024 by and between']),
    ("Which companies are bound by the supply agreement?",
     'Tamsin Valley Foods Limited (the "Supplier") [1]; Corrie & Lisle Grocers plc (the "Buyer") [2]',
     ["(1) Tamsin Valley Foods Limited, a company incorporated in Scotland", "(2) Corrie & Lisle Grocers plc, a company"]),
    # "companies or individuals" was the ranker's to answer
    ("Which companies or individuals are bound by the supply agreement?",
     'Tamsin Valley Foods Limited (the "Supplier") [1]; Corrie & Lisle Grocers plc (the "Buyer") [2]',
     ["(1) Tamsin Valley Foods Limited, a company incorporated in Scotland",
      "(2) Corrie & Lisle Grocers plc, a company"]),
])
def test_the_parties_are_each_cited_where_the_opening_names_them(qa, question, lead, quotes):
    answer = qa.ask(question)
    assert answer.text.splitlines()[0] == lead
    assert [c.clause for c in answer.citations] == ["preamble"] * len(quotes)
    assert all(c.quote.startswith(q) for c, q in zip(answer.citations, quotes, strict=True))
    for value in answer.values:
        cited = answer.citations[value.citation]
        assert value.kind == "party"
        assert qa.document_text(cited.file)[value.start:value.end] == value.text
        assert cited.start <= value.start < value.end <= cited.end


@pytest.mark.slow
@pytest.mark.parametrize("file, question, cited", [
    # no word says title or parties, but the question is much like a fitted title question: the
    # opening joins the candidates (a licence's assignment clause 7.2 was quoted first)
    (LICENCE, "What sort of contract are we looking at here?",
     [("preamble", 70, "(1) Northwind Software Limited"), ("preamble", 2, "Software Licence Agreement")]),
    (SAAS, "Which agreement is this document, by name?",
     [("preamble", 33, "This Software Subscription Agreement"), ("preamble", 0, "SOFTWARE SUBSCRIPTION AGREEMENT")]),
])
def test_a_question_like_a_fitted_kind_answered_in_the_opening_cites_the_opening(qa, file, question, cited):
    answer = qa.ask(question, files=[file])
    assert [(c.clause, c.start, c.quote[:len(q)]) for c, (_, _, q) in zip(answer.citations, cited)] == cited
    assert len(answer.citations) == len(cited)


@pytest.mark.slow
@pytest.mark.parametrize("file, question, line, cited", [
    # the agreement's own name asked for without "title" or "called": the opening's first sentence
    # ("THIS SUPPLY AGREEMENT is dated 14 January 2023") was the first line, the heading second; the
    # catalog's title, quoted from the heading through the opening sentence naming it
    (SUPPLY, "What type of contract is it?", "SUPPLY AGREEMENT [1]", ("preamble", 0, 46)),
    (SAAS, "What's the name of the document?", "SOFTWARE SUBSCRIPTION AGREEMENT [1]", ("preamble", 0, 306)),
])
def test_the_agreements_name_asked_in_other_words_is_its_heading(qa, file, question, line, cited):
    answer = qa.ask(question, files=[file])
    assert answer.text.splitlines()[0] == line
    first = answer.citations[0]
    assert (first.clause, first.start, first.end) == cited
    assert "AGREEMENT" in first.quote


@pytest.mark.slow
@pytest.mark.parametrize("question, cited", [
    # "the counterparty's approval" asks about assignment, not who the parties are: the opening was
    # quoted beside the assignment clause when "counterparty" sent questions to it
    ("May a party transfer its rights under the NDA without the counterparty's approval?", [("8", 2365, 2525)]),
    ("Can the Lessee assign the lease without the counterparty's consent?", [("7", 1086, 1179), ("6", 940, 1069)]),
])
def test_a_counterpartys_consent_is_no_question_about_the_parties(qa, question, cited):
    answer = qa.ask(question)
    assert [(c.clause, c.start, c.end) for c in answer.citations] == cited


def test_blocks_side_by_side_are_read_column_by_column():
    # "VANTOR ...      SELK ... B.V." over "By: ...      By: /s/ Joost van der Berg": the second block's signer
    # has particles in his name and its caption a legal form with a stop (neither was read)
    from index.signature_blocks import signature_blocks

    blocks = signature_blocks(seg(DISTRIBUTION).clauses)
    text = seg(DISTRIBUTION).document.text
    assert [(b.signer.text, b.signer.role, b.party.text) for b in blocks] == [
        ("Laura Kimball", "Chief Executive Officer", "VANTOR MEDICAL DEVICES, INC."),
        ("Joost van der Berg", "Managing Director", "SELK HEALTH SUPPLIES B.V.")]
    assert all(text[b.signer.start:b.signer.end] == b.signer.text for b in blocks)


@pytest.mark.slow
@pytest.mark.parametrize("question, signer", [
    # no span holds Selk's caption and its signer alone: Laura Kimball (Vantor's) was the answer
    ("Who signed for Selk?", "Joost van der Berg"),
    ("Who signed for the Distributor?", "Joost van der Berg"),
    ("Who signed for Vantor?", "Laura Kimball"),
])
def test_who_signed_for_a_party_whose_block_stands_beside_another(qa, question, signer):
    answer = qa.ask(question)
    assert answer.text.splitlines()[0] == f"{signer} [1]"
    (citation,) = answer.citations
    assert (citation.file, citation.clause, citation.quote) == (DISTRIBUTION, "signatures", f"By: /s/ {signer}")
    (value,) = answer.values
    assert qa.document_text(DISTRIBUTION)[value.start:value.end] == signer


@pytest.mark.slow
def test_the_kind_a_question_names_beats_a_party_name_sharing_its_word(qa):
    # "the supply agreement": the Supply Agreement, not the distribution agreement of "Selk Health Supplies B.V."
    assert qa.scope_of("Who signed the supply agreement?").agreements == (f"{SUPPLY}#1",)
    assert qa.scope_of("What does the Selk Health Supplies agreement say about audits?").agreements == \
        (f"{DISTRIBUTION}#1",)
    # a kind is read whole: the Consulting Agreement's party is "the Consultant"
    assert qa.scope_of("How are notices given under the consulting agreement?").agreements == (f"{TWO}#2",)


def test_a_term_stated_as_what_it_is_is_the_catalogs_term():
    # "The initial term of this Agreement is five (5) years from the Effective Date": "Term: not stated"
    from index.catalog import extract

    (entry,) = extract(seg(DISTRIBUTION).agreements, seg(DISTRIBUTION).clauses)
    text = seg(DISTRIBUTION).document.text
    assert (entry.term.text, entry.term.clause_id, entry.term.normal) == ("five (5) years", "9", "5 years")
    assert text[entry.term.start:entry.term.end] == "five (5) years"
    assert entry.expiry.text == "five (5) years from the Effective Date"


@pytest.mark.slow
@pytest.mark.parametrize("question, lead, cited", [
    # the services agreement's party is "a New York corporation": New York scoped it alone, and the
    # distribution agreement's New York law was missed
    ("Which agreements are governed by New York law?",
     "2 agreements: New York (clauses 12, 4.5) — Vantor Medical Devices, Inc. and Selk Health Supplies B.V. [1], "
     "Harbor Point Logistics Corp. and Kestrel Consulting Group LLC [2] (of the 9 agreements searched)",
     [(DISTRIBUTION, "12"), (SERVICES, "4.5")]),
    # "English law" is the law of England and Wales (the answer listed every law, New York first)
    ("Which agreements are governed by English law?",
     "Northwind Software Limited and Quillfeather Publishing Ltd: England and Wales [1] (of the 9 agreements searched)",
     [(LICENCE, "9.1")]),
])
def test_which_agreements_a_law_governs_is_read_from_the_catalog(qa, question, lead, cited):
    answer = qa.ask(question)
    assert answer.text.splitlines()[0] == lead
    assert [(c.file, c.clause) for c in answer.citations] == cited
    for value in answer.values:
        assert value.kind == "law"
        assert qa.document_text(answer.citations[value.citation].file)[value.start:value.end] == value.text


@pytest.mark.slow
def test_a_law_no_agreement_is_governed_by_is_not_found(qa):
    answer = qa.ask("Are any agreements governed by Texas law?")
    assert (answer.found, answer.citations) == (False, ())
    assert answer.text.startswith("Not found: none of the 9 agreements is governed by the law of Texas (their governing "
                                  "laws: New York in 2,")


@pytest.mark.slow
def test_a_partys_legal_form_or_role_in_lower_case_names_no_agreement(qa):
    # "limited liability company" in three openings scoped "which agreements cap liability?" to those three
    # (none caps it) and the answer was "not found"
    assert qa.scope_of("Which agreements cap liability?").agreements == ()
    answer = qa.ask("Which agreements cap liability?")
    assert [(c.file, c.clause) for c in answer.citations] == [(SAAS, "10.2"), (SUPPLY, "7.2")]
    assert all("total liability" in c.quote and "shall not exceed" in c.quote for c in answer.citations)
    # "a company" is asked about, not the employment contract's "the Company"
    assert qa.scope_of("Which contracts involve a company in Scotland?").agreements == (f"{SUPPLY}#1",)
    assert qa.scope_of("Who signed for the Company?").agreements == (f"{EMPLOYMENT}#1",)


@pytest.mark.slow
def test_each_agreement_joins_with_its_best_quote_that_says_as_much(qa):
    # the services agreement's first quote ("Client may terminate this Agreement for any reason ...") lacks
    # "convenience"; its heading's sentence has it, and the services agreement was left out
    answer = qa.ask("Which agreements can be terminated for convenience?")
    assert [(c.file, c.clause) for c in answer.citations] == [(DISTRIBUTION, "9"), (SERVICES, "3.2")]
    assert answer.citations[1].quote.startswith("Termination for Convenience. Client may terminate this Agreement")


@pytest.mark.slow
@pytest.mark.parametrize("question, title, quote, file", [
    # the title line of the block the person signed, in its own column where blocks stand side by side
    ("What is Joost van der Berg's title?", "Managing Director", "Title: Managing Director", DISTRIBUTION),
    ("What is Laura Kimball's title?", "Chief Executive Officer", "Title: Chief Executive Officer", DISTRIBUTION),
    ("What is Ewan Murray's role?", "Director",
     "Signed by Ewan Murray, Director, for and on behalf of Tamsin Valley Foods Limited", SUPPLY),
    # "position" scoped the employment contract ("Position and Duties"); Priya Lal signed the supply agreement
    ("What position does Priya Lal hold?", "Chief Commercial Officer",
     "Signed by Priya Lal, Chief Commercial Officer, for and on behalf of Corrie & Lisle Grocers plc", SUPPLY),
])
def test_a_signers_title_is_read_from_their_block(qa, question, title, quote, file):
    answer = qa.ask(question)
    assert answer.text.splitlines()[0] == f"{title} [1]"
    (citation,) = answer.citations
    assert (citation.file, citation.clause, citation.quote) == (file, "signatures", quote)
    assert qa.document_text(file)[citation.start:citation.end] == quote
    (value,) = answer.values
    assert qa.document_text(file)[value.start:value.end] == title


@pytest.mark.slow
def test_a_short_agreements_numbered_clauses_do_not_name_it(qa):
    # the lease is short enough that its clause 3 ("days late incurs a late charge") stood in the
    # opening text that names it: "late" scoped every late-payment question to the lease, which
    # states no interest ("Not found: no clause about interest in 1 agreement (matching late)")
    assert qa.scope_of("Which agreements charge interest on late payment?").agreements == ()
    answer = qa.ask("Which agreements charge interest on late payment?")
    assert [(c.file, c.clause, c.quote) for c in answer.citations] == [
        (SAAS, "3.2", "Late amounts bear interest at one percent (1%) per month."),
        (LICENCE, "3.2", "Late sums bear interest at 4% a year above the Bank of England base rate."),
    ]
    # a word of the opening, or of the first clause saying what the agreement is for, still names it
    assert qa.scope_of("When was the excavator lease made?").agreements == (f"{TWO}#1",)
    assert qa.scope_of("How many days' notice ends the consulting engagement?").agreements == (f"{TWO}#2",)
    # a date is when, not which: the licence is dated 12 January 2024
    assert qa.scope_of("Which agreements were signed on 15 January 2024?").agreements == ()


@pytest.mark.slow
def test_a_party_named_where_its_clauses_call_it_by_a_role_says_which_agreement(qa):
    # the employment contract calls Sofia Ruiz "the Employee" after its opening: her name is not what is
    # asked about, and left among the asked words it made the opening the best match ("not found")
    assert qa.scope_of("What is Sofia Ruiz paid?").terms == ("ruiz", "sofia")
    answer = qa.ask("What is Sofia Ruiz paid?")
    assert answer.found is True
    assert (EMPLOYMENT, "3.1") in [(c.file, c.clause) for c in answer.citations]
    holiday = qa.ask("How much holiday does Sofia Ruiz get?").citations[0]
    assert (holiday.file, holiday.clause) == (EMPLOYMENT, "4.2")
    assert holiday.quote == "The Employee is entitled to thirty (30) working days of paid holiday in each calendar year."
    # the NDA says "the Recipient": "ten (10) days" to return information was the answer
    survival = qa.ask("How long is Birch bound by confidentiality?")
    assert survival.text.splitlines()[0] == "three (3) years [1]"
    assert (survival.citations[0].file, survival.citations[0].clause) == (NDA, "7")
    # a party the clauses name ("belong to Orchid") is asked about
    assert "orchid" not in qa.scope_of("What does Orchid own?").terms
    owns = qa.ask("What does Orchid own?").citations[0]
    assert (owns.file, owns.clause, owns.quote) == (
        TWO, "3.2", "All inventions and reports the Consultant creates in the engagement belong to Orchid.")


@pytest.mark.slow
@pytest.mark.parametrize("question, file, title", [
    # "NDAs" scoped nothing and the rest ("no clause about NDAs") was searched for; "leases" scoped the
    # lease, and nothing was left to ask ("Not found: no clause about that")
    ("Which agreements are NDAs?", NDA, "MUTUAL NON-DISCLOSURE AGREEMENT"),
    ("Which agreements are leases?", TWO, "EQUIPMENT LEASE AGREEMENT"),
    ("List the employment contracts.", EMPLOYMENT, "EMPLOYMENT AGREEMENT"),
    ("How many consulting agreements are there?", TWO, "CONSULTING AGREEMENT"),
])
def test_which_agreements_are_of_a_kind_lists_those_whose_title_names_it(qa, question, file, title):
    answer = qa.ask(question)
    assert answer.text.splitlines()[0] == "1 agreement in 1 file:"
    (citation,) = answer.citations
    assert (citation.file, citation.clause, citation.quote) == (file, "preamble", title)
    (value,) = answer.values
    assert (value.kind, value.text) == ("title", title)
    assert qa.document_text(file)[value.start:value.end] == title


@pytest.mark.slow
def test_the_parties_to_each_agreement_are_listed_agreement_by_agreement(qa):
    # the ranker quoted two openings and a signature caption
    answer = qa.ask("Who are the parties to each agreement?")
    lines = answer.text.splitlines()
    assert lines[3] == ('Orchid Biotech Ltd and Dr. Helena Marsh: Orchid Biotech Ltd; Dr. Helena Marsh '
                        '(the "Consultant"); Maple Ridge Ventures Inc. [4]')
    assert lines[8] == ('Tamsin Valley Foods Limited and Corrie & Lisle Grocers plc: Tamsin Valley Foods Limited '
                        '(the "Supplier") [10]; Corrie & Lisle Grocers plc (the "Buyer") [11]')
    assert len(answer.values) == 19 and len(answer.citations) == 11
    assert {c.clause for c in answer.citations} == {"preamble"}
    for value in answer.values:
        cited = answer.citations[value.citation]
        assert qa.document_text(cited.file)[value.start:value.end] == value.text
        assert cited.start <= value.start < value.end <= cited.end


@pytest.mark.slow
def test_which_agreements_end_in_a_year_is_read_from_the_catalogs_end_dates(qa):
    # the ranker quoted the services agreement's term, which ends on August 31, 2024
    answer = qa.ask("Which agreements expire in 2025?")
    assert answer.text.splitlines()[0] == ("3 of the 7 agreements whose end date is known end in 2025 "
                                           "(2 of the 9 agreements state no end date the catalog reads):")
    # soonest first, each where its end date or its term stands
    assert [(c.file, c.agreement_number, c.clause) for c in answer.citations] == [
        (SUPPLY, 1, "8.1"), (TWO, 1, "2"), (TWO, 2, "4.1")]
    assert [v.text for v in answer.values] == ["two (2) years", "January 31, 2025", "one (1) year from 3 June 2024"]
    for value in answer.values:
        cited = answer.citations[value.citation]
        assert qa.document_text(cited.file)[value.start:value.end] == value.text
    assert "one (1) year from 3 June 2024, which ends on 2025-06-03" in answer.text
    later = qa.ask("Which contracts run out after 2026?")
    assert [c.file for c in later.citations] == [LICENCE, DISTRIBUTION]
    assert "renews: successive one-year" in later.text.splitlines()[1]
    none = qa.ask("Which agreements expire in 2030?")
    assert none.found is False and not none.citations


@pytest.mark.slow
def test_which_agreements_someone_with_a_title_signed_reads_the_blocks_titles(qa):
    # the ranker quoted Ewan Murray ("Director") and the side-by-side title line of two signers
    answer = qa.ask("Which agreements were signed by a Managing Director?")
    assert answer.text.splitlines()[0] == ("Vantor Medical Devices, Inc. and Selk Health Supplies B.V.: Joost van der "
                                           "Berg [1]; Halden Robotics GmbH and Sofia Ruiz: Matthias Brenner [3]")
    assert [(c.file, c.quote) for c in answer.citations] == [
        (DISTRIBUTION, "By: /s/ Joost van der Berg"), (DISTRIBUTION, "Title: Managing Director"),
        (EMPLOYMENT, "For Halden Robotics GmbH\nName: Matthias Brenner"), (EMPLOYMENT, "Title: Managing Director")]
    for value in answer.values:
        cited = answer.citations[value.citation]
        assert qa.document_text(cited.file)[value.start:value.end] == value.text
        assert cited.start <= value.start < value.end <= cited.end
    # by its initials; a one-line block states name and title together
    ceo = qa.ask("Who signed as CEO?")
    assert [v.text for v in ceo.values if v.kind == "signer"] == ["Laura Kimball", "Nadia Kowalski"]
    assert ceo.citations[-1].quote == "ORCHID BIOTECH LTD\nBy: /s/ Nadia Kowalski, Chief Executive Officer"
    # a Vice President is no President
    president = qa.ask("Who signed as President?")
    assert [v.text for v in president.values if v.kind == "signer"] == ["Owen Fitzgerald"]


@pytest.mark.slow
@pytest.mark.parametrize("first, follow_up, standalone, file, clause", [
    # before: "What is the governing law of distribution's agreement?", "When does the end (consulting)?"
    # (the services agreement of Kestrel Consulting answered first), "Who signed the (employment)?"
    ("What is the governing law of the supply agreement?", "And the distribution agreement?",
     "What is the governing law of the distribution agreement?", DISTRIBUTION, "12"),
    # in bold, as pasted from a document: "**And ...**" did not open with its "And"
    ("What is the governing law of the supply agreement?", "**And the distribution agreement?**",
     "What is the governing law of the distribution agreement?", DISTRIBUTION, "12"),
    ("When does the NDA end?", "And the consulting agreement?", "When does the consulting agreement end?", TWO, "4.1"),
    ("Who signed the NDA?", "And the employment contract?", "Who signed the employment contract?", EMPLOYMENT,
     "signatures"),
    # the NDA's initials and its parties named it: all give way
    ("Which law governs the NDA between Acme and Birch?", "And the supply agreement?",
     "Which law governs the supply agreement?", SUPPLY, "10.2"),
])
def test_a_follow_up_naming_another_agreement_by_its_kind_asks_the_last_question_of_it(
        qa, first, follow_up, standalone, file, clause):
    conversation = qa.conversation()
    conversation.ask(first)
    answer = conversation.ask(follow_up)
    assert answer.standalone_question == standalone
    assert {(c.file, c.clause) for c in answer.citations} >= {(file, clause)}
    assert all(c.file == file for c in answer.citations)


@pytest.mark.slow
def test_which_agreements_renew_is_read_from_the_catalogs_renewal_terms(qa):
    # the ranker's answer held the subscription alone: the licence "renews" but says not "automatically"
    answer = qa.ask("Which agreements renew automatically?")
    assert answer.text.splitlines()[0] == "2 of the 9 agreements renew (the catalog's renewal terms):"
    assert [(c.file, c.clause) for c in answer.citations] == [(LICENCE, "6.1"), (SAAS, "4.2")]
    for value in answer.values:
        assert value.text == "successive one-year"
        cited = answer.citations[value.citation]
        assert qa.document_text(cited.file)[value.start:value.end] == value.text
        assert cited.start <= value.start < value.end <= cited.end


@pytest.mark.slow
def test_when_something_happens_under_an_agreement_is_not_the_date_of_its_opening(qa):
    # the opening's "as of March 3, 2025" was quoted first: a date, as "when" asks, but of the agreement
    answer = qa.ask("When is an invoice due under the SaaS agreement?")
    first = answer.citations[0]
    assert (first.file, first.clause) == (SAAS, "3.2")
    assert first.quote == "Invoices are due within thirty (30) days of the invoice date."
    # the opening still answers when the agreement itself was made or takes effect
    answer = qa.ask("When does the SaaS agreement take effect?")
    assert (answer.citations[0].file, answer.citations[0].clause) == (SAAS, "preamble")
    assert [v.text for v in answer.values] == ["March 3, 2025"]


@pytest.mark.slow
def test_a_when_question_answered_by_a_period_states_no_later_quotes_date(qa):
    # the first quote gives sixty days' notice; "August 31, 2024", the term's end in the second quote,
    # was stated as the answer
    answer = qa.ask("When must notice of termination be given under the services agreement?")
    first = answer.citations[0]
    assert (first.file, first.clause) == (SERVICES, "3.2")
    assert "sixty (60) days' prior written notice" in first.quote
    assert answer.values == ()
    assert "August 31, 2024" not in answer.text.splitlines()[0]
    # a date the first quote states is still the answer
    answer = qa.ask("When does the services agreement expire?")
    assert [(v.text, v.citation) for v in answer.values] == [("August 31, 2024", 0)]
    assert answer.text.splitlines()[0] == "August 31, 2024 [1]"


@pytest.mark.slow
def test_signed_by_a_name_the_agreement_gives_a_party_is_who_signed_for_it(qa):
    # "the Buyer" is no signer's title: it was "not found"; it is the party the supply agreement calls so
    answer = qa.ask("Which agreements were signed by the Buyer?")
    assert answer.found is True
    assert [(c.file, c.clause, c.quote) for c in answer.citations] == [
        (SUPPLY, "signatures", "Signed by Priya Lal, Chief Commercial Officer, for and on behalf of Corrie & Lisle "
                               "Grocers plc")]
    assert [(v.text, v.kind) for v in answer.values] == [("Priya Lal", "signer")]


@pytest.mark.slow
def test_a_title_no_signature_block_gives_is_not_found_with_the_titles_given(qa):
    # the ranker quoted eight "IN WITNESS WHEREOF" lines; the employee and the consultant sign in person
    answer = qa.ask("Which agreements were signed by a Treasurer?")
    assert answer.found is False and answer.citations == ()
    assert answer.text.startswith("Not found: no signature block in the 9 indexed agreements gives the title "
                                  "Treasurer (the titles given: ")
    given = answer.text.split("(the titles given: ", 1)[1].rstrip(").").split("; ")
    assert "Vice President, Operations" in given and "Chief Commercial Officer" in given
    assert len(given) == len(set(given)) == 14  # each once


@pytest.mark.slow
def test_a_follow_up_whose_it_or_that_is_the_last_questions_thing_asks_of_that_thing(qa):
    # "When must that happen?" was asked of the NDA as it stood and found no clause about "that"
    conversation = qa.conversation()
    first = conversation.ask("What does the NDA say about the return of materials?")
    assert [(c.file, c.clause, c.start, c.end) for c in first.citations] == [(NDA, "5", 1753, 1926)]
    second = conversation.ask("When must that happen?")
    assert second.standalone_question == \
        "When must the return of materials happen (in the agreement of Acme Robotics, Inc. and Birch Analytics LLC)?"
    assert [(c.file, c.clause, c.start, c.end) for c in second.citations] == [(NDA, "5", 1753, 1926)]
    third = conversation.ask("How long do they have to do it?")  # still the return of materials
    assert third.standalone_question.startswith("How long do they have to do the return of materials (in the agr")
    assert third.text.splitlines()[0] == "Within ten (10) days [1]"
    assert [(v.text, v.start, v.end) for v in third.values] == [("Within ten (10) days", 1753, 1773)]


@pytest.mark.slow
def test_she_and_her_in_a_follow_up_are_the_signer_the_last_answer_named(qa):
    # "When did she sign it?" was asked of the NDA without her and gave its opening's date, March 4
    conversation = qa.conversation()
    assert conversation.ask("Who signed for Birch?").text.splitlines()[0] == "Priya Raman [1]"
    second = conversation.ask("When did she sign it?")
    assert second.standalone_question == "When did Priya Raman sign it (in the agreement of Acme Robotics, Inc. and " \
        "Birch Analytics LLC)?"
    assert [(v.text, v.start, v.end) for v in second.values] == [("March 5, 2024", 3422, 3435)]
    third = conversation.ask("What is her title?")  # the date's answer names no signer: she is still Priya Raman
    assert third.standalone_question.startswith("What is Priya Raman's title (in the agreement of Acme")
    assert [(v.text, v.start, v.end) for v in third.values] == [("Managing Member", 3400, 3415)]
    assert [(c.file, c.clause) for c in third.citations] == [(NDA, "signatures")]


@pytest.mark.slow
@pytest.mark.parametrize("question, file, start, end, signer", [
    # the opening naming Birch was quoted: "signed by" a party asks for its block, as "signed for" does
    ("Which agreements are signed by Birch?", NDA, 3335, 3374, ("Priya Raman", 3363, 3374)),
    ("Which agreements were signed by Kestrel?", SERVICES, 2621, 2669, ("Marcus Bell", 2658, 2669)),
])
def test_signed_by_a_party_cites_the_block_signed_for_it(qa, question, file, start, end, signer):
    answer = qa.ask(question)
    assert [(c.file, c.clause, c.start, c.end) for c in answer.citations] == [(file, "signatures", start, end)]
    assert [(v.text, v.start, v.end) for v in answer.values] == [signer]


@pytest.mark.slow
def test_which_agreements_have_an_individual_as_a_party_cites_each_where_its_opening_names_the_person(qa):
    # "an individual" named no party: the ranker quoted two companies' openings and a confidentiality clause
    for question in ("Which agreements have an individual as a party?", "Which agreements involve an individual?"):
        answer = qa.ask(question)
        assert answer.text.splitlines()[0] == "2 agreements in 2 files:"
        assert [(c.file, c.clause, c.start, c.end) for c in answer.citations] == \
            [(EMPLOYMENT, "preamble", 22, 292), (TWO, "preamble", 1560, 1775)]
        assert [(v.text, v.start, v.end) for v in answer.values] == \
            [("Sofia Ruiz", 219, 229), ("Dr. Helena Marsh", 1670, 1686)]


@pytest.mark.slow
def test_allowed_is_asked_as_permitted_so_a_question_saying_allow_is_not_refused_for_the_word(qa):
    # "allow" was in no clause of the licence, so "not found" held half the question absent; the licence
    # forbids sub-licensing in 7.1 ("shall not assign, sub-license or otherwise transfer")
    answer = qa.ask("Does the licence allow sublicensing?")
    assert answer.found, answer.text
    assert (LICENCE, "7.1", 2251, 2413) in [(c.file, c.clause, c.start, c.end) for c in answer.citations]


@pytest.mark.slow
@pytest.mark.parametrize("question, file, clause_id, start, end", [
    # "earn" was in no clause of the employment contract ("eligible for an annual bonus"), nor "salary" a
    # word for pay: the question was refused for the word it asked in
    ("What bonus can Sofia Ruiz earn?", EMPLOYMENT, "3.2", 931, 1072),
])
def test_earn_is_asked_as_pay(qa, question, file, clause_id, start, end):
    answer = qa.ask(question)
    assert answer.found, answer.text
    first = answer.citations[0]
    assert (first.file, first.clause, first.start, first.end) == (file, clause_id, start, end)


@pytest.mark.slow
def test_a_date_the_quote_says_something_ends_on_is_not_when_it_begins(qa):
    # "This Agreement begins on the date above and ends on August 31, 2024": August 31 was stated as when it begins
    begins = qa.ask("When does the services agreement begin?")
    assert [(c.file, c.clause, c.start, c.end) for c in begins.citations[:1]] == [(SERVICES, "3.1", 1136, 1253)]
    assert begins.values == ()
    ends = qa.ask("When does the services agreement end?")
    assert [(v.text, v.start, v.end) for v in ends.values] == [("August 31, 2024", 1188, 1203)]
    assert ends.text.splitlines()[0] == "August 31, 2024 [1]"


@pytest.mark.slow
def test_was_it_signed_by_a_named_signer_is_yes_with_their_block(qa):
    # the signer the question names was dropped as its premise, so no plain yes was given
    answer = qa.ask("Was the NDA signed by Daniel Okafor?")
    assert answer.text.splitlines()[0] == "Yes: Daniel Okafor [1]"
    assert [(v.text, v.start, v.end) for v in answer.values] == [("Daniel Okafor", 3249, 3262)]
    assert (answer.citations[0].file, answer.citations[0].clause) == (NDA, "signatures")
    both = qa.ask("Is the NDA signed by Daniel Okafor and Priya Raman?")
    assert both.text.splitlines()[0] == "Yes: Priya Raman [1]; Daniel Okafor [2]"
    assert [(v.text, v.start, v.end) for v in both.values] == \
        [("Priya Raman", 3381, 3392), ("Daniel Okafor", 3269, 3282)]
    # the words naming the agreement are no other person's name
    acme = qa.ask("Did Priya Raman sign the Acme NDA?")
    assert acme.text.splitlines()[0] == "Yes: Priya Raman [2]"
    assert [(v.text, v.start, v.end) for v in acme.values] == [("Priya Raman", 3381, 3392)]
    # Daniel Okafor signed for Acme, not Birch; and a yes for him would say nothing of John Smith
    for question in ("Did Daniel Okafor sign for Birch?", "Was the NDA signed by Daniel Okafor and John Smith?"):
        text = qa.ask(question).text
        assert not text.startswith("Yes"), text


@pytest.mark.slow
@pytest.mark.parametrize("question, file, quote_start, quote_end, address", [
    # no clause says "based" or "live": each was refused ("no clause about based"), or the courts "located in"
    # New York County were quoted for "located"; the opening gives the address beside the party's name
    ("Where is Acme based?", NDA, 33, 473, ("400 Foundry Street, Wilmington, Delaware 19801", 222, 268)),
    ("What is Birch's address?", NDA, 33, 473, ("1200 Larimer Street, Denver, Colorado 80204", 357, 400)),
    ("Where does Sofia Ruiz live?", EMPLOYMENT, 22, 292, ("Leopoldstrasse 88, 80802 Munich", 243, 274)),
    ("Where is Halden Robotics based?", EMPLOYMENT, 22, 292, ("Munich", 191, 197)),  # "with its seat in Munich"
    ("Where is the Licensee located?", LICENCE, 259, 440, ("22 Mill Lane, Bath BA1 1HG", 396, 422)),
    # the Buyer's office, in the next paragraph of the parties, was stated for Tamsin's
    ("Where is Tamsin's registered office?", SUPPLY, 57, 233, ("9 Mill Wynd, Perth PH1 5QT", 185, 211)),
])
def test_where_a_party_is_is_the_address_its_opening_gives_beside_its_name(qa, question, file, quote_start,
                                                                            quote_end, address):
    answer = qa.ask(question)
    assert [(c.file, c.clause, c.start, c.end) for c in answer.citations] == [(file, "preamble", quote_start,
                                                                               quote_end)]
    assert [(v.text, v.start, v.end, v.kind) for v in answer.values] == [(*address, "place")]
    assert answer.text.splitlines()[0] == f"{address[0]} [1]"
    assert qa.document_text(file)[address[1]:address[2]] == address[0]


@pytest.mark.slow
def test_a_party_whose_opening_gives_no_address_is_not_placed_at_a_court(qa):
    # the services agreement calls Harbor "a New York corporation" and gives no address
    answer = qa.ask("Where is Harbor based?")
    assert not answer.found, answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question, lead, cited, signer", [
    # a person's name scopes no agreement: the ranker listed Priya Lal's block beside Priya Raman's
    ("Which agreements are signed by Priya Raman?", "Acme Robotics, Inc. and Birch Analytics LLC: Priya Raman [1]",
     (NDA, 3335, 3374), ("Priya Raman", 3363, 3374)),
    ("Which contracts did Grace Whitlock sign?",
     "Northwind Software Limited and Quillfeather Publishing Ltd: Grace Whitlock [1]",
     (LICENCE, 2999, 3080), ("Grace Whitlock", 3066, 3080)),
    ("What has Joost van der Berg signed?",
     "Vantor Medical Devices, Inc. and Selk Health Supplies B.V.: Joost van der Berg [1]",
     (DISTRIBUTION, 4438, 4464), ("Joost van der Berg", 4446, 4464)),
])
def test_which_agreements_a_person_signed_are_the_blocks_signed_in_their_whole_name(qa, question, lead, cited,
                                                                                    signer):
    answer = qa.ask(question)
    assert answer.text.splitlines()[0] == lead
    assert [(c.file, c.start, c.end) for c in answer.citations] == [cited]
    assert [(v.text, v.start, v.end, v.kind) for v in answer.values] == [(*signer, "signer")]
    assert qa.document_text(cited[0])[signer[1]:signer[2]] == signer[0]


@pytest.mark.slow
@pytest.mark.parametrize("question, clause_id, cited, said", [
    # "Customer shall not (a) resell ..., (b) reverse engineer ...": no plain no was read behind "(a)"
    ("Can Fenwick resell the service?", "2.2", (876, 1031), ("no", "shall not (a) resell", 885, 905)),
    ("Can Fenwick reverse engineer the service?", "2.2", (876, 1031),
     ("no", "shall not (a) resell or sublicense the Service, (b) reverse", 885, 944)),
    # "Orbit" named the agreement, and "Neither party" is Orbit too
    ("Is Orbit liable for lost profits?", "10.1", (3452, 3560), ("no", "Neither party shall be liable", 3452, 3481)),
    # forbidden: using the Service to build a competing product, not using it; excluded: indirect damages
    ("Can Fenwick use the service?", "2.2", (876, 1031), None),
    ("Is Orbit liable for direct damages?", "10.1", (3452, 3560), None),
])
def test_a_plain_no_is_read_from_a_list_of_prohibitions_and_a_liability_denied_to_every_party(qa, question, clause_id,
                                                                                              cited, said):
    answer = qa.ask(question)
    first = answer.citations[0]
    assert (first.file, first.clause, first.start, first.end) == (SAAS, clause_id, *cited)
    verdicts = [(v.kind, v.text, v.start, v.end) for v in answer.values if v.kind in ("yes", "no")]
    assert verdicts == ([said] if said else [])
    assert answer.text.startswith("No: ") is bool(said)


@pytest.mark.slow
def test_how_often_asks_for_no_amount(qa):
    # "GBP 250,000" from the minimum purchase (the second quote) was stated for how often prices may rise
    answer = qa.ask("How often can the Supplier raise prices?")
    assert [(c.file, c.clause, c.start, c.end) for c in answer.citations[:1]] == [(SUPPLY, "4.2", 1985, 2172)]
    assert answer.values == ()
    assert "GBP" not in answer.text.splitlines()[0]


@pytest.mark.slow
def test_countries_are_asked_as_the_territory(qa):
    # "countries" is in no clause of the distribution agreement, which names its "Territory": refused for the word
    answer = qa.ask("Which countries does Selk cover?")
    assert answer.found, answer.text
    assert [(c.file, c.clause, c.start, c.end) for c in answer.citations[:1]] == [(DISTRIBUTION, "1", 681, 864)]
    assert "Belgium, the Netherlands and Luxembourg" in answer.citations[0].quote


@pytest.mark.slow
def test_where_disputes_are_arbitrated_is_the_seat(qa):
    # "administered by the International Chamber of Commerce ..., seated in London": the body was stated for "where"
    answer = qa.ask("Where will disputes be arbitrated?")
    assert answer.text.splitlines()[0] == "London [1]"
    assert [(c.file, c.clause, c.start, c.end) for c in answer.citations[:1]] == [(DISTRIBUTION, "12", 3836, 4019)]
    assert [(v.text, v.start, v.end) for v in answer.values] == [("London", 4012, 4018)]


@pytest.mark.slow
@pytest.mark.parametrize("question", ["What is Sofia Ruiz's job title?", "What is Sofia Ruiz's position?"])
def test_a_job_title_is_asked_as_a_position_not_as_the_agreements_title(qa, question):
    # "job" was in no clause (refused), and "title" asked for the agreement's: "EMPLOYMENT AGREEMENT" was quoted
    answer = qa.ask(question)
    assert answer.found, answer.text
    first = answer.citations[0]
    assert (first.file, first.clause, first.start, first.end) == (EMPLOYMENT, "1.1", 321, 431)
    assert "as Head of Perception Engineering" in first.quote


@pytest.mark.slow
def test_a_what_question_with_a_when_condition_asks_for_no_date(qa):
    # "when the agreement ends" is the condition: "August 31, 2024" (when it ends) was stated as what is handed over
    answer = qa.ask("What must Kestrel hand over when the agreement ends?")
    assert [v for v in answer.values if v.kind == "date"] == []
    assert not answer.text.startswith("August 31, 2024")


@pytest.mark.slow
def test_a_role_word_in_lower_case_names_no_agreement_when_the_question_names_another_by_its_parties(qa):
    # "customer" is the SaaS agreement's name for its party: the question was asked of that agreement
    question = "Can Kestrel disclose Harbor's customer lists?"
    assert qa.scope_of(question).agreements == (f"{SERVICES}#1",)
    answer = qa.ask(question)
    assert [(c.file, c.clause, c.start, c.end) for c in answer.citations[:1]] == [(SERVICES, "4.1", 1629, 1764)]
    assert answer.text.splitlines()[0].startswith('No: "Consultant shall hold Client')
    # a role word alone still names the agreement that gives it
    assert qa.scope_of("Can the customer resell the service?").agreements == (f"{SAAS}#1",)


@pytest.mark.slow
@pytest.mark.parametrize("file, question, kinds_question, cited", [
    # the agreement audits "records"; "inspect" and "accounts" are nowhere in it, and the question was refused
    (DISTRIBUTION, "Can either side inspect the other's accounts?",
     "Does a party have the right to audit the other's books or records?",
     [("11", 3592, 3723, "Vantor may, once per calendar year and on fifteen (15) days' notice, audit Distributor's "
                         "records relating to sales of the Products.")]),
    (SUPPLY, "Which policies must a party hold?", "What insurance must a party maintain?",
     [("6.1", 2685, 2843, "The Supplier shall maintain product liability insurance with a limit of not less than "
                          "GBP 5,000,000 per claim, and shall show the Buyer the policy on request.")]),
    (SUPPLY, "Is there a minimum we must buy?", "Is there a minimum purchase, order or volume commitment?",
     [("2.3", 1204, 1303, "The Buyer shall purchase Products with a total price of at least GBP 250,000 in each "
                          "Contract Year."),
      ("2.3", 1304, 1426, "If it purchases less, it shall pay the Supplier the shortfall within thirty (30) days "
                          "after the end of that Contract Year.")]),
])
def test_a_question_in_words_the_agreement_never_uses_is_answered_in_its_kinds_words(qa, file, question,
                                                                                     kinds_question, cited):
    answer = qa.ask(question, files=[file])
    assert (answer.found, answer.question, answer.answered_as) == (True, question, kinds_question)
    assert [(c.clause, c.start, c.end, c.quote) for c in answer.citations] == cited
    assert answer.text.endswith(f'\n(Answered as "{kinds_question}")')
    assert answer.to_dict()["answered_as"] == kinds_question


@pytest.mark.slow
def test_a_question_loosely_like_one_kind_and_clearly_no_other_is_answered_in_its_kinds_words(qa):
    """0.61 like an insurance phrasing (under the 0.65 that asks any refused question again), 0.20
    nearer it than any other kind: asked again as the insurance question."""
    answer = qa.ask("What kind of cover or policies do they have to carry in case something goes wrong?",
                    files=[SUPPLY])
    assert (answer.found, answer.answered_as) == (True, "What insurance must a party maintain?")
    assert [(c.clause, c.start, c.end) for c in answer.citations][:1] == [("6.1", 2685, 2843)]
    assert answer.citations[0].quote.startswith("The Supplier shall maintain product liability insurance")


@pytest.mark.slow
@pytest.mark.parametrize("file, question", [
    # 0.60 like an anti-assignment phrasing and 0.57 like an exclusivity one: the words shared are the
    # template's, and confidentiality is no fitted kind; the distribution agreement has no such clause
    (DISTRIBUTION, "Does the agreement have a clause about confidentiality?"),
    (SAAS, "Does the agreement have a clause about arbitration?"),  # 0.57 like, 0.02 ahead; 11.3 names courts
])
def test_a_question_loosely_like_several_kinds_is_not_asked_in_any_kinds_words(qa, file, question):
    answer = qa.ask(question, files=[file])
    assert (answer.found, answer.citations, answer.answered_as) == (False, (), "")


@pytest.mark.slow
@pytest.mark.parametrize("file, question", [
    (NDA, "Can they come in and check our books?"),  # like an audit question; the NDA audits nothing
    (EMPLOYMENT, "How many vacation days does the employee get?"),  # like no fitted kind
])
def test_a_question_its_kinds_words_do_not_answer_either_stays_not_found(qa, file, question):
    answer = qa.ask(question, files=[file])
    assert (answer.found, answer.citations, answer.answered_as) == (False, (), "")
    assert answer.text.startswith("Not found: no clause about ")


@pytest.mark.slow
def test_a_renewal_question_of_an_agreement_that_never_renews_says_so(qa):
    # the lease runs for a term and ends; it never renews, extends or rolls over. The refusal named the
    # question's words ("no clause about lease, roll, end, term"), though its clauses are about its term
    answer = qa.ask("Does the equipment lease roll over at the end of its term?")
    assert (answer.found, answer.citations) == (False, ())
    assert answer.text == "Not found: no clause about renewal in 1 agreement (matching equip, leas)."
    # the subscription renews: its renewal clause answers
    renews = qa.ask("How much notice is needed to stop the subscription renewing?")
    first = renews.citations[0]
    assert (first.file, first.clause, first.start, first.end) == ("saas_orbit_fenwick.txt", "4.2", 1573, 1768)


@pytest.mark.slow
def test_a_found_answer_whose_kind_its_own_question_does_not_find_is_not_found(qa):
    """0.84 like a renewal question; the NDA runs for two years and never renews, so the renewal
    question is refused, and its near-paraphrase no longer quotes the term clause as if it renewed."""
    answer = qa.ask("The agreement renews itself once the initial term is over.", files=[NDA])
    assert (answer.found, answer.citations, answer.values, answer.answered_as) == (False, (), (), "")
    # and the NDA never renews, extends or runs on until terminated: nothing of it is about renewal
    assert answer.text == "Not found: no clause about renewal in 1 agreement in nda_acme_birch.txt."


@pytest.mark.slow
@pytest.mark.parametrize("question, cited", [
    # much like a post-termination question the NDA does not answer, yet it quotes "survive", which
    # that question never says: it asks about something its kind's question does not
    ("Some obligations survive termination of the agreement.",
     ("7", 2239, 2348, "The obligations of confidentiality in this Agreement survive for three (3) years after "
                       "expiry or termination.")),
    # much like an anti-assignment question, which the NDA answers too
    ("Can the agreement be assigned?",
     ("8", 2365, 2525, "Neither Party may assign this Agreement without the prior written consent of the other "
                       "Party, except to a successor to all or substantially all of its business.")),
])
def test_a_found_answer_stands_when_its_kind_is_found_or_it_quotes_what_the_kind_does_not_ask(qa, question, cited):
    answer = qa.ask(question, files=[NDA])
    assert answer.found and answer.answered_as == ""
    assert (answer.citations[0].clause, answer.citations[0].start, answer.citations[0].end,
            answer.citations[0].quote) == cited


@pytest.mark.slow
@pytest.mark.parametrize("file, cited", [
    (NDA, ("7", 2101, 2163, "This Agreement runs for two (2) years from the Effective Date.")),
    (DISTRIBUTION, ("9", 2999, 3089,
                    'The initial term of this Agreement is five (5) years from the Effective Date (the "Term").')),
])
def test_a_question_much_like_a_kind_whose_question_cites_another_clause_is_answered_as_that_kind(qa, file, cited):
    """Much like an expiration-date phrasing: in its own words the opening was quoted first (it dates
    the agreement); the kind's own question, whose answers the ranker was fitted on, quotes the term."""
    kinds_question = "When does this agreement expire or its initial term end?"
    answer = qa.ask("When does the agreement expire?", files=[file])
    assert (answer.found, answer.answered_as) == (True, kinds_question)
    first = answer.citations[0]
    assert (first.clause, first.start, first.end, first.quote) == cited
    assert answer.text.endswith(f'\n(Answered as "{kinds_question}")')


@pytest.mark.slow
def test_a_question_answered_in_its_own_words_says_nothing_of_its_kind(qa):
    answer = qa.ask("Which jurisdiction's law governs the supply agreement?")
    assert answer.answered_as == "" and "Answered as" not in answer.text
    # the catalog's governing-law sentence, read from the clause with its number (assistant/catalog_facts.py)
    assert [(c.clause, c.start) for c in answer.citations][:1] == [("10.2", qa.document_text(SUPPLY).index(
        "10.2 This agreement is governed by the law of Scotland"))]


@pytest.mark.slow
@pytest.mark.parametrize("question, lead", [
    # the opening's "a Delaware corporation" is where its Provider is incorporated, not the law it is under
    ("Whose legal system does this contract fall under?", "Ireland [1]"),
    ("Is this agreement governed by Delaware law?", "No: governed by the law of Ireland [1]"),
    ("Is this agreement governed by Irish law?", "Yes: governed by the law of Ireland [1]"),
])
def test_an_agreements_governing_law_is_read_from_the_catalog(qa, question, lead):
    answer = qa.ask(question, files=[SAAS])
    assert answer.found and answer.text.splitlines()[0] == lead
    assert [(c.file, c.clause) for c in answer.citations] == [(SAAS, "11.3")]
    assert answer.citations[0].quote.startswith("11.3 This Agreement is governed by the laws of Ireland")
    (value,) = answer.values
    assert (value.kind, value.text, value.start, value.end) == ("law", "Ireland", 4072, 4079)
    assert qa.document_text(SAAS)[value.start:value.end] == "Ireland"


@pytest.mark.slow
def test_an_agreements_date_is_read_from_the_catalog(qa):
    answer = qa.ask("When was this agreement made?", files=[SAAS])
    assert answer.found and answer.text.splitlines()[0] == "March 3, 2025 [1]"
    assert [(c.file, c.clause) for c in answer.citations] == [(SAAS, "preamble")]
    (value,) = answer.values
    assert (value.kind, value.start, value.end) == ("date", 110, 123)
    assert qa.document_text(SAAS)[value.start:value.end] == "March 3, 2025"


@pytest.mark.slow
@pytest.mark.parametrize("file, question, date, start", [
    # the blocks give no date and sign "as of the Effective Date": the signature clause was quoted, or the
    # blocks' party line
    (DISTRIBUTION, "When did Vantor and Selk sign the agreement?", "June 1, 2022", 132),
    (DISTRIBUTION, "When was this thing signed?", "June 1, 2022", 132),
    (EMPLOYMENT, "When did she sign the contract?", "6 January 2025", 76),  # was "Not found"
    # "put our names to" is the contract's "signed": read as a signing-date question (its opening was quoted
    # with no date stated)
    (EMPLOYMENT, "What date did we put our names to this?", "6 January 2025", 76),
])
def test_when_an_agreement_with_undated_blocks_was_signed_is_its_own_date(qa, file, question, date, start):
    answer = qa.ask(question, files=[file])
    assert answer.found and answer.text.splitlines()[0] == f"{date} [1]"
    assert [(c.file, c.clause) for c in answer.citations] == [(file, "preamble")]
    (value,) = answer.values
    assert (value.kind, value.text, value.start, value.end) == ("date", date, start, start + len(date))
    assert qa.document_text(file)[value.start:value.end] == date


@pytest.mark.slow
@pytest.mark.parametrize("file, question, title, end", [
    # the heading alone was quoted, or the opening sentence alone; either is the title a reader (and CUAD's
    # lawyers) may look for, so the quote runs from the heading through the opening sentence naming it
    (DISTRIBUTION, "What is this contract called?", "EXCLUSIVE DISTRIBUTION AGREEMENT", 351),
    (DISTRIBUTION, "What's the name on the front of this deal?", "EXCLUSIVE DISTRIBUTION AGREEMENT", 351),
    (EMPLOYMENT, "What is the title of this agreement?", "EMPLOYMENT AGREEMENT", 292),
])
def test_an_agreements_title_is_quoted_from_its_heading_through_its_opening_sentence(qa, file, question, title,
                                                                                      end):
    answer = qa.ask(question, files=[file])
    assert answer.found and answer.text.splitlines()[0] == f"{title} [1]"
    (first,) = answer.citations
    text = qa.document_text(file)
    assert (first.file, first.clause, first.start, first.end) == (file, "preamble", 0, end)
    assert first.quote == text[:end] and first.quote.endswith("(\"Distributor\")." if file == DISTRIBUTION
                                                              else "(the \"Employee\").")
    (value,) = answer.values
    assert (value.kind, value.start, value.end) == ("title", 0, len(title)) and text[:len(title)] == title


@pytest.mark.slow
@pytest.mark.parametrize("question", ["When does this agreement come into force?", "From what day are we bound by it?"])
def test_an_agreements_effective_date_is_read_from_the_catalog(qa, question):
    # "three (3) years from the Effective Date" in clause 4.1 names the date without giving it
    answer = qa.ask(question, files=[SAAS])
    assert answer.found and answer.text.splitlines()[0] == "March 3, 2025 [1]"
    assert [(c.file, c.clause) for c in answer.citations] == [(SAAS, "preamble")]
    (value,) = answer.values
    assert qa.document_text(SAAS)[value.start:value.end] == "March 3, 2025" and value.start == 110
