"""A plain yes or no, said only when a cited sentence states it in so many words: the verb the
question asks about under a modal ("may edit", "shall not publish", "will bind", "I warrant"), its
subject and object agreeing with the question's, outside any "if" clause."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.shapes import sentences
from assistant.text import related
from assistant.types import Citation, Value
from assistant.values import is_yes_no, main_question, terms
from index.terms import content_terms

_AUX = re.compile(r"^\s*(?P<aux>is|are|does|do|did|can|could|may|must|has|have|will|shall|should|was|were)\b", re.I)
_MARK = r"\((?:[a-z]|[ivx]+|\d+)\)"  # a list item's mark: "(a)", "(ii)", "(3)"
_MODAL = re.compile(
    r"\b(?:(?P<prohibit>shall\s+not|must\s+not|may\s+not|will\s+not|cannot|can\s*not|can['’]t|won['’]t|"
    r"shall\s+never|will\s+never|(?:is|are)\s+not\s+(?:permitted|allowed|authori[sz]ed|entitled)\s+to|"
    r"agrees?\s+not\s+to|"
    r"undertakes?\s+not\s+to)"
    r"|(?P<noduty>(?:is|are)\s+not\s+(?:required|obligated|obliged|bound)\s+to|need\s+not"
    r"|ha(?:s|ve)\s+no\s+obligation\s+to)"
    r"|(?P<denies>(?:does|do)\s+not)"
    r"|(?P<permit>may|can|(?:is|are)\s+(?:permitted|allowed|authori[sz]ed|entitled|free)\s+to)"
    r"|(?P<oblige>shall|must|will|agrees?\s+to|promises?\s+to|undertakes?\s+to"
    r"|(?:is|are)\s+(?:required|obligated|obliged|bound)\s+to|hereby))"
    r"\s+(?:(?:also|further|immediately|only|irrevocably|hereby|promptly|expressly|at\s+any\s+time,?|"
    rf"directly\s+or\s+indirectly,?|{_MARK})\s+)*(?P<verb>[a-z][a-z-]*)"
    r"(?:\s+(?P<participle>[a-z]+(?:ed|en|wn))\b)?")
_STATES = re.compile(r"\b(?:I|[Yy]ou|[Ww]e|[Ii]t|[Tt]hey|(?!(?:The|This|That|These|Those|Such|Any|Each|All|No|An?)\b)"
                     r"[A-Z][\w&-]+|hereby|further|also|expressly|irrevocably)\s+"
                     r"(?P<verb>(?:warrant|represent|grant|release|assign|retain|authori[sz]e|guarantee|waive|"
                     r"acknowledge|consent|license|own)s?|indemnif(?:y|ies))\b")
# "Nothing in this Agreement grants either Party any licence", "Nothing herein shall be construed as
# creating a partnership", "Nothing in this Agreement obliges Acme to buy": a plain no to granting,
# creating or obliging (not to "prevents" or "limits": nothing preventing it is a yes of another kind)
_NOTHING = re.compile(r"\bNothing\s+(?:in|under|contained\s+in|herein)\b[^.;:]{0,60}?\s"
                      r"(?:(?:shall|will|may|is\s+intended\s+to)\s+(?:be\s+(?:construed|deemed|interpreted)\s+(?:as|to)\s+)?)?"
                      r"(?P<verb>(?:grant|confer|creat|giv|transfer|establish|constitut|assign|licens)(?:e|es|s|ed|ing)?"
                      r"|(?P<duty>(?:oblig|requir)(?:e|es|ates?|ing|ating)?))\b", re.I)
_CLASSES = ("prohibit", "noduty", "denies", "permit", "oblige")
_CONDITION = re.compile(r"\b(?:if|unless|until|when|whether|provided|in\s+case|in\s+the\s+event)\b", re.I)
_PRONOUNS = {"i", "you", "we", "it", "they", "he", "she"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "any", "all", "each", "every", "its", "his", "her",
                "their", "my", "your", "our", "no", "some"}
# "provided that", "provided, however," make a proviso; "samples provided by the Disclosing Party" does not
_EXCEPTION_WORDS = (r"if|unless|until|except|excluding|provided(?=\s*,|\s+(?:that|however|always|further)\b)"
                    r"|subject\s+to|without|in\s+the\s+event")
# after the verb, what makes it conditional ("unless ..."), confines it ("only for the Purpose") or
# bounds it ("may not raise the prices more than once a year" allows a rise)
_RESTRICTION = re.compile(rf"\b(?:{_EXCEPTION_WORDS}|only|solely|exclusively|other\s+than|more\s+than|in\s+excess\s+of"
                          r"|exceed(?:s|ing)?)\b", re.I)
# "Can the Recipient use it for any purpose other than the Purpose?" against "shall use it only for the
# Purpose": asked beyond what the sentence confines the verb to, so a plain no
_BEYOND = re.compile(r"\b(?:other\s+than|any\s+other|for\s+other|anyone\s+else|anything\s+else|elsewhere)\b", re.I)
_EXCEPTION = re.compile(rf"\b(?:{_EXCEPTION_WORDS})\b", re.I)
# "Can the agreement be changed orally?" against "may be modified only in writing": a manner the written
# form excludes, asked, so a plain no (the span running to "only in writing")
_UNWRITTEN = re.compile(r"\b(?:orally|verbally|by\s+word\s+of\s+mouth|by\s+(?:tele)?phone|in\s+conversation"
                        r"|(?:an?\s+)?(?:oral|verbal|spoken|unwritten)\s+"
                        r"(?:agreement|promise|statement|consent|notice))\b", re.I)
_WRITING = re.compile(r"^[^,;:]*?\bonly\s+(?:in|by|through|with|pursuant\s+to)\s+(?:an?\s+|the\s+)?"
                      r"(?:written|writing)\b", re.I)
_ONLY = re.compile(r"\b(?:only|solely|exclusively)\b", re.I)
_CONFINED = re.compile(r"^[^,;:]*?\b(?:only|solely|exclusively|no\s+other)\b", re.I)
# "shall make no use of", "shall have no right to": the verb's object is denied, not the verb asked about
_NO_OBJECT = re.compile(r"\s+(?:no|nothing|neither)\b", re.I)
_SUFFIXES = ("ive", "able", "ible", "al", "ent", "ant", "ous", "ary", "ful", "less", "ic")
# "Are there restrictions on raising prices?" asks whether the agreements say something at all: the
# citation is the answer, and a sentence's "shall pay" no yes to it
_THERE = re.compile(r"\s+there\b", re.I)
# "is reverse engineering prohibited?", "is the Recipient barred from disclosing it?", "is subletting
# allowed?": what the agreement rules on, asked as a state ("allowed to" is asked as "may" already)
_RULED = re.compile(r"^\s*(?:is|are)\s+(?P<thing>(?:(?!\b(?:not|there)\b)[^,;?])+?)\s+"
                    r"(?:(?P<banned>prohibited|forbidden|barred|banned)(?:\s+from\b)?|(?:allowed|permitted)(?!\s+to\b))"
                    r"(?P<rest>[^?]*)\??\s*$", re.I)
_NEGATED_WORD = re.compile(r"\bnon-\s*[\w-]+", re.I)  # "non-exclusive", "non-transferable", "non- exclusive"
# words of a question's object that say whose or which, not what: "the other party's employees" asks about
# employees, "another distributor" about a distributor ("any other distributor"), "exclusive rights" about
# exclusivity ("grants an exclusive licence")
_ANYONE = frozenset(content_terms("party parties another either else right rights"))  # "other", "each": stop words
# What a sentence's modal says about doing the verb, by what the question asks: may / must / does.
_VERDICT = {
    "permission": {"permit": "yes", "oblige": "yes", "states": "yes", "prohibit": "no"},
    "obligation": {"oblige": "yes", "states": "yes", "prohibit": "no", "noduty": "no"},
    "fact": {"oblige": "yes", "states": "yes", "prohibit": "no", "denies": "no"},
}


def verdict(question: str, citations: Sequence[Citation], indexes: Sequence[int], as_asked: str = "") -> Value | None:
    """Yes or no, as the span of the cited sentence that states it (kind "yes" or "no"); None when
    the citations do not state it plainly or disagree. `as_asked`: the question before the words
    naming its scope were taken out, for "is the licence exclusive?" when "licence" named the
    agreement and `question` is left with "is the exclusive?"."""
    question, as_asked = main_question(question), main_question(as_asked)
    ruled = _RULED.match(question)
    if ruled:  # "is subletting prohibited?" asks "may one sublet?", its yes a no
        asked = f"May {ruled['thing']} {ruled['rest'].strip()}".strip()
        found = verdict(asked, citations, indexes)
        if found is None or not ruled["banned"]:
            return found
        return replace(found, kind="yes" if found.kind == "no" else "no")
    m = _AUX.match(question)
    if not m or not is_yes_no(question) or _THERE.match(question, m.end()):
        return None
    main = _main(question[m.end():])
    if re.search(r"n['’]t\b|\bnot\b|\bnever\b", question[:m.end()] + main, re.I):
        return None  # "doesn't it ...?": a yes could be read either way
    whole = _AUX.match(as_asked or "")
    subject = _main(as_asked[whole.end():]) if whole else ""
    found: list[Value] = []
    for i in indexes:
        found += _stated(m.group("aux").lower(), main, citations[i], i, subject)
    kinds = {v.kind for v in found}
    return found[0] if len(kinds) == 1 else None


def _main(rest: str) -> str:
    """The question's main clause after its auxiliary: up to a subordinate clause or a comma."""
    return re.split(r"\b(?:that|whether|if|unless|when|because|before|after|which|who|whom)\b|[,;]", rest)[0]


