"""Split a document into agreements and clauses with hierarchical ids and exact offsets."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from index.agreements import after_signature_block, greets, split_agreements
from index.headings import contents_listing, dotted_listing, headed_listing, lists_contents, unnumbered_headings
from index.sentences import split_long
from index.types import Agreement, Clause, LoadedDocument, SegmentedDocument

MAX_CHARS = 1200  # ~256 word pieces: what all-MiniLM-L6-v2 reads before truncating
CONTENTS = "contents"  # the id of a table of contents that numbers open: it lists clauses, it is none of them


_CONTENTS_ID = re.compile(rf"(?:^|\s){CONTENTS}\b")


def is_contents(clause_id: str) -> bool:
    """Whether a clause is a table of contents: the agreement's ("contents", "contents (part 2)") or an
    attachment's ("Schedule 1 contents")."""
    return _CONTENTS_ID.search(clause_id) is not None

# A clause starts at a line start, after a run of 3+ spaces (CUAD flattens line breaks into
# spaces), or inline after a sentence end for dotted numbers like "1.1 Provision of Services".
_LINE_START = r"(?:^|(?<=\n)|(?<=[ \t]{3}))[ \t]*(?:[#>]+[ \t]*)?(?:[-*•][ \t]+)?(?:\*\*)?"
# a capitals heading glued to its number, on a line of its own: "1.DEFINITIONS", "7.TERM AND TERMINATION"
_GLUED_HEADING = r"[A-Z]{2,}[A-Z&,'/ -]*[ \t]*(?:\n|[ \t]{2,}\S)"
# a wrapped line may start with a cross-reference, which heads nothing: "Section 13(c) without ...", "Section 8.3,
# Reseller shall ...", "Article 5 hereof"
_NO_REFERENCE = r"(?![ \t]*(?:[(,;]|[a-z]))"
_MARKER = re.compile(
    _LINE_START + r"(?:"
    r"(?:ARTICLE|Article)[ \t]+(?P<article>[IVXLC]+|\d{1,2})\b" + _NO_REFERENCE
    + r"|(?:SECTION|Section)[ \t]+(?P<section>\d{1,2}(?:\.\d{1,2})*)(?!\.?\d)" + _NO_REFERENCE +
    r"|(?P<dotted>\d{1,2}(?:\.\d{1,2})+)\.?(?=[ \t]+[A-Z(\"“])"
    r"|(?P<num>\d{1,2})[ \t]?[.)](?=[ \t]+\S|" + _GLUED_HEADING + ")"
    r"|\((?P<alpha>[a-z])\)(?=[ \t]+\S)"
    r")"
    r"|(?<=[.:;][ \t])[ \t]*(?P<inline>\d{1,2}\.\d{1,2})\.?(?=[ \t]+[A-Z])"
    # an article heading run into the text after a sentence, as CUAD flattens it: "... agree as follows: ARTICLE 1
    # LICENSE GRANT 1.1. License. ..."
    r"|(?<=[.:;][ \t])[ \t]*(?:ARTICLE|Article)[ \t]+(?P<inline_article>[IVXLC]+|\d{1,2})\b\.?"
    r"(?=\s+[A-Z]{2,}[A-Z ,&;'-]*\s+(?:\d{1,2}\.\d|[\"“]?[A-Z][a-z]))",
    re.MULTILINE,
)
_FOOTNOTE = re.compile(r"^[ \t]*(?:<sup>[^<\n]{0,8}</sup>\s*)+(?=\S)|^[ \t]*[¹²³⁴⁵⁶⁷⁸⁹]+(?=\S)", re.MULTILINE)
# Where a signature block begins: an attestation ("IN WITNESS WHEREOF", "I have read and agree",
# "Accepted and agreed", "Very truly yours") or a signing line ("By:", "Signature:", "Signed").
_SIGNATURE = re.compile(
    r"^[ \t•*-]*(?:I\s+HAVE\s+READ\s+AND\s+(?:AGREE|UNDERSTAND)|IN\s+WITNESS\s+WHEREOF|Signed\b|Signature\b|"
    r"Name\s*\(Print(?:ed)?\)|By:|(?:Accepted|Agreed|Acknowledged)\s+and\s+(?:agreed|accepted|acknowledged)"
    r"|(?:Accepted|Agreed|Acknowledged)(?:\s+to)?(?::|\s+as\s+of\b)|Very\s+truly\s+yours|Executed\s+(?:as|by|on)\b)",
    re.MULTILINE | re.IGNORECASE,
)
# An exhibit, schedule or amendment heading on a line of its own ("EXHIBIT A", "Schedule 2 - Fees",
# "AMENDMENT NO. 1 TO SERVICES AGREEMENT"), perhaps after the page number it follows on that line.
_ATTACHMENT = re.compile(
    r"^[ \t#*>]*(?:\d{1,3}[ \t]{3,})?(?:\*\*)?(?P<name>(?P<word>EXHIBIT|SCHEDULE|ANNEX|APPENDIX|ATTACHMENT|AMENDMENT"
    r"|ADDENDUM|Exhibit|Schedule|Annex|Appendix|Attachment|Amendment|Addendum)[ \t]+(?P<no>(?i:no)\.?[ \t]*)?"
    r"(?P<id>(?:[A-Z]|\d{1,2}|[IVX]{1,4})(?:[-.]\d{1,2})?))\b(?:\*\*)?(?P<rest>[^\n]{0,80})$",
    re.MULTILINE,
)
_ATTESTATION = re.compile(r"[ \t•*-]*(?:IN\s+WITNESS|I\s+HAVE|Accepted|Agreed|Acknowledged|Very\s+truly|Executed"
                          r"|Yours\b|Sincerely\b)", re.IGNORECASE)
