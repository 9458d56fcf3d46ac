"""Questions about the collection itself are answered from the catalog, every agreement cited."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.inventory import asked_kind, asks_inventory, asks_inventory_of, is_individual, named_in, of_kind


@pytest.mark.parametrize("question", [
    "How many agreements are there?", "How many contracts do we have?", "How many agreements?",
    "List all agreements.", "Show me the contracts", "Which agreements are indexed?", "What contracts do we have?",
    "Which documents are in the index?",
])
def test_questions_about_the_collection_are_inventory_questions(question):
    assert asks_inventory(question)


@pytest.mark.parametrize("question", [
    "How many agreements does ICML have?",  # a count of some agreements: what the agreements say
    "Which agreements are governed by California law?", "List the agreements signed in 2020",
    "How many days' notice ends the agreement?", "Which agreements mention arbitration?",
])
def test_questions_about_what_agreements_say_are_not(question):
    assert not asks_inventory(question)


@pytest.mark.parametrize("question, of", [
    ("List the agreements with Acme.", True), ("How many contracts does Birch have?", True),
    ("Show me the agreements for the TinyScript paper", True), ("How many agreements are with Acme?", True),
    ("Which agreements is ICML a party to?", True), ("Which contracts involve Birch Analytics?", True),
    ("Which agreements name IMLS as a party?", True), ("In which contracts is Birch a party?", True),
    ("Which agreements are with Acme?", False),  # a question of its own (who holds them: assistant/holders.py)
    ("How many days' notice does Birch have?", False),
])
def test_the_collection_of_agreements_some_names_pick_out(question, of):
    assert asks_inventory_of(question) is of


@pytest.mark.parametrize("question, name", [
    ("Which agreements is ICML a party to?", "ICML"), ("How many agreements does ICML have?", "ICML"),
    ("List the agreements with the University of Acme.", "University of Acme"),
    ("Which contracts involve Birch Analytics?", "Birch Analytics"), ("How many agreements are there?", ""),
    ("Which agreements name IMLS as a party?", "IMLS"), ("In which contracts is Birch Analytics a party?",
                                                          "Birch Analytics"),
])
def test_an_inventory_question_names_whom_it_asks_about(question, name):
    assert named_in(question) == name


@pytest.mark.parametrize("question, kind", [
    ("Which agreements are NDAs?", "NDAs"), ("Which of these contracts are leases?", "leases"),
    ("List the employment contracts.", "employment"), ("Show me all the supply agreements", "supply"),
    ("How many consulting agreements are there?", "consulting"), ("How many NDAs do we have?", "NDAs"),
    ("Which agreements are governed by Delaware law?", "governed by Delaware law"),  # of_kind finds no title
    ("Which agreements mention arbitration?", ""), ("List the agreements.", ""),
])
def test_the_kind_of_agreement_a_question_asks_for(question, kind):
    assert asked_kind(question) == kind


@pytest.mark.parametrize("kind, titles", [
    ("NDAs", ["MUTUAL NON-DISCLOSURE AGREEMENT"]),  # its initials
    ("leases", ["EQUIPMENT LEASE AGREEMENT"]), ("licences", ["Software Licence Agreement"]),
    ("software licences", ["Software Licence Agreement"]),
    ("exclusive", []),  # a word of the title, but not the kind it names
    ("governed by New York law", []), ("distribution", ["EXCLUSIVE DISTRIBUTION AGREEMENT"]),
])
def test_agreements_of_a_kind_are_those_whose_title_names_it(kind, titles):
    # the one field of a CatalogRow that of_kind reads: its title, stated or not
    rows = [SimpleNamespace(title=SimpleNamespace(text=t, stated=bool(t))) for t in ("MUTUAL NON-DISCLOSURE AGREEMENT", "EQUIPMENT LEASE AGREEMENT",
                              "Software Licence Agreement", "EXCLUSIVE DISTRIBUTION AGREEMENT", "")]
    assert [r.title.text for r in of_kind(kind, rows)] == titles


@pytest.mark.parametrize("name, person", [
    ("Sofia Ruiz", True), ("Dr. Helena Marsh", True), ("Joost van der Berg", True), ("Xin Wang", True),
    ("Acme Robotics, Inc.", False), ("Birch Analytics LLC", False), ("Halden Robotics GmbH", False),
    ("International Conference on Machine Learning", False),  # a body's noun, and "on"
    ("ICML", False), ("Fenwick & Hale Retail Ltd.", False), ("Maple Ridge Ventures Inc.", False),
    ("Ronald McDonald", True), ("Jean-Luc Picard", True), ("John F. Kennedy", True), ("Zoë Ng", True),
    ("Madonna", False),  # one word: no way to tell
])
def test_a_party_is_an_individual_by_a_persons_name_with_no_organisations_word(name, person):
    assert is_individual(name) is person
