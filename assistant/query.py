"""A question analysed once: its scope, the words that matter, its vectors and what it asks for,
read by every stage (retrieve, gather evidence, answer) in one direction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.features import question_types
from assistant.plain_words import in_contract_words
from assistant.scope import Scope
from assistant.text import content_terms, without_terms

Embed = Callable[[Sequence[str]], list[list[float]]]


@dataclass(frozen=True)
class Query:
    question: str  # as asked
    scope: Scope
    focus: str  # the question without the words that named its scope, everyday phrases glossed (plain_words)
    terms: tuple[str, ...]  # stemmed content words of the focus, the scope's words left out
    vector: np.ndarray  # the focus embedded
    evidence_vector: np.ndarray  # the focus with acronyms spelled out, embedded
    asked: tuple[float, ...]  # answer types the question asks for (features.QUESTION_TYPES)
    wording: str  # the question without the scope's words, for the answer's own text
    # words its nearest fitted kind of question is asked in, none of terms: searched for, not asked (assistant.bridges)
    bridges: tuple[str, ...] = ()

    @property
    def agreements(self) -> tuple[str, ...] | None:
        return self.scope.agreements or None


def analyse(question: str, scope: Scope, embed: Embed) -> Query:
    """One pass over the question; its vectors come from one embedding call."""
    scope_terms = set(scope.terms)
    # a naming lead-in is left out whole: its leftovers ("In the And Agreement between , . and .:")
    # would otherwise be embedded with what is asked
    focus = scope.asked or (without_terms(question, scope_terms) if scope.agreements else question) or question
    # "does it roll over?" read with the contract's word for it, "renew" (assistant/plain_words.py)
    focus = in_contract_words(focus)
    terms = tuple(t for t in content_terms(focus) if t not in scope_terms)
    texts = [focus] + ([f"{focus} ({scope.expansion})"] if scope.expansion else [])
    vectors = np.asarray(embed(texts), dtype=np.float32)
    return Query(question=question, scope=scope, focus=focus, terms=terms, vector=vectors[0],
                 evidence_vector=vectors[-1], asked=question_types(focus),
                 wording=scope.asked or without_terms(question, scope_terms) or question)
