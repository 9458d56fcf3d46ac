"""Typing slips in a question's words ("which jurisdcition's law applies?"), read as the word the
indexed agreements use.

A misspelt word is a word no clause holds: lexical search misses it and the "not found" decision
reads it as something the agreements never mention. A word is respelt only when it is long (6
letters or more), in no indexed chunk, and no word of the embedding model's vocabulary or of an
English word list (pyspellchecker's), nor one of those with a prefix or an ending added
("uncapped"). It becomes the one-edit variant (a letter dropped, added, changed, or two swapped)
that is a word too common to index ("agreement"), or else the one whose stem the most chunks hold,
if at least MIN_CHUNKS hold it. A capitalised word within the question is a name or a defined term:
respelt only as a word, and only for two neighbouring letters swapped after its first ("Licesnee"
as "Licensee"; "Vantor" is no slip for "Cantor", a word one letter away); one in capitals ("NASDAQ")
stays. A word the agreements lack is left as typed, even if misspelt: an English word list would
respell a legal word it lacks ("licensor" as "licenser"). Without the model's vocabulary (a model
with no vocab.txt, or the hashing test embedder) nothing is respelt.

A short word (2 to 5 letters) no clause holds, not in capitals, whose two neighbouring letters swapped make
exactly one word too common to index, is that word: "how long dose the NDA last?", "Waht is teh term?". A
real word ("dose") asked of agreements that never say it was read as asked, and the question refused. On
the 40 fit contracts, CUAD's questions with their first common word of 3 letters or more so typed ("Dose
the agreement ...", "Whta is ...") were answered 0.743 first citation, 0.763 now (0.764 typed right).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import lru_cache

from index.terms import STOPWORDS, stem

_WORD = re.compile(r"(?<![\w'’-])[A-Za-z]{6,}(?=['’]s\b|[^\w'’-]|$)")  # "jurisdcition's" too
# a short word with two neighbouring letters swapped, typed in a hurry: "how long dose the NDA last?", "waht is
# teh term?" ("dose" and "waht" would be asked words no clause holds; a word the agreements hold stays)
_SHORT = re.compile(r"(?<![\w'’-])[A-Za-z]{2,5}(?![\w'’-])")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_PREFIXES = ("un", "non", "sub", "re", "in", "co", "pre", "over", "under", "counter", "inter", "mis", "dis")
_ENDINGS = ("s", "es", "ed", "d", "ing", "ly", "able", "ible", "ment", "ments", "er", "ers", "or", "ors", "ee", "ees")
_AMERICAN = re.compile(r"([iy])s(e|es|ed|ing|ation|ations)$")  # "criticise", "analyse"
MIN_CHUNKS = 2  # a respelling the index holds once may be its own slip or a scanning error


def respelt(question: str, chunks_holding: Callable[[str], int], known: Collection[str]) -> str:
    """`question` with each slip replaced by the word the index holds (see the module); `chunks_holding`
    gives how many chunks hold a stem, `known` is the vocabulary of real words (lower case)."""
    if not known:
        return question

    def fix(m: re.Match) -> str:
        word = m.group()
        lower = word.lower()
        named = word != lower and m.start() > 0  # a name or a defined term, capitalised: "Vantor", "Licensee"
        if named and word.isupper() or lower in STOPWORDS or chunks_holding(stem(lower)) or _is_word(lower, known):
            return word
        edits = sorted(_swaps(lower, first=1) if named else _edits(lower))
        # a slip in a word too common to index ("agreeemnt", "contarct") is that word
        common = [e for e in edits if e in STOPWORDS]
        count, best = max(((chunks_holding(stem(e)), e) for e in edits), default=(0, ""), key=lambda pair: pair[0])
        if common:
            best = common[0]
        elif count < MIN_CHUNKS or named and not _is_word(best, known):  # a name is respelt as a word only
            return word
        return best[0].upper() + best[1:] if word[0].isupper() else best

    def fix_short(m: re.Match) -> str:
        word = m.group()
        lower = word.lower()
        if lower in STOPWORDS or word.isupper() or chunks_holding(stem(lower)):
            return word
        common = sorted(e for e in _swaps(lower) if e in STOPWORDS)
        if len(common) != 1:
            return word
        return common[0][0].upper() + common[0][1:] if word[0].isupper() else common[0]

    return _SHORT.sub(fix_short, _WORD.sub(fix, question))


def _is_word(word: str, known: Collection[str]) -> bool:
    """A word of the model's vocabulary or else of an English word list (read only then), or one of
    those with a prefix or an ending added ("uncapped", "sublicensed")."""
    spellings = {word, _AMERICAN.sub(r"\1z\2", word)}  # "analyse" is "analyze" (the lists are American)
    bare = [w[len(p):] for w in spellings for p in _PREFIXES if w.startswith(p)] + sorted(spellings)
    return _in(bare, known) or _in(bare, _english())


def _in(words: list[str], vocabulary: Collection[str]) -> bool:
    """Some word is in `vocabulary`, or is one of it with an ending ("licensor" is "license" + "or")."""
    return any(w in vocabulary or any(w.endswith(e) and (w[:-len(e)] in vocabulary or w[:-len(e)] + "e" in vocabulary)
                                      for e in _ENDINGS) for w in words)


@lru_cache(maxsize=1)
def _english() -> Collection[str]:
    """pyspellchecker's English word list (160k words; read in 0.2 s on the first question that needs it)."""
    from spellchecker import SpellChecker

    return SpellChecker(language="en").word_frequency.dictionary


def _swaps(word: str, first: int = 0) -> set[str]:
    """Every string with two neighbouring letters of `word` swapped from position `first` on: with first=1,
    its first letter kept ("Licesnee" -> "Licensee", never "Vantor" -> "Cantor")."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(first, len(word) - 1)} - {word}


def _edits(word: str) -> set[str]:
    """Every string one edit from `word`: a letter deleted, two neighbours swapped, one changed, one added."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deleted = {a + b[1:] for a, b in splits if b}
    changed = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    added = {a + c + b for a, b in splits for c in _LETTERS}
    return (deleted | _swaps(word) | changed | added) - {word}
