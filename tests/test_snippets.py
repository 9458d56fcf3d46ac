"""The first line's gist of a quote: a verbatim window around the question's words."""

from __future__ import annotations

from assistant.snippets import excerpt, snippet

LONG = ("If ICML decides not to publish my Articles for any reason, they will give me notice by email and all "
        "rights to the Articles granted under this Agreement will revert back to me, and this Agreement will be "
        "of no further force or effect, except that the indemnity in clause 4 survives any such termination.")


def test_a_short_quote_is_shown_whole_without_markup():
    assert snippet("It will be governed by the laws of the <u>Commonwealth</u> of Massachusetts.",
                   "Which law governs?") == "It will be governed by the laws of the Commonwealth of Massachusetts."


def test_a_long_quote_is_cut_to_the_window_holding_the_question_words():
    got = snippet(LONG, "Does the indemnity survive termination?", words=12)
    assert got == "…effect, except that the indemnity in clause 4 survives any such termination."
    assert got.strip("…") in LONG  # verbatim
    got = snippet(LONG, "Do the rights come back to me if ICML does not publish?", words=12)
    assert got == "If ICML decides not to publish my Articles for any reason, they…"


def test_the_earliest_window_wins_a_tie():
    assert snippet(LONG, "What is the colour of the sky?", words=6) == "If ICML decides not to publish…"


def test_an_excerpt_starts_at_the_phrase_holding_the_question_words_and_fills_the_room():
    start, end = excerpt(LONG, "Does the indemnity survive termination?", 80)
    assert (start, end) == (235, 303)
    assert LONG[start:end] == "except that the indemnity in clause 4 survives any such termination."
    # too little room for the phrase before it: from the first question word on
    start, end = excerpt(LONG, "Does the indemnity survive termination?", 20)
    assert LONG[start:end] == "indemnity in clause"
    # one of the words in the room: its phrase ("they will ... all rights"), then what follows
    start, end = excerpt(LONG, "Do the rights revert?", 60)
    assert LONG[start:end] == "they will give me notice by email and all rights to the"


def test_no_excerpt_without_the_question_words_or_room_for_one_of_them():
    assert excerpt(LONG, "What is the colour of the sky?", 80) is None
    assert excerpt(LONG, "Do the rights revert?", 12) == (101, 110)  # "rights to"
    assert excerpt(LONG, "Do the rights revert?", 5) is None  # "rights" alone is longer
