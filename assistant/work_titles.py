"""Which work an agreement is for: "what paper is Jianfei Chen's agreement for?" asks for a title.

Publication and contribution agreements name the work they cover by its title, in a few fixed ways:
a lead-in ("regarding a written manuscript currently entitled ...", "the article titled ...") or a
form's field label ("Paper title: ...", "EventTitle: ..."). A question asking which paper, article,
manuscript or book an agreement is for is answered by the line that gives the title, not by the
opening sentence that merely mentions "Articles".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_ASKS = re.compile(
    r"\b(?:what|which)\s+(?:papers?|articles?|manuscripts?|books?)\s+(?:is|are|was|were|does|do|did)\b"
    r"|\b(?:title|name)s?\s+of\s+(?:the|this|that|his|her|their|its)\s+(?:papers?|articles?|manuscripts?|books?)\b"
    # "what is the event title on Ce Zhang's agreement?" (not "what date is under the event title?")
    r"|\b(?:what|which)(?:['’]s|\s+(?:is|are|was|were))\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:paper|article|manuscript|book|work|event)\s+titles?\b",
    re.IGNORECASE)
# "title to the goods", "title and risk of loss pass", "retains all right, title and interest": title as
# ownership, which a clause grants or keeps, never the name an agreement's opening gives it
_OWNERSHIP = re.compile(
    r"\btitle\s+(?:to|and\s+risk|and\s+interest|pass(?:es|ed|ing)?|transfers?|vests?|remains?|shall|will)\b"
    r"|\b(?:retains?|retained|keeps?|pass(?:es)?|transfers?|good|clear|marketable|legal)\s+(?:the\s+)?title\b"
    r"|\bright,?\s+title\b",
    re.IGNORECASE)
# "entitled to" is a right, not a title; a signer's bare "Title: President" names no work
_GIVES_TITLE = re.compile(
    r"\b(?i:currently\s+)?(?i:entitled|titled)\b(?!\s+to\b)"
    r"|\b[A-Z][a-z]+Titles?\s*:"
    r"|\b(?i:paper|article|manuscript|book|work|event)\s+(?i:titles?)\s*:")


def asks_work_title(question: str) -> bool:
    """Whether the question asks which work (paper, article, manuscript, book) an agreement is for."""
    return bool(_ASKS.search(question or ""))


def asks_title_to_property(question: str) -> bool:
    """Whether the question asks about title as ownership ("when does title to the goods pass?", "who
    retains title to Customer Data?"), not about a name."""
    return bool(_OWNERSHIP.search(question or ""))


def without_title_to_property(question: str) -> str:
    """The question with its words on title as ownership blanked: what is left may still ask a name."""
    return _OWNERSHIP.sub(" ", question or "")


def gives_title(text: str) -> bool:
    """Whether a candidate's text gives a work's title by a lead-in or a field label."""
    return bool(_GIVES_TITLE.search(text))


def title_candidates(spans: Sequence[tuple[str, str, bool]]) -> list[int]:
    """Per agreement, the shortest candidates that give a title and run to the end of their line
    (the title line itself: neither a window that also carries the opening sentence, nor the first
    sentence of a title with "!" in it); the shortest of any length when none runs to a line's end.
    spans: (text, agreement key, whether the span ends where its line ends) per candidate."""
    giving = [(i, text, agreement, at_end) for i, (text, agreement, at_end) in enumerate(spans) if gives_title(text)]
    best: dict[str, tuple[bool, int]] = {}
    for _, text, agreement, at_end in giving:
        best[agreement] = min(best.get(agreement, (not at_end, len(text))), (not at_end, len(text)))
    return [i for i, text, agreement, at_end in giving if (not at_end, len(text)) == best[agreement]]
