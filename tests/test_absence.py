"""Which agreements lack something: the question read the positive way, each agreement asked alone."""

from __future__ import annotations

import pytest

from assistant.absence import absence_answer, asks_absence
from assistant.types import AgreementInfo, Answer, Citation


@pytest.mark.parametrize("question, positive", [
    ("Which agreements have no governing law clause?", "Does the agreement have any governing law clause?"),
    ("Are there agreements without a governing law clause?", "Does the agreement have a governing law clause?"),
    ("Which agreements lack an indemnity?", "Does the agreement have an indemnity?"),
    ("Which agreements don't mention arbitration?", "Does the agreement mention arbitration?"),
    ("Which contracts do not provide for liquidated damages?", "Does the agreement provide for liquidated damages?"),
    ("Which of the ICML agreements are missing a warranty?", "Does the agreement have a warranty?"),
    # not absences: "without" qualifies what is asked; a condition; one agreement's yes/no
    ("Which agreements let the author assign without consent?", ""),
    ("Can a party terminate the agreement without cause, for convenience?", ""),  # the agreement is no subject
    ("What happens if the contract does not state a term?", ""),
    ("Which law governs Xin Wang's agreement?", ""),
    ("Is there no cap on liability?", ""),
])
def test_an_absence_is_asked_the_positive_way(question, positive):
    assert asks_absence(question) == positive


def _agreement(n: int) -> AgreementInfo:
    return AgreementInfo(file=f"c{n}.txt", number=1, label=f"Party {n}", title="", date="", kind="", clauses=3)


def _cited(n: int, quote: str) -> Answer:
    citation = Citation(file=f"c{n}.txt", agreement=f"Party {n}", clause="9.1", quote=quote, start=10, end=10 + len(quote),
                        score=0.9)
    return Answer(question="q", text=quote, found=True, citations=(citation,))


def test_the_answer_names_what_lacks_it_and_cites_what_has_it():
    answers = [(_agreement(1), _cited(1, "Delaware law governs.")), (_agreement(2), Answer("q", "Not found", False)),
               (_agreement(3), _cited(3, "Ontario law governs."))]
    answer = absence_answer("Which agreements have no governing law clause?",
                            "Does the agreement have any governing law clause?", answers, "the 3 indexed agreements")
    assert answer.found
    assert answer.text.splitlines() == [
        "1 of 3 agreements has no clause about governing law that the search found: Party 2 (c2.txt). The other 2 do:",
        '- Party 1 (clause 9.1): "Delaware law governs." [1]',
        '- Party 3 (clause 9.1): "Ontario law governs." [2]']
    assert [(c.file, c.start, c.end) for c in answer.citations] == [("c1.txt", 10, 31), ("c3.txt", 10, 30)]


def test_when_every_agreement_has_it_the_answer_says_none_and_when_none_does_it_is_not_found():
    every = absence_answer("q?", "Does the agreement have an indemnity?",
                           [(_agreement(1), _cited(1, "You indemnify us.")), (_agreement(2), _cited(2, "We indemnify."))],
                           "x")
    assert every.text.splitlines()[0] == "None: all 2 agreements have a clause about indemnity."
    assert [c.file for c in every.citations] == ["c1.txt", "c2.txt"]
    nothing = absence_answer("q?", "Does the agreement have an indemnity?",
                             [(_agreement(1), Answer("q", "Not found", False)),
                              (_agreement(2), Answer("q", "Not found", False))], "x")
    assert (nothing.found, nothing.citations) == (False, ())
    assert nothing.text == "Not found in any of the 2 agreements: none has a clause about indemnity, so all 2 lack one."
