"""Checks after ranking that an answer gives what the question asks for by name: a quantity read
from a sentence that names what is counted and holds a number, and nothing quoted for a thing no
clause in scope names (assistant/asked_thing.py reads the question)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.asked_thing import asked_noun, asked_thing, asks_money, asks_quantity, holds_money, holds_quantity, \
    names
from assistant.signatories import only
from index.terms import content_terms


@dataclass(frozen=True)
class Check:
    """The ranker's probabilities narrowed to what can answer, the found probability (0 when
    nothing can), and why the answer is "not found", in words ("" when the check let it stand)."""

    probabilities: np.ndarray
    found_probability: float
    missing: str = ""


def check_asked(question: str, scope_terms: Collection[str], texts: Sequence[str], probabilities: np.ndarray,
                found_probability: float, searched: str, never_named: Callable[[tuple[str, ...]], bool],
                spans: Sequence[tuple[str, int, int]] = (), worded: str = "") -> Check:
    """`texts`: the candidates' texts, in `probabilities` order; `searched`: what was searched, for
    the message; `never_named(stems)`: whether no clause in scope names any of the stems; `spans`:
    the candidates' (file, start, end), in the same order, when known; `worded`: the question in the
    contract's words (plain_words.contract_wording), what a quantity asked for is counted in ("how
    much warning ...?" counts notice). A thing asked for by name is looked for as the question names
    it: "what penalty ...?" in the contract's words would ask for any "damages"."""
    if asks_quantity(question):  # "how many days' notice ...?"
        counted = asked_thing(worded or question, scope_terms)
        naming = [i for i, text in enumerate(texts) if counted is None or names(set(content_terms(text)), counted)]
        holds = holds_money if asks_money(question) else holds_quantity
        counting = _narrowest([i for i in naming if holds(texts[i])], spans)
        if counting:
            return Check(only(probabilities, counting), found_probability)
        # "within one year of your signature" is no notice period; "notice by email" gives no number
        if counted is None:
            missing = f"no clause in {searched} gives a number for it"
        elif not naming:
            missing = f"no clause about {counted.phrase} in {searched}"
        else:
            missing = f"{counted.phrase} is mentioned in {searched}, but no clause gives a number for it"
        return Check(probabilities, 0.0, missing)
    noun = asked_noun(question, scope_terms)
    if noun is not None and never_named(noun.stems):  # "what is the DOI of the paper?", no clause says "DOI"
        return Check(probabilities, 0.0, f"no clause about {noun.phrase} in {searched}")
    return Check(probabilities, found_probability)


def _narrowest(chosen: list[int], spans: Sequence[tuple[str, int, int]]) -> list[int]:
    """The chosen candidates no other chosen one lies within: a window of two sentences that holds
    the count holds the sentence that gives it, and that sentence alone is the quote ("The engagement
    lasts one (1) year. Any party may end it on fourteen (14) days' notice." for the notice)."""
    if not spans:
        return chosen

    def within(inner: int, outer: int) -> bool:
        (file, start, end), (other, first, last) = spans[inner], spans[outer]
        return file == other and first <= start and end <= last and (start, end) != (first, last)

    return [i for i in chosen if not any(within(j, i) for j in chosen)]