def _stated(aux: str, main: str, citation: Citation, index: int, main_as_asked: str = "") -> list[Value]:
    """Every sentence span of the citation that says yes or no to doing what the question's main
    clause (`main`, after its auxiliary `aux`) asks about (`main_as_asked`: the same with the words
    that named the agreement, for an adjective whose noun named it)."""
    if aux == "must" or re.search(r"\b(?:ha(?:ve|s)|need|required|obligated|obliged|bound)\s+to\b", main, re.I):
        mode = "obligation"
    elif aux in ("can", "could", "may") or re.search(r"\b(?:allowed|permitted|able|free)\s+to\b", main, re.I):
        mode = "permission"
    else:
        mode = "fact"
    unwritten = mode == "permission" and _UNWRITTEN.search(main)
    beyond = mode == "permission" and (_BEYOND.search(main) or unwritten)
    # "Must the Recipient use it only for the Purpose?" against "shall use it only for the Purpose": the
    # "only" asked is the one stated, so it is the answer's, not a condition on it
    within = not beyond and _ONLY.search(main)
    # the manner asked ("orally") is what the written form excludes, not a word the sentence must hold
    words = re.findall(r"[A-Za-z][\w'’-]*", _UNWRITTEN.sub(" ", main) if unwritten else main)
    stems = [set(content_terms(w)) for w in words]
    # a word after "the", "any", "its" ... is a noun ("the author"), whatever its stem shares with a verb,
    # unless an article follows it: "does the grant a licence?" is "does the NDA grant a licence?" with
    # the words that named the agreement taken out
    verbs = [set() if n and words[n - 1].lower() in _DETERMINERS
             and not (n + 1 < len(words) and words[n + 1].lower() in _DETERMINERS) else s
             for n, s in enumerate(stems)]
    out = []
    quote = citation.quote
    for at, sentence in sentences(quote):
        matches = [(next(k for k in _CLASSES if mm.group(k)), mm) for mm in _MODAL.finditer(sentence)]
        nothing = [("noduty" if mm.group("duty") else "denies", mm) for mm in _NOTHING.finditer(sentence)]
        # "Nothing in this Agreement grants": not "Agreement grants"
        matches += [("states", mm) for mm in _STATES.finditer(sentence)
                    if not any(n.start() <= mm.start() < n.end() for _, n in nothing)] + nothing
        for kind, mm in matches:
            verb, end = mm.group("verb"), mm.end("verb")
            if verb in ("be", "been", "being", "have") and mm.groupdict().get("participle"):
                verb, end = mm.group("participle"), mm.end("participle")  # "may be modified"
            if _NO_OBJECT.match(sentence, end):
                continue
            # the question's verb or a word contracts use for it ("keep" asked, "You retain" stated), as
            # the modal's verb or one listed after it ("shall not copy, reproduce or disclose")
            j = None
            listed_verbs = [(verb, end), *_listed_verbs(sentence, end)]
            enumerated = _enumerated(sentence, mm.end("verb"))
            items = _items(sentence, mm.end("verb")) if enumerated else []
            others = {t for v, _ in listed_verbs for t in content_terms(v)} if enumerated else set()
            for n_listed, (listed, listed_end) in enumerate([*listed_verbs, *items]):
                verb_stems = set(content_terms(listed))
                j = next((n for n, s in enumerate(verbs) if s and _expanded([s]) & verb_stems), None)
                if j is not None and enumerated:
                    # an item of a list: said of what the question asks only when the item is all asked
                    start = mm.start("verb") if n_listed < len(listed_verbs) else listed_end - len(listed)
                    if not _item_asked(sentence, start, _expanded(stems), others):
                        j = None
                if j is not None:
                    end = listed_end
                    break
            confines = _WRITING if unwritten else _CONFINED
            confined = confines.match(sentence[end:]) if (beyond or within) and kind in ("permit", "oblige") else None
            if j is None or (within and not confined) \
                    or not _aligned(sentence, mm.start(), end, stems[:j], _alternatives(words[j + 1:], stems[j + 1:]),
                                    bool(confined)):
                continue
            answer = "no" if confined and beyond else _VERDICT[mode].get(kind)
            if confined:
                end += confined.end()
            if answer:
                s, e = at + mm.start(), at + end
                out.append(Value(quote[s:e], citation.start + s, citation.start + e, answer, index))
    if aux in ("is", "are", "was", "were") and not out:
        out = _adjective(main, citation, index, main_as_asked) or _liable(main, citation, index, main_as_asked)
    return out


