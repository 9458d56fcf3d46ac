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


@pytest.mark.parametrize("sentence, places", [
    ("The courts of Dublin shall have exclusive jurisdiction.", ["Dublin"]),
    # a court named with a capital: the forum sentence was no candidate, and "which courts have
    # jurisdiction?" quoted the sentence after it ("... the jurisdiction or venue be elsewhere")
    ("Associate hereby irrevocably submits to the jurisdiction of the State District Court in Dallas County, Texas and "
     "the Federal District Court for the Northern District of Texas.", ["Dallas County, Texas",
                                                                        "Northern District of Texas"]),
    ("Any dispute shall be settled by Arbitration in London.", ["London"]),
    ("Such other states laws shall control, but only where they require the jurisdiction or venue be elsewhere.", []),
    # a country's courts by its adjective: the catalog said "not stated"
    ("This agreement is governed by the law of Scotland, and the Scottish courts have exclusive jurisdiction over any "
     "dispute arising out of it.", ["Scottish courts"]),
    ("The English courts shall have exclusive jurisdiction.", ["English courts"]),
    ("The federal courts shall have exclusive jurisdiction.", []),
])
def test_court_places_are_read_whatever_the_case_of_court(sentence, places):
    from index.shapes import court_spans

    assert [sentence[a:b] for a, b in court_spans(sentence)] == places


_ICC = ("Any dispute arising out of this Agreement shall be finally settled by arbitration administered by the "
        "International Chamber of Commerce in accordance with its Rules, seated in London.")


@pytest.mark.parametrize("question, sentence, said", [
    # asked where, the seat: the body administering the arbitration was stated
    ("Where will disputes be arbitrated?", _ICC, ["London"]),
    ("Which body administers the arbitration?", _ICC, ["International Chamber of Commerce"]),
    ("Where is the arbitration held?", "The seat of arbitration shall be Geneva, Switzerland, and the arbitration "
     "shall be administered by the ICC.", ["Geneva, Switzerland"]),
    # the language it is conducted in is no seat
    ("Where is the arbitration held?", "The arbitration shall be conducted in English and seated in Paris.", ["Paris"]),
    # a seat outside any arbitration is no forum's
    ("Where are board meetings held?", "Board meetings shall be held in Boston. The courts of Dublin shall have "
     "exclusive jurisdiction.", ["courts of Dublin"]),
])
def test_asked_where_an_arbitration_sits_its_seat_is_the_place(question, sentence, said):
    from assistant.shapes import FINDERS
    from assistant.types import Citation

    cited = Citation("f.txt", "A", "12", sentence, 0, len(sentence), 0.9)
    assert [sentence[a:b] for a, b in FINDERS["court"](sentence, question, cited)] == said
