"""How a follow-up is made standalone: the words naming the last agreement give way to the new one."""

from __future__ import annotations

import pytest

from assistant.conversation import _renamed


@pytest.mark.parametrize("question, naming, name, renamed", [
    ("When does the NDA end?", {"nda"}, "the consulting agreement", "When does the consulting agreement end?"),
    ("What is the governing law of the supply agreement?", {"suppli"}, "the lease",
     "What is the governing law of the lease?"),
    # later names go with the word leading to them
    ("Which law governs the NDA between Acme and Birch?", {"nda", "acm", "birch"}, "the supply agreement",
     "Which law governs the supply agreement?"),
    ("When does Xin Wang's agreement terminate?", {"xin", "wang"}, "the NDA", "When does the NDA terminate?"),
    ("Who signed it?", set(), "the NDA", ""),  # nothing named the last agreement in words
])
def test_the_words_that_named_the_last_agreement_give_way_to_the_new_name(question, naming, name, renamed):
    assert _renamed(question, naming, name) == renamed
