"""A confidentiality letter in the English style (tests/contracts_apart/letter_ashcombe_orwell.txt): its
parties are its letterhead and the company under "The Board of Directors" in its addressee block, greeted
without a comma ("Dear Mr Frome"); it has no numbered clauses, and its execution blocks follow "Yours
faithfully": a conformed signature on a line of its own ("/s/ Helena Marsh"), the name, the title, then
"for and on behalf of" over the party signed for."""

from __future__ import annotations

from pathlib import Path

import pytest

LETTER = Path(__file__).resolve().parent / "contracts_apart" / "letter_ashcombe_orwell.txt"


def _segmented():
    from index.loaders import load_document
    from index.segment import segment

    return segment(load_document(str(LETTER)))


def test_a_letters_parties_include_the_company_under_its_attention_line():
    (agreement,) = _segmented().agreements
    assert agreement.parties == ("Ashcombe Marine Holdings plc", "Orwell Coastal Engineering Limited")
    assert agreement.label == "Ashcombe Marine Holdings plc and Orwell Coastal Engineering Limited"


def test_a_letters_opening_is_its_preamble_through_its_first_paragraph():
    # the letterhead, "PRIVATE AND CONFIDENTIAL", the addressee block, the date, the salutation and the subject
    # line are one clause with the paragraph naming the parties (they were three clauses, the letterhead's and
    # "Private And Confidential" among them, and the letter had no preamble)
    clauses = _segmented().clauses
    assert [(c.clause_id, c.start, c.end) for c in clauses[:2]] == [("preamble", 22, 743), ("para 2", 745, 1242)]
    assert clauses[0].text.startswith("ASHCOMBE MARINE HOLDINGS PLC\n")
    assert clauses[0].text.endswith('you agree with the Seller on the terms of this letter.')


def test_a_letters_execution_blocks_are_its_signatures_clause():
    clauses = _segmented().clauses
    assert [(c.clause_id, c.start, c.end) for c in clauses[-2:]] == [("para 4", 1746, 1849),
                                                                    ("signatures", 1851, 2131)]
    assert clauses[-2].text.endswith("returning the enclosed copy of this letter.")
    assert clauses[-1].text.startswith("Yours faithfully\n\n/s/ Helena Marsh")
    assert clauses[-1].text.endswith("Date: 5 March 2024")


def test_a_conformed_signature_signs_for_the_party_after_for_and_on_behalf_of():
    from index.signature_blocks import signature_blocks

    text = LETTER.read_text()
    blocks = signature_blocks(_segmented().clauses)
    assert [(b.signer.text, b.signer.start, b.signer.role, b.party.text, b.party.start) for b in blocks] == [
        ("Helena Marsh", 1873, "Company Secretary", "ASHCOMBE MARINE HOLDINGS PLC", 1938),
        ("Daniel Frome", 2012, "Managing Director", "ORWELL COASTAL ENGINEERING LIMITED", 2077)]
    assert [b.date.text if b.date else None for b in blocks] == [None, "5 March 2024"]
    assert all(text[b.signer.start:b.signer.end] == b.signer.text for b in blocks)


@pytest.fixture(scope="module")
def letter(tmp_path_factory):
    from assistant import Assistant

    return Assistant.from_paths([str(LETTER)], index_dir=str(tmp_path_factory.mktemp("letter-idx")))


@pytest.mark.parametrize("question, values, spans", [
    ("Who signed for Orwell?", ["Daniel Frome"], [(2008, 2024)]),
    # the letter is the agreement itself, no party (it was read as a party no block signs for)
    ("Who signed the letter?", ["Helena Marsh", "Daniel Frome"], [(1869, 1885), (2008, 2024)]),
])
def test_who_signed_a_letter(letter, question, values, spans):
    answer = letter.ask(question)
    assert [v.text for v in answer.values if v.kind == "signer"] == values
    assert [(c.clause, c.start, c.end) for c in answer.citations] == [("signatures", *s) for s in spans]
    assert all(LETTER.read_text()[c.start:c.end] == c.quote for c in answer.citations)


def test_the_parties_to_a_letter(letter):
    answer = letter.ask("Who are the parties to this letter?")
    assert [v.text for v in answer.values] == ["Orwell Coastal Engineering Limited", "Ashcombe Marine Holdings plc"]
    # the addressee block names Orwell; the letter's first sentence names the Seller
    assert [(c.start, c.end) for c in answer.citations] == [(125, 214), (359, 622)]
    assert answer.citations[0].quote.startswith("The Board of Directors\nOrwell Coastal Engineering Limited")
    assert answer.citations[1].quote.endswith("make an offer for it (the \"Proposal\").")


@pytest.mark.parametrize("question", ["When was the letter signed?", "When did we actually sign this thing?"])
def test_when_a_letter_was_signed_is_its_date_and_its_dated_blocks(letter, question):
    # the ranker answered: the letter's date second, after its block's, or a date fragment of another clause
    answer = letter.ask(question)
    assert answer.text.splitlines()[0] == "3 March 2024 [1]; signature blocks dated 5 March 2024 [2]"
    assert [(c.clause, c.start, c.end) for c in answer.citations] == [("preamble", 274, 286),
                                                                      ("signatures", 2113, 2131)]
    assert [(v.text, v.kind, v.citation) for v in answer.values] == [("3 March 2024", "date", 0),
                                                                     ("5 March 2024", "date", 1)]


def test_when_a_party_signed_is_its_blocks_date(letter):
    answer = letter.ask("When did Orwell sign?")
    assert answer.text.splitlines()[0] == "5 March 2024 [1]"
    assert [(c.clause, c.start, c.end) for c in answer.citations] == [("signatures", 2077, 2131)]