# a letter's closing on a line of its own, over its signature: "Yours sincerely", "Yours faithfully,"
_CLOSING = re.compile(r"^[ \t]*(?:Yours[ \t]+(?:sincerely|faithfully|truly)|Sincerely(?:[ \t]+yours)?)[ \t]*,?[ \t]*$",
                      re.MULTILINE | re.IGNORECASE)
# how many words may follow where an agreement's execution blocks begin
_BLOCK_WORDS = 150
_PROSE_WORDS = 20  # a paragraph of prose, not a heading, an address block or a salutation
_HEADING = re.compile(r"[ \t#*>-]*([A-Z][A-Za-z ,&/'-]{2,60}?)(?:[.:]|\*\*|\n|[ \t]{2,}|$)")
_MARKUP_RUN = re.compile(r"\*\*|</?\w+>")  # bold and tags around an attachment's title
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@dataclass
class _Marker:
    start: int
    kind: str
    value: str


def segment(document: LoadedDocument, max_chars: int = MAX_CHARS) -> SegmentedDocument:
    """Agreements, then clauses inside each, every clause with `text == document.text[start:end]`."""
    text = document.text
    agreements = split_agreements(text, document.name)
    clauses: list[Clause] = []
    for agreement in agreements:
        clauses.extend(_segment_agreement(document, agreement, max_chars))
    return SegmentedDocument(document=document, agreements=tuple(agreements), clauses=tuple(clauses))


def _segment_agreement(doc: LoadedDocument, agreement: Agreement, max_chars: int) -> list[Clause]:
    text, start, end = doc.text, agreement.start, agreement.end
    attachments = _attachments(text, start, end)
    after_end = attachments[0][1] if attachments else end
    schedules, signing = _schedules_before_signing(text, start, after_end)
    spans = _labelled_spans(text, start, schedules[0][1] if schedules else after_end)
    for (name, s), (_, e) in zip(schedules, schedules[1:] + [("", signing)]):
        spans += [(_prefixed(name, label), ps, pe) for label, ps, pe in _labelled_spans(text, s, e)]
    if schedules:
        spans.append(("signatures", *_strip(text, signing, after_end)))
    for (name, s), (_, e) in zip(attachments, attachments[1:] + [("", end)]):
        spans += [(_prefixed(name, label), ps, pe) for label, ps, pe in _labelled_spans(text, s, e)]
    clauses: list[Clause] = []
    seen: dict[str, int] = {}
    for label, s, e in spans:
        parts = split_long(text, s, e, max_chars)
        for i, (ps, pe) in enumerate(parts):
            clause_id = label if i == 0 else f"{label} (part {i + 1})"
            if clause_id in seen:  # a repeated number: keep ids unique, never merge clauses
                seen[clause_id] += 1
                clause_id = f"{clause_id} [{seen[clause_id]}]"
            else:
                seen[clause_id] = 1
            body = text[ps:pe]
            clauses.append(Clause(
                file=doc.name, agreement=agreement.number, agreement_label=agreement.label,
                clause_id=clause_id, heading=_heading(body), start=ps, end=pe, text=body,
                content_hash=hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()[:16],
            ))
    return clauses


