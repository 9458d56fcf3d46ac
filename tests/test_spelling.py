"""A typing slip in a question's word ("jurisdcition") is read as the word the indexed agreements
use; names, real words and words the agreements lack are left as typed."""

from __future__ import annotations

import pytest

from assistant.spelling import MIN_CHUNKS, respelt
from index.terms import stem

KNOWN = frozenset({"which", "law", "governs", "does", "have", "audit", "rights"})  # a model's vocabulary


def holding(*words: str, chunks: int = MIN_CHUNKS):
    """chunks_holding for an index whose chunks hold these words."""
    stems = {stem(w) for w in words}
    return lambda term: chunks if term in stems else 0


@pytest.mark.parametrize("typed, index_words, asked", [
    ("Which jurisdcition's law governs?", ("jurisdiction",), "Which jurisdiction's law governs?"),
    ("Is there a terminatoin fee?", ("termination", "fee"), "Is there a termination fee?"),
    ("Can the licnesee assign?", ("licensee",), "Can the licensee assign?"),
    # a word too common to index is respelt as itself
    ("Which agreeemnts are NDAs?", (), "Which agreements are NDAs?"),
    ("Jurisdcition of the courts?", ("jurisdiction",), "Jurisdiction of the courts?"),  # capital kept
    # a defined term, capitalised: two neighbouring letters swapped after the first
    ("Who signed for the Licesnee?", ("licensee",), "Who signed for the Licensee?"),
])
def test_a_slip_is_read_as_the_word_the_agreements_use(typed, index_words, asked):
    assert respelt(typed, holding(*index_words), KNOWN) == asked


@pytest.mark.parametrize("typed, index_words", [
    ("Does Vantor have audit rights?", ("cantor",)),  # a name, not a slip
    ("Does Hladen have audit rights?", ("halden",)),  # a name swapped is another name, not a word
    ("Does the Licensse have audit rights?", ("licensee",)),  # a capitalised word only for a swap
    ("Is a NASDQA listing required?", ("nasdaq",)),  # in capitals
    ("May the recipient analyse the samples?", ("analyte",)),  # a British spelling is a word
    ("Is any liability uncapped?", ("incapped",)),  # a word with a prefix is a word
    ("Can the licensor terminate?", ("licenser",)),  # "license" + "or"
    ("Which jurisdiction's law governs?", ("jurisdiction",)),  # held by the index
    ("Is there a sublicnese right?", ()),  # the agreements lack it: left as typed
])
def test_names_real_words_and_words_the_agreements_lack_are_left_as_typed(typed, index_words):
    assert respelt(typed, holding(*index_words), KNOWN) == typed


@pytest.mark.parametrize("typed, index_words, asked", [
    # a short word two of whose neighbouring letters swapped make a word too common to index
    ("how long dose the NDA last?", (), "how long does the NDA last?"),
    ("Waht is teh term?", (), "What is the term?"),
    ("Dose the NDA cover oral information?", (), "Does the NDA cover oral information?"),
    ("Is tehre a cap adn a floor?", (), "Is there a cap and a floor?"),
    # held by the agreements, in capitals, or no such swap: as typed
    ("Is there a dose limit?", ("dose",), "Is there a dose limit?"),
    ("What form must notices take?", ("form",), "What form must notices take?"),
    ("Does the NAD apply?", (), "Does the NAD apply?"),
    ("Which IP is licensed?", (), "Which IP is licensed?"),
])
def test_a_short_slip_into_a_common_word_is_read_as_that_word(typed, index_words, asked):
    assert respelt(typed, holding(*index_words), KNOWN) == asked


def test_a_respelling_held_by_fewer_chunks_than_the_minimum_is_not_made():
    assert respelt("Which jurisdcition?", holding("jurisdiction", chunks=MIN_CHUNKS - 1), KNOWN) == \
        "Which jurisdcition?"


def test_without_a_vocabulary_to_tell_words_from_slips_nothing_is_respelt():
    assert respelt("Which jurisdcition's law governs?", holding("jurisdiction"), frozenset()) == \
        "Which jurisdcition's law governs?"
