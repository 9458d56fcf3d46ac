"""Which questions ask for an agreement's governing law, date, effective date, signing date or title
(assistant/catalog_facts.py); their answers from the catalog are tested with the hand-written contracts
(tests/test_contracts.py)."""

from __future__ import annotations

import pytest

from assistant.catalog_facts import asks_agreement_date, asks_effective_date, asks_governing_law, asks_title, \
    asks_when_signed


@pytest.mark.parametrize("question, asks", [
    ("governing law?", True),
    ("What's the governing law here?", True),
    ("Which state's law applies to this contract?", True),
    ("Under which country's laws is this contract construed?", True),
    ("Whose legal system does the lease fall under?", True),
    ("Is the agreement governed by English law?", True),
    ("What law governs the NDA between Acme and Birch?", True),
    ("Point me to the choice of law provision.", True),
    ("Must the supplier comply with applicable laws?", False),  # other laws than the one governing it
    ("Under what law is the Provider incorporated?", False),
    ("Does the licence restrict exports under US export control laws?", False),
    ("Which law governs and where must disputes be brought?", False),  # two parts: the ranker answers both
    ("Which courts have jurisdiction over disputes?", False),
    ("What laws does the confidentiality clause mention?", False),
    ("Is the agreement governed by a written amendment?", False),
])
def test_a_question_asking_the_governing_law(question, asks):
    assert asks_governing_law(question) is asks


@pytest.mark.parametrize("question, asks", [
    ("What is the date of this agreement?", True),
    ("When was the contract entered into?", True),
    ("agreement date?", True),
    ("What date is at the top of the contract?", True),
    ("When was the supply agreement made?", True),
    ("What is the lease dated?", True),
    ("When does the agreement take effect?", False),
    ("When does the contract expire?", False),
    ("When was the agreement amended?", False),
    ("When did Priya Raman sign?", False),  # a signature block's date (assistant/signatories.py)
    ("When must the invoice be paid?", False),
    ("What date does the initial term end?", False),
])
def test_a_question_asking_the_agreements_date(question, asks):
    assert asks_agreement_date(question) is asks


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
    assert asks_effective_date(question) is asks


@pytest.mark.parametrize("question, asks", [
    ("When was the lease signed?", True),
    ("When did both sides sign the NDA?", True),
    ("On what date was the contract executed?", True),
    ("signing date?", True),
    ("What day was it countersigned?", True),
    ("Tell me the date the agreement was signed.", True),
    ("When must the purchase order be signed?", False),  # a duty, and a document under the agreement
    ("When did the parties sign the amendment?", False),
    ("When will the customer sign the statement of work?", False),
    ("Who signed the agreement?", False),
    ("When was the agreement signed and when does it end?", False),  # two questions in one
])
def test_a_question_asking_when_the_agreement_was_signed(question, asks):
    assert asks_when_signed(question) is asks


@pytest.mark.parametrize("question, asks", [
    ("What is the title of this agreement?", True),
    ("What's the lease called?", True),
    ("name of the contract?", True),
    ("What sort of contract is this?", True),
    ("What does the document say at the very top?", True),
    ("What do the parties call this licence in its heading?", True),
    ("What is the title of the paper in Yingxia Shao's agreement?", False),  # a work's title
    ("When does title to the goods pass?", False),
    ("What is the job title of the person who signed?", False),
    ("Is the Licensee entitled to sublicense?", False),
    ("Who are the parties to this agreement?", False),
])
def test_a_question_asking_the_agreements_title(question, asks):
    assert asks_title(question) is asks