# "Neither party shall be liable for ...", "The Supplier shall not be responsible for ...": liability denied
# or stated, its subject before the modal
_LIABLE = re.compile(r"(?P<subject>(?:\b[\w'’-]+\s+){1,4}?)(?:shall|will|is|are)\s+(?P<not>not\s+)?(?:be\s+)?(?:held\s+)?"
                     r"(?:liable|responsible)\b", re.I)
_NO_ONE = re.compile(r"^\s*(?:neither|no|none\s+of)\b", re.I)
# "Neither party", "Each party", "Either Party", "No party": a sentence about every party is about the one asked
_ANY_PARTY = re.compile(r"^\s*(?:neither|either|each|no|any)\s+part(?:y|ies)\s*$", re.I)
_ASKED_LIABLE = re.compile(r"(?P<who>.*?)\b(?:held\s+)?(?:liable|responsible)\b(?P<what>.*)$", re.I)


def _liable(main: str, citation: Citation, index: int, main_as_asked: str = "") -> list[Value]:
    """"Is either party liable for lost profits?" against "Neither party shall be liable for any loss of
    profit": the sentence's subject shares a word with the question's (or is every party: "Is Orbit
    liable ...?", Orbit's name read from the question as asked), what it is liable for names every word
    asked (not "direct damages" for "indirect ... damages"), and nothing after it makes it conditional."""
    asked = _ASKED_LIABLE.match(main)
    if not asked:
        return []
    whole = _ASKED_LIABLE.match(main_as_asked) if not terms(asked["who"]) and main_as_asked else None
    who, what = _expanded([terms((whole or asked)["who"])]), asked["what"]
    out = []
    quote = citation.quote
    for at, sentence in sentences(quote):
        for m in _LIABLE.finditer(sentence):
            said = terms(m["subject"])
            if not (who & said or who and _ANY_PARTY.match(m["subject"])) or not terms(what) \
                    or not _all_named(what, sentence[m.end():]) \
                    or _CONDITION.search(sentence[:m.start()]) or _RESTRICTION.search(sentence[m.end():]):
                continue
            no = bool(m["not"]) or bool(_NO_ONE.match(m["subject"]))
            s, e = at + m.start("subject"), at + m.end()
            out.append(Value(quote[s:e].strip(), citation.start + s + len(quote[s:e]) - len(quote[s:e].lstrip()),
                             citation.start + e, "no" if no else "yes", index))
    return out


