"""Agreements that say the same thing: an answer over several agreements, grouped by the value each
one's evidence states (normalised) or, where none is stated, by what its quote says."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.shapes import normalise
from assistant.snippets import shown, snippet
from assistant.types import AnswerGroup, Citation, Value

_SIDE_BY_SIDE = 3  # agreements whose own quotes still fit side by side on the first line


def agreement_key(citation: Citation) -> str:
    return f"{citation.file}#{citation.agreement_number}"


def cite_once(citations: list[Citation], citation: Citation) -> tuple[int, bool]:
    """Where `citation` stands in `citations` (the same span of the same file), appended when it is not
    there yet: (its index, whether it was appended). A quote giving two values is cited once."""
    for i, kept in enumerate(citations):
        if (kept.file, kept.start, kept.end) == (citation.file, citation.start, citation.end):
            return i, False
    citations.append(citation)
    return len(citations) - 1, True


def by_agreement(citations: Sequence[Citation]) -> dict[str, list[int]]:
    """Agreement key -> indexes of its citations, agreements in the order they are first cited."""
    out: dict[str, list[int]] = {}
    for i, c in enumerate(citations):
        out.setdefault(agreement_key(c), []).append(i)
    return out


def quote_key(quote: str) -> str:
    """A quote compared without case, markup, punctuation, OCR'd apostrophes or a leading footnote mark."""
    text = re.sub(r"&lt;/?\w+>|&\w+;|<[^>]+>|\*\*|['’]", "", quote).casefold()
    text = re.sub(r"\W+", " ", text)
    return re.sub(r"^[\d\s¹²³⁴⁵⁶⁷⁸⁹⁰]+", "", text).strip()


def group(citations: Sequence[Citation], values: Sequence[Value]) -> tuple[AnswerGroup, ...]:
    """The agreements cited, grouped by what their evidence says; largest group first, then in the
    order they were cited. Empty when one agreement is cited."""
    agreements = by_agreement(citations)
    if len(agreements) < 2:
        return ()
    buckets: dict[str, list[tuple[str, list[int], list[Value]]]] = {}
    for key, indexes in agreements.items():
        stated = [v for v in values if v.citation in indexes and v.kind not in ("yes", "no")]
        compared = ("value:" + " | ".join(normalise(v.text, v.kind) for v in stated) if stated
                    else "quote:" + quote_key(citations[indexes[0]].quote))
        buckets.setdefault(compared, []).append((key, indexes, stated))
    groups = []
    for compared, members in buckets.items():
        first_key, first_indexes, stated = members[0]
        value = "; ".join(shown(v.text) for v in stated) if stated else shown(citations[first_indexes[0]].quote)
        groups.append(AnswerGroup(
            value=value, key=compared.split(":", 1)[1], kind=stated[0].kind if stated else "quote",
            agreements=tuple(citations[ix[0]].agreement for _, ix, _ in members),
            keys=tuple(k for k, _, _ in members),
            clauses=tuple(citations[ix[0]].clause for _, ix, _ in members),
            citations=tuple(sorted(i for _, ix, _ in members for i in ix))))
    return tuple(sorted(groups, key=lambda g: (-len(g.agreements), g.citations[0])))


def summary(groups: Sequence[AnswerGroup], citations: Sequence[Citation], question: str = "") -> str:
    """One line saying which agreements say what: "6 of 9 agreements: California (clause 7 in each) —
    Dan Alistarh [1], ...; 3: Massachusetts (clause 7 in each) — Xin Wang [7], ...", or, for up to
    three agreements that each say their own, each one's words side by side ("Fangcheng Fu: "…
    indemnify, defend and hold harmless ICML…" [1]; Jianfei Chen: "…"). Empty for more agreements
    that each say their own and state no value. A group with no value shows the words of its quote
    the question asks about."""
    if not groups:
        return ""
    singles = all(len(g.agreements) == 1 for g in groups)
    if singles and any(g.kind == "quote" for g in groups):
        if len(groups) > _SIDE_BY_SIDE:
            return ""
        # a few agreements compared, each saying its own: the words of each that the question asks about
        return "; ".join(f"{g.agreements[0]}: " + (g.value if g.kind != "quote" else
                                                   f"\"{snippet(citations[g.citations[0]].quote, question)}\"")
                         + f" [{g.citations[0] + 1}]" for g in groups)
    if singles:  # "Xin Wang: Massachusetts [1]; ..."; a party that is its own value once: "Dan Alistarh [1]"
        return "; ".join(f"{g.agreements[0]}" + ("" if g.key == normalise(g.agreements[0], g.kind) else f": {g.value}")
                         + f" [{g.citations[0] + 1}]" for g in groups)
    total = sum(len(g.agreements) for g in groups)
    parts = []
    for n, g in enumerate(groups):
        count = len(g.agreements)
        head = f"{count}" if n else f"{count} of {total} agreements" if len(groups) > 1 else f"{count} agreements"
        what = g.value if g.kind != "quote" else f"\"{snippet(citations[g.citations[0]].quote, question)}\""
        members = ", ".join(f"{label} [{_first(g, key, citations) + 1}]" for label, key in zip(g.agreements, g.keys))
        parts.append(f"{head}: {what} ({_clauses(g)}) — {members}")
    return "; ".join(parts)


def _first(group: AnswerGroup, key: str, citations: Sequence[Citation]) -> int:
    return next(i for i in group.citations if agreement_key(citations[i]) == key)


def _clauses(group: AnswerGroup) -> str:
    distinct = list(dict.fromkeys(group.clauses))
    named = [f"clause {c}" if c[:1].isdigit() else c for c in distinct]
    if len(distinct) == 1:
        return f"{named[0]} in each" if len(group.clauses) > 1 else named[0]
    if all(c[:1].isdigit() for c in distinct):
        return "clauses " + ", ".join(distinct)
    return ", ".join(named)
