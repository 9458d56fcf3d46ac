"""Which questions ask for an agreement's governing law or its date (assistant/catalog_facts.py), and
their answers from the catalog, cited where the agreement states them."""

from __future__ import annotations

import pytest

from assistant.catalog_facts import asks_agreement_date, asks_governing_law


@pytest.mark.parametrize("question", [
    "governing law?",
    "What's the governing law here?",
    "Which state's law applies to this contract?",
    "Under which country's laws is this contract construed?",
    "Whose legal system does the lease fall under?",
    "Is the agreement governed by English law?",
    "What law governs the NDA between Acme and Birch?",
    "Point me to the choice of law provision.",
])
def test_a_question_asking_the_governing_law(question):
    assert asks_governing_law(question)


@pytest.mark.parametrize("question", [
    "Must the supplier comply with applicable laws?",  # other laws than the one governing it
    "Under what law is the Provider incorporated?",
    "Does the licence restrict exports under US export control laws?",
    "Which law governs and where must disputes be brought?",  # two parts: the ranker answers both
    "Which courts have jurisdiction over disputes?",
    "What laws does the confidentiality clause mention?",
    "Is the agreement governed by a written amendment?",
])
def test_a_question_not_asking_the_governing_law(question):
    assert not asks_governing_law(question)


@pytest.mark.parametrize("question", [
    "What is the date of this agreement?",
    "When was the contract entered into?",
    "agreement date?",
    "What date is at the top of the contract?",
    "When was the supply agreement made?",
    "What is the lease dated?",
])
def test_a_question_asking_the_agreements_date(question):
    assert asks_agreement_date(question)


@pytest.mark.parametrize("question", [
    "When does the agreement take effect?",
    "When does the contract expire?",
    "When was the agreement amended?",
    "When did Priya Raman sign?",  # a signature block's date (assistant/signatories.py)
    "When must the invoice be paid?",
    "What date does the initial term end?",
])
def test_a_question_not_asking_the_agreements_date(question):
    assert not asks_agreement_date(question)


@pytest.mark.parametrize("question, asks", [
    ("What is the effective date?", True),
    ("When does the agreement take effect?", True),
    ("When does the lease come into force?", True),
    ("From which date are the parties bound by the NDA?", True),
    ("When does this contract kick in?", True),
    ("When does the agreement end?", False),
    ("What is the effective date of termination?", False),
    ("When do the services start?", False),  # something under the agreement starts
    ("When did the agreement take effect, and how long is its term?", False),  # two questions in one
])
def test_a_question_asking_when_the_agreement_takes_effect(question, asks):
    from assistant.catalog_facts import asks_effective_date

    assert asks_effective_date(question) is asks