def _all_named(asked: str, text: str) -> bool:
    """Whether the text names every word asked (or a synonym): "direct damages" is not "indirect ...
    damages", though "damages" is in both."""
    said = terms(text)
    return all(({t} | related(t)) & said for t in content_terms(asked))


# the verbs a modal's verb is listed with: "shall not copy, reproduce or disclose", "may use and disclose"
_LISTED = re.compile(r"(?:\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+)(?:in\s+any\s+manner\s+)?([a-z]+)\b")


def _listed_verbs(sentence: str, end: int) -> list[tuple[str, int]]:
    """(verb, where it ends) of each verb listed right after the one ending at `end`, up to the first
    word that is no verb of the list (its object): a list ends with "or" or "and" before its last."""
    out: list[tuple[str, int]] = []
    at = end
    while len(out) < 6:
        m = _LISTED.match(sentence, at)
        if not m or m.group(1) in _DETERMINERS or m.group(1) in ("to", "of", "for", "with", "in", "on"):
            break
        out.append((m.group(1), m.end(1)))
        at = m.end(1)
        if re.match(r"\s+(?:or|and)\s", sentence[m.start():m.start(1)]) or \
                re.search(r"\b(?:or|and)\s+(?:in\s+any\s+manner\s+)?$", sentence[m.start():m.start(1)]):
            break  # "..., reproduce or disclose": the last of the list
    return out


