"""A quote that stops mid-phrase ("... a written manuscript currently entitled", "The parties
are:") goes on into the lines that finish it: the title, the list, the rest of a sentence a line
break cut. A page's running foot and the next one's head in between are passed over, not taken as
the rest ("... shall notify Buyer without delay of" goes on past "Page 2 of 3" to "any expected
delay of more than three (3) days."). Quotes stay verbatim spans of their clause."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from assistant.evidence import Candidate
from assistant.features import ends_mid_phrase
from assistant.running_lines import is_running_line
from index.spans import candidate_spans, span_text

MAX_LINES = 2  # lines a quote may take on
MAX_ADDED = 400  # characters it may take on


def completed(candidate: Candidate) -> Candidate:
    """The candidate, taking on the following lines of its clause while it ends mid-phrase."""
    clause = candidate.hit.clause
    running = candidate.hit.running
    end = candidate.end - clause.start
    for _ in range(MAX_LINES):
        if not ends_mid_phrase(span_text(clause.text[candidate.start - clause.start:end])):
            break
        following = next(((s, e) for s, e in _lines(clause.text)
                          if s >= end and not (running and is_running_line(clause.text[s:e], running))), None)
        if following is None or following[1] - (candidate.end - clause.start) > MAX_ADDED:
            break
        end = following[1]
    if end == candidate.end - clause.start:
        return candidate
    return replace(candidate, end=clause.start + end, width=candidate.width + 1)


@lru_cache(maxsize=4096)
def _lines(text: str) -> tuple[tuple[int, int], ...]:
    """A clause's single sentences and lines, in order (the spans candidates are made of)."""
    return tuple(sorted((s, e) for s, e, width in candidate_spans(text) if width == 1))
