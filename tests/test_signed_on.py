"""Which questions ask what was signed on a day, in a month or in a year (assistant/signed_on.py)."""

from __future__ import annotations

import pytest

from assistant.signed_on import signed_when


@pytest.mark.parametrize("question, when", [
    ("Who signed on March 5, 2024?", "2024-03-05"),
    ("Who all signed their agreements on Sep 23, 2020?", "2020-09-23"),
    ("Which agreements were signed on 15 January 2024?", "2024-01-15"),
    ("What was signed in June 2024?", "2024-06"),
    ("Which contracts were executed on 9/23/98?", "1998-09-23"),
    # not a day or month it asks about: what an agreement signed then says, when someone signed, who signed
    ("What does the agreement signed on March 4, 2024 say about termination?", ""),
    ("When did Priya Raman sign?", ""),
    ("Who signed the NDA?", ""),
    ("Which agreements were signed in 2019?", "2019"),  # a year: every block dated in it
    ("Who signed in the year 2020?", ""),  # said otherwise: the ranker's choice stands
])
def test_signed_when(question, when):
    assert signed_when(question) == when


@pytest.mark.parametrize("question, title", [
    ("Which agreements were signed by a Managing Director?", "Managing Director"),
    ("Who signed as CEO?", "CEO"), ("Which contracts did a director sign?", "director"),
    ("Who signed an agreement as the President?", "President"),
    ("Who signed the NDA?", ""), ("Who signed for Acme?", ""), ("When did Priya Raman sign?", ""),
])
def test_a_question_of_what_someone_with_a_title_signed(question, title):
    from assistant.signers import asks_signed_as

    assert asks_signed_as(question) == title


@pytest.mark.parametrize("asked, role, holds", [
    ("Managing Director", "Managing Director", True), ("Director", "Managing Director", True),
    ("Managing Director", "Director", False), ("CEO", "Chief Executive Officer", True),
    ("CFO", "Chief Executive Officer", False), ("President", "Vice President, Operations", False),
    ("Vice President", "Vice President, Operations", True), ("Buyer", "Director", False),
])
def test_a_blocks_title_is_the_one_asked_by_its_words_or_initials(asked, role, holds):
    from assistant.signers import _holds_title

    assert _holds_title(asked, role) is holds


@pytest.mark.parametrize("question, name", [
    ("Which agreements are signed by Priya Raman?", "Priya Raman"),
    ("which contracts were executed by Joost van der Berg", "Joost van der Berg"),
    ("Which agreements did Grace Whitlock sign?", "Grace Whitlock"),
    ("What has Daniel Okafor signed?", "Daniel Okafor"),
    # a title, a party's one word, or who signed: other questions
    ("Which agreements were signed by a Managing Director?", ""), ("Which agreements are signed by Birch?", ""),
    ("Who signed for Acme?", ""), ("When did Priya Raman sign?", ""),
])
def test_a_question_of_what_a_person_signed_names_them(question, name):
    from assistant.signers import asks_signed_by_person

    assert asks_signed_by_person(question) == name
