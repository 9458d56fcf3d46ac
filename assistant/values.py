"""Values an answer can state first: the span of a cited quote that holds what the question asks
for (a date, a duration, an amount, a governing law, a court, a title, an address, a party or a
signer), read by its shape (assistant.shapes) and stated only when one value is singled out, never
guessed from outside the quote."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assistant.asked_thing import asked_thing, names
from assistant.features import QUESTION_TYPES, without_where_in_text
from assistant.shapes import FINDERS, normalise
from assistant.text import related
from assistant.types import Citation, Value
from assistant.venue import asks_venue
from index.terms import content_terms

KINDS = ("signer", "law", "court", "title", "amount", "date", "duration", "place", "party", "definition")
_SPECIFIC = ("law", "court", "title", "amount", "date", "duration")
# The words that only say which kind is asked for ("what date"), not which value of it.
_GENERIC = {"date": {"date", "day", "time"}, "amount": {"amount", "much", "sum", "valu", "number"}}

_WH = re.compile(r"\b(who|whom|whose|when|where|how\s+long|how\s+much|how\s+many|what|which)\b", re.I)
_ASKS_SIGNER = re.compile(r"\bsignator|\bsigner|\b(?:counter)?signed\s+(?:for|by|on\s+behalf)"
                          r"|\b(?:who|people|persons?)\b.{0,40}\b(?:counter)?sign", re.I | re.S)
# a date something starts from: the agreement's own (made, dated, entered into, effective as of), a
# term's start ("lasts one (1) year from 3 June 2024"); and the questions that ask for such a date:
# when it was made, signed or dated, when it starts or takes effect
_START_DATE = re.compile(r"(?:\b(?:effective|commencement)\s+date|\b(?:entered\s+into|made|dated|executed)\b[^.;]{0,40}"
                         r"|\b(?:as\s+of|from|(?:start|begin|commenc)\w*\s+on))\W*(?:the\s+)?$", re.I)
# a date something ends on: "begins on the date above and ends on August 31, 2024" does not say when it begins
_END_DATE = re.compile(r"\b(?:ends?|ending|expir\w*|terminat\w*|until|through)\s+(?:on\s+)?(?:the\s+)?$", re.I)
_DEFINED_START = re.compile(r"\W{0,4}(?:the\s+)?[\"“”']?(?:effective|commencement)\s+date\b", re.I)
# a notice period: "gives notice of non-renewal at least ninety (90) days before the end of the term",
# "on thirty (30) days' prior written notice" is not how long the term runs; asked only as notice
_NOTICE_BEFORE = re.compile(r"\bnotice\b[^.;:]{0,40}$", re.I)
_NOTICE_AFTER = re.compile(r"^\W{0,3}(?:(?:prior|advance)\s+)?(?:written\s+)?notice\b"
                           r"|^\s*(?:before|prior\s+to)\s+(?:the\s+)?(?:end|expir\w*|terminat\w*)", re.I)
_ASKS_NOTICE = re.compile(r"\b(?:notice|notify|notification|warn\w*|advance)\b", re.I)
# a renewal's period: "renews for further one-year periods", "may extend the term for five (5) years each"
# is not how long the term itself runs, and asked of renewals, only such a period answers
_RENEWAL_BEFORE = re.compile(r"\b(?:renew\w*|extend\w*|extension)\b[^.;:]{0,40}$", re.I)
_ASKS_RENEWAL = re.compile(r"\b(?:renew\w*|extend\w*|extensions?)\b", re.I)
_ASKS_START = re.compile(r"\b(?:effective|effect|into\s+force|start\w*|begin\w*|began|commenc\w*|made|make|enter\w*|"
                         r"dated?|sign\w*|execut\w*|conclud\w*)\b", re.I)
# "how many days", "how much prior notice": a count of time, not "by how much can the fees go up at renewal?"
_COUNTS_TIME = re.compile(r"\bhow\s+(?:much|many)\s+(?:[\w'’-]+\s+){0,2}?"
                          r"(?:days?|weeks?|months?|years?|hours?|notice|time|period)\b", re.I)
# "each year", "per month": how often, not a length of time asked for
_FREQUENCY = re.compile(r"\b(?:each|every|per|a|an|any)\s+(?:calendar\s+|contract\s+)?"
                        r"(?:year|month|week|day|quarter)\b", re.I)
# "what is the minimum the Buyer must buy?", "what's the maximum order?": a quantity is what is asked
_BOUND = re.compile(r"^\s*(?:what|which)(?:['’]s|\s+(?:is|are|was|were))?\s+(?:the\s+)?"
                    r"(?:minimum|maximum|least|most)\b", re.I)
_DURATION_ASKED = dict(QUESTION_TYPES)["duration"]
_DATE_ASKED = re.compile(rf"{dict(QUESTION_TYPES)['date'].pattern}|\bdates\b", re.I)
_HOW_SOON = re.compile(r"\bhow\s+(?:soon|quickly|fast|promptly)\b", re.I)
_HOW_OFTEN = re.compile(r"\bhow\s+(?:often|frequently)\b", re.I)
_AGREEMENT_END = re.compile(r"\b(?:expir\w*|ends?|ending|terminat\w*|renew\w*|term|lasts?)\b", re.I)
_WHEN_EVENT = ("date", "duration")  # when something happens: a date, or a period the quote states
_AUXILIARY = r"(?:is|are|does|do|did|can|could|may|must|has|have|will|shall|should|was|were)\b"
_YESNO = re.compile(rf"^\s*{_AUXILIARY}", re.I)
# A condition or a scope put before the question proper ("If a court strikes down part of it, does
# the rest still apply?", "In the event of a breach, may the licensor terminate?", "Under Xin Wang's
# agreement, is the licence exclusive?"): what follows the comma is asked.
_LEAD = re.compile(rf"^\s*(?:if|when|once|unless|after|before|where|in|under|for|according\s+to)\b[^,?]{{3,200}},\s*"
                   rf"(?={_AUXILIARY})", re.I)


def wanted(question: str, asked: Sequence[float]) -> tuple[str, ...]:
    """The kinds of value a question asks for, most specific first. `asked` is its
    features.question_types; the question's wh-word narrows them ("when" asks for a date even when
    "sign" is in the question)."""
    names = {name for (name, _), flag in zip(QUESTION_TYPES, asked) if flag}
    if re.search(r"\bdates\b", question, re.I):
        names.add("date")  # "what event dates ...?"
    word = _wh_word(question)
    if word in ("what", "which") and not _DATE_ASKED.search(re.sub(r"\bwhen\b", " ", question, flags=re.I)):
        names.discard("date")  # "what must Kestrel hand over when the agreement ends?": "when" is a condition
    signer = bool(_ASKS_SIGNER.search(question))
    if asks_venue(question):
        return ("court",)  # "where can a party sue?": the court, whatever the wh-word
    if _HOW_OFTEN.search(question):
        return ()  # "how often can the Supplier raise prices?": a frequency, no amount or date
    if word == "how long" or (word in ("how many", "how much") and _COUNTS_TIME.search(question)):
        return ("duration",)  # "how many days ...", "how much notice ...": a length of time
    if word in ("how much", "how many"):
        return ("amount",)
    if word == "when":
        # when something happens or ends: a date, or a period ("within thirty (30) days of invoice")
        return _WHEN_EVENT if asks_when(question) else ("date",)
    if word in ("who", "whom", "whose"):
        return tuple(k for k in ("signer", "party") if k != "signer" or signer)
    if word == "where":
        return tuple(k for k in ("court", "law") if k in names) or ("place",)
    kinds = [k for k in _SPECIFIC if k in names]
    if "duration" in kinds and not _DURATION_ASKED.search(_FREQUENCY.sub(" ", question)):
        kinds.remove("duration")  # "what is the minimum the Buyer must buy each year?" asks no length of time
    if not kinds and _BOUND.search(question):
        kinds.append("amount")
    if signer:
        kinds.insert(0, "signer")
    if not kinds and "place" in names:
        kinds.append("place")
    if re.search(r"\bpart(?:y|ies)\b|\bbetween\b", question, re.I):
        kinds.append("party")
    return tuple(kinds)


def asks_event_time(question: str) -> bool:
    """"When must the Consultant be paid?", "how soon must the Supplier deliver?": when something
    happens under the agreement, not when it was made, signed or takes effect, nor when it ends
    (which an opening may say: "from April 15, 2000 through October 15, 2000")."""
    return asks_when(question) and not _AGREEMENT_END.search(question)


def asks_when(question: str) -> bool:
    """A when-question not about the agreement's own start: its answer is a date or a period."""
    return (_wh_word(question) == "when" or bool(_HOW_SOON.search(question))) and not _ASKS_START.search(question)


