"""Questions that ask two things at once: where they split, and how their answers join."""

from __future__ import annotations

import pytest

from assistant.question_parts import merge, question_parts
from assistant.types import Answer, AnswerGroup, Citation, Value


@pytest.mark.parametrize("question, parts", [
    ("Which paper is Sage Moore's agreement for, and what is its event date?",
     ["Which paper is Sage Moore's agreement for?", "what is its event date?"]),
    ("What is the term and how can it be renewed?", ["What is the term?", "how can it be renewed?"]),
    ("Which law governs? Which courts hear disputes?", ["Which law governs?", "Which courts hear disputes?"]),
    ("What is the governing law; and which courts have jurisdiction?",
     ["What is the governing law?", "which courts have jurisdiction?"]),
    # a checklist's questions, each after its mark
    ("Which law governs?\n2. How long does it run?", ["Which law governs?", "How long does it run?"]),
    ("Which law governs?\n(b) which courts hear disputes?", ["Which law governs?", "which courts hear disputes?"]),
    # a checklist of more than three
    ("1. Who are the parties?\n2. Which law governs?\n3. How long does it run?\n4. Can either party assign it?",
     ["Who are the parties?", "Which law governs?", "How long does it run?", "Can either party assign it?"]),
    # a statement the question builds on is a part too, kept as written
    ("Xin Wang keeps the copyright; what does Yuzheng Hu give ICML instead?",
     ["Xin Wang keeps the copyright", "what does Yuzheng Hu give ICML instead?"]),
    # one question: a yes/no continuation about the same clause, a part with no words of its own,
    # a condition before the question, a noun after "and", a part with no words of its own among five
    ("Can a party assign the agreement, and is the other party's consent required?", None),
    ("Is there a cap on the damages a party can be liable for, and what is it?", None),
    ("Who signed and when?", None),
    ("Who signed it, and when (Jianfei Chen)?", None),  # a parenthesis adds no words of the part's own
    ("If there is a dispute over Michael Goin's agreement, where would it be heard?", None),
    ("Which agreements are between ICML and which authors?", None),
    ("Who are the parties? What is the date? Which law? Who signed? Where?", None),
    ("Which law governs Xin Wang's agreement?", None),
])
def test_question_parts(question, parts):
    assert question_parts(question) == (parts or [question])


def citation(clause: str, start: int) -> Citation:
    return Citation(file="a.txt", agreement="Acme", clause=clause, quote="x" * 10, start=start, end=start + 10,
                    score=0.9)


def test_merged_answers_lead_with_each_parts_first_line_and_cite_a_shared_quote_once():
    law = Answer(question="q1", text="Delaware [1]\nAcme (clause 10): \"... Delaware ...\" [1]", found=True,
                 citations=(citation("10", 100),), values=(Value("Delaware", 103, 108, "law", 0),),
                 searched="the 1 agreement")
    courts = Answer(question="q2", text="Wilmington [2]\n- clause 11: \"...\" [1]\n- clause 10: \"...\" [2]",
                    found=True, citations=(citation("11", 200), citation("10", 100)),
                    values=(Value("Wilmington", 102, 107, "place", 1),),
                    groups=(AnswerGroup("Wilmington", "wilmington", "place", ("Acme",), ("a.txt#1",), ("10",), (0, 1)),),
                    searched="the 1 agreement")
    missing = Answer(question="q3", text="Not found: no clause about escrow in 1 agreement (Acme).", found=False,
                     searched="the 1 agreement")
    answer = merge("q1, and q2, and q3?", [law, courts, missing])
    assert answer.found and answer.question == "q1, and q2, and q3?"
    assert [(c.clause, c.start) for c in answer.citations] == [("10", 100), ("11", 200)]
    assert answer.text.split("\n") == [
        "Delaware [1]; Wilmington [1]; Not found: no clause about escrow in 1 agreement (Acme).",
        "Acme (clause 10): \"... Delaware ...\" [1]", "- clause 11: \"...\" [2]", "- clause 10: \"...\" [1]"]
    assert [(v.text, v.citation) for v in answer.values] == [("Delaware", 0), ("Wilmington", 0)]
    assert answer.groups[0].citations == (1, 0)
    assert answer.searched == "the 1 agreement"
    assert not merge("q?", [missing, missing]).found


def test_parts_beyond_those_answered_are_named_last():
    law = Answer(question="q1", text="Delaware [1]\nAcme (clause 10): \"... Delaware ...\" [1]", found=True,
                 citations=(citation("10", 100),), searched="the 1 agreement")
    answer = merge("q1? q2? q3?", [law], ["q2?", "q3?"])
    assert answer.text.split("\n") == ["Delaware [1]", "Acme (clause 10): \"... Delaware ...\" [1]",
                                       "Not answered (at most 8 questions at a time; ask these again): q2? q3?"]
    assert answer.found and [c.clause for c in answer.citations] == ["10"]
