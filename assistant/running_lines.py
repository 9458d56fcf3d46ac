"""Running heads and feet: the lines an agreement repeats page after page ("Source: ACME CORP, 10-K,
3/1/2020", "Page 2 of 9", "Confidential     Norland / Pike & Arden MSA"). Text taken from PDFs and
filings keeps them where the pages broke, often in the middle of a clause or a sentence. They are no
answer to anything: a date in a filing's footer is not the agreement's date, and a quote should not
run on into "Page 2 of 3". So no candidate consists of them, and none begins or ends with one.

A line is running when the agreement holds it, its digits aside, at least MIN_REPEATS times, spread
over at least MIN_SPREAD of the agreement's length, each time alone on its line with at most MAX_CHARS
characters and at least two letters, not opening with a clause's number. Signature blocks repeat lines
too ("Title: Director"), but all within the agreement's last pages; the same paper's title line in
three agreements of one file is one line in each. A quote a page break cuts runs on past them to the
end of its sentence (assistant.completion), the furniture inside it, as the quote is the document's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

MIN_REPEATS = 3
MIN_SPREAD = 0.5
MAX_CHARS = 120

_DIGITS = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d_]")
# a clause's or an item's number opening the line ("2. Terms.", "(b) Reserved."): numbered lines are
# the agreement's own, however alike
_NUMBERED = re.compile(r"^(?:\(?\d+(?:\.\d+)*[.)]?|\([a-z]{1,4}\)|[a-z][.)])\s", re.IGNORECASE)


def line_key(line: str) -> str:
    """A line's wording with its digits blanked and its spacing and case ignored: every page's
    "Page 2 of 9" and "Page 3 of 9" are one line."""
    return _DIGITS.sub("#", " ".join(line.split())).casefold()


def running_lines(texts: Iterable[tuple[int, str]], extent: tuple[int, int]) -> frozenset[str]:
    """The keys (`line_key`) of the running lines among `texts`, (start offset, text) of an agreement's
    clauses, whose (first, last) character is `extent`."""
    offsets: dict[str, list[int]] = defaultdict(list)
    for start, text in texts:
        at = 0
        for line in text.splitlines(keepends=True):
            stripped = line.strip()
            if stripped and len(stripped) <= MAX_CHARS and len(_LETTERS.findall(stripped)) >= 2 \
                    and not _NUMBERED.match(stripped):
                offsets[line_key(stripped)].append(start + at)
            at += len(line)
    length = max(1, extent[1] - extent[0])
    return frozenset(key for key, seen in offsets.items()
                     if len(seen) >= MIN_REPEATS and (max(seen) - min(seen)) / length >= MIN_SPREAD)


def without_running_lines(text: str, start: int, end: int, running: frozenset[str]) -> tuple[int, int]:
    """(start, end) of `text[start:end]` with the running lines (and the blank ones) at either end cut
    off; start == end when nothing else is left."""
    if not running:
        return start, end
    lines = text[start:end].splitlines(keepends=True)
    first, last = 0, len(lines) - 1
    while first <= last and is_running_line(lines[first], running):
        first += 1
    if first > last:
        return start, start
    while is_running_line(lines[last], running):
        last -= 1
    if first == 0 and last == len(lines) - 1:
        return start, end
    new_start = start + sum(len(line) for line in lines[:first])
    new_end = new_start + sum(len(line) for line in lines[first:last + 1])
    while new_end > new_start and text[new_end - 1].isspace():
        new_end -= 1
    while new_start < new_end and text[new_start].isspace():
        new_start += 1
    return new_start, new_end


def is_running_line(line: str, running: frozenset[str]) -> bool:
    """A blank line, or one of the running ones (`running_lines`' keys)."""
    stripped = line.strip()
    return not stripped or len(stripped) <= MAX_CHARS and line_key(stripped) in running
