"""Words an agreement says only where it defines a term, and afterwards only through that term.

A lease defines "one CAT 320 hydraulic excavator, serial number CAT0320XK7741 (the "Equipment")" and
from then on speaks of the Equipment; a licence defines "Software" as "the Inkwell editorial workflow
software" and speaks of the Software. People ask about "the excavator" and "Inkwell". A word of a
definition that the agreement uses nowhere else stands for the term it defines, so a sentence that
uses the term holds that word: "Lessee shall not sublease the Equipment" holds "excavator".

Only such words stand for a term. A word the agreement also uses elsewhere ("software", "Colorado")
is found where it is used, and a term's definition is not stretched over the whole contract.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from index.terms import content_terms

_TERM = r"[\"“]\s*(?:the\s+)?(?P<term>[A-Z][^\"“”\n]{0,60}?)\s*[\"”]"
# '"Software" means the Inkwell editorial workflow software ...': what follows "means"
_MEANS = re.compile(_TERM + r"\s*,?\s*(?:shall\s+|will\s+)?(?:means?|refers?\s+to)\s+(?P<desc>[^.;:\n]{1,400})")
# 'one CAT 320 hydraulic excavator, serial number CAT0320XK7741 (the "Equipment")': what comes before
# '(the "Equipment")', '(hereinafter the "Goods")', '(collectively, the "Services")', '(each a "Unit")',
# '(hereinafter referred to as "Goods")', '(herein called the "Products")', '(known as the "Act")'
_NAMED = re.compile(r"\(\s*(?:(?:hereinafter|herein|collectively|individually|jointly|each)\s*,?\s+)*"
                    r"(?:(?:referred\s+to|called|defined|designated|known)\s+(?:(?:herein|hereinafter)\s+)?(?:as\s+)?)?"
                    r"(?:(?:the|a|an)\s+)?" + _TERM + r"\s*\)")
# a party's own definition ("Lumen Equipment Rentals LLC, a Colorado limited liability company
# ("Lessor")"): its words are the party's name, form and address, which no question means by the role
_ORGANISATION = re.compile(r"\b(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|LP|LLP|PLC|"
                           r"GmbH|AG|S\.A|SA|B\.V|BV|N\.V|NV|SRL|S\.r\.l|individual|residing)\b", re.IGNORECASE)
_QUOTES = re.compile(r"[\"“]")
_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
# a number or a month names no thing: "entered into as of March 1, 2025 (the "Effective Date")"
_DATE_WORD = re.compile(r"\d+|jan|januari|feb|februari|march|april|may|june|juli|august|septemb|octob|novemb|decemb")
DESCRIPTION_WORDS = 10  # the words of a definition read as naming the thing defined


def defined_words(texts: Sequence[str], stems_of: Callable[[int], Iterable[str]] | None = None,
                  ) -> dict[str, frozenset[frozenset[str]]]:
    """For one agreement's clause texts: each stem said only inside definitions -> the terms it helps
    define, each as its stems (a sentence uses a term when it holds every stem of it). `stems_of(i)`:
    the stems of texts[i] when already known (the index's), read for a text that defines nothing."""
    described: dict[str, set[frozenset[str]]] = {}
    elsewhere: set[str] = set()
    for i, text in enumerate(texts):
        windows = _windows(text) if _QUOTES.search(text) else []
        if not windows:  # it defines nothing: all its words are used
            elsewhere.update(stems_of(i) if stems_of is not None else content_terms(text))
            continue
        rest = text
        for start, end, term in windows:
            stems = frozenset(content_terms(term))
            if stems:
                for stem in content_terms(text[start:end]):
                    described.setdefault(stem, set()).add(stems)
            rest = rest[:start] + " " * (end - start) + rest[end:]
        for match in _NAMED.finditer(rest):  # the term itself, in its parenthesis, is no use of a word
            rest = rest[:match.start()] + " " * (match.end() - match.start()) + rest[match.end():]
        elsewhere.update(content_terms(rest))
    return {stem: frozenset(terms) for stem, terms in described.items()
            if stem not in elsewhere and not any(stem in term for term in terms) and not _DATE_WORD.fullmatch(stem)}


def _windows(text: str) -> list[tuple[int, int, str]]:
    """(start, end, term) of the describing words of each definition in `text`."""
    windows = []
    for match in _MEANS.finditer(text):
        words = list(_WORD.finditer(match.group("desc")))[:DESCRIPTION_WORDS]
        if words:
            start = match.start("desc")
            windows.append((start + words[0].start(), start + words[-1].end(), match.group("term")))
    for match in _NAMED.finditer(text):
        before = text[:match.start()]
        sentence = max(before.rfind(mark) for mark in (". ", ";", ":", "\n", ")"))
        words = list(_WORD.finditer(before, sentence + 1))[-DESCRIPTION_WORDS:]
        if words and not _ORGANISATION.search(before, sentence + 1):
            windows.append((words[0].start(), words[-1].end(), match.group("term")))
    return windows


def held_through_terms(asked: Iterable[str], words: frozenset[str] | set[str],
                       defined: dict[str, frozenset[frozenset[str]]]) -> set[str]:
    """The asked stems a sentence (its stems `words`) holds through a term they define."""
    return {t for t in asked if any(term <= words for term in defined.get(t, ()))}
