"""What a value question asks for, by name: "how many days' notice ...?" counts notice, "what
royalty ...?" asks for a royalty, "what is the DOI of ...?" for a DOI.

A clause that gives such a value names what it gives: a notice period says "notice" (or
"notify"), a royalty clause "royalty" or a word contracts use for it ("fee", "payment"). So a
quantity is read only from a sentence that names what is counted ("within one year of the date of
your signature" is no notice period), and an agreement that never names what is asked does not
state it. Measured on CUAD's fit part: the lawyers' answer names what "how many / how much" counts
in 58 of 59 answerable questions, and the contract names what "what / which / where" asks for in
280 of 281.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.text import related
from index.shapes import AMOUNT, DURATION
from index.terms import content_terms

_AUX = (r"(?:does|do|did|is|are|was|were|must|shall|should|will|would|can|could|may|might|has|have|had|"
        r"need|needs)")
_AFTER = (r"(?:of|on|for|in|under|to|per|that|which|who|between|by|at|after|before|if|when|upon|from|with|"
          r"within|against|about|regarding)")
_UNIT = r"(?:(?:business|calendar|working)\s+)?(?:days?|weeks?|months?|years?|hours?)['’]?\s+"
_UNIT_OF = r"(?:(?:business|calendar|working)\s+)?(?:days|weeks|months|years|hours)['’]\s*"
_PHRASE = r"(?P<np>[A-Za-z][\w'’/-]*(?:\s+[A-Za-z][\w'’/-]*){0,3}?)"
_ASKS = [
    # "how many days' notice ...": a unit's possessive is followed by what it measures
    re.compile(rf"^\s*how\s+(?:many|much)\s+{_UNIT_OF}(?P<of>(?:[A-Za-z][\w-]*\s+){{0,1}}[A-Za-z][\w-]*)", re.I),
    # "how much notice must be given ...", "how many free printed copies of ..." ("how many days does
    # the Recipient have ...?" counts days: no noun follows the unit)
    re.compile(rf"^\s*how\s+(?:many|much)\s+(?:{_UNIT})?(?!(?:{_AUX}|{_AFTER})\b){_PHRASE}\s+(?:{_AUX}|{_AFTER})\b",
               re.I),
]
# words that name a kind of value, not a thing a clause must name to give it: "the date", "the amount"
_GENERIC = frozenset(content_terms(
    "date dates day days time times name names party parties amount amounts number numbers period periods term terms "
    "year years month months week weeks hour hours value values percentage percent sum total figure place places "
    "person people persons company companies entity entities kind type types thing things detail details "
    "provision provisions section sections paragraph condition conditions requirement requirements "
    "right rights obligation obligations way ways happen happens written prior maximum minimum first last "
    "initial current exact specific main other title titles consequence consequences individual individuals "
    "organisation organisations organization organizations policy policies address addresses location locations "
    "rate rates least most best"))
# "what royalty does X receive?", "what is the DOI of the paper?", "where is the seat of arbitration?"
_NAMES = [
    re.compile(rf"^\s*(?:what|which)\s+(?!(?:{_AUX}|{_AFTER})\b){_PHRASE}\s+{_AUX}\b", re.I),
    re.compile(rf"^\s*(?:what|which)(?:['’]s|\s+(?:is|are|was|were))\s+(?:the\s+|its\s+|their\s+)?{_PHRASE}"
               rf"(?:\s+{_AFTER}\b|\s*[?.]?\s*$)", re.I),
    re.compile(rf"^\s*where\s+(?:is|are|was|were)\s+(?:the\s+)?{_PHRASE}(?:\s+{_AFTER}\b|\s*[?.]?\s*$)", re.I),
]
_COUNTS = re.compile(r"^\s*how\s+(?:many|much)\b", re.I)
# "how much does the Licensee pay?", "how much will it cost?": a sum of money answers it
_ASKS_MONEY = re.compile(rf"^\s*how\s+much\s+(?:{_AUX})\b(?:\s+[\w'’.-]+){{0,6}}?\s+"
                         r"(?:pay|paid|cost|costs|charge|charged|owe|owed|earn|earned|receive|received|get\s+paid)\b",
                         re.I)
_PAYMENT = ("pay",)  # and what contracts call it: fee, royalty, compensation, remuneration (assistant.text)
_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
                     r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|half|double|twice)\b", re.I)
_DETERMINERS = frozenset({"the", "a", "an", "any", "its", "their", "his", "her", "this", "that", "these", "those"})


@dataclass(frozen=True)
class AskedThing:
    """What a quantity question counts: its stems (the head noun) and the words as asked."""

    stems: tuple[str, ...]
    phrase: str  # "notice", "free printed copies"


def asked_thing(question: str, scope_terms: Iterable[str] = ()) -> AskedThing | None:
    """What a "how many / how much" question counts, by its head noun: "how many days' notice" ->
    notice, "how many free printed copies" -> copies; None when it counts a kind of value (days, an
    amount) or the question has another shape."""
    scope = set(scope_terms)
    for pattern in _ASKS:
        m = pattern.match(question or "")
        if not m:
            continue
        words = _words(m.group("of") if m.groupdict().get("of") else m.group("np"))
        named = _named(words, scope)
        if not named:
            return None
        # what a unit measures is the first word that is no mere qualifier ("days' written notice");
        # otherwise the head of a noun phrase is its last word ("processing charge"), and a generic
        # head ("notice period") leaves its modifier to name it
        head = named[0] if m.groupdict().get("of") else named[-1]
        shown = next(w for w in (words if m.groupdict().get("of") else reversed(words)) if head in content_terms(w))
        return AskedThing((head,), shown if m.groupdict().get("of") else " ".join(words))
    return None


def asked_noun(question: str, scope_terms: Iterable[str] = ()) -> AskedThing | None:
    """What a "what / which / where" question asks for by name, its head noun: "what royalty does X
    receive?" -> royalty, "what is the DOI of the paper?" -> DOI; None for a kind of value ("what
    date"), a phrase that is no plain noun ("what is the Licensee permitted to do", "what rights to
    use IP") and other shapes."""
    scope = set(scope_terms)
    for pattern in _NAMES:
        m = pattern.match(question or "")
        if not m:
            continue
        words = _words(m.group("np"))
        if not words or words[-1].lower().endswith("ing") or any(
                w.lower().endswith("ed") or re.fullmatch(_AFTER, w, re.I) for w in words):
            return None  # "what is the Licensee permitted to do", "what rights to use IP": no plain noun
        named = _named(words, scope)
        if not named:
            return None
        shown = next(w for w in reversed(words) if named[-1] in content_terms(w))
        of = re.match(r"\s+of\s+(?:the\s+)?([A-Za-z][\w-]*)", question[m.end("np"):])
        if of and content_terms(of.group(1)) and not set(content_terms(of.group(1))) & (scope | _GENERIC):
            shown += f" of {of.group(1)}"  # said as asked: "the seat of arbitration"
        return AskedThing(tuple(named[-1:]), shown)
    return None


