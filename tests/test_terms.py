"""Words as the index and the questions see them (index/terms.py)."""

import pytest

from assistant.answer import not_found
from index.terms import content_terms, is_stopword, topic_words


@pytest.mark.parametrize(("question", "terms"), [
    # a contracted pronoun or auxiliary is no asked word: no contract holds "haven't" or "they're"
    ("Can we walk away even if they haven't done anything wrong?", ["walk", "away", "even", "if", "wrong"]),
    ("Are we allowed to check they're billing us correctly?", ["allow", "check", "bill", "correct"]),
    ("Is there anything we'll end up co-owning with them?", ["end", "up", "co", "own"]),
    ("I'm asking whether they'd pay", ["ask", "pay"]),
    # nor is an indefinite, possessive or reflexive pronoun
    ("What's the last day this deal runs if nobody extends it?", ["last", "day", "deal", "run", "if", "extend"]),
    ("Are we blocked from launching a rival product to theirs?", ["block", "launch", "rival", "product"]),
    ("Can everyone use it themselves?", ["use"]),
    # a possessive 's is dropped, a name's apostrophe kept
    ("Licensee's rights under O'Brien's licence", ["license", "right", "o'brien", "licenc"]),
])
def test_content_terms_leave_out_contracted_and_pronoun_words(question, terms):
    assert content_terms(question) == terms


@pytest.mark.parametrize(("token", "stop"), [
    ("they're", True), ("we've", True), ("we'd", True), ("we'll", True), ("i'm", True), ("doesn't", True),
    ("can't", True), ("won't", True), ("isn't", True), ("nobody", True), ("theirs", True),
    ("o'brien", False), ("licensee", False), ("d'arcy", False), ("termination", False),
])
def test_is_stopword(token, stop):
    assert is_stopword(token) is stop


def test_topic_words_keep_names_whole_and_drop_contractions():
    assert topic_words("Can O'Brien's company walk away if they haven't paid?") == [
        "O'Brien", "company", "walk", "away", "if", "paid"]
    assert topic_words("Are we allowed to check they’re billing us correctly?") == [
        "allowed", "check", "billing", "correctly"]


def test_not_found_names_no_contraction_as_the_topic():
    assert not_found("Are we allowed to check they're billing us correctly? We don't know.", "1 agreement").text == (
        "Not found: no clause about allowed, check, billing, correctly, know in 1 agreement.")


@pytest.mark.parametrize(("british", "american"), [
    ("the distribution centre", "the distribution center"), ("organised under the laws", "organized under the laws"),
    ("the labour courts", "the labor courts"), ("reasonable endeavours", "reasonable endeavors"),
    ("the defence of claims", "the defense of claims"),
    ("the work programme", "the work program"), ("wilful misconduct", "willful misconduct"),
    ("an authorised user", "an authorized user"), ("analysed results", "analyzed results"),
])
def test_a_british_spelling_is_read_as_the_american_one(british, american):
    assert content_terms(british) == content_terms(american)


def test_words_that_only_look_british_keep_their_stems():
    assert content_terms("calibrate the theatre's exercise promise") == ["calibr", "theater", "exercis", "promis"]