def _wh_word(question: str) -> str:
    """The question's first wh-word, lower case ("how long", "when"), not a "where" that asks where in the
    text ("find where X releases Y"); "" for none."""
    wh = _WH.search(without_where_in_text(question))
    return re.sub(r"\s+", " ", wh.group(1).lower()) if wh else ""


def main_question(question: str) -> str:
    """The question proper, without a condition or scope put before it ("If the publisher does not
    publish, may the author publish elsewhere?" -> "may the author publish elsewhere?")."""
    lead = _LEAD.match(question)
    return question[lead.end():] if lead else question


def is_yes_no(question: str) -> bool:
    """A question answered by yes or no ("may the author publish elsewhere?", "if it is not
    published, do the rights revert?"), not a choice ("California or Massachusetts law?",
    "exclusive or not?")."""
    question = main_question(question)
    return bool(_YESNO.match(question)) and not re.search(r"[A-Z][\w'’-]*\s+or\s+[A-Z]|\bor\s+(?:not|non-?\w)",
                                                          question)


def named_in(question: str, kinds: Sequence[str]) -> tuple[str, ...]:
    """The kinds of value the question itself names ("governed by Massachusetts law?", "within 30 days?"):
    a yes/no question is answered by such a value only when it names one to confirm."""
    itself = Citation(file="", agreement="", clause="", quote=question, start=0, end=len(question), score=0.0)
    return tuple(k for k in kinds if k not in ("signer", "party", "place") and FINDERS[k](question, "", itself))


