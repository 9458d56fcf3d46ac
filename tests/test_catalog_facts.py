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


# An agreement whose opening names its parties on bare lines ("BETWEEN / HALVERN OPTICS AG / AND / ...") and
# gives itself no date: the catalog holds neither its parties in a sentence nor an effective date.
BARE_OPENING = """JOINT MARKETING AGREEMENT

BETWEEN

HALVERN OPTICS AG

AND

BRISK LANE RETAIL LIMITED

1. Purpose. Halvern Optics AG ("Halvern") and Brisk Lane Retail Limited ("Brisk Lane") wish to market Halvern's \
spectacle frames together in Brisk Lane's stores in Ireland.

2. Marketing. Brisk Lane shall display the frames in at least twenty stores and shall run two seasonal campaigns \
each year at its own cost.

3. Term. This Agreement runs for two (2) years from the date of the last signature below.

4. Assignment. This Agreement is binding upon and shall inure to the benefit of Halvern and Brisk Lane and their \
respective successors and permitted assigns.

HALVERN OPTICS AG

By: Anna Keller
Title: Managing Director

BRISK LANE RETAIL LIMITED

By: Declan Rowe
Title: Chief Executive
"""


@pytest.fixture(scope="module")
def bare_opening(tmp_path_factory):
    from assistant import Assistant

    folder = tmp_path_factory.mktemp("bare-opening")
    (folder / "joint_marketing.txt").write_text(BARE_OPENING)
    return Assistant.from_paths([str(folder)], index_dir=str(tmp_path_factory.mktemp("bare-opening-idx")))


@pytest.mark.parametrize("question, kinds_question, clause, quoted", [
    # was the last block's "Title: Chief Executive"
    ("Who exactly have we signed this deal with?", "Who are the parties to this agreement?", "1",
     'Halvern Optics AG ("Halvern") and Brisk Lane Retail Limited ("Brisk Lane") wish to market Halvern\'s spectacle '
     "frames together in Brisk Lane's stores in Ireland."),
    # was refused: "no clause about start"
    ("what's the start date?", "When does this agreement take effect?", "3",
     "This Agreement runs for two (2) years from the date of the last signature below."),
])
def test_a_fact_the_catalog_lacks_is_answered_as_its_kinds_own_question(bare_opening, question, kinds_question,
                                                                          clause, quoted):
    answer = bare_opening.ask(question)
    assert answer.found is True, answer.text
    assert answer.answered_as == kinds_question
    first = answer.citations[0]
    assert (first.clause, first.quote) == (clause, quoted)
    assert first.start == BARE_OPENING.index(quoted)
    assert answer.text.endswith(f'(Answered as "{kinds_question}")')


def test_a_kinds_own_question_is_not_asked_again(bare_opening):
    answer = bare_opening.ask("Who are the parties to this agreement?")
    assert answer.answered_as == ""
    assert answer.citations[0].clause == "1"
