"""Words as the lexical index and the questions see them: lower-case tokens, stop words out,
Snowball stems, so "originality" meets "original" and "governs" meets "governed"."""

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
everyone everybody everything anybody somebody nobody nothing somewhere anywhere everywhere
ours theirs hers itself themselves ourselves yourself yourselves himself herself myself
""".split())
# a pronoun or auxiliary contracted ("they're", "we've", "we'd", "we'll", "I'm") says no more than the word
# itself; "n't" forms ("doesn't", "haven't", "can't", "won't") are auxiliaries, every one a stop word
_CONTRACTED = ("'re", "'ve", "'d", "'ll", "'m")
_CONTRACTS_TO = STOPWORDS | {"i"}  # "i" is no stop word (a one-letter token is no asked word anyway)


def is_stopword(token: str) -> bool:
    """Whether a lower-case token says nothing of a topic: a stop word, or one contracted ("they're",
    "doesn't"). Contracts hardly write them; a question typed in a chat does, and each counted as an
    asked word no agreement holds."""
    if token in STOPWORDS or token.endswith("n't"):
        return True
    return any(token.endswith(end) and token[:-len(end)] in _CONTRACTS_TO for end in _CONTRACTED)


def tokens(text: str) -> list[str]:
    """Lower-case word tokens; possessive 's is dropped so "Wang's" matches "Wang"."""
    text = _CAMEL.sub(r"\1 \2", text)  # "EventTitle" is "Event Title"
    return [t[:-2] if t.endswith("'s") else t for t in _TOKEN.findall(text.lower().replace("’", "'"))]


def topic_words(text: str) -> list[str]:
    """The question's content words as written (not stemmed), for messages to people."""
    words = [re.sub(r"['’][sS]$", "", w) for w in re.findall(r"[A-Za-z0-9][\w-]*(?:['’][A-Za-z]+)?", text)]
    words = [w for w in words if len(w) > 1 and not is_stopword(w.lower().replace("’", "'"))]
    return list(dict.fromkeys(words))


def content_terms(text: str) -> list[str]:
    """Stemmed content words: "originality" meets "original", "governs" meets "governed"."""
    words = [t for t in tokens(text) if not is_stopword(t) and (len(t) > 1 or t.isdigit())]
    return [stem(w) for w in words]


# British spellings and the American ones CUAD's filings use, as contracts write them: a question typed the one way
# meets a clause written the other ("distribution center" in "the Buyer's distribution centre"). Each British
# word's stem is read as the American one's, so every form goes with it ("organised", "organisation"). Not
# licence/license: they meet as synonyms (assistant/text.py), and as one stem "in the licence" no longer named the
# Software Licence Agreement among agreements that say "licensed" (the scope reads a rare word as a name).
_BRITISH_AMERICAN = """
centre center metre meter litre liter fibre fiber theatre theater spectre specter
labour labor favour favor favourable favorable honour honor behaviour behavior colour color endeavour endeavor
harbour harbor neighbour neighbor rumour rumor vigour vigor humour humor tumour tumor
defence defense offence offense pretence pretense practise practice
organise organize organisation organization authorise authorize authorisation authorization recognise recognize
realise realize utilise utilize minimise minimize maximise maximize prioritise prioritize finalise finalize
capitalise capitalize characterise characterize summarise summarize customise customize standardise standardize
optimise optimize itemise itemize emphasise emphasize criticise criticize specialise specialize
monetise monetize commercialise commercialize localise localize normalise normalize centralise centralize
jeopardise jeopardize penalise penalize legalise legalize publicise publicize sanitise sanitize digitise digitize
categorise categorize stabilise stabilize mobilise mobilize analyse analyze paralyse paralyze
catalogue catalog dialogue dialog analogue analog programme program judgement judgment
aluminium aluminum sulphur sulfur mould mold counsellor counselor wilful willful skilful skillful
jewellery jewelry cheque check tyre tire plough plow manoeuvre maneuver kerb curb pyjamas pajamas artefact artifact
""".split()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    stemmed = _stemmer().stemWord(word)
    return _american_stems().get(stemmed, stemmed)


@lru_cache(maxsize=1)
def _american_stems() -> dict[str, str]:
    """British stem -> American stem ("centr" -> "center", "organis" -> "organiz")."""
    stemmer = _stemmer()
    stems = ((stemmer.stemWord(b), stemmer.stemWord(a)) for b, a in zip(_BRITISH_AMERICAN[::2], _BRITISH_AMERICAN[1::2]))
    return {british: american for british, american in stems if british != american}


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")
