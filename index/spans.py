"""Candidate spans of a clause: the sentences (and short windows of lines) an answer can quote.
Computed once at index time, with their vectors, and read back by every ask."""

from __future__ import annotations

import re

from index.clean import clean_for_embedding
from index.sentences import sentence_spans

DENSE_CHARS = 600  # candidates are embedded by at most this many characters

_LEADING_NUMBER = re.compile(r"^[\s#*>•-]*(?:(?:Section|ARTICLE)\s+)?(?:\d{1,2}(?:\.\d{1,2})*\s?[.)]?|\([a-z]{1,3}\))?\s*")


# a line that starts an item or a block's field, never the rest of the line before it
_ITEM_START = re.compile(r"[ \t]*(?:\(?[A-Za-z0-9]{1,4}[.)]\s|[-*•#>|]"
                         r"|(?:By|Name|Title|Date|Its|Signature|Address|Attention|Attn|E-?mail|Fax|Phone|Tel)\b)")
WRAP_MIN = 50  # a wrapped line is at least this long, and at least WRAP_SHARE of the clause's longest line
WRAP_SHARE = 0.7


def candidate_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, how many sentences) within a clause's text: sentences, with line breaks also
    ending one (signature blocks and headers are lines), and, where lines are short, windows of
    adjacent ones (a name under its role, a title under "entitled"); each trimmed of its leading
    clause number so quotes read cleanly. A line break that only wraps a paragraph (text taken from
    a PDF, or a filing typed at a fixed width) ends nothing: the sentence is quoted whole."""
    spans = []
    longest = max((len(line) for line in text.split("\n")), default=0)
    for s, e in sentence_spans(text):
        start = None
        for line in re.finditer(r"[^\n]+", text[s:e]):
            if not line.group().strip():
                continue
            if start is None:
                start = s + line.start()
            end = s + line.end()
            if not _wraps(line.group(), text, end, e, longest):
                spans.append((start, end))
                start = None
        if start is not None:
            spans.append((start, end))
    widths = (1, 2) if len(spans) > 2 and sum(e - s for s, e in spans) / len(spans) < 80 else (1,)
    singles = spans
    spans = [(s, e, 1) for s, e in singles]
    spans += [(singles[i][0], singles[i + w][1], w + 1) for w in widths for i in range(len(singles) - w)]
    if 2 not in widths:  # a short line between two ("The parties are:" / "Jane Roe" / "(Licensee)")
        spans += [(singles[i][0], singles[i + 2][1], 3) for i in range(len(singles) - 2)
                  if singles[i + 1][1] - singles[i + 1][0] < 40]
    out: dict[tuple[int, int], int] = {}  # a window that trims to a sentence is that sentence
    for s, e, width in spans:
        skip = _LEADING_NUMBER.match(text, s, e)
        s2 = skip.end() if skip and skip.end() < e else s
        while e > s2 and text[e - 1].isspace():
            e -= 1
        if len(re.findall(r"[A-Za-z]", text[s2:e])) >= 3:
            out[(s2, e)] = min(width, out.get((s2, e), width))
    return [(s, e, width) for (s, e), width in out.items()]


def _wraps(line: str, text: str, end: int, stop: int, longest: int) -> bool:
    """Whether the line ending at `end` only wraps its paragraph onto the next line (before `stop`):
    it runs near the clause's longest line, ends on no colon, holds no columns, and the next line
    starts no item or field ("(b)", "Name:")."""
    body = line.rstrip()
    physical = end - (text.rfind("\n", 0, end) + 1)  # the whole line, where a sentence starts within it
    if physical < max(WRAP_MIN, WRAP_SHARE * longest) or body.endswith(":") or re.search(r"\S[ \t]{3,}\S", body) \
            or re.match(r"[ \t]{8}", body):  # columns, or a centred line (a page's foot)
        return False
    following = re.match(r"\n([^\n]*)", text[end:stop])
    return bool(following and following.group(1).strip()) and not _ITEM_START.match(following.group(1))


def unwrap(text: str) -> str:
    """`text` with each line break that only wraps a paragraph read as a space (the same length, so
    offsets hold): "by and between Aldermoor\nSemiconductor Corporation" names one party."""
    longest = max((len(line) for line in text.split("\n")), default=0)
    chars = list(text)
    for line in re.finditer(r"[^\n]+", text):
        if line.end() < len(text) and _wraps(line.group(), text, line.end(), len(text), longest):
            chars[line.end()] = " "
    return "".join(chars)


def span_text(raw: str) -> str:
    """A candidate's words as features read them: markup and OCR debris cleaned."""
    return clean_for_embedding(raw) or raw


def dense_text(text: str) -> str:
    """What the model embeds of a candidate: the model's cost grows with length, so a long one is
    compared by its opening words."""
    return text if len(text) <= DENSE_CHARS else text[:text.rfind(" ", 0, DENSE_CHARS) + 1 or DENSE_CHARS]


def embedded_spans(text: str) -> list[tuple[int, int, int, str]]:
    """(start, end, width, the text the model embeds) of each candidate span of a clause's text."""
    return [(s, e, w, dense_text(span_text(text[s:e]))) for s, e, w in candidate_spans(text)]