# the items of a list the modal governs: "shall not (a) resell or sublicense the Service, (b) reverse
# engineer any part of it, or (c) use it to build a competing product"
_NEXT_ITEM = re.compile(rf"[,;]\s*(?:(?:or|and)\s+)?{_MARK}")
_ITEM = re.compile(rf"{_NEXT_ITEM.pattern}\s+([a-z]+)\b")


def _items(sentence: str, end: int) -> list[tuple[str, int]]:
    """(verb, where it ends) of the first word of each item after the one ending at `end`."""
    return [(m.group(1), m.end(1)) for m in _ITEM.finditer(sentence, end)]


def _enumerated(sentence: str, end: int) -> bool:
    """Whether the verb ending at `end` opens item (a) of a list."""
    return bool(re.search(r"\((?:a|i|1)\)\s+[a-z]+$", sentence[:end]))


def _item_asked(sentence: str, start: int, asked: set[str], verbs: set[str]) -> bool:
    """Whether every word of the list item starting at `start` is asked about (its other verbs aside, and
    words for a part of something): "use the Service to build a competing product" does not answer "can
    the Customer use the Service?"."""
    rest = sentence[start:]
    cut = _NEXT_ITEM.search(rest)
    item = set(content_terms(rest[:cut.start()] if cut else rest))
    return not {t for t in item - verbs - _PART if not (({t} | related(t)) & asked)}


_PART = set(content_terms("part parts portion portions whole thereof"))