def _words(phrase: str) -> list[str]:
    """A noun phrase's words, without its determiners."""
    return [w for w in re.findall(r"[A-Za-z][\w'’-]*", phrase) if w.lower() not in _DETERMINERS]


def _named(words: list[str], scope: set[str]) -> list[str]:
    """The stems of the words that name a thing: not a kind of value, not what named the scope."""
    return [s for w in words for s in content_terms(w) if s not in _GENERIC and s not in scope]


def names(text_stems: set[str] | frozenset[str], thing: AskedThing) -> bool:
    """Whether a text (its stems) names the asked thing, in its own word or a contract synonym."""
    return any(t in text_stems or related(t) & text_stems for t in thing.stems)


def asks_quantity(question: str) -> bool:
    """"How many ...?", "how much ...?": a number answers it (in CUAD's fit part, a lawyer's answer to
    such a question holds one in all 59 answerable cases)."""
    return bool(_COUNTS.match(question or ""))


def asks_money(question: str) -> bool:
    """"How much does X pay / cost / receive ...?": a sum, not any number."""
    return bool(_ASKS_MONEY.match(question or ""))


def holds_money(text: str) -> bool:
    """Whether a text states a sum: a currency amount or a percentage, or a number that is no
    duration beside a word for a payment ("a royalty of five percent", "a fee of 1,000")."""
    if AMOUNT.search(text):
        return True
    besides_time = DURATION.sub(" ", text)  # "pay within 30 days" says when, not how much
    return bool(_NUMBER.search(besides_time)) and names(set(content_terms(text)), AskedThing(_PAYMENT, "payment"))


def holds_quantity(text: str) -> bool:
    """Whether a text states a number, an amount or a duration, in digits or in words."""
    return bool(_NUMBER.search(text) or DURATION.search(text) or AMOUNT.search(text))
