"""Which questions ask where a party is, and of whom (assistant.whereabouts)."""

from __future__ import annotations

import pytest

from assistant.whereabouts import asks_whereabouts


@pytest.mark.parametrize("question, name", [
    ("Where is Acme based?", "Acme"),
    ("Where is the Licensee located?", "Licensee"),
    ("where are Birch Analytics headquartered", "Birch Analytics"),
    ("Where does Sofia Ruiz live?", "Sofia Ruiz"),
    ("Where does Acme have its offices?", "Acme"),
    ("What is Birch's address?", "Birch"),
    ("What is Birch's registered office?", "Birch"),
    ("What is the principal place of business of Selk Health Supplies B.V.?", "Selk Health Supplies B.V."),
    ("Acme's address?", "Acme"),
    ("Where is Tamsin's registered office?", "Tamsin"),
    ("Where are Acme's offices?", "Acme"),
])
def test_a_whereabouts_question_names_whom_it_asks_about(question, name):
    assert asks_whereabouts(question) == name


@pytest.mark.parametrize("question", [
    "Where would a dispute be heard?",
    "Where must the goods be delivered?",
    "What is the governing law?",
    "Who signed for Acme?",
    "When does Sofia Ruiz start work?",
])
def test_other_questions_ask_no_whereabouts(question):
    assert asks_whereabouts(question) == ""
