"""Which questions ask where disputes are heard (assistant/venue.py)."""

from __future__ import annotations

import pytest

from assistant.venue import VENUE_WORDS, asks_venue


@pytest.mark.parametrize("question", [
    "Which courts have jurisdiction over the NDA?",
    "If there is a dispute over Michael Goin's agreement, where would it be heard?",
    "Where can a party sue under the licence?",
    "In which forum must claims be brought?",
    "What is the venue for disputes?",
    "Where is the seat of arbitration?",
    "If the parties disagree, which court decides?",
    "Where do lawsuits about the services agreement go?",
])
def test_venue_questions(question):
    assert asks_venue(question)


@pytest.mark.parametrize("question", [
    "Which jurisdiction's law applies to the ActNN paper's publication agreement?",  # the governing law
    "Which law and which courts apply?",  # the law too: the ranker's choice stands
    "If a court strikes down one provision of Bin Cui's agreement, what happens to the rest?",
    "Has a party agreed never to challenge the other's patents or take it to court?",
    "Where is ICML located according to Dan Alistarh's agreement?",
    "Where is Xin Wang's article going to be published?",
    "Are there claims where a party's liability is unlimited?",
])
def test_other_questions(question):
    assert not asks_venue(question)


def test_the_venue_words_are_stems_the_index_uses():
    assert VENUE_WORDS == ("court", "jurisdict", "venu", "arbitr")
