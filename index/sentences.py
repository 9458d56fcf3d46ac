"""Sentence spans in legal text: offsets, never copies, so quotes stay verbatim."""

from __future__ import annotations

import re

# Abbreviations that end with a period but do not end a sentence in contracts.
_ABBREVIATIONS = {
    "inc", "co", "corp", "ltd", "llc", "no", "nos", "sec", "secs", "art", "mr", "mrs", "ms",
    "dr", "st", "e.g", "i.e", "u.s", "u.k", "etc", "vs", "v", "jr", "sr", "p", "pp", "para",
    "approx", "dept", "est", "fig", "l.p", "n.a", "s.a", "b.v", "n.v", "plc", "cf", "viz",
}
# "Jan. 5, 2019", "April. 1st 2019": a month's period before the day or year ends no sentence
_MONTHS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
           "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
           "december"}
_BOUNDARY = re.compile(r"[.;?!](?:[\"'”’)\]]*)(?=\s+[\"'“(\[]?[A-Z0-9])|\n[ \t]*\n|\n(?=[ \t]*[-*•#])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split text[start:end] into sentence spans, trimmed of surrounding whitespace."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        stop = match.end()
        if text[match.start()] == ".":
            word = _WORD_BEFORE.search(text, max(start, match.start() - 12), match.start())
            if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue
            if word and word.group(1).lower() in _MONTHS and re.match(r"\s+\d", text[match.end():match.end() + 3]):
                continue
        _append_trimmed(text, cursor, stop, spans)
        cursor = stop
    _append_trimmed(text, cursor, end, spans)
    return spans


def split_long(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Cut a span into parts of at most ~max_chars at sentence boundaries (hard cut as last resort)."""
    if end - start <= max_chars:
        return [(start, end)]
    parts: list[tuple[int, int]] = []
    part_start, part_end = None, None
    for s, e in sentence_spans(text, start, end):
        while e - s > max_chars:  # one giant sentence: cut at a space
            cut = text.rfind(" ", s, s + max_chars)
            cut = cut if cut > s else s + max_chars
            if part_start is not None:
                parts.append((part_start, part_end))
                part_start = None
            parts.append((s, cut))
            s = cut + 1 if text[cut:cut + 1] == " " else cut
        if part_start is None:
            part_start, part_end = s, e
        elif e - part_start <= max_chars:
            part_end = e
        else:
            parts.append((part_start, part_end))
            part_start, part_end = s, e
    if part_start is not None:
        parts.append((part_start, part_end))
    return [trim_space(text, s, e) for s, e in parts if text[s:e].strip()]


def trim_space(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) without the whitespace at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    s, e = trim_space(text, start, end)
    if e > s:
        spans.append((s, e))
