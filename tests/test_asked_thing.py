"""What a quantity question counts: the noun a clause must name to answer it."""

from __future__ import annotations

import pytest

from assistant.asked_thing import asked_noun, asked_thing, asks_money, asks_quantity, holds_money, holds_quantity, names
from index.terms import content_terms


@pytest.mark.parametrize("question, stem, phrase", [
    ("How many days' notice must the publisher give to terminate Xin Wang's agreement?", "notic", "notice"),
    ("How many days' written notice must ICML give?", "notic", "notice"),  # "written" only qualifies it
    ("How many days' notice ends the consulting engagement?", "notic", "notice"),
    ("How much notice must be given to stop the agreement from renewing?", "notic", "notice"),
    ("How many free printed copies of the proceedings does Xin Wang receive?", "copi", "free printed copies"),
    ("How many vacation days does an employee get each year?", "vacat", "vacation days"),
    ("How many months' rent is the deposit?", "rent", "rent"),
])
def test_what_a_quantity_question_counts(question, stem, phrase):
    counted = asked_thing(question)
    assert counted is not None and (counted.stems, counted.phrase) == ((stem,), phrase)


@pytest.mark.parametrize("question", [
    "How many days does the Recipient have to return the materials?",  # it counts days
    "How much is the fee?",
    "How long is the term?",
    "What royalty does Xin Wang receive?",  # not a "how many / how much" question
    "Is there a notice period?",
])
def test_a_question_counting_a_kind_of_value_or_of_another_shape_counts_nothing(question):
    assert asked_thing(question) is None


def test_a_clause_names_it_in_its_own_word_or_a_contract_synonym():
    notice = asked_thing("How much notice must be given?")
    assert names(set(content_terms("unless either party notifies the other in writing")), notice)
    assert not names(set(content_terms("within one year of the date of your signature")), notice)


@pytest.mark.parametrize("text, holds", [
    ("Any party may end it on fourteen (14) days' written notice to the others.", True),
    ("unless either party gives at least ninety days' written notice", True),
    ("Orchid shall pay the Consultant CAD 350 per hour.", True),
    ("they will give me notice by email and all rights shall revert back to me", False),
])
def test_a_number_in_digits_or_words(text, holds):
    assert holds_quantity(text) is holds


def test_how_many_and_how_much_ask_for_a_number():
    assert asks_quantity("How many days' notice?") and asks_quantity("how much is the rent?")
    assert not asks_quantity("How long is the term?") and not asks_quantity("Is there a cap, and how much?")


@pytest.mark.parametrize("question, stem, phrase", [
    ("What royalty does Xin Wang receive when ICML sells the proceedings?", "royalti", "royalty"),
    ("What is the DOI?", "doi", "DOI"),
    ("Where is the seat of arbitration for the agreement?", "seat", "seat of arbitration"),
    ("What article processing charge does PMLR charge?", "charg", "charge"),  # the head of the phrase
    ("What insurance policies must the Contractor keep?", "insur", "insurance"),  # "policies" only says which kind
    ("What is the interest rate on the loan?", "interest", "interest"),
    ("Which court has jurisdiction?", "court", "court"),
])
def test_what_a_what_which_or_where_question_asks_for(question, stem, phrase):
    noun = asked_noun(question)
    assert noun is not None and (noun.stems, noun.phrase) == ((stem,), phrase)


@pytest.mark.parametrize("question", [
    "What date is this agreement signed?",  # a kind of value: the clause need not say "date"
    "What address is given for ICML?",
    "What is the Licensee permitted to do with the technology?",  # no plain noun is asked for
    "What rights to use IP does one party give the other?",
    "Which law governs?",  # no auxiliary: "law" may be a verb's subject or object
    "Who are the parties?",
    "Is there an arbitration clause?",
])
def test_no_noun_for_kinds_of_value_and_other_shapes(question):
    assert asked_noun(question) is None


def test_words_that_named_the_scope_are_not_shown_as_what_is_asked():
    assert asked_noun("What is the DOI of ActNN?").phrase == "DOI of ActNN"
    assert asked_noun("What is the DOI of ActNN?", {"actnn"}).phrase == "DOI"


@pytest.mark.parametrize("question, money", [
    ("How much does PMLR pay the author for the paper?", True),
    ("How much will the licence cost?", True),
    ("How much does the Licensee receive under clause 4?", True),
    ("How much notice must be given?", False),
    ("How many copies does the author receive?", False),
])
def test_how_much_someone_pays_or_receives_asks_for_a_sum(question, money):
    assert asks_money(question) is money


@pytest.mark.parametrize("text, holds", [
    ("The fee is USD 1,000.", True),
    ("Licensee shall remit $5,000 per quarter.", True),
    ("The Licensee shall pay a royalty of five percent of net sales.", True),
    ("A fee of 1,000 per copy is due.", True),
    ("The publisher shall pay within 30 days of the invoice.", False),  # when, not how much
    ("You agree to cite paragraph 2 of the licence.", False),  # a number, no payment
])
def test_a_sum_is_an_amount_or_a_number_beside_a_payment(text, holds):
    assert holds_money(text) is holds


def test_a_count_is_quoted_from_the_narrowest_candidate_that_holds_it():
    """A window of two sentences holding the notice period holds the sentence giving it: only the
    sentence stays a candidate, so it is the quote."""
    import numpy as np

    from assistant.answer_check import check_asked

    texts = ["The engagement lasts one (1) year. Either party may end it on fourteen (14) days' notice.",
             "Either party may end it on fourteen (14) days' notice.", "Notices are sent by email."]
    spans = [("c.txt", 0, 88), ("c.txt", 35, 88), ("c.txt", 90, 116)]
    check = check_asked("How many days' notice ends the engagement?", (), texts, np.asarray([0.9, 0.5, 0.7]), 0.8,
                        "the agreement", lambda stems: False, spans)
    assert check.probabilities[0] == 0 and check.probabilities[1] > 0 and check.probabilities[2] == 0
    # without the spans, both stay
    check = check_asked("How many days' notice ends the engagement?", (), texts, np.asarray([0.9, 0.5, 0.7]), 0.8,
                        "the agreement", lambda stems: False)
    assert check.probabilities[0] > 0 and check.probabilities[1] > 0


def test_a_sum_asked_for_is_not_found_where_only_other_numbers_are():
    import numpy as np

    from assistant.answer_check import check_asked

    texts = ["You agree to cite paragraph 2 of the licence.", "The licence is granted for 5 years."]
    check = check_asked("How much does the publisher pay the author?", (), texts, np.asarray([0.8, 0.6]), 0.9,
                        "1 agreement", lambda stems: False)
    assert check.found_probability == 0.0 and check.missing == "no clause in 1 agreement gives a number for it"
