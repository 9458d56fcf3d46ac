"""Who signed for whom, and when: signature blocks have a form, so "who signed for Birch?" is answered
by the block line naming Birch together with the name line beside it, and "when did Priya Raman
sign?" by the lines naming her together with the one date beside them, in any contract."""

from __future__ import annotations

import re
from collections.abc import Collection

import numpy as np

from assistant.evidence import EvidenceSet
from assistant.text import content_terms, related
from index.dates import date_normal, date_spans
from index.shapes import NAME_PARTICLE

_ASKS_SIGNER = re.compile(r"\bwho\b.{0,60}\b(sign\w*|execut\w*|countersign\w*)\b|\bsignator(?:y|ies)\b"
                          r"|\bsigned\s+(?:for|on behalf of)\b", re.IGNORECASE | re.DOTALL)
_SIGN_WORDS = {"sign", "signatori", "execut", "countersign", "behalf", "signer"}
# "Name: Jane Roe", "By: /s/ Jane Roe", "Name (Print): David Blei", "Signature: Dan Alistarh", "Signed by Jane Roe, ..."
_NAME_LINE = re.compile(r"^[ \t>*-]*(?:(?i:name(?:\s*\(print(?:ed)?\))?|by|signature|signed(?:\s+by)?)\s*:"
                        r"|Signed[ \t]+by(?=[ \t]+[A-Z]))[ \t]*"
                        r"(?:</?u>)?(?:/s/)?[ \t]*(?:</?u>)?[ \t]*"
                        rf"([A-Z][\w.'’-]+(?:[ \t]+(?:{NAME_PARTICLE}[ \t]+){{0,2}}[A-Z][\w.'’-]+){{1,3}})",
                        re.MULTILINE)


# "when did Priya Raman sign?", "on what date was the NDA signed by Birch?"
_ASKS_SIGNING_DATE = re.compile(r"\bwhen\b.{0,60}\b(?:sign\w*|execut\w*|countersign\w*)\b"
                                r"|\b(?:date|day)\b.{0,40}\b(?:sign\w*|execut\w*|countersign\w*)\b",
                                re.IGNORECASE | re.DOTALL)
_DATE_WORDS = {"when", "date", "day", "what", "which"}


def asks_signer(question: str) -> bool:
    return bool(_ASKS_SIGNER.search(question))


_SIGNED_BY = re.compile(r"\bsigned\s+by\b", re.IGNORECASE)


def asks_signed_by(question: str) -> bool:
    """"Which agreements are signed by Birch?": by a party, or a person, whom the question names."""
    return bool(_SIGNED_BY.search(question)) and not asks_signer(question)


def asks_signing_date(question: str) -> bool:
    return bool(_ASKS_SIGNING_DATE.search(question)) and not asks_signer(question)


def signing_date_candidates(evidence: EvidenceSet, question: str, synonyms: dict[str, frozenset[str]] | None = None,
                            ignore_terms: Collection[str] = ()) -> list[int]:
    """Candidates in signature blocks that hold exactly one date, in a block (a paragraph of the
    signatures) that names whom the question names, a signer or the party signed for, before that
    date and no second person; per agreement, those that hold the naming line too if any do, the
    shortest of them. Empty when the question names no one but the agreement (`ignore_terms`, the
    words that named its scope: "In the Reseller Agreement between A and B: when was it signed?"
    asks for the agreement's date), or no block does (then the ranker's choice stands)."""
    named = _named(question, synonyms or {}) - _DATE_WORDS - set(ignore_terms)
    if not named:
        return []
    with_name, in_block = [], []
    for i, c in enumerate(evidence.candidates):
        if c.hit.clause.clause_id != "signatures" or len(_dates(c.text)) != 1:
            continue
        clause = c.hit.clause
        at, end = c.start - clause.start, c.end - clause.start
        top = clause.text.rfind("\n\n", 0, at)
        bottom = clause.text.find("\n\n", end)
        block = clause.text[top + 2 if top >= 0 else 0:bottom if bottom >= 0 else len(clause.text)]
        if len(_dates(block)) != 1 or _two_blocks(block):
            continue
        date_at = block.find(c.text[slice(*date_spans(c.text)[0])])
        lines = [m.start() for m in re.finditer(r"[^\n]+", block) if set(content_terms(m.group())) & named]
        if lines and lines[0] < date_at:
            (with_name if set(content_terms(c.text)) & named else in_block).append(i)
    with_name_in = {evidence.candidates[i].hit.agreement_key for i in with_name}
    return _fewest_lines(evidence, with_name + [i for i in in_block
                                                if evidence.candidates[i].hit.agreement_key not in with_name_in])


def _dates(text: str) -> set[str]:
    return {date_normal(text[a:b]) or text[a:b] for a, b in date_spans(text)}


def name_words(question: str) -> list[str]:
    """The question's words that could name a party or a signer: not its signing words."""
    return [t for t in content_terms(question) if t not in _SIGN_WORDS and not (related(t) & _SIGN_WORDS)]


def _named(question: str, acronyms: dict[str, frozenset[str]]) -> set[str]:
    """Those words, and what the acronyms among them stand for."""
    words = name_words(question)
    return set(words) | _expanded(words, acronyms)


def _two_blocks(text: str) -> bool:
    """A span holding two people's name lines runs across two blocks."""
    return len({m.group(1) for m in _NAME_LINE.finditer(text)}) > 1


