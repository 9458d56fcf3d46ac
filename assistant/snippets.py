"""The few words of a quote that answer the question: a verbatim window around the question's own
words, so an answer's first line carries its evidence ("Yes: "…is the sole author of the Article…" [1]")."""

from __future__ import annotations

import re
from functools import lru_cache

from index.terms import content_terms

WORDS = 30  # a sentence: a first line that still reads as one
_WORD = re.compile(r"\S+")
_MARKUP = re.compile(r"</?u>|</?sup>|\*\*|\$[^$\n]{0,40}\$|^#+\s*")
_FOOTNOTE = re.compile(r"<sup>[^<]{0,8}</sup>")  # a footnote mark is not part of what the quote says


def snippet(quote: str, question: str, words: int = WORDS) -> str:
    """The window of at most `words` words of `quote` that holds the most distinct content words of
    the question (stemmed), earliest on a tie; "…" marks a cut. The whole quote when it is short."""
    spans = [m.span() for m in _WORD.finditer(quote)]
    if len(spans) <= words + words // 4:
        return _clean(quote)
    wanted = _word_terms(question)
    stems = [_word_terms(quote[s:e]) & wanted for s, e in spans]
    best, best_score = 0, -1
    for start in range(0, len(spans) - words + 1):
        score = len(set().union(*stems[start:start + words]))
        if score > best_score:
            best, best_score = start, score
    first, last = spans[best][0], spans[best + words - 1][1]
    text = _clean(quote[first:last])
    return ("…" if best else "") + text + ("…" if best + words < len(spans) else "")


def excerpt(text: str, question: str, max_chars: int) -> tuple[int, int] | None:
    """(start, end) in `text` of a run of whole words, at most `max_chars` long, that holds the most
    distinct content words of the question (stemmed), None when no run holds any. The run starts at
    the start of the phrase holding the first of those words where they all still fit, else at that
    word: what a sentence says about the words mostly follows them ("located at <the address>")."""
    wanted = _word_terms(question)
    spans = [m.span() for m in _WORD.finditer(text)]
    stems = [_word_terms(text[s:e]) & wanted for s, e in spans]
    best, best_score, last = None, 0, 0
    for first in range(len(spans)):  # the earliest run holding the most of the words
        last = max(last, first)
        while last + 1 < len(spans) and spans[last + 1][1] - spans[first][0] <= max_chars:
            last += 1
        if spans[last][1] - spans[first][0] > max_chars:
            continue  # one word longer than the room
        score = len(set().union(*stems[first:last + 1]))
        if score > best_score:
            best, best_score = (first, last), score
    if best is None:
        return None
    held = [i for i in range(best[0], best[1] + 1) if stems[i]]
    first = phrase = held[0]
    while phrase > 0 and not text[spans[phrase - 1][0]:spans[phrase - 1][1]].endswith((",", ";", ":", ".")):
        phrase -= 1
    if spans[held[-1]][1] - spans[phrase][0] <= max_chars:
        first = phrase
    last = first
    while last + 1 < len(spans) and spans[last + 1][1] - spans[first][0] <= max_chars:
        last += 1
    return spans[first][0], spans[last][1]


@lru_cache(maxsize=50_000)
def _word_terms(word: str) -> frozenset[str]:
    """The stems of a word or a question (the same come back in quote after quote)."""
    return frozenset(content_terms(word))


def shown(text: str) -> str:
    """Text as an answer shows it: markup out, spacing collapsed."""
    return re.sub(r"\s+", " ", _MARKUP.sub("", text)).strip()


def _clean(text: str) -> str:
    return shown(_FOOTNOTE.sub("", text)).rstrip(",;:")
