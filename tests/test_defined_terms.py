"""Words an agreement says only where it defines a term stand for that term (assistant/defined_terms.py)."""

from __future__ import annotations

from assistant.defined_terms import defined_words, held_through_terms
from index.terms import content_terms

LEASE = [
    'This Equipment Lease Agreement (the "Lease") is made as of February 1, 2024 by and between Lumen Equipment '
    'Rentals LLC, a Colorado limited liability company ("Lessor"), and Granite Peak Builders Inc., a Colorado '
    'corporation ("Lessee").',
    '1. Equipment. Lessor leases to Lessee one CAT 320 hydraulic excavator, serial number CAT0320XK7741 (the '
    '"Equipment").',
    "7. Assignment. Lessee shall not sublease the Equipment or assign the Lease without Lessor's written consent.",
    "8. Governing Law. This Lease is governed by the laws of the State of Colorado.",
]
LICENCE = [
    '1.1 "Software" means the Inkwell editorial workflow software in object code form, version 4 and any updates '
    'the Licensor supplies under this Agreement.',
    '1.2 "Confidential Information" means all technical data the Licensor discloses.',
    "2.2 The Licensee shall not copy, modify, decompile or reverse engineer the Software.",
    "5.1 Each party shall keep confidential the other party's Confidential Information.",
]


def stem(word: str) -> str:
    (only,) = content_terms(word)
    return only


def term(words: str) -> frozenset[str]:
    return frozenset(content_terms(words))


def test_a_word_said_only_in_a_definition_stands_for_the_term_it_defines():
    defined = defined_words(LEASE)
    assert defined[stem("excavator")] == {term("Equipment")}
    assert defined[stem("hydraulic")] == {term("Equipment")}
    # said elsewhere too ("the State of Colorado"), or part of the term itself: found where it is said
    assert stem("colorado") not in defined and stem("equipment") not in defined
    # a party's own definition (a name, a legal form, an address) names no thing a question means by the role
    assert stem("limited") not in defined and stem("liability") not in defined and stem("lumen") not in defined


def test_a_quoted_term_that_means_something_defines_it_by_the_words_that_follow():
    defined = defined_words(LICENCE)
    assert defined[stem("inkwell")] == {term("Software")}
    assert defined[stem("workflow")] == {term("Software")}
    assert stem("software") not in defined  # the term's own word
    assert defined[stem("technical")] == {term("Confidential Information")}


def test_a_date_or_number_in_a_definition_names_nothing():
    defined = defined_words(['This Agreement is entered into as of March 1, 2025 (the "Effective Date").',
                             "The term starts on the Effective Date."])
    assert stem("march") not in defined and "2025" not in defined and "1" not in defined


def test_a_sentence_holds_an_asked_word_through_every_word_of_the_term_it_defines():
    defined = defined_words(LEASE + LICENCE)
    sublease = frozenset(content_terms(LEASE[2]))
    asked = content_terms("Can Granite Peak sublet the excavator?")
    assert held_through_terms(asked, sublease, defined) == {stem("excavator")}
    # a two-word term is used only where both its words are: "confidential" alone is not the term
    assert held_through_terms([stem("technical")], frozenset(content_terms("keep it confidential")), defined) == set()
    assert held_through_terms([stem("technical")], frozenset(content_terms(LICENCE[3])), defined) == {stem("technical")}


def test_the_stems_an_index_already_holds_give_the_same_words_as_reading_the_texts_again():
    texts = LEASE + LICENCE
    asked = []

    def stems_of(i):
        asked.append(i)
        return content_terms(texts[i])

    assert defined_words(texts, stems_of) == defined_words(texts)
    assert asked == [2, 3, 6, 7]  # only for the texts that define nothing (the others are read anyway)


def test_a_term_introduced_as_hereinafter_referred_to_or_called_is_defined_by_the_words_before_it():
    defined = defined_words([
        "2.1 Supplier shall sell to Buyer the frozen fish fillets listed in Schedule A (hereinafter referred to as "
        '"Goods") and the cold-chain packaging (herein called the "Crates").',
        "4.1 Buyer may reject Goods that arrive thawed; Supplier shall take back the Crates.",
    ])
    assert defined[stem("fillet")] == {term("Goods")}
    assert defined[stem("frozen")] == {term("Goods")}
    assert defined[stem("packaging")] == {term("Crates")}
    # the lead-in words themselves are no description: "referred" is said inside the parenthesis only
    assert stem("referred") not in defined and stem("called") not in defined
    asked = content_terms("Can the buyer reject the fillets?")
    assert held_through_terms(asked, frozenset(content_terms("Buyer may reject Goods that arrive thawed")),
                              defined) == {stem("fillet")}
