"""Bridge words: a question worded the way nobody fitted searches also for the words most fitted
phrasings of its kind use, when it is alike them and the contracts in scope use the word."""

from __future__ import annotations

import numpy as np

from assistant.bridges import MIN_SIMILARITY, bridge_terms
from assistant.prototypes import AnswerPrototypes
from assistant.text import content_terms

NOTICE = ("What is the notice period required to terminate renewal?",  # the nearest
          "How much notice stops the renewal?",
          "Notice needed before a non-renewal, and its period?")
FITTED = AnswerPrototypes(
    questions=np.asarray([[1.0, 0.0, 0.0], [0.6, -0.8, 0.0], [0.6, 0.0, -0.8], [0.0, 1.0, 0.0]], dtype=np.float32),
    owners=np.asarray([0, 0, 0, 1]),
    answers=np.asarray([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], dtype=np.float32),
    groups=("Notice Period To Terminate Renewal", "Governing Law"),
    phrasings=(*NOTICE, "Which law governs this agreement?"),
)
ASKED = tuple(content_terms("How much warning do we need to give to stop the agreement renewing?"))


def at(similarity: float) -> np.ndarray:
    """A question vector at this cosine from the first fitted phrasing, nearer it than any other."""
    return np.asarray([similarity, 0.0, np.sqrt(1 - similarity ** 2)], dtype=np.float32)


def test_an_alike_question_borrows_the_words_most_phrasings_of_its_kind_use():
    # notice: 3 of 3 phrasings, period: 2 of 3, renewal: asked already ("renewing"); "required",
    # "terminate" (1 of 3 each) are one phrasing's words, not the kind's
    assert bridge_terms(at(0.8), ASKED, FITTED, lambda terms: terms) == ("notic", "period")


def test_words_the_contracts_lack_are_not_borrowed():
    assert bridge_terms(at(0.8), ASKED, FITTED, lambda terms: set(terms) - {"period"}) == ("notic",)


def test_an_unlike_question_or_a_fitted_phrasing_itself_borrows_nothing():
    assert bridge_terms(at(MIN_SIMILARITY - 0.05), ASKED, FITTED, lambda terms: terms) == ()
    assert bridge_terms(at(1.0), ASKED, FITTED, lambda terms: terms) == ()
    assert bridge_terms(None, ASKED, FITTED, lambda terms: terms) == ()
    assert bridge_terms(at(0.8), ASKED, AnswerPrototypes(), lambda terms: terms) == ()


def test_the_nearest_phrasing_and_the_words_of_its_kind():
    phrasing, similarity = FITTED.nearest_phrasing(np.asarray([0.0, 3.0, 0.0]))  # not a unit vector
    assert phrasing == "Which law governs this agreement?"
    assert abs(similarity - 1.0) < 1e-6
    words, similarity = FITTED.group_words(at(0.8), 0.5)
    assert words == ("notic", "renew", "period")  # by how many phrasings use it, then alphabetically
    assert abs(similarity - 0.8) < 1e-6
    assert FITTED.nearest_phrasing(np.ones(4)) == ("", 0.0)  # another model's vectors
    assert FITTED.group_words(np.ones(4)) == ((), 0.0)