def agreement_values(question: str, kinds: Sequence[str], citations: Sequence[Citation], indexes: Sequence[int],
                     aggregate: bool = False) -> list[Value]:
    """The values one agreement's citations (`indexes` into `citations`) state, one set per kind:
    for each kind, the first citation that states exactly one such value (several different ones
    and no sign which is meant: none)."""
    if tuple(kinds) == _WHEN_EVENT:
        # the first quote stating a date gives it; one stating a period first ("terminate if ... not
        # published within one year") is the answer in its own words, not a later quote's date
        for i in indexes:
            spans = _choose("date", question, citations[i], aggregate)
            if spans:
                c = citations[i]
                return [Value(c.quote[s:e], c.start + s, c.start + e, "date", i) for s, e in spans]
            if spans is None or _choose("duration", question, citations[i], aggregate) != []:
                return []
        return []
    found: list[Value] = []
    for kind in kinds:
        if kind in ("place", "party") and found:
            break  # "who" and "where" are answered by the more specific value already found
        for i in _ordered(kind, question, citations, indexes):
            spans = _choose(kind, question, citations[i], aggregate)
            if spans is None:
                break  # the best citation names several and none is singled out: say nothing
            if spans:
                c = citations[i]
                found += [Value(c.quote[s:e], c.start + s, c.start + e, kind, i) for s, e in spans]
                break
    return found


def _ordered(kind: str, question: str, citations: Sequence[Citation], indexes: Sequence[int]) -> list[int]:
    """A signing date or signer is read in the signature block first, wherever the ranker put it."""
    if kind in ("signer", "date") and re.search(r"\b(?:counter)?sign", question, re.I):
        return sorted(indexes, key=lambda i: citations[i].clause != "signatures")
    return list(indexes)


def _choose(kind: str, question: str, citation: Citation, aggregate: bool) -> list[tuple[int, int]] | None:
    """The spans of one citation to state: [] when it has none, None when it is ambiguous."""
    quote = citation.quote
    spans = [(s, e) for s, e in FINDERS[kind](quote, question, citation) if _about(kind, question, citation, s, e)]
    if not aggregate and kind not in ("law", "court", "title"):
        # a value the question already names is the premise, not the answer ("who signed on Sep 23?")
        asked = f" {normalise(question, 'text')} "
        spans = [(s, e) for s, e in spans if f" {normalise(quote[s:e], 'text')} " not in asked]
    if kind in ("law", "party") or len(spans) <= 1:
        return spans[:1] if kind != "party" else spans
    distinct = {normalise(quote[s:e], kind): (s, e) for s, e in reversed(spans)}  # the first of each
    if len(distinct) == 1:
        return [spans[0]]
    if kind == "signer":
        return _signer(question, quote, list(distinct.values()), citation.agreement, aggregate)
    return _nearest(question, quote, sorted(distinct.values()))