def signer_candidates(evidence: EvidenceSet, question: str, synonyms: dict[str, frozenset[str]] | None = None,
                      ignore_terms: Collection[str] = (),
                      roles: dict[str, dict[str, frozenset[str]]] | None = None) -> list[int]:
    """Candidates in signature blocks that hold both a line naming the party the question names and
    a person's name line, and as many of the question's proper names as any does; each agreement's
    shortest such spans. Empty when the question names no party, or no block has one (then the
    ranker's choice stands). `roles`: agreement key -> the stems of a name the agreement gives a
    party -> the stems of the party's own name ("who signed for the Customer?" and "Signed for
    Fenwick & Hale Retail Ltd.", where the opening calls Fenwick & Hale "Customer")."""
    party = [t for t in name_words(question) if t not in set(ignore_terms) and t not in {"who", "whom"}]
    if not party:
        return []
    asked = set(party)
    chosen: list[int] = []
    words_of: dict[int, set[str]] = {}
    after: set[int] = set()  # the name line comes after the party's line, as in most blocks
    for i, c in enumerate(evidence.candidates):
        if c.hit.clause.clause_id != "signatures":
            continue
        acronyms = {**(synonyms or {}), **(roles or {}).get(c.hit.agreement_key, {})}
        party_words = asked | _expanded(party, acronyms)
        text = c.text
        words = set(content_terms(text))
        names_party = any(t in words or (t in acronyms and acronyms[t] <= words) for t in party)
        # the person is not the party itself ("Signature: International Conference on Machine Learning"),
        # unless the question names the person and the span names the party besides ("does David
        # Blei sign for ICML?" over "Name (Print): David Blei / International Conference on ...")
        person = [m for m in _NAME_LINE.finditer(text)
                  if _is_person(set(content_terms(m.group(1))), words, asked, party_words)]
        if names_party and len({m.group(1) for m in person}) == 1:  # a span across two blocks names two
            chosen.append(i)
            words_of[i] = words
            first_party = min((m.start() for m in re.finditer(r"[^\n]+", text)
                               if set(content_terms(m.group())) & party_words), default=len(text))
            if first_party < person[0].start():
                after.add(i)
    chosen = _most_named(chosen, words_of, question, synonyms or {})
    ordered = {evidence.candidates[i].hit.agreement_key for i in after if i in chosen}
    return _fewest_lines(evidence, [i for i in chosen if i in after
                                    or evidence.candidates[i].hit.agreement_key not in ordered])


def _is_person(name: set[str], words: set[str], asked: set[str], party_words: set[str]) -> bool:
    """Whether a name line's name is a person signing rather than the party signed for."""
    return not name & party_words or name <= asked and bool((words - name) & party_words)


def _proper_names(question: str, acronyms: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """The question's capitalised words past its first ("David", "Blei", "ICML") as stems, each
    with what it stands for when it is an acronym a block may spell out."""
    words = re.findall(r"[A-Za-z][\w&'’.-]*", question)[1:]
    stems = [t for w in words if w[:1].isupper() for t in content_terms(w)]
    return {t: acronyms.get(t, frozenset()) for t in stems}


def _most_named(chosen: list[int], words_of: dict[int, set[str]], question: str,
                acronyms: dict[str, frozenset[str]]) -> list[int]:
    """The chosen spans (their stems in `words_of`) naming as many of the question's proper names as
    any does: "does David Blei sign for ICML?" is a block naming both, not one naming ICML and
    someone else."""
    names = _proper_names(question, acronyms)
    if not names or not chosen:
        return chosen
    counts = {i: sum(name in words_of[i] or bool(full) and full <= words_of[i] for name, full in names.items())
              for i in chosen}
    most = max(counts.values())
    return [i for i in chosen if counts[i] == most]


def _fewest_lines(evidence: EvidenceSet, chosen: list[int]) -> list[int]:
    """Of each agreement's chosen spans, those of the fewest lines that still hold what was asked.
    Per agreement: blocks laid out differently ("Signature: A / Date / Name (Print): B" against the
    same lines with blank lines and a checkbox between them) need spans of different widths, and an
    answer across agreements needs each agreement's own shortest."""
    fewest: dict[str, int] = {}
    for i in chosen:
        key = evidence.candidates[i].hit.agreement_key
        fewest[key] = min(fewest.get(key, evidence.candidates[i].width), evidence.candidates[i].width)
    return [i for i in chosen if evidence.candidates[i].width == fewest[evidence.candidates[i].hit.agreement_key]]


def _expanded(party: list[str], acronyms: dict[str, frozenset[str]]) -> set[str]:
    return {w for t in party for w in acronyms.get(t, ())}


def only(probabilities: np.ndarray, keep: list[int]) -> np.ndarray:
    """The ranker's probabilities for the kept candidates, zero for the rest."""
    out = np.zeros_like(probabilities)
    out[keep] = probabilities[keep] + 1e-6  # never zero: a kept candidate always outranks the rest
    return out


def ranked_last(probabilities: np.ndarray, last: list[bool]) -> np.ndarray:
    """The ranker's probabilities with the candidates marked `last` ranked after every other one (in
    their own order). A signature block's date or names answer only what a block says: in the fit
    part out of fold, a block ranked first for a question of any other kind was right 0 times in 35.
    An opening's date answers when the agreement was made or takes effect, not when something
    happens under it ("when must the Consultant be paid?", values.asks_event_time)."""
    block = np.asarray(last, dtype=bool)
    if not block.any() or block.all():
        return probabilities
    out = probabilities.copy()
    out[block] = probabilities[block] * (probabilities[~block].min() / (probabilities[block].max() + 1e-9)) * 0.999
    return out
