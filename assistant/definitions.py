"""Definition questions: "what does IMLS stand for?", "how is Confidential Information defined?".

Contracts define their terms in a few fixed ways, whatever their kind: a quoted term followed by
"means" ("'Territory' means the United States"), a quoted term in parentheses after what it names
("Acme Corp. (the "Licensor")", "the International Machine Learning Society (IMLS)", or the other
way round: "IMLS (International Machine Learning Society)"), or an unquoted term followed by
"shall mean". The sentence that defines the term is the answer to a question asking what the term
means, wherever else the term is used.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from assistant.groups import by_agreement, group, summary
from assistant.types import Answer, Value
from index.agreements import name_at

_TERM_WORDS = r"(?:the\s+)?(?:terms?|words?|phrases?|acronyms?|abbreviations?|expressions?)\s+"
_ASKS = re.compile(
    r"^\s*(?:what|which)\s+(?:does|do|did)\s+(?:" + _TERM_WORDS + r")?(?P<a>.+?)\s+"
    r"(?:stand\s+for|mean|refer\s+to|denote)\b"
    r"|\b(?:meaning|definition)\s+of\s+(?:" + _TERM_WORDS + r")?(?P<b>.+?)(?=\s+(?:in|under|for)\s|\s*[?.]|$)"
    r"|\bhow\s+(?:does|do)\s+[\w'’ -]+?\s+define\s+(?:" + _TERM_WORDS + r")?"
    r"(?P<f>.+?)(?=\s+(?:in|under)\s|\s*[?.]|$)"
    r"|\bhow\s+(?:is|are|does|do)\s+(?:" + _TERM_WORDS + r")?(?P<c>.+?)\s+(?:defined|define[ds]?)\b"
    r"|\bwhat\s+is\s+meant\s+by\s+(?:" + _TERM_WORDS + r")?(?P<d>.+?)(?=\s+(?:in|under)\s|\s*[?.]|$)"
    r"|^\s*who\s+(?:is|are)\s+(?:the\s+)?[\"“]?(?P<g>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}?)[\"”]?"
    r"(?:\s+(?:in|under|of|for)\s+[^?]+)?\s*\??\s*$"
    r"|^\s*define\s+(?:" + _TERM_WORDS + r")?(?P<e>.+?)(?=\s+(?:in|under)\s|\s*[?.]|$)",
    re.IGNORECASE)
_QUOTES = "\"'“”‘’`"
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_MAX_TERM_WORDS = 6


def asked_term(question: str) -> str | None:
    """The term a question asks the meaning of, without quotes or article; None for other questions."""
    match = _ASKS.search(question or "")
    if not match:
        return None
    term = next(g for g in match.groups() if g is not None).strip().strip(_QUOTES).strip()
    term = _ARTICLE.sub("", term).strip().strip(_QUOTES).strip()
    if not term or len(term.split()) > _MAX_TERM_WORDS or not re.search(r"[A-Za-z]", term):
        return None
    if term.lower() in {"it", "this", "that", "they", "these", "those", "this agreement", "that clause"}:
        return None
    if match.group("g") and term.lower() in {"parties", "party", "signatories", "signatory"}:
        return None  # "who are the parties?" asks for names, not where "Parties" is defined
    return term


@lru_cache(maxsize=256)
def definition_pattern(term: str) -> re.Pattern[str]:
    """Where `term` is defined: quoted and followed by "means" (or "shall have the meaning"),
    quoted or an acronym in parentheses after what it names, or unquoted before "shall mean"."""
    name = _name_pattern(term)
    quoted = rf"[\"“”'‘’]\s*(?:the\s+)?{name}\s*[\"“”'‘’]"  # ("the publisher") as ("Publisher")
    means = r"(?:shall\s+|will\s+|does\s+|shall\s+be\s+deemed\s+to\s+)?(?:means?|refers?\s+to|has\s+the\s+meaning|" \
            r"have\s+the\s+meaning|includes?|is\s+defined)"
    parenthesis = rf"\((?:[^()]{{0,80}}?)?{quoted}[^()]{{0,40}}\)"
    is_acronym = bool(re.fullmatch(r"[A-Z][A-Za-z0-9&.-]{1,11}", term)) and term[1:].upper() == term[1:]
    # "the International Machine Learning Society (IMLS)" or "IMLS (International Machine Learning Society)"
    acronym = rf"\(\s*{name}\s*\)|\b{name}\s*\(\s*[A-Z][\w&.,' -]{{3,80}}\)" if is_acronym else r"(?!x)x"
    unquoted = rf"\b{name}\s+shall\s+mean\b"
    return re.compile(rf"{quoted}\s*(?:\)\s*)?,?\s*{means}\b|{parenthesis}|{acronym}|{unquoted}", re.IGNORECASE)


def _name_pattern(term: str) -> str:
    """The term as a pattern, spaced as written and in either number ("Affiliate" asked, "Affiliates" defined)."""
    return r"\s+".join(re.escape(w) for w in term.split()) + r"(?:e?s)?"


def defines(text: str, term: str) -> bool:
    """Whether `text` defines `term` (the term must appear: a cheap test first)."""
    first = term.split()[0].lower()
    return first in text.lower() and bool(definition_pattern(term).search(text))


_SMALL_WORDS = {"of", "and", "for", "the", "on", "in", "&", "de", "to"}


def expansion(text: str, term: str) -> tuple[int, int] | None:
    """Where `text` spells out the acronym `term`: "IMLS (International Machine Learning Society)"
    or "International Machine Learning Society (IMLS)"; offsets into text, None when it does not."""
    letters = term.replace(".", "").upper()
    if not re.fullmatch(r"[A-Z][A-Z0-9&]{1,11}", letters):
        return None
    after = re.search(rf"\b{re.escape(term)}\s*\(\s*(?P<full>[A-Z][\w&.,' -]{{3,80}}?)\s*\)", text)
    if after and _spells(after.group("full"), letters):
        return after.start("full"), after.end("full")
    before = re.search(rf"\(\s*(?:the\s+)?[\"“]?{re.escape(term)}[\"”]?\s*\)", text)
    if before:
        words = list(re.finditer(r"[\w&][\w&'.-]*", text[:before.start()]))
        for n in range(1, min(len(words), 2 * len(letters) + 2) + 1):
            first = words[-n]
            if _spells(text[first.start():words[-1].end()], letters):
                return first.start(), words[-1].end()
    return None


def _spells(full: str, letters: str) -> bool:
    initials = "".join(w[0].upper() for w in re.findall(r"[\w&][\w&'.-]*", full) if w.lower() not in _SMALL_WORDS)
    return initials == letters


_CLAUSE_START = re.compile(r"^\s*|\)\s*[,;]?\s*|;\s*|:\s*")  # after a closing parenthesis: the next party
_NAME_LEAD = re.compile(r"\b(?:between|among|by|and|with)\s+", re.IGNORECASE)  # before its first comma only


def asks_who(question: str) -> bool:
    """"Who is the Licensee?": a definition question that asks for a name."""
    match = _ASKS.search(question or "")
    return bool(match and match.group("g"))


def defined_name(text: str, term: str) -> tuple[int, int] | None:
    """Who `text` defines as `term` in parentheses: "Dr. Helena Marsh, of Toronto, (the "Consultant")"
    gives "Dr. Helena Marsh", "Acme Robotics, Inc., a Delaware corporation ("Acme")" gives
    "Acme Robotics, Inc."; offsets into text, None when the term is not defined so. Where the name
    starts is read here; where it ends, by the segmenter's own party-name reader."""
    name = _name_pattern(term)
    match = re.search(rf"\((?:[^()]{{0,80}}?)?[\"“]\s*(?:the\s+)?{name}\s*[\"”][^()]{{0,40}}\)", text, re.IGNORECASE)
    if not match:
        return None
    before = text[:match.start()]
    start = max(m.end() for m in _CLAUSE_START.finditer(before))
    comma = before.find(", ", start)
    leads = [m.end() for m in _NAME_LEAD.finditer(before, start, comma if comma >= 0 else len(before))]
    if leads:  # "by and between Acme Robotics, Inc., a Delaware corporation ("Acme")"
        start = leads[-1]
    elif start == len(before) - len(before.lstrip()):  # the sentence's own opening words name no one:
        named = [m.end() for m in _NAME_LEAD.finditer(before, start) if before[m.end():m.end() + 1].isupper()]
        if named:  # "This Agreement is made as of May 1, 2023 by and between Harbor Point Corp., ..."
            start = named[0]
    rest = before[start:]
    at = start + len(rest) - len(rest.lstrip())
    chosen = name_at(rest.lstrip()).rstrip(" ,")  # the segmenter's party-name reader: "Acme Robotics, Inc."
    if not chosen or not chosen[0].isupper() or len(chosen.split()) > 10:
        return None
    return at, at + len(chosen)


def lead_with_definition(answer: Answer, question: str, term: str) -> Answer:
    """A definition answer leads with what the term names, per agreement: "who is the Licensee?" ->
    "Quillfeather Publishing Ltd", "what does IMLS stand for?" -> "International Machine Learning
    Society". Unchanged unless the first quote of every agreement it cites says so plainly."""
    if not answer.found or not answer.citations:
        return answer
    firsts = [indexes[0] for indexes in by_agreement(answer.citations).values()]
    who = asks_who(question)
    find, kind = (defined_name, "party") if who else (expansion, "definition")
    values = []
    for n in firsts:
        citation = answer.citations[n]
        span = find(citation.quote, term)
        if span is None:
            return answer
        start, end = span
        values.append(Value(citation.quote[start:end], citation.start + start, citation.start + end, kind, n))
    had_lead = bool(answer.values or answer.groups)  # compose() wrote a first line for them
    body = answer.text.split("\n")[1 if had_lead else 0:]
    if len(values) == 1:
        lead, groups = f"{values[0].text} [{values[0].citation + 1}]", ()
    else:
        groups = group(answer.citations, values)
        lead = summary(groups, answer.citations, question)
    return replace(answer, values=tuple(values), groups=groups, text="\n".join([lead, *body]))
