"""Strip OCR and Markdown residue from a chunk's text before it is embedded or matched."""

from __future__ import annotations

import html
import re

# Offsets never pass through here: callers clean a copy of each chunk's text, and citations
# keep pointing into the loader's raw text. So this may drop and merge characters freely.

# OCR of "&lt;sup>" splits the entity as "<sup>&</sup>lt;"; rejoin it so unescaping works.
_SPLIT_ENTITY = re.compile(r"<sup>&</sup>(?=[a-zA-Z]+;|#\d+;)")
# "\begin{picture}(100,0) \put..." is a drawing the OCR rendered as LaTeX; nothing after it
# on the line is text.
_LATEX_ENV = re.compile(r"\$?[ \t]*\\begin\{[a-zA-Z*]+\}.*")
# Inline math such as "$^1$", "$\alpha$", "$\nu \iota$". Requiring a command, ^ or _ right
# after the "$" keeps prices like "$100 and $200" intact.
_LATEX_INLINE = re.compile(r"\$[ \t]*(?:\\[a-zA-Z]+|[\^_])[^$\n]{0,80}?\$")
_SUP = re.compile(r"<(sup|sub)>(.*?)</\1>", re.IGNORECASE | re.DOTALL)
_BREAK_TAG = re.compile(r"<(?:br|p|div|li|tr|td|th)\b[^<>]*/?>|</(?:p|div|li|tr|td|th)>", re.IGNORECASE)
# Named tags only, so a placeholder such as "<Name of Licensee>" stays text.
_INLINE_TAG = re.compile(
    r"</?(?:a|b|i|u|s|em|strong|span|font|small|big|mark|ins|del|strike|code)\b[^<>]*>",
    re.IGNORECASE,
)
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$|<>])")
_BOLD = re.compile(r"\*\*|__(?=\w)|(?<=\w)__")
# Markdown's bold or emphasis around words, in a question ("**Which law governs?**", "_Is it exclusive?_"); a run
# of "_" is a blank ("between Acme and __________")
_EMPHASIS = re.compile(r"(?<![\w*])(?P<mark>\*\*|__|[*_])(?=[^\s*_])(?P<words>[^\n]+?)(?<=[^\s*_])(?P=mark)(?![\w*])")
_BLANKS = re.compile(r"(?<![^\W_])_+(?![^\W_])")  # signature and fill-in blanks: "Date: ____"
_MID_BULLET = re.compile(r"[•▪●◦‣|]")  # list glyphs and Markdown table pipes
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?=\s|$)")
_QUOTED_LINE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")  # a Markdown or e-mail quote's mark, in a question
_LIST_BULLET = re.compile(r"^[ \t]*[-*+•▪●◦‣](?=[ \t])")
_WORD3 = re.compile(r"[^\W\d_]{3,}")
_WORD2 = re.compile(r"[^\W\d_]{2,}")
# Amounts, dates and percentages are worth keeping even on a line without words.
_FIGURE = re.compile(r"[$€£¥]\s?\d|\d+(?:[.,/-]\d+)+|\d\s?%")
# A clause number alone on its line ("(a)", "6.", "6.2", "iv)") is what citations refer to.
_ENUMERATOR = re.compile(r"\(?(?:\d{1,3}|[a-zA-Z]|[ivxlc]{2,5})[.)](?:\d{1,3}[.)]?)*")
_WHITESPACE = re.compile(r"\s+")


def clean_for_embedding(text: str) -> str:
    """Return `text` without markup and OCR noise, on one line with single spaces.

    Removes: HTML tags (keeping the text inside <u>, <i>, <b> and the like), superscript
    footnote markers such as <sup>1</sup> (superscripts with words, e.g. "th", are kept),
    LaTeX fragments ($^1$, $\\alpha$, \\begin{picture}... to the end of its line), Markdown
    headings, bold, images, link targets, escapes, list bullets and fill-in blanks, and
    OCR scribble lines (see `_is_scribble`).
    """
    if "<sup>&</sup>" in text:
        text = _SPLIT_ENTITY.sub("&", text)
    if "&" in text:
        text = html.unescape(text)
    if "\\" in text or "$" in text:
        text = _LATEX_ENV.sub("", text)
        text = _LATEX_INLINE.sub(" ", text)
    text = _BLANKS.sub(" ", _BOLD.sub("", _tags_and_markdown_off(text)))
    kept = []
    for line in text.splitlines():
        line = _LIST_BULLET.sub("", _HEADING.sub("", line))
        line = _MID_BULLET.sub(" ", line)
        if not _is_scribble(line):
            kept.append(line)
    return _WHITESPACE.sub(" ", " ".join(kept)).strip()


def without_markup(text: str) -> str:
    """`text` (a question pasted from a web page or a document) without HTML tags and entities or Markdown
    headings, quote marks ("> ..."), bold, images, link targets and escapes; its lines and words as they were,
    so a pasted list stays a list."""
    if "&" in text:
        text = html.unescape(text)
    text = _EMPHASIS.sub(r"\g<words>", _tags_and_markdown_off(text))
    return "\n".join(_HEADING.sub("", _QUOTED_LINE.sub("", line)) for line in text.split("\n"))


def _tags_and_markdown_off(text: str) -> str:
    if "<" in text:
        text = _SUP.sub(_superscript, text)
        text = _BREAK_TAG.sub(" ", text)
        text = _INLINE_TAG.sub("", text)
    if "](" in text:
        text = _MD_IMAGE.sub(" ", text)
        text = _MD_LINK.sub(r"\1", text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    return text


def _superscript(match: re.Match[str]) -> str:
    inner = match.group(2)
    # Footnote markers ("1", "*", "&") carry no meaning; ordinal suffixes ("th") do.
    return inner if _WORD2.search(inner) else " "


def _is_scribble(line: str) -> bool:
    """True for lines OCR made out of stamps, signatures and checkbox art.

    A line is scribble when it has no word of 3+ letters, no figure (amount, date,
    percentage) and is not a bare clause number like "(a)" or "6.2" — e.g. "- 1", "117/", "---------" — or when it is a row of tab-separated
    fragments of at most 4 characters, e.g. "V<TAB>Ces" or "S<TAB>pea<TAB>ke<TAB>r:", which is
    how the OCR lays out handwriting. A real short row such as "Fee<TAB>$100" survives by
    its figure.
    """
    stripped = line.strip()
    if not stripped:
        return True
    if _FIGURE.search(stripped) or _ENUMERATOR.fullmatch(stripped):
        return False
    if not _WORD3.search(stripped):
        return True
    if "\t" in stripped:
        cells = [c for c in (c.strip() for c in stripped.split("\t")) if c]
        return len(cells) > 1 and all(len(c) <= 4 for c in cells)
    return False