def _about(kind: str, question: str, citation: Citation, start: int, end: int) -> bool:
    """A date or amount is stated only when the words around it share one with the question beyond
    the kind's own ("effective" date, "event" date, the "rent"): a quote holds many dates, and the
    signing date does not say when the agreement terminates. A period given as notice answers only a
    question about notice, and a renewal's period only one about renewals."""
    counted = asked_thing(question)
    if counted is not None and kind in ("duration", "amount"):
        # "how many days' notice ends the engagement?": the number beside "notice", not "lasts one year"
        return names(terms(_context(citation, start, end)), counted)
    if kind == "duration":
        before, after = _around(citation, start, end)
        if not _ASKS_NOTICE.search(question) and (_NOTICE_BEFORE.search(before) or _NOTICE_AFTER.match(after)):
            return False
        return bool(_RENEWAL_BEFORE.search(before)) == bool(_ASKS_RENEWAL.search(question))
    if kind not in _GENERIC:
        return True
    if kind == "date" and not _ASKS_START.search(question):
        before, after = _around(citation, start, end)
        if _START_DATE.search(before) or _DEFINED_START.match(after):
            return False  # "... entered into as of March 4, 2024 (the "Effective Date")" is not when it expires
    elif kind == "date" and not _AGREEMENT_END.search(question) and _END_DATE.search(_around(citation, start, end)[0]):
        return False  # "... and ends on August 31, 2024" is not when it begins
    words = re.findall(r"[\w'’-]+", question)
    # names say whose agreement it is, not which of its dates: "when did Dan Alistarh sign?"
    plain = " ".join(w for n, w in enumerate(words) if n == 0 or not w[:1].isupper())
    wanted = set(content_terms(plain)) - _GENERIC[kind]
    return not wanted or bool(terms(" ".join(wanted)) & terms(_context(citation, start, end)))


def _context(citation: Citation, start: int, end: int) -> str:
    """The words around a span of the quote, read in its clause: 80 characters before it on its line
    (and the line above, for a "Date: ..." line under its label), 40 after, and the clause's name."""
    before, after = _around(citation, start, end)
    return f"{before} {after} {citation.clause}"


def _around(citation: Citation, start: int, end: int) -> tuple[str, str]:
    """(the text before a span of the quote, the 40 characters after it): see _context."""
    text, at = citation.clause_text, citation.start - citation.clause_start
    if not (0 <= at and text[at:at + len(citation.quote)] == citation.quote):
        text, at = citation.quote, 0
    a, b = at + start, at + end
    line = text.rfind("\n", 0, a) + 1
    before = text[max(line, a - 80):a]
    if a - line < 20:
        above = [x for x in text[:line].splitlines() if x.strip()]
        before = (above[-1] if above else "") + " " + before
    return before, text[b:b + 40]


def _nearest(question: str, quote: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """Of several different values, the one whose neighbourhood shares most words with the question."""
    asked = terms(question)
    scores = [len(asked & terms(quote[max(0, s - 60):s] + " " + quote[e:e + 40])) for s, e in spans]
    best = max(scores)
    return [spans[scores.index(best)]] if best and scores.count(best) == 1 else None


def _signer(question: str, quote: str, spans: list[tuple[int, int]], label: str,
            aggregate: bool) -> list[tuple[int, int]] | None:
    """Several names sign: the one the question names ("does David Blei sign..."), else the one who
    is not the agreement's own party when the question asks who signed *for* someone."""
    named = [(s, e) for s, e in spans if quote[s:e].lower() in question.lower()]
    if aggregate and len(named) == 1:
        return named
    if re.search(r"\b(?:for|on\s+behalf\s+of)\b", question, re.I):
        own = set(content_terms(label))
        others = [(s, e) for s, e in spans if not set(content_terms(quote[s:e])) & own and (s, e) not in named]
        if len(others) == 1:
            return others
    return None



@lru_cache(maxsize=4096)
def terms(text: str) -> frozenset[str]:
    """Stems of the text's content words and of their contract synonyms."""
    stems = set(content_terms(text))
    return frozenset(stems.union(*(related(t) for t in stems)) if stems else stems)