def _labelled_spans(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """(label, start, end) for preamble, table of contents, numbered clauses, footnotes and signatures."""
    found = _find_markers(text, start, end)
    contents = contents_listing(text, [m.start for m in found], end)
    if contents:  # "1.1 IP Agreement 2": the contents' numbers head no clause
        found = [m for m in found if m.start >= contents[1]]
    markers = _number(found)
    footnotes = [m.start() for m in _FOOTNOTE.finditer(text, start, end)]
    if len(markers) < 2:
        return _paragraph_spans(text, start, end, footnotes)
    # "1. Definitions........ 3"; "TABLE OF CONTENTS Page 1.1 Scope 1 1.2 Term 2 ..." run on a line
    contents = contents or dotted_listing(text, start, markers[0].start) or headed_listing(text, start,
                                                                                           markers[0].start)
    cuts: list[tuple[int, str]] = [(start, "preamble")]
    if contents:  # the contents, then the opening they come before
        cuts += [(contents[0], CONTENTS), (contents[1], "preamble (continued)")]
    cuts += unnumbered_headings(text, contents[1] if contents else start, markers[0].start)
    cuts += [(m.start, m.value) for m in markers]
    cuts += [(f, f"footnote {n}") for n, f in enumerate(footnotes, 1)]
    signature = _signature_start(text, markers[-1].start, end)
    if signature is not None:
        cuts.append((signature, "signatures"))
    cuts.sort()
    spans = []
    for (s, label), (e, _) in zip(cuts, cuts[1:] + [(end, "")]):
        if label.startswith("footnote"):
            e = min(e, _paragraph_end(text, s, end))
            spans.append((label, s, e))
            continue
        if text[s:e].strip():
            spans.append((label, s, e))
    # text between a footnote's end and the next cut continues the clause before the footnote
    return _fill_gaps(text, spans)


def _fill_gaps(text: str, spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    filled = []
    for i, (label, s, e) in enumerate(spans):
        filled.append((label, s, e))
        if label.startswith("footnote") and i + 1 < len(spans):
            gap_end = spans[i + 1][1]
            gap_start, gap_stop = _strip(text, e, gap_end)
            if gap_stop > gap_start:
                previous = next((lab for lab, _, _ in reversed(filled[:-1]) if not lab.startswith("footnote")), "preamble")
                filled.append((previous + " (continued)", gap_start, gap_stop))
    stripped = [(label, *_strip(text, s, e)) for label, s, e in filled]
    return [(label, s, e) for label, s, e in stripped if e > s]


def _attachments(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """(name, start) of the exhibits and schedules after an agreement's signature block. The
    first must follow the signature block; headings elsewhere list or cite attachments, and
    the label the file opens with ("Exhibit 10.1", a filing's own number) is a page header."""
    signing = _SIGNATURE.search(text, start, end)
    if not signing:
        return []
    found: list[tuple[str, int]] = []
    for m in _ATTACHMENT.finditer(text, signing.end(), end):
        rest = _MARKUP_RUN.sub("", m["rest"]).strip()
        titled = not rest or rest[0] in "-–—:." or rest.isupper()  # not "Exhibit A sets out the fees."
        if titled and (found or after_signature_block(text, m.start(), labelled=True)):
            name = f"{m['word'].title()} {'No. ' if m['no'] else ''}{m['id']}"
            if not re.search(re.escape(name).replace(r"\ ", r"\s+"), text[:300], re.IGNORECASE):
                found.append((name, _skip_prefix(text, m.start(), m.start("name"))))
    return found


def _schedules_before_signing(text: str, start: int, end: int) -> tuple[list[tuple[str, int]], int]:
    """(name, start) of the schedules an English-style agreement puts between its last clause and
    its execution blocks ("SCHEDULE 1 PRODUCTS AND PRICES" ... "Signed by Jane Roe for and on
    behalf of ..."), and where those blocks begin. A heading counts only on a line of its own, after
    the last clause of the body's top-level numbering (a contents list names schedules before the
    body, where that numbering comes again) and with no clause continuing that numbering after it."""
    signing = _SIGNATURE.search(text, start, end)
    if not signing:
        return [], end
    sign_at = _line_start(text, signing.start(), start)
    if not _blocks_only(text[sign_at:end]):  # execution blocks end the agreement
        return [], end
    kept = [m for m in _number(_find_markers(text, start, sign_at)) if m.kind != "alpha" and m.value[:1].isdigit()]
    if not kept:
        return [], end
    top = int(re.match(r"\d+", kept[-1].value).group())
    headings = list(_ATTACHMENT.finditer(text, kept[-1].start, sign_at))
    found: list[tuple[str, int]] = []
    for m, following in zip(headings, [*(h.start() for h in headings[1:]), sign_at]):
        rest = _MARKUP_RUN.sub("", m["rest"]).strip()
        titled = not rest or rest[0] in "-–—:." or rest.isupper()
        name = f"{m['word'].title()} {m['id']}"
        # a schedule holds text of its own: not a list of attachment names, a filing's exhibit
        # number ("Exhibit 10.1") or the label the agreement opens with
        lines = [line for line in text[m.end():following].splitlines() if re.search(r"[a-z]", line)]
        content = len(re.findall(r"[A-Za-z]{2,}", " ".join(lines))) >= 5
        plain_id = re.fullmatch(r"[A-Z]|\d{1,2}|[IVX]{1,4}", m["id"]) is not None
        header = re.match(r"\W*" + re.escape(name).replace(r"\ ", r"\s+"), text[start:], re.IGNORECASE)
        continued = any(_continues(x, top) for x in _find_markers(text, m.end(), sign_at))
        if titled and content and plain_id and not header and not continued \
                and m["word"].lower() in ("schedule", "annex", "appendix", "exhibit"):
            found.append((name, _skip_prefix(text, m.start(), m.start("name"))))
    return (found, sign_at) if found else ([], end)


def _continues(marker: _Marker, top: int) -> bool:
    """Whether a marker numbers the body's next top-level clause ("11." or "11.1" after clause 10)."""
    head = marker.value.split(".")[0]
    return marker.kind in ("num", "dotted", "section", "article", "inline") and head.isdigit() and int(head) == top + 1


def _prefixed(name: str, label: str) -> str:
    """An attachment's own labels: "Exhibit A" for its opening text, "Exhibit A 2" for its clause 2."""
    if label.startswith("preamble"):
        return name + label[len("preamble"):]
    return f"{name} {label}"


def _find_markers(text: str, start: int, end: int) -> list[_Marker]:
    markers = []
    for m in _MARKER.finditer(text, start, end):
        if lists_contents(text, m.end(), end):  # "7.    Non disclosure........ 12" lists a clause, heads none
            continue
        kind = next(k for k in ("article", "section", "dotted", "num", "alpha", "inline", "inline_article")
                    if m.group(k))
        value, at = m.group(kind), m.start(kind)
        kind = "article" if kind == "inline_article" else kind
        if kind == "article":
            value = str(_roman(value)) if not value.isdigit() else value
        markers.append(_Marker(_skip_prefix(text, m.start(), at), kind, value))
    return markers


def _number(markers: list[_Marker]) -> list[_Marker]:
    """Give markers hierarchical ids, dropping numbers that break the sequence (cross-references)."""
    kept: list[_Marker] = []
    top, sub, parent = 0, 0, ""
    # where headings say "ARTICLE III" or "Section 3.01", a bare "3." is a list item inside a section
    worded = any(m.kind in ("article", "section") for m in markers)
    for m in markers:
        if m.kind == "num" and worded:
            continue
        if m.kind in ("num", "article") or (m.kind == "section" and "." not in m.value):
            n = int(m.value)
            if n == top + 1 or (top == 0 and n <= 2):
                top, sub, parent = n, 0, str(n)
                m.value = parent
            elif n == sub + 1 and top and (sub or n == 1):
                # numbering restarts inside a clause: 6 -> 1, 2, 3 are 6.1, 6.2, 6.3
                sub = n
                parent = f"{top}.{n}"
                m.value = parent
            else:
                continue
        elif m.kind in ("dotted", "section", "inline"):
            head, _, rest = m.value.partition(".")
            if int(head) == top + 1:
                top = int(head)
            elif int(head) != top:
                continue
            parent = m.value
            sub = int(rest.split(".")[0]) if rest else 0
            m.value = parent
        elif m.kind == "alpha":
            expected = chr(ord(kept[-1].value[-2]) + 1) if kept and kept[-1].value.endswith(")") else "a"
            if m.value != expected and not (m.value == "a"):
                continue
            base = parent or ""
            m.value = f"{base}({m.value})"
        kept.append(m)
    return kept


def _signature_start(text: str, last_marker: int, end: int) -> int | None:
    """Where the signature block begins: a signing phrase, or the first paragraph after the
    last clause that is not prose (OCR'd signature scribbles) and has no prose after it,
    whichever comes first."""
    candidates = []
    phrase = _signing_phrase(text, last_marker, end)
    if phrase is not None:
        candidates.append(_caption_start(text, _line_start(text, phrase, last_marker), last_marker))
    pos = _paragraph_end(text, last_marker, end)
    scribbles = None
    while pos < end:
        nxt = _paragraph_end(text, pos + 1, end)
        words = _words(text[pos:nxt])
        if scribbles is None and 0 < words < 6:
            scribbles = _strip(text, pos, end)[0]
        elif scribbles is not None and words >= 20:
            scribbles = None  # prose follows: that short paragraph was a heading, not signatures
        pos = nxt
    if scribbles is not None:
        candidates.append(scribbles)
    return min(candidates) if candidates else None


def _signing_phrase(text: str, start: int, end: int) -> int | None:
    """Where the first signing phrase or letter's closing between start and end begins; None if none does."""
    return min((m.start() for m in (p.search(text, start, end) for p in (_SIGNATURE, _CLOSING)) if m), default=None)


def _caption_start(text: str, line: int, floor: int) -> int:
    """A signing line's caption directly above it joins the signature block: "ACME, INC." or
    "Speaker:" over "By:" or "Name (Print):", but never a line of the last clause itself."""
    if _ATTESTATION.match(text, line):
        return line
    above = text.rfind("\n", floor, max(floor, line - 1)) + 1
    caption = text[above:line].strip()
    short = 0 < len(caption) <= 60 and len(caption.split()) <= 6 and caption[-1] not in ",;"
    if above > floor and short and (caption.endswith(":") or not re.search(r"[a-z]", caption)):
        return above + len(text[above:line]) - len(text[above:line].lstrip())
    return line


def _paragraph_spans(text: str, start: int, end: int, footnotes: list[int]) -> list[tuple[str, int, int]]:
    """For agreements without numbering: paragraph-sized chunks, labelled by heading or position, and the
    signature blocks after the last of them."""
    signing = _signing_after_prose(text, start, end)
    if signing is not None:
        return [*_paragraph_chunks(text, start, signing), ("signatures", *_strip(text, signing, end))]
    return _paragraph_chunks(text, start, end)


def _paragraph_chunks(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Paragraph-sized chunks of text without numbering, labelled by heading or position."""
    spans: list[tuple[str, int, int]] = []
    para_starts = [start] + [m.end() for m in re.finditer(r"\n[ \t]*\n|[ \t]{4,}(?=[A-Z0-9(])", text[start:end])]
    para_starts = [start] + [start + p for p in para_starts[1:]]
    bounds = list(zip(para_starts, para_starts[1:] + [end]))
    chunk_start, chunk_end, n = None, None, 0
    # a letter's opening runs through its first paragraph of prose: its letterhead, addressee block, "PRIVATE AND
    # CONFIDENTIAL" and salutation open no chunk of their own
    first_prose = next((s for s, e in bounds if _words(text[s:e]) >= _PROSE_WORDS), end)
    letter = greets(text, start, first_prose)
    for s, e in bounds:
        if not text[s:e].strip():
            continue
        heading = _is_heading(text[s:e])
        in_opening = letter and s <= first_prose
        if chunk_start is not None and not in_opening and (heading or e - chunk_start > max(300, MAX_CHARS // 2)):
            n += 1
            spans.append((_para_label(text, chunk_start, chunk_end, n, start), chunk_start, chunk_end))
            chunk_start = None
        chunk_start = s if chunk_start is None else chunk_start
        chunk_end = e
    if chunk_start is not None:
        n += 1
        spans.append((_para_label(text, chunk_start, chunk_end, n, start), chunk_start, chunk_end))
    stripped = [(label, *_strip(text, s, e)) for label, s, e in spans]
    return [(label, s, e) for label, s, e in stripped if text[s:e].strip()]


def _signing_after_prose(text: str, start: int, end: int) -> int | None:
    """Where an unnumbered agreement's signature blocks begin: a signing phrase or a letter's closing in or
    after its last long paragraph of prose, or the first paragraph after the last sentence before that
    phrase ("ACME, INC." above "By:"), with only a block's words after it; None when there is none."""
    paragraphs = [(start + m.start("p"), start + m.end("p"), m["p"])
                  for m in re.finditer(r"(?:^|\n[ \t]*\n)(?P<p>.+?)(?=\n[ \t]*\n|$)", text[start:end], re.DOTALL)]
    long = [p for p in paragraphs if _words(p[2]) >= _PROSE_WORDS]
    if len(long) < 2:
        return None
    last = long[-1][0]
    phrase = _signing_phrase(text, last, end)
    if phrase is None:
        return None
    sentences = [e for s, e, p in paragraphs if last <= s and e <= phrase
                 and (_words(p) >= _PROSE_WORDS or _words(p) >= 6 and p.rstrip()[-1:] in ".:;")]
    at = min(_caption_start(text, _line_start(text, phrase, last), last),
             _strip(text, sentences[-1] if sentences else long[-1][1], end)[0])
    return at if _blocks_only(text[at:end]) else None


def _words(paragraph: str) -> int:
    return len(re.findall(r"[A-Za-z]{3,}", paragraph))


def _blocks_only(tail: str) -> bool:
    """Whether what follows a signing phrase is short enough to be execution blocks alone."""
    return len(re.findall(r"[A-Za-z]{2,}", tail)) <= _BLOCK_WORDS


def _is_heading(paragraph: str) -> bool:
    """A short all-caps line such as "CONFIDENTIALITY" opens the chunk it heads."""
    words = paragraph.strip(" \t\n#*.:").split()
    return 0 < len(words) <= 6 and paragraph.strip(" \t\n#*.:").isupper()


def _para_label(text: str, s: int, e: int, n: int, agreement_start: int) -> str:
    if n == 1 and not text[agreement_start:s].strip():
        return "preamble"
    match = _HEADING.match(text, s, e)
    if match and match.group(1).strip().isupper() and len(match.group(1).split()) <= 6:
        return match.group(1).strip().title()
    return f"para {n}"


def _heading(body: str) -> str:
    words = re.sub(r"<[^>]+>|[#*$\\{}]|\s+", " ", body).split()
    return " ".join(words[:12])


def _paragraph_end(text: str, pos: int, end: int) -> int:
    blank = re.compile(r"\n[ \t]*\n").search(text, pos, end)
    return blank.start() if blank else end


def _skip_prefix(text: str, pos: int, limit: int) -> int:
    """The marker's first real character: past indentation, bullets and Markdown hashes."""
    while pos < limit and text[pos] in " \t#>-*•":
        pos += 1
    return pos


def _line_start(text: str, pos: int, floor: int) -> int:
    newline = text.rfind("\n", floor, pos)
    return newline + 1 if newline >= 0 else floor


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "#>-*•"):
        e -= 1  # bullets and hashes that open the next line belong to the next clause
    return s, e


def _roman(value: str) -> int:
    total = 0
    for a, b in zip(value, value[1:] + " "):
        total += -_ROMAN[a] if b != " " and _ROMAN[a] < _ROMAN[b] else _ROMAN[a]
    return total
