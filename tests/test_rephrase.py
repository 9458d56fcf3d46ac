"""Each fitted kind's own question (eval/kind_questions.py) and when a refused question is asked again
in it (assistant/rephrase.py)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from assistant.prototypes import AnswerPrototypes
from assistant.rephrase import CONFIRM_RARE_WORD, CONFIRM_SIMILARITY, KIND_LEAD, KIND_QUESTIONS_FILE, \
    LOOSE_SIMILARITY, REPHRASE_SIMILARITY, KindQuestions, asks_beyond_its_kind
from eval.cuad import read_jsonl
from eval.kind_questions import kind_questions
from eval.split import FIT, cuad_files


def test_the_committed_questions_are_the_fit_parts(shared_dir):
    rows = read_jsonl(shared_dir / "cuad" / "qa.jsonl")
    committed = json.loads(KIND_QUESTIONS_FILE.read_text())
    assert committed["question"] == kind_questions(rows)
    assert committed["fit_contracts"] == len(cuad_files({r["file"] for r in rows}, FIT)) == 266
    assert committed["question"]["Governing Law"] == "Which jurisdiction's law governs this agreement?"
    assert len(committed["question"]) == 41


def test_each_kinds_question_is_a_fitted_phrasing_of_that_kind():
    """A refused question is asked again in words the prototypes were fitted on for its kind."""
    prototypes = AnswerPrototypes.load()
    fitted = {(prototypes.groups[int(o)], p) for o, p in zip(prototypes.owners, prototypes.phrasings)}
    questions = KindQuestions.load().question
    assert set(questions) == set(prototypes.groups)
    assert all((kind, question) in fitted for kind, question in questions.items())


def test_a_kind_asked_in_two_wordings_is_an_error(shared_dir):
    rows = read_jsonl(shared_dir / "cuad" / "qa.jsonl")
    file = cuad_files({r["file"] for r in rows}, FIT)[0]
    with pytest.raises(ValueError, match="Governing Law"):
        kind_questions([{"file": file, "category": "Governing Law", "question": "Which law governs?"},
                        {"file": file, "category": "Governing Law", "question": "Whose law applies?"}])


def _prototypes() -> AnswerPrototypes:
    """Two kinds: audit rights along x, insurance along y (questions unlike either lean toward z)."""
    questions = np.asarray([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], dtype=np.float32)
    return AnswerPrototypes(questions, np.asarray([0, 1]), questions.copy(), ("Audit Rights", "Insurance"),
                            ("Can one party inspect the other's records?", "What cover must a party hold?"))


AUDIT = "Does a party have the right to audit the other's books or records?"
KINDS = KindQuestions({"Audit Rights": AUDIT, "Insurance": "What insurance must a party maintain?"})


@pytest.mark.parametrize("kind_axis, angle, asked, expected", [
    (0, 0.0, "Can they check our books?", AUDIT),
    (0, np.arccos(REPHRASE_SIMILARITY) - 0.01, "Can they check our books?", AUDIT),
    (0, np.arccos(REPHRASE_SIMILARITY) + 0.01, "Can they check our books?", ""),  # too loosely like any
    (1, 0.3, "Which policies must we hold?", "What insurance must a party maintain?"),
    # already the kind's own question (refused in its own words): asking it again would change nothing
    (1, 0.0, " what insurance must a party maintain? ", ""),
])
def test_a_question_is_asked_again_only_in_the_words_of_a_kind_it_is_much_like(kind_axis, angle, asked, expected):
    vector = np.zeros(3, dtype=np.float32)
    vector[kind_axis], vector[2] = np.cos(angle), np.sin(angle)
    assert KINDS.for_question(vector, _prototypes(), asked) == expected


@pytest.mark.parametrize("audit, insurance, expected", [
    (LOOSE_SIMILARITY + 0.01, 0.0, AUDIT),  # loosely like the audit kind, and like no other
    (LOOSE_SIMILARITY + 0.01, LOOSE_SIMILARITY + 0.01 - KIND_LEAD - 0.005, AUDIT),
    (LOOSE_SIMILARITY + 0.01, LOOSE_SIMILARITY + 0.01 - KIND_LEAD + 0.005, ""),  # about as like the insurance kind
    (LOOSE_SIMILARITY - 0.01, 0.0, ""),  # too loosely like any
])
def test_a_refused_question_loosely_like_a_kind_is_asked_again_only_when_clearly_nearest_it(audit, insurance,
                                                                                            expected):
    vector = np.asarray([audit, insurance, np.sqrt(1.0 - audit ** 2 - insurance ** 2)], dtype=np.float32)
    assert KINDS.for_question(vector, _prototypes(), "Can they check our books?", loose=True) == expected
    # under REPHRASE_SIMILARITY, only a refused question is asked again so loosely
    assert KINDS.for_question(vector, _prototypes(), "Can they check our books?") == ""


def test_a_kinds_lead_is_how_much_nearer_it_is_than_any_other_kind():
    prototypes = _prototypes()
    assert prototypes.kind_lead(np.asarray([0.6, 0.48, 0.64], dtype=np.float32)) == pytest.approx(0.12, abs=1e-6)
    assert prototypes.kind_lead(np.asarray([0.0, 0.8, 0.6], dtype=np.float32)) == pytest.approx(0.8, abs=1e-6)
    assert prototypes.kind_lead(None) == 0.0
    assert prototypes.without({"Insurance"}).kind_lead(np.asarray([1.0, 0.0, 0.0], dtype=np.float32)) == 0.0


def test_without_fitted_prototypes_or_questions_nothing_is_asked_again():
    vector = np.asarray([1.0, 0.0, 0.0], dtype=np.float32)
    assert KINDS.for_question(vector, AnswerPrototypes(), "Can they check our books?") == ""
    assert KindQuestions().for_question(vector, _prototypes(), "Can they check our books?") == ""
    assert KINDS.for_question(None, _prototypes(), "Can they check our books?") == ""


@pytest.mark.parametrize("angle, asked_again, confirmed", [
    (0.0, AUDIT, AUDIT),
    (np.arccos(CONFIRM_SIMILARITY) - 0.01, AUDIT, AUDIT),
    # like enough to be asked again when refused, not enough for its kind's "not found" to refuse it
    (np.arccos(CONFIRM_SIMILARITY) + 0.01, AUDIT, ""),
    (np.arccos(REPHRASE_SIMILARITY) + 0.01, "", ""),
])
def test_a_found_answer_is_confirmed_in_its_kinds_words_only_when_much_like_it(angle, asked_again, confirmed):
    vector = np.asarray([np.cos(angle), 0.0, np.sin(angle)], dtype=np.float32)
    assert KINDS.for_question(vector, _prototypes(), "Can they check our books?") == asked_again
    assert KINDS.for_question(vector, _prototypes(), "Can they check our books?", CONFIRM_SIMILARITY) == confirmed


POST_TERMINATION = "What must a party do or provide after the agreement terminates or expires?"
SURVIVAL = ("The obligations of confidentiality in this Agreement survive for three (3) years after expiry or "
            "termination.")


def _rarity(rare: float):
    """Every stem as rare as `rare`, except "oblig", which every clause uses."""
    return lambda stems: {s: (0.05 if s == "oblig" else rare) for s in stems}


@pytest.mark.parametrize("asked, quote, rare, beyond", [
    # "survive" is the question's, rare, quoted, and the post-termination question never says it
    ("Do any obligations survive termination?", SURVIVAL, CONFIRM_RARE_WORD, True),
    ("Do any obligations survive termination?", SURVIVAL, CONFIRM_RARE_WORD - 0.01, False),  # too common to say so
    # "termination" is quoted too, but the kind's question asks about it as well; "obligations" is common
    ("Do any obligations end on termination?", SURVIVAL, 0.9, False),
    # the rare word is the question's but the quote does not hold it
    ("Do any obligations survive termination?", "This Agreement runs for two (2) years.", 0.9, False),
])
def test_a_quote_holding_a_rare_asked_word_its_kinds_question_lacks_asks_beyond_the_kind(asked, quote, rare, beyond):
    assert asks_beyond_its_kind(asked, POST_TERMINATION, quote, _rarity(rare)) is beyond
