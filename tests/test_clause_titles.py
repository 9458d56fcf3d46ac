"""A clause whose title names what a short question asks about answers it (assistant/clause_titles.py)."""

from __future__ import annotations

import pytest

from assistant.clause_titles import asks_by_title, clause_title, names_title, titled_candidates


@pytest.mark.parametrize("text, title", [
    ("8. Post-Contractual Non-Competition", "Post-Contractual Non-Competition"),
    ("14. LIMITATION OF LIABILITY. In no event shall", "LIMITATION OF LIABILITY"),
    ("ASSIGNMENT This Agreement may not be assigned", "ASSIGNMENT"),
    ("10. Confidentiality. Each party shall", "Confidentiality"),
    ("Section 9. Governing Law; Jurisdiction. This Agreement", "Governing Law; Jurisdiction"),
    ("(b) Audit Rights: Licensor may inspect", "Audit Rights"),
    ("6.1 WORK MADE FOR HIRE AND ASSIGNMENT OF RIGHTS Except as", "WORK MADE FOR HIRE AND ASSIGNMENT OF RIGHTS"),
    # a sentence's first words are no title
    ("1. Project Overview The purpose of this project", ""),
    ("8.1 For twelve (12) months after the end of her employment", ""),
    ("Licensee shall pay the fees", ""),
])
def test_a_clauses_title_is_the_heading_after_its_number(text, title):
    assert clause_title(text) == title


@pytest.mark.parametrize("question, title, named", [
    ("Is there a non-compete?", "Post-Contractual Non-Competition", True),  # one qualifier, synonyms
    ("liability limit?", "LIMITATION OF LIABILITY", True),
    ("Is there a governing law clause?", "Governing Law; Jurisdiction", True),
    ("Any provision on audit rights?", "Audit Rights", True),  # "provision" names a part of a contract
    ("assign the contract?", "Successors and Assigns", False),  # a one-word topic takes no qualifier
    ("date of the agreement?", "LAUNCH DATE", False),
    ("Is there a non-compete?", "Non-Competition and Non-Solicitation of Employees", True),
    ("liability limit?", "Indemnity Exclusions and Limitation of Liability", False),  # two words of other topics
    ("Can a party terminate without cause?", "TERMINATION FOR CAUSE", False),  # "without" is not there
    ("Are there third-party beneficiaries?", "No Third-Party Beneficiaries", False),  # says there are none
    ("Is there a non-compete?", "", False),
])
def test_a_title_names_a_question_in_its_own_words(question, title, named):
    assert names_title(question, title) is named


@pytest.mark.parametrize("question, asks", [
    ("Is there a non-compete?", True), ("Non-compete?", True), ("liability limit?", True),
    ("Who are the parties?", False),  # "The Parties" says something else
    ("What is the title of this agreement?", False),  # "Title" to the goods is another title
    ("When does it end?", False), ("?", False),
])
def test_only_whether_a_topic_is_there_is_asked_by_its_title(question, asks):
    assert asks_by_title(question) is asks


def test_the_titled_clause_and_its_sub_clauses_are_the_candidates():
    clauses = [("a#1", "7.2", "7.2 The Employee shall keep secret ..."),
               ("a#1", "8", "8. Post-Contractual Non-Competition"),
               ("a#1", "8.1", "8.1 For twelve (12) months after the end of her employment ..."),
               ("a#1", "8.1 (part 2)", "within the European Union."),
               ("a#1", "80", "80. Notices"),
               ("b#1", "8.1", "8.1 Another agreement's clause 8.1 ...")]
    assert titled_candidates("Is there a non-compete?", clauses) == [1, 2, 3]
    assert titled_candidates("Is there an escrow?", clauses) == []


@pytest.mark.parametrize("question, title, loosely", [
    ("Termination", "Term and Termination", True),  # "Term" names another topic too
    ("assign the contract?", "Successors and Assigns", True),
    ("liability limit?", "Indemnity Exclusions and Limitation of Liability", True),
    ("Warranty", "WARRANTIES", True),
    ("Can a party terminate without cause?", "TERMINATION FOR CAUSE", False),  # "without" is still not there
    ("Are there third-party beneficiaries?", "No Third-Party Beneficiaries", False),
    ("Exclusivity", "Trademarks", False),
])
def test_a_title_names_loosely_what_it_names_among_other_topics(question, title, loosely):
    assert names_title(question, title, loose=True) is loosely


def test_loosely_titled_candidates_include_a_clause_titled_with_other_topics_too():
    clauses = [("a#1", "4", "4. Term and Termination"), ("a#1", "4.1", "4.1 Any party may end it ..."),
               ("a#1", "6", "6. Default. If Lessee fails to pay ...")]
    assert titled_candidates("Termination", clauses) == []
    assert titled_candidates("Termination", clauses, loose=True) == [0, 1]