def _alternatives(words: list[str], stems: list[set[str]]) -> list[list[set[str]]]:
    """The question's object as the alternatives "or" joins ("exclusive rights or exclusive dealing"),
    each its words' stems, a possessive's left out."""
    out: list[list[set[str]]] = [[]]
    for word, stem in zip(words, stems):
        if word.lower() == "or":
            out.append([])
        elif not re.search(r"['’]s?$", word):  # whose: "the author's heirs" asks about heirs ("your heirs")
            out[-1].append(stem)
    return [alternative for alternative in out if any(alternative)]


def _aligned(sentence: str, start: int, end: int, subject: list[set[str]], obj: list[list[set[str]]],
             confined: bool = False) -> bool:
    """The sentence's subject (when it is not a pronoun) shares a word with the question's, it holds
    every word of the question's object (of one of its alternatives; "the other party" is said of
    anyone), and nothing makes it conditional: no "if" before the verb, no "unless", "until", "only",
    "except" ... after it (`confined`: the "only" is the answer, to a question asking beyond it, so
    only an exception to it stands in the way). A word the sentence says only as "non-exclusive" is
    not said: "grants a non-exclusive licence" holds no exclusive rights."""
    after = _EXCEPTION if confined else _RESTRICTION
    if _CONDITION.search(sentence[:start]) or after.search(sentence[end:]):
        return False
    lead = re.split(r"[,;:]", sentence[:start])[-1].split()[-4:]  # the words just before the modal
    if lead and lead[-1].lower() in _PRONOUNS:
        lead = []  # "I will not receive ...": a pronoun, so no subject to compare
    asked = _expanded(subject)
    said = terms(" ".join(lead))
    if asked and said and not asked & said:
        return False
    return _holds(obj, sentence, required=False)


def _holds(alternatives: list[list[set[str]]], text: str, required: bool = True) -> bool:
    """The text holds every word (or a synonym) of one alternative, leaving out the words that say whose
    or which (_ANYONE) and words said only as "non-..."; with nothing to hold, `not required`."""
    said = terms(_NEGATED_WORD.sub(" ", text))
    wanted = [[group for group in alternative if group and not group <= _ANYONE] for alternative in alternatives]
    wanted = [alternative for alternative in wanted if alternative]
    if not wanted:
        return not required
    return any(all(_expanded([group]) & said for group in alternative) for alternative in wanted)


def _expanded(stems: list[set[str]]) -> set[str]:
    """Stems with their contract synonyms ("payment" meets "compensation")."""
    return {w for group in stems for t in group for w in related(t) | {t}}


def _adjective(main: str, citation: Citation, index: int, main_as_asked: str = "") -> list[Value]:
    """"Is the licence exclusive?": the sentence calls the licence "non-exclusive" (no) or
    "exclusive" (yes), the adjective within a few words of what the question asks about. When the
    words before the adjective all named the agreement (the licence, in an index of one licence and
    other contracts), they are read from the question as asked."""
    words = re.findall(r"[A-Za-z][\w-]*", main)
    if not words or not words[-1].lower().endswith(_SUFFIXES):
        return []
    adjective = words[-1].lower()
    about = words[:-1]
    if not terms(" ".join(about)) and main_as_asked:
        asked = re.findall(r"[A-Za-z][\w-]*", main_as_asked)
        if asked and asked[-1].lower() == adjective:
            about = asked[:-1]
    alternatives = _alternatives(about, [set(content_terms(w)) for w in about])
    out = []
    quote = citation.quote
    for at, sentence in sentences(quote):
        for mm in re.finditer(rf"\b(?P<neg>non-?|not\s+|never\s+)?{re.escape(adjective)}\b", sentence, re.I):
            near = sentence[max(0, mm.start() - 100):mm.end() + 100]
            if _holds(alternatives, near):
                s, e = at + mm.start(), at + mm.end()
                out.append(Value(quote[s:e], citation.start + s, citation.start + e,
                                 "no" if mm.group("neg") else "yes", index))
    return out
