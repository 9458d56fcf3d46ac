"""Which work an agreement is for: questions that ask for a title, and the lines that give one."""

from __future__ import annotations

import pytest

from assistant.work_titles import (asks_title_to_property, asks_work_title, gives_title, title_candidates,
                                   without_title_to_property)


@pytest.mark.parametrize("question, asks", [
    ("What paper is Jianfei Chen's publication agreement for?", True),
    ("Which papers are listed in Dan Alistarh's contribution agreement?", True),
    ("Which manuscript is the PMLR agreement about?", True),
    ("What is the title of the paper in Yingxia Shao's agreement?", True),
    ("What is the event title on Ce Zhang's agreement?", True),  # the form's own field name
    ("What article processing charge does PMLR levy?", False),  # "article" names no work here
    ("What is the title of the agreement?", False),  # the agreement's own name, not a work's
    ("What date is listed under the event title in Yuzheng Hu's agreement?", False),  # a date is asked
    ("What title does David Blei sign with?", False),  # a signer's title, not a work's
    ("What work must the consultant perform?", False),
])
def test_asks_work_title(question, asks):
    assert asks_work_title(question) is asks


@pytest.mark.parametrize("question, asks", [
    ("When does title to the goods pass to the Buyer?", True),
    ("Where does title pass?", True),
    ("Who retains title to Customer Data?", True),
    ("Does the Supplier keep the right, title and interest in the software?", True),
    ("Do title and risk of loss transfer on delivery?", True),
    ("What is the title of the agreement?", False),  # a name
    ("What is the agreement titled?", False),
    ("What title does David Blei sign with?", False),  # a signer's title
    ("Can ICML edit or re-title Mark Kurtz's articles?", False),
    ("Is the author entitled to royalties?", False),
])
def test_asks_title_to_property(question, asks):
    assert asks_title_to_property(question) is asks


def test_a_question_on_title_to_property_may_still_ask_a_name():
    assert without_title_to_property("What is the agreement called, and when does title to the goods pass?") == (
        "What is the agreement called, and when does   the goods pass?")


@pytest.mark.parametrize("text, gives", [
    ("EventTitles: On the Sample Complexity of Adversarial Multi-Source PAC Learning", True),
    ("Paper title: Sparse Training", True),
    ("regarding a written manuscript currently entitled", True),
    ("the article titled Foo", True),
    ("Licensee is entitled to a refund of the fee.", False),  # a right, not a title
    ("Title: President", False),  # a signer's job title
])
def test_gives_title(text, gives):
    assert gives_title(text) is gives


def test_title_candidates_take_each_agreements_whole_title_line():
    spans = [
        ("This Final Contribution Agreement ... La Jolla, CA 92037. EventTitle: Don't Waste Your Bits!", "a#1", False),
        ("EventTitle: Don't Waste Your Bits!", "a#1", False),  # the title's first sentence only
        ("EventTitle: Don't Waste Your Bits! Squeeze Activations via TinyScript", "a#1", True),
        ("I will not receive compensation.", "a#1", True),
        ("regarding a written manuscript currently entitled ActNN", "b#1", True),
        ("This is a publication agreement regarding a written manuscript currently entitled ActNN", "b#1", True),
    ]
    assert title_candidates(spans) == [2, 4]
    assert title_candidates([("No title here.", "a#1", True)]) == []
