"""Questions about what agreements lack: "Which agreements have no governing law clause?", "Are
there contracts without an indemnity?". The search can only cite what is there, so each agreement in
scope is asked the other way round ("Does the agreement have any governing law clause?"), alone, as
the "not found" decision was fitted to judge one contract; the answer names those it finds nothing
in and cites what the others say."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer import base_clause, display
from assistant.types import AgreementInfo, Answer
from index.terms import topic_words

# the negation and the verb the positive question asks with, only where agreements are its subject
# ("which agreements let the author assign without consent?" asks about consent, not an absence)
_NOT = r"(?:do|does|did)\s+not|(?:don|doesn|didn)['’]t"
_VERBS = r"have|contain|include|mention|address|cover|provide\s+for|set\s+out|state|specify"
_SUBJECT = r"\b(?:agreements?|contracts?|ones|documents?|which|what)\b[^?]*?"
_DETERMINED = re.compile(r"(?:a|an|any|the|some)\b", re.I)
_CONDITION = re.compile(r"\b(?:if|when|unless|whether|where|in\s+case)\b", re.I)
_ABSENCE = (
    re.compile(_SUBJECT + rf"\b(?P<neg>{_NOT})\s+(?P<verb>{_VERBS})\b", re.I),
    re.compile(_SUBJECT + r"\b(?P<neg>(?:has|have|contains?|includes?)\s+no)\b", re.I),
    re.compile(_SUBJECT + r"\b(?P<neg>lack(?:s|ing)?|(?:are|is)\s+missing)\b", re.I),
    # "contracts without an indemnity", "any agreement without ...", not "terminate the agreement without cause"
    re.compile(r"(?:\b(?:agreements|contracts|documents)|\b(?:any|an?|which|what)\s+(?:agreement|contract|document))"
               r"\s+(?P<neg>without)\b", re.I),
)


def asks_absence(question: str) -> str:
    """The question asked of one agreement the positive way when it asks which agreements lack
    something ("Which agreements have no governing law clause?" -> "Does the agreement have any
    governing law clause?"); "" when it asks no absence."""
    for pattern in _ABSENCE:
        m = pattern.search(question)
        if not m or _CONDITION.search(question[:m.start("neg")]):
            continue
        verb = re.sub(r"\s+", " ", (m.groupdict().get("verb") or "have").lower())
        thing = question[m.end():].strip(" ?.!")
        if thing:
            determiner = "any " if verb == "have" and not _DETERMINED.match(thing) else ""
            return f"Does the agreement {verb} {determiner}{thing}?"
    return ""


def absence_answer(question: str, positive: str, answers: Sequence[tuple[AgreementInfo, Answer]],
                   searched: str) -> Answer:
    """The agreements whose own answer to `positive` is "not found", named first; each other one's
    first citation follows as the evidence that it has it."""
    topic = " ".join(topic_words(positive)[:6]) or "that"
    having = [(a, answer.citations[0]) for a, answer in answers if answer.found and answer.citations]
    lacking = [a for a, answer in answers if not (answer.found and answer.citations)]
    n = len(answers)
    if not having:
        return Answer(question=question, found=False, searched=searched,
                      text=f"Not found in any of the {n} agreements: none has a clause about {topic}, "
                           f"so all {n} lack one.")
    if not lacking:
        lead = f"None: all {n} agreements have a clause about {topic}."
    else:
        names = ", ".join(f"{a.label} ({a.file})" for a in lacking)
        lead = (f"{len(lacking)} of {n} agreements {'has' if len(lacking) == 1 else 'have'} no clause about {topic} "
                f"that the search found: {names}. "
                f"The other {len(having)} {'does' if len(having) == 1 else 'do'}:")
    lines = [f"- {a.label} (clause {base_clause(c.clause)}): \"{display(c.quote)}\" [{k}]"
             for k, (a, c) in enumerate(having, 1)]
    return Answer(question=question, text="\n".join([lead, *lines]), found=True,
                  citations=tuple(c for _, c in having), searched=searched)
