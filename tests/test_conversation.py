"""How a follow-up is made standalone: the words naming the last agreement give way to the new one."""

from __future__ import annotations

import pytest

from assistant.conversation import _asks_of_thing, _of_person, _of_thing, _renamed, _thing_of


@pytest.mark.parametrize("question, naming, name, renamed", [
    ("When does the NDA end?", {"nda"}, "the consulting agreement", "When does the consulting agreement end?"),
    ("What is the governing law of the supply agreement?", {"suppli"}, "the lease",
     "What is the governing law of the lease?"),
    # later names go with the word leading to them
    ("Which law governs the NDA between Acme and Birch?", {"nda", "acm", "birch"}, "the supply agreement",
     "Which law governs the supply agreement?"),
    ("When does Xin Wang's agreement terminate?", {"xin", "wang"}, "the NDA", "When does the NDA terminate?"),
    ("Who signed it?", set(), "the NDA", ""),  # nothing named the last agreement in words
])
def test_the_words_that_named_the_last_agreement_give_way_to_the_new_name(question, naming, name, renamed):
    assert _renamed(question, naming, name) == renamed


@pytest.mark.parametrize("question, asks_of_thing", [
    ("When must that happen?", True),
    ("How long do they have to do it?", True),  # "long" asks a quantity of it
    ("How long?", True),  # a fragment names nothing either
    ("When did he sign it?", False),  # "sign" says what is asked
    ("Which courts?", False),
    ("Is that enforceable?", False),
])
def test_a_follow_up_naming_nothing_asks_of_the_last_questions_thing(question, asks_of_thing):
    assert _asks_of_thing(question) is asks_of_thing


@pytest.mark.parametrize("topic, thing", [
    ("What does the say about the return of materials", "the return of materials"),
    ("Does the allow disclosure to advisers", "allow disclosure to advisers"),
    ("What is the", ""),  # nothing named
])
def test_the_thing_a_question_asked_about_is_what_follows_about_or_its_naming_words(topic, thing):
    assert _thing_of(topic) == thing


@pytest.mark.parametrize("question, thing, asked", [
    ("When must that happen?", "the return of materials", "When must the return of materials happen?"),
    ("How long do they have to do it?", "the return of materials",
     "How long do they have to do the return of materials?"),
    ("How long?", "the return of materials", "How long (the return of materials)?"),
    # words that are no noun phrase go in brackets
    ("When can they do that?", "allow disclosure to advisers", "When can they do that (allow disclosure to advisers)?"),
])
def test_the_last_questions_thing_takes_the_pronouns_place_or_follows_in_brackets(question, thing, asked):
    assert _of_thing(question, thing) == asked


@pytest.mark.parametrize("question, name, asked", [
    ("When did she sign it?", "Priya Raman", "When did Priya Raman sign it?"),
    ("What is her title?", "Priya Raman", "What is Priya Raman's title?"),
    ("What is his title?", "Daniel Okafor", "What is Daniel Okafor's title?"),
    ("Who hired him?", "Daniel Okafor", "Who hired Daniel Okafor?"),
    ("When did she sign it?", "", ""),  # no one named yet
    ("When does it end?", "Priya Raman", ""),  # no word for a person
])
def test_a_person_pronoun_becomes_the_signer_the_conversation_is_about(question, name, asked):
    assert _of_person(question, name) == asked
