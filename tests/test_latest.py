"""Which questions ask for the newest or the oldest agreement (assistant/latest.py)."""

from __future__ import annotations

import pytest

from assistant.latest import asks_latest, without_superlative


@pytest.mark.parametrize("question, which", [
    ("Which agreement was signed most recently?", "latest"),
    ("Which agreements were signed last?", "latest"),
    ("Which is the newest agreement?", "latest"),
    ("What contract is the most recent one?", "latest"),
    ("Which contract was signed first?", "earliest"),
    ("What is the oldest contract?", "earliest"),
    ("Which agreement has the earliest date?", "earliest"),
    # not which agreement is newest: a term's last day, what was signed in a year, what a clause says
    ("Which agreement was signed last year?", ""),
    ("What is the last day of the term?", ""),
    ("Who signed first?", ""),
    ("Which agreement says who must sign first?", ""),
])
def test_which_questions_ask_for_the_newest_or_oldest_agreement(question, which):
    assert asks_latest(question) == which


def test_the_superlative_is_left_out_when_the_question_is_scoped():
    # "first" scoped the lease, whose signature line reads "as of the date first written above"
    assert without_superlative("Which contract was signed first?").split() == ["Which", "contract", "was", "signed", "?"]
    assert without_superlative("Which of Acme's agreements is the newest?").split() == \
        ["Which", "of", "Acme's", "agreements", "is", "the", "?"]
