"""Word-level helpers shared by retrieval, scoping and answering."""

from __future__ import annotations

import re
from functools import lru_cache

_CAMEL = re.compile(r"([a-z])([A-Z][a-z])")  # "EventTitle", not "ActNN"
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
STOPWORDS = frozenset("""
a an the and or of to in on for by with at from as is are was were be been being this that these those
it its it's into under over than then there their they them he she his her him you your yours we our us
i me my mine do does did done has have had having will would shall should can could may might must
not no nor so such any all each every some which what who whom whose when where why how
about after before between during upon within without also only just more most other same
agreement agreements contract contracts document documents clause clauses say says said
question tell give please does one ones ever anyone someone s
compare comparison compared differ differs difference different versus vs instead
return get gets got handled handle cover covers covered listed list appear appears mention mentioned
mentions include includes included contain contains regarding concerning happen happens anything
something kind type way whether
""".split())


def tokens(text: str) -> list[str]:
    """Lower-case word tokens; possessive 's is dropped so "Wang's" matches "Wang"."""
    text = _CAMEL.sub(r"\1 \2", text)  # "EventTitle" is "Event Title"
    return [t[:-2] if t.endswith("'s") else t for t in _TOKEN.findall(text.lower().replace("’", "'"))]


def topic_words(text: str) -> list[str]:
    """The question's content words as written (not stemmed), for messages to people."""
    words = [w for w in re.findall(r"[A-Za-z0-9][\w-]*", text) if w.lower() not in STOPWORDS and len(w) > 1]
    return list(dict.fromkeys(words))


def content_terms(text: str) -> list[str]:
    """Stemmed content words: "originality" meets "original", "governs" meets "governed"."""
    words = [t for t in tokens(text) if t not in STOPWORDS and (len(t) > 1 or t.isdigit())]
    return [_stem(w) for w in words]


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def without_terms(text: str, terms: set[str] | frozenset[str]) -> str:
    """The text minus the words whose stems are in `terms` ("the ActNN paper's law" -> "the paper's law")."""
    if not terms:
        return text

    def keep(match: re.Match) -> str:
        word = match.group(0)
        stems = content_terms(word)
        return "" if stems and all(s in terms for s in stems) else word

    return re.sub(r"\s+", " ", re.sub(r"[A-Za-z0-9][\w-]*(?:['’]s)?", keep, text)).strip()


# Words a contract question and the clause that answers it use for the same thing.
_SYNONYMS = [
    "pay paid payment payments compensation compensate remuneration fee fees royalty royalties",
    "terminate terminates termination end ends expire expires expiration cancel cancels cancellation",
    "licence license licences licenses licensed licensing sublicense sublicence",
    "law laws govern governs governed governing",
    "court courts venue jurisdiction forum dispute disputes",
    "sign signs signed signature signatory signatories execute executed countersign countersigned",
    "indemnify indemnifies indemnity indemnification harmless",
    "copyright copyrights ownership own owns owner",
    "amend amended amendment modify modified modification",
    "warrant warrants warranty warranties guarantee guarantees",
    "publish published publication",
    "title titled entitled",
    "author authors authorship wrote write written writer",
    "assign assigns assignment assignable transfer transfers transferable",
    "confidential confidentiality nondisclosure proprietary secret",
    "renew renews renewal extend extends extension",
    "notice notify notification notices",
    "affiliate affiliates subsidiary subsidiaries",
    "compete competes competition competitive competitor competitors",
    "solicit solicits solicitation hire recruit",
    "audit audits inspect inspection examine",
    "liability liable damages",
    "exclusive exclusively exclusivity sole",
    "insurance insure insured coverage",
    "perpetual perpetually irrevocable",
    "beneficiary beneficiaries",
    "disparage disparagement disparaging",
]


@lru_cache(maxsize=1)
def _synonym_index() -> dict[str, frozenset[str]]:
    index: dict[str, frozenset[str]] = {}
    for line in _SYNONYMS:
        group = frozenset(_stem(w) for w in line.split())
        index.update(dict.fromkeys(group, group))
    return index


def related(stem: str) -> frozenset[str]:
    """The stems that mean the same as `stem` in contracts (empty when none are listed)."""
    return _synonym_index().get(stem, frozenset())
