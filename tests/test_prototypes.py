"""Answer prototypes: a question reaches the answers of the fitted questions nearest to it by its
embedding, and the candidates are compared with what those answers say."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.evidence import CANDIDATE_FEATURES, gather
from assistant.prototypes import TEMPERATURE, AnswerPrototypes
from assistant.query import analyse
from assistant.retrieve import Hit, candidate_source
from assistant.scope import Scope
from index.types import Clause

COL = {name: i for i, name in enumerate(CANDIDATE_FEATURES)}
s = 1 / np.sqrt(2)
# two fitted kinds of question, each with the direction its answers point in
PROTOTYPES = AnswerPrototypes(
    questions=np.asarray([[1.0, 0.0, 0.0], [s, s, 0.0], [0.0, 0.0, 1.0]], dtype=np.float32),
    owners=np.asarray([0, 0, 1]),
    answers=np.asarray([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]], dtype=np.float32),
    groups=("Anti-Assignment", "Governing Law"),
)


def test_a_question_gets_the_answer_of_its_nearest_fitted_questions_and_how_near_they_are():
    answer, similarity = PROTOTYPES.answer_for(np.asarray([0.0, 0.0, 2.0]))  # not a unit vector
    assert similarity == pytest.approx(1.0)
    # the governing-law question is nearest; the two assignment phrasings lie at 0 and weigh e^-20 each
    weight = np.exp(-1.0 / TEMPERATURE)
    expected = np.asarray([1.0, 2 * weight, 0.0])
    assert answer == pytest.approx(expected / np.linalg.norm(expected), abs=1e-9)


def test_no_prototype_for_another_models_vectors_or_when_none_were_fitted():
    assert PROTOTYPES.answer_for(np.ones(4)) == (None, 0.0)
    assert PROTOTYPES.answer_for(None) == (None, 0.0)
    assert AnswerPrototypes().answer_for(np.ones(3)) == (None, 0.0)


def test_leaving_a_group_out_drops_its_answer_and_the_questions_that_asked_for_it():
    kept = PROTOTYPES.without({"Anti-Assignment"})
    assert kept.groups == ("Governing Law",)
    assert kept.owners.tolist() == [0]
    assert kept.questions.tolist() == [[0.0, 0.0, 1.0]]
    answer, similarity = kept.answer_for(np.asarray([1.0, 0.0, 0.0]))
    assert answer.tolist() == [1.0, 0.0, 0.0] and similarity == pytest.approx(0.0)


def test_the_file_round_trips_at_its_stored_precision():
    again = AnswerPrototypes.from_json(PROTOTYPES.to_json())
    assert again.groups == PROTOTYPES.groups
    assert again.owners.tolist() == [0, 0, 1]
    assert again.questions[1].tolist() == pytest.approx([0.7071, 0.7071, 0.0], abs=1e-6)


def test_gather_compares_every_candidate_with_the_answer_prototype():
    text = "9. Assignment. Neither party may assign this Agreement. This Agreement is governed by law."
    clause = Clause(file="c.txt", agreement=1, agreement_label="Acme", clause_id="9", heading="Assignment",
                    text=text, start=100, end=100 + len(text))
    hits = [Hit(chunk_id=clause.chunk_id, clause=clause, score=0.5, dense=0.5, lexical=0.0)]

    def embed(texts):  # three directions: assignment, law, anything else
        return [[1.0, 0.0, 0.0] if "assign" in t.lower() else [0.0, 1.0, 0.0] if "law" in t.lower()
                else [0.0, 0.0, 1.0] for t in texts]

    no_store = type("NoStoredVectors", (), {"spans": staticmethod(lambda hit: None)})()
    query = analyse("Can a party transfer the contract?", Scope(), embed)
    evidence = gather(query, hits, candidate_source(no_store, embed), {}, 1.0, {},
                      prototype=(np.asarray([1.0, 0.0, 0.0]), 0.83))
    by_text = {c.text: row for c, row in zip(evidence.candidates, evidence.features)}
    assign, law = by_text["Neither party may assign this Agreement."], by_text["This Agreement is governed by law."]
    assert (assign[COL["a_cos"]], assign[COL["a_cos_gap"]]) == (1.0, 0.0)
    assert (law[COL["a_cos"]], law[COL["a_cos_gap"]]) == (0.0, 1.0)
    assert evidence.features[:, COL["q_proto_sim"]] == pytest.approx([0.83] * len(evidence))
    assert evidence.vectors.shape == (len(evidence), 3)
    plain = gather(query, hits, candidate_source(no_store, embed), {}, 1.0, {})  # no prototype: zeros
    assert not plain.features[:, [COL["a_cos"], COL["a_cos_gap"], COL["q_proto_sim"]]].any()



def test_the_file_keeps_the_phrasings_each_question_row_was_fitted_from():
    named = AnswerPrototypes(PROTOTYPES.questions, PROTOTYPES.owners, PROTOTYPES.answers, PROTOTYPES.groups,
                             ("Can a party assign?", "assignment", "Which law governs?"))
    assert AnswerPrototypes.from_json(named.to_json()).phrasings == named.phrasings
    assert named.without({"Anti-Assignment"}).phrasings == ("Which law governs?",)
