"""Questions that ask two things at once ("Which paper is Sage Moore's agreement for, and what is its
event date?"): where they split, and how the answers to their parts become one answer.

A part begins where a new question begins: after a semicolon or a question mark, or after "and"
when what follows asks with a wh-word ("what", "when", "who", "which", "where", "how", "whose"). A
yes/no continuation ("can a party assign the agreement, and is the other party's consent
required?") asks about the same clause and stays whole, and so does a part with no words of its
own ("is there a cap on damages, and what is it?"): it cannot be answered alone. Of a checklist
pasted whole, the first MAX_PARTS questions are answered and the rest named, to be asked again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.framing import unmarked
from assistant.groups import cite_once
from assistant.types import Answer, AnswerGroup, Citation, Value
from index.terms import content_terms

_WH = r"(?:what|when|who|whom|which|where|how|whose)\b"
# a question opens with a wh-word or an auxiliary verb: "which paper ...", "is there ...", "does X ..."
_OPENS_QUESTION = re.compile(rf"^\s*(?:{_WH}|(?:is|are|was|were|does|do|did|can|could|may|might|must|will|would|"
                             r"should|shall|has|have|had)\b)", re.IGNORECASE)
_SPLIT = re.compile(rf"\s*;\s*(?:and\s+|but\s+)?(?={_WH})|\s*,?\s+(?:and|but)\s+(?={_WH})|(?<=\?)\s+(?=\S)",
                    re.IGNORECASE)
_OWN_WORDS = re.compile(r"\b(?:it|its|they|their|them|this|that|these|those|one|ones|thing|things|so|there)\b",
                        re.IGNORECASE)
MAX_PARTS = 8  # a message asks at most this many questions at once (a checklist pasted whole); the rest are named
_MARKER = re.compile(r"\[(\d+)\]")


def question_parts(question: str) -> list[str]:
    """The separate questions a question asks, each ending with "?"; the question alone when it asks one."""
    text = (question or "").strip()
    pieces, at = [], 0
    for m in _SPLIT.finditer(text):
        rest = text[m.end():]
        # after "and", a part is a clause ("and what is its event date"), not a noun ("and which authors")
        if m.group().strip(" ,").lower() in ("and", "but") and len(re.findall(r"[\w'’-]+", rest.split("?")[0])) < 3:
            continue
        pieces.append(text[at:m.start()])
        at = m.end()
    # a checklist's questions each after its mark ("1. Which law governs?\n2. How long does it run?")
    pieces = [unmarked(p.strip(" ,;")) for p in [*pieces, text[at:]] if p.strip(" ,;")]
    if len(pieces) < 2:
        return [text]
    # the first piece may state what the second builds on ("X keeps the copyright; what does Y give?"),
    # a later one must open as a question; every piece needs words of its own to be answered alone
    if not all(_OPENS_QUESTION.match(p) for p in pieces[1:]) or not all(_content(p) for p in pieces):
        return [text]
    if ";" not in text and not _OPENS_QUESTION.match(pieces[0]):
        return [text]  # "If a court strikes one provision, what ...?" is one question with a condition
    return [f"{p.rstrip('.!?')}?" if _OPENS_QUESTION.match(p) else p for p in pieces]


def _content(part: str) -> list[str]:
    """A part's own words: not its pronouns, nor what a parenthesis adds ("when (Jianfei Chen)?")."""
    return content_terms(_OWN_WORDS.sub(" ", re.sub(r"\([^()]*\)", " ", part)))


def merge(question: str, answers: Sequence[Answer], unasked: Sequence[str] = ()) -> Answer:
    """One answer from the answers to a question's parts: their first lines side by side (each part's
    short answer first), then each part's quotes; citations shared by two parts are cited once. Parts
    beyond MAX_PARTS (`unasked`) are named last, to be asked again."""
    citations: list[Citation] = []
    values: list[Value] = []
    groups: list[AnswerGroup] = []
    heads, bodies = [], []
    for answer in answers:
        where = []
        for c in answer.citations:
            where.append(cite_once(citations, c)[0])

        def renumber(text: str, where=where) -> str:
            return _MARKER.sub(lambda m: f"[{where[int(m.group(1)) - 1] + 1}]"
                               if 0 < int(m.group(1)) <= len(where) else m.group(0), text)

        head, _, body = answer.text.partition("\n")
        heads.append(renumber(head).strip())
        if body.strip():
            bodies.append(renumber(body).strip("\n"))
        values += [replace(v, citation=where[v.citation]) for v in answer.values if v.citation < len(where)]
        groups += [replace(g, citations=tuple(where[i] for i in g.citations if i < len(where))) for g in answer.groups]
    searched = "; ".join(dict.fromkeys(a.searched for a in answers if a.searched))
    if unasked:
        bodies.append(f"Not answered (at most {MAX_PARTS} questions at a time; ask these again): " + " ".join(unasked))
    return Answer(question=question, text="\n".join(["; ".join(heads), *bodies]), found=any(a.found for a in answers),
                  citations=tuple(citations), searched=searched, mode=answers[0].mode,
                  unsupported=tuple(u for a in answers for u in a.unsupported), values=tuple(values),
                  groups=tuple(groups))
