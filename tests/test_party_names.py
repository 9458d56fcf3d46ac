"""A refused question in the parties' own names, asked again in the contract's terms (assistant/party_names.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.party_names import party_names_in, without_party_names

LETTER = ("Brightwater Provisions, Inc.", "Cardinal Ridge Capital Partners IV, L.P.")
NDA = ("RED MESA ENERGY PARTNERS, LLC", "GULFLINE MIDSTREAM HOLDINGS, INC.", "Red Mesa", "Gulfline")


@pytest.mark.parametrize("question, parties, names", [
    # a full name's leading words, as the question writes them
    ("Is Cardinal Ridge barred from poaching Brightwater personnel?", LETTER, ["Cardinal Ridge", "Brightwater"]),
    ("Can Vantrel build up a stake in Harrowgate's shares?",
     ("Harrowgate Industrial Group plc", "Vantrel Performance Materials Limited"), ["Harrowgate", "Vantrel"]),
    # as long as each other: in the question's order, whatever the set's
    ("Could Gulfline approach a producer Red Mesa introduced?", NDA, ["Gulfline", "Red Mesa"]),
    # a role the agreement gives a party is the contract's own word; a name in lower case is no name
    ("Can the Licensee assign?", ("Northwind Software Limited", "Licensee"), []),
    ("Is the red mesa plateau in the territory?", NDA, []),
])
def test_the_parties_names_a_question_uses(question, parties, names):
    assert party_names_in(question, parties) == names


@pytest.mark.parametrize("question, parties, reworded", [
    ("Is Cardinal Ridge barred from poaching Brightwater personnel?", LETTER,
     "Is the party barred from poaching the other party personnel?"),
    ("Can Vantrel build up a stake in Harrowgate's listed shares?",
     ("Harrowgate Industrial Group plc", "Vantrel Performance Materials Limited"),
     "Can the party build up a stake in the other party's listed shares?"),
    # the same party again is "the party" again
    ("Could Gulfline use what it learns to approach a producer that Red Mesa introduced, cutting Red Mesa out?", NDA,
     "Could the party use what it learns to approach a producer that the other party introduced, cutting the other "
     "party out?"),
    # a name that only says which agreement is dropped
    ("Does the Brightwater letter agreement protect information communicated orally?", LETTER,
     "Does the letter agreement protect information communicated orally?"),
    ("Does the letter protect information communicated orally?", LETTER,
     "Does the letter protect information communicated orally?"),
])
def test_a_question_without_the_parties_names(question, parties, reworded):
    assert without_party_names(question, parties) == reworded


CHECKLIST = Path(__file__).resolve().parents[1] / "eval" / "written" / "nda-checklist"
LETTER_FILE = "e2_brightwater_cardinal_ridge_confidentiality_letter.txt"


@pytest.fixture(scope="module")
def checklist(tmp_path_factory):
    from assistant import Assistant

    return Assistant.from_paths(sorted(str(p) for p in CHECKLIST.glob("*.txt")),
                                index_dir=str(tmp_path_factory.mktemp("checklist-idx")))


@pytest.mark.slow
@pytest.mark.parametrize("question, answered_as, cited", [
    # the letter says "you" and "the Company"; in the parties' names both were refused
    ("Is Cardinal Ridge barred from poaching Brightwater personnel?",
     "Is the party barred from poaching the other party personnel?", ("7", 7241, 7946)),
    ("Does the Brightwater letter agreement protect information that is communicated by spoken word, not just "
     "documents?", "Does the letter agreement protect information that is communicated by spoken word, not just "
                   "documents?", ("preamble", 887, 1439)),
])
def test_a_question_in_the_parties_names_is_answered_in_the_contracts_terms(checklist, question, answered_as, cited):
    answer = checklist.ask(question, files=[LETTER_FILE])
    assert answer.found and answer.answered_as == answered_as
    first = answer.citations[0]
    assert (first.file, first.clause, first.start, first.end) == (LETTER_FILE, *cited)
    assert answer.text.endswith(f"(Answered as \"{answered_as}\")")


@pytest.mark.slow
def test_a_topic_the_letter_leaves_out_stays_not_found_in_any_names(checklist):
    answer = checklist.ask("Must Cardinal Ridge carry cyber insurance?", files=[LETTER_FILE])
    assert (answer.found, answer.citations, answer.answered_as) == (False, (), "")
    assert answer.text == f"Not found: no clause about insurance in 1 agreement in {LETTER_FILE}."
