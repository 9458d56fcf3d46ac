"""Who signed an agreement, for whom and when: its signature blocks read line by line. A block is a
caption (the party: "ACME ROBOTICS, INC.", "Signed for and on behalf of X", "Licensee:"), a signing
line with the signer's name ("By: /s/ Jane Roe", "Name: Jane Roe"), and perhaps a title and a date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from index.catalog_dates import date_spans
from index.catalog_rules import Found, Sentence
from index.dates import date_normal
from index.shapes import NAME_LINE, NAME_PARTICLE, trim
from index.types import Clause


@dataclass(frozen=True)
class SignatureBlock:
    signer: Found | None = None
    party: Found | None = None
    date: Found | None = None


@dataclass
class _Block:
    signer: Found | None = None
    title: str = ""
    date: Found | None = None
    above: list[Found] = field(default_factory=list)  # captions before the signer's line
    below: list[Found] = field(default_factory=list)  # captions after it
    behalf: Found | None = None  # the caption under a line "for and on behalf of": the party, whatever else
    awaiting: bool = False  # that line was read, and its caption not yet

    def done(self) -> SignatureBlock | None:
        party = self.behalf or (self.above or self.below or [None])[-1 if self.above else 0]
        if self.signer is None and (party is None or self.date is None):
            return None
        signer, title = self.signer, self.title
        if signer is not None and self.behalf is not None and not title:
            # "/s/ Jane Roe", "Jane Roe", "Group General Counsel", "for and on behalf of", "ACME LIMITED"
            title = next((c.text for c in self.below if c is not self.behalf and not _same(c.text, signer.text)), "")
        if signer is not None and title:
            signer = Found(signer.text, signer.start, signer.end, signer.quote_start, signer.quote_end,
                           signer.clause_id, signer.normal, title)
        return SignatureBlock(signer, party, self.date)


_FIELD = re.compile(r"(?P<key>By|Name(?:\s*\(print(?:ed)?\))?|Print(?:ed)?\s+Name|Title|Its|Date[d]?|Signature|"
                    r"Signed(?:\s+by)?|Witness|Address|E-?mail|Tel\w*|Per)\s*:", re.I)
_ATTESTATION = re.compile(r"^(?:IN\s+WITNESS|I\s+HAVE\s+READ|(?:Accepted|Agreed|Acknowledged)\b|Very\s+truly|Executed"
                          r"|Yours\b|Sincerely\b|By\s+checking|\[?Signature\s+page|Source:|\d+$|Page\s+\d)", re.I)
# a signing field's label on a line of its own, under the line signed on: "Signature", "Printed Name and Title"
_FIELD_WORDS = re.compile(r"^(?:signature|witness|(?:print(?:ed)?\s+)?name(?:\s+and\s+title)?|title|date"
                          r"|authori[sz]ed\s+(?:signatory|signature|representative))s?\s*:?$", re.I)
# a line of its own between a signer and the party signed for (English letters and execution blocks)
_BEHALF_LINE = re.compile(r"^[ \t]*(?:signed[ \t]+)?(?:for[ \t]+and[ \t]+)?on[ \t]+behalf[ \t]+of[ \t]*:?[ \t]*$", re.I)
# a conformed signature on a line of its own, with no "By:" or "Name:" before it: "/s/ Jonathan Pellew"
_CONFORMED = re.compile(rf"^[ \t]*(?:</?u>)?/s/[ \t]*(?:</?u>)?[ \t]*"
                        rf"(?P<v>[A-Z][\w.'’-]*(?:[ \t]+(?:{NAME_PARTICLE}[ \t]+){{0,2}}[A-Z][\w.'’-]*){{1,3}})[ \t]*$")
_BEHALF = re.compile(r"\b(?:on\s+behalf\s+of|for\s+and\s+on\s+behalf\s+of|for)\s+(?P<v>.+)$", re.I)
# legal forms written with a closing stop: "ACME ROBOTICS, INC.", "SELK HEALTH SUPPLIES B.V."
_LEGAL_FORM = r"(?:Inc|Corp|Co|Ltd|L\.P|N\.A|S\.A|B\.V|N\.V|L\.L\.C|P\.C|S\.p\.A|S\.L|A\.G|S\.A\.S|K\.K)"
_SIGNED_AS = re.compile(r"^Signed\s+(?P<v>(?!for\b|by\b)[A-Z][\w ]{2,40}?)\s*:", re.I)
# one line that names signer and party (English execution clauses): "Signed by Jane Roe, Director, for and
# on behalf of Acme Limited", "Executed as a deed by Acme Limited acting by Jane Roe, a director"
_PERSON = rf"(?P<name>[A-Z][\w.'’-]*(?:[ \t]+(?:{NAME_PARTICLE}[ \t]+){{0,2}}[A-Z][\w.'’-]*){{1,3}})"
_ROLE = r"(?:[ \t]*,[ \t]*(?:a[ \t]+|an[ \t]+|its[ \t]+)?(?P<title>[A-Za-z][\w &.'’-]{1,60}?))?"
_SIGNED_FOR = (
    re.compile(rf"^(?:Signed|Executed)(?:[ \t]+as[ \t]+a[ \t]+deed)?[ \t]+by[ \t]+{_PERSON}{_ROLE}[ \t]*,?[ \t]+"
               r"(?:for[ \t]+and[ \t]+)?on[ \t]+behalf[ \t]+of[ \t]+(?P<party>[^\n]{3,80}?)[ \t]*[.:]?$"),
    re.compile(rf"^(?:Signed|Executed)(?:[ \t]+as[ \t]+a[ \t]+deed)?[ \t]+by[ \t]+(?P<party>[^\n]{{3,80}}?)[ \t]+"
               rf"acting[ \t]+by[ \t]+{_PERSON}{_ROLE}[ \t]*[.:]?$"),
)


def signature_clauses(clauses: Sequence[Clause]) -> list[Clause]:
    """An agreement's signature blocks: its "signatures" clauses, else the clauses from its last
    "IN WITNESS WHEREOF" up to its first attachment."""
    signed = [c for c in clauses if c.clause_id.startswith("signatures")]
    if signed:
        return signed
    witness = [i for i, c in enumerate(clauses) if re.search(r"IN\s+WITNESS\s+WHEREOF", c.text, re.I)]
    if not witness:
        return []
    out = []
    for c in clauses[witness[-1]:witness[-1] + 4]:
        if out and re.match(r"(?:Exhibit|Schedule|Annex|Appendix|Attachment)\b", c.clause_id):
            break
        out.append(c)
    return out


def signature_blocks(clauses: Sequence[Clause]) -> list[SignatureBlock]:
    blocks: list[_Block] = []
    current = _Block()
    for clause in signature_clauses(clauses):
        for s, e in _by_column(clause.text, _lines(clause.text)):
            line = Sentence(clause, clause.start + s, clause.start + e, clause.text[s:e], "")
            current = _read_line(line, current, blocks)
    blocks.append(current)
    return [b for b in (x.done() for x in blocks) if b is not None]


def _read_line(line: Sentence, current: _Block, blocks: list[_Block]) -> _Block:
    text = line.text
    lead = len(text) - len(text.lstrip(" \t•*#>-"))
    signed_for = next((m for m in (p.match(text, lead) for p in _SIGNED_FOR) if m), None)
    if signed_for:  # a block of its own, on one line
        if current.signer is not None or current.above:
            blocks.append(current)
        a, b = trim(text, signed_for.start("party"), signed_for.end("party"))
        return _Block(signer=line.found(signed_for.start("name"), signed_for.end("name")),
                      title=(signed_for["title"] or "").strip(), above=[line.found(a, b)])
    if _BEHALF_LINE.match(text):  # the party's caption is the next line
        current.awaiting = True
        return current
    key = _FIELD.match(text, lead)
    name = NAME_LINE.search(text) if key is None or key["key"].lower() not in ("title", "its") else None
    name = name or _CONFORMED.match(text)
    if name and (key is None or key["key"].lower() not in ("title", "its", "date", "dated")):
        signer = line.found(name.start("v"), name.end("v"))
        if current.signer is not None and _same(current.signer.text, signer.text):
            return current
        if current.signer is not None:
            blocks.append(current)
            moved = current.below if current.above else []  # captions above the next name are its own
            current.below = [] if current.above else current.below
            current = _Block(above=moved)
        current.signer = signer
        title = re.match(r"\s*,\s*(?P<t>[A-Z][\w ,&.-]{2,60})$", text[name.end("v"):])
        if title:
            current.title = title["t"].strip()
        return current
    if key:
        rest = text[key.end():]
        if key["key"].lower() in ("title", "its") and rest.strip():
            current.title = rest.strip(" \t_*")
        elif key["key"].lower().startswith("date") and current.date is None:
            spans = date_spans(text)
            if spans:
                a, b = spans[0]
                current.date = line.found(a, b, date_normal(text[a:b]) or "")
        return current
    caption = _caption(line)
    if caption is not None and current.awaiting:
        current.behalf, current.awaiting = caption, False
        current.below.append(caption)
    elif caption is not None:
        (current.below if current.signer is not None else current.above).append(caption)
    elif current.date is None and date_spans(text) and len(text) < 40 and (current.signer or current.above):
        a, b = date_spans(text)[0]  # a date on its own line under "Date:"
        current.date = line.found(a, b, date_normal(text[a:b]) or "")
    return current


def _caption(line: Sentence) -> Found | None:
    """The party a caption line names: "ACME ROBOTICS, INC.", "Signed for and on behalf of X",
    "Speaker:", "LICENSEE: Birch LLC"; None for prose, fields and attestations."""
    text = line.text
    stripped = text.strip(" \t•*#>-_")
    if not re.search(r"[A-Za-z]{2}", stripped) or _ATTESTATION.match(stripped) or len(stripped.split()) > 12 \
            or re.search(r"[•☐□■▢✓✔]", stripped) or _FIELD_WORDS.match(stripped):  # form widgets, a field's label
        return None
    if stripped.endswith((".", ",")) and not re.search(rf"\b{_LEGAL_FORM}\.$", stripped, re.I):
        return None  # a sentence, not a caption
    offset = len(text) - len(text.lstrip(" \t•*#>-_"))
    behalf = _BEHALF.search(stripped)
    signed_as = _SIGNED_AS.match(stripped)
    if behalf and len(behalf["v"].split()) <= 8:
        a, b = offset + behalf.start("v"), offset + behalf.end("v")
    elif signed_as:
        a, b = offset + signed_as.start("v"), offset + signed_as.end("v")
    else:
        a, b = offset, offset + len(stripped)
    a, b = trim(text, a, b)
    while b > a and text[b - 1] in ":_":
        b -= 1
    a, b = trim(text, a, b)
    if text[b:b + 1] == "." and re.search(rf"\b{_LEGAL_FORM}$", text[a:b], re.I):
        b += 1  # "ACME ROBOTICS, INC." keeps its stop
    value = text[a:b]
    if len(value) < 4 and not value.isupper() or not re.search(r"[A-Z]", value):
        return None  # OCR debris ("Ces"), not a name
    return line.found(a, b)


def _lines(text: str) -> list[tuple[int, int]]:
    """Lines, with tabs and runs of spaces (how flattened layouts separate columns) ending one too,
    except after a field's label: "By:    /s/ Jane Roe" is one cell."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n\t]+", text):
        at = m.start()
        for part in re.split(r"(\s{3,})", m.group()):
            if part.strip() and not part.isspace():
                s = at + len(part) - len(part.lstrip())
                if out and _FIELD.fullmatch(text, *out[-1]) and text.rfind("\n", 0, s) < out[-1][0] \
                        and not _FIELD.match(part.strip()):
                    s = out.pop()[0]  # "By:    /s/ Jane Roe": a field's label and its value, one cell
                out.append((s, at + len(part.rstrip())))
            at += len(part)
    return out


def _by_column(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines in reading order when blocks stand side by side ("ACME, INC.      BIRCH LLC" over "By: ...
    By: ..."): a run of lines cut into two or more columns (blank lines between them too) is read
    column by column, the first column's lines, then the second's; other lines stay where they are."""
    rows: list[list[tuple[int, int]]] = []
    for s, e in lines:
        row_start = text.rfind("\n", 0, s) + 1
        if rows and text.rfind("\n", 0, rows[-1][0][0]) + 1 == row_start:
            rows[-1].append((s, e))
        else:
            rows.append([(s, e)])
    out: list[tuple[int, int]] = []
    run: list[list[tuple[int, int]]] = []
    for row in rows + [[]]:
        if len(row) >= 2 and (not run or len(row) == len(run[0])):
            run.append(row)
            continue
        if len(run) >= 2:
            out += [cell for column in range(len(run[0])) for cell in (r[column] for r in run)]
        else:
            out += [cell for r in run for cell in r]
        run = [row] if len(row) >= 2 else []
        if len(row) < 2:
            out += row
    return out


def _same(a: str, b: str) -> bool:
    return a.casefold().split() == b.casefold().split()
