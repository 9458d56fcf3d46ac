"""Who holds the agreements: the question's shape, and the parties the question itself names."""

from __future__ import annotations

import pytest

from assistant.holders import names_party, asks_holders


@pytest.mark.parametrize("question, asks", [
    ("Who has a contribution agreement for the TinyScript paper?", True),
    ("Which authors have agreements with ICML?", True),
    ("Which companies hold contracts with Acme?", True),
    ("Who has an agreement?", True),
    ("Who signed the agreement?", False),  # a signer, not a holder
    ("Who has the right to terminate the agreement?", False),  # a right, not an agreement
    ("Which agreements are governed by California law?", False),
])
def test_asks_holders(question, asks):
    assert asks_holders(question) is asks


@pytest.mark.parametrize("name, named", [
    ("International Conference on Machine Learning", True),  # by its initials, ICML
    ("Acme Robotics, Inc.", True),  # by its words, without the legal form
    ("Dan Alistarh", False),
])
def test_a_party_the_question_names_is_who_the_agreements_are_with(name, named):
    assert names_party("Which authors have agreements with ICML or Acme Robotics?", name) is named
