"""Who signed, read from the catalog's signature blocks. When the question names no party and no
person ("who signed the NDA?", "who are the signatories?"), every block that names its signer answers:
the ranker alone quotes one block, often the caption that names a party and no one signing. When it
names a party whose block no span of the text holds alone (blocks side by side: "VANTOR ...      SELK
..." over "By: ...      By: ..."), the blocks signed for that party answer. Each signer is cited where
the block names them, from the caption above when nothing stands between."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from assistant.answer import display
from assistant.catalog import CatalogRow, CatalogValue
from assistant.groups import group, summary
from assistant.holders import names_party
from assistant.signatories import name_words
from assistant.text import content_terms, initials
from assistant.types import Answer, Citation, Value
from index.shapes import NAME_PARTICLE
from index.terms import tokens

MAX_LISTED = 20  # agreements: past this, "who signed?" is too wide to list; the ranker answers


# "who signed for Cortexa, and in what capacity?", "... and what is their title?": the block's title line too
_CAPACITY = "capacity capacities title titles position positions role roles office job designation"
_ASKS_CAPACITY = re.compile(rf"\b(?:{'|'.join(_CAPACITY.split())})\b", re.IGNORECASE)
_CAPACITY_WORDS = set(content_terms(_CAPACITY))


def asks_capacity(question: str) -> bool:
    """Whether a question about who signed also asks in what capacity they signed."""
    return bool(_ASKS_CAPACITY.search(question))


def names_no_one(question: str, scope_terms: Collection[str], rows: Sequence[CatalogRow]) -> bool:
    """Whether the question names no one to sign for or as: its words besides the signing words name
    only what scoped it, the agreements' titles or kinds ("who signed the supply agreement?", "who
    signed the NDA?", "who signed the letter?") or the capacity asked for ("... and in what capacity?")."""
    titles = {t for row in rows if row.title.stated for t in content_terms(row.title.text)}
    return not (set(name_words(question)) - set(scope_terms) - titles - _CAPACITY_WORDS
                - set(content_terms("who whom agreement contract nda cda letter deal document lease licence license")))


def signers_answer(question: str, rows: Sequence[CatalogRow], searched: str, for_party: bool = False,
                   signed_by: str = "", titled: bool = False) -> Answer | None:
    """Each signer of the agreements in `rows`, with the party they signed for, cited where their block
    names them; None when no block names a signer (then the ranker answers). `for_party`: only the
    blocks signed for a party the question names, by its name or the name the agreement gives it
    ("who signed for Selk?", "who signed for the Distributor?"). `signed_by`: only the blocks that
    person signed, by every word of their name ("Priya Raman" is not "Priya Lal"). `titled`: each
    signer's title as well, cited through the block's title line ("in what capacity?")."""
    citations: list[Citation] = []
    values: list[Value] = []
    lines = []
    for row in rows:
        for signature in sorted(row.signatures, key=lambda s: s.signer.start):  # in the text's order
            signer = signature.signer
            if not signer.stated or signer.citation is None:
                continue
            if for_party and not (signature.party.stated and _named_party(question, row, signature.party.text)):
                continue
            if signed_by and not set(tokens(signed_by)) <= set(tokens(signer.text)):
                continue
            values.append(Value(signer.text, signer.start, signer.end, "signer", len(citations)))
            citation = _block(signer.citation, signature.party.citation)
            title = _title_line(signer) if titled else None
            if title is not None and title[0].clause == citation.clause and 0 <= title[0].start - citation.end <= 200:
                citation = _through(citation, title[0])
                values.append(Value(signer.role, title[1], title[1] + len(signer.role), "title", len(citations)))
            citations.append(citation)
            party = f" for {signature.party.text}" if signature.party.stated else ""
            role = f", as {signer.role}" if title is not None else ""
            lines.append(f"- {row.agreement} (signatures): {signer.text}{party}{role}: "
                         f"\"{display(citations[-1].quote)}\" [{len(citations)}]")
    if not citations:
        return None
    groups = group(citations, values)
    lead = summary(groups, citations, question) if len(rows) > 1 else ""
    if not lead:
        lead = "; ".join(f"{v.text}{', ' + t.text if t else ''} [{v.citation + 1}]"
                         for v, t in _with_titles(values))
        if signed_by and len(rows) > 1:  # "which agreements did Priya Raman sign?": the one she signed, named
            lead = f"{citations[0].agreement}: {lead}"
    return Answer(question=question, text="\n".join([lead, *lines]), found=True, citations=tuple(citations),
                  searched=searched, values=tuple(values), groups=groups)


def _block(signer: Citation, party: Citation | None) -> Citation:
    """The signer's line, from the caption naming the party when that stands right above it in the
    same clause ("ACME ROBOTICS, INC." over "By: /s/ Daniel Okafor"): who signed, and for whom."""
    if party is None or party.clause != signer.clause or party.file != signer.file \
            or not 0 <= signer.start - party.end <= 80 or not signer.clause_text:
        return signer
    between = signer.clause_text[party.end - signer.clause_start:signer.start - signer.clause_start]
    if between.strip():  # blocks side by side: the other block's caption stands between
        return signer
    at = party.start - signer.clause_start
    return replace(signer, quote=signer.clause_text[at:signer.end - signer.clause_start], start=party.start)


def _with_titles(values: Sequence[Value]) -> list[tuple[Value, Value | None]]:
    """Each signer's value with the title value that follows it for the same citation, if any."""
    return [(v, nxt if nxt is not None and nxt.kind == "title" and nxt.citation == v.citation else None)
            for v, nxt in zip(values, [*values[1:], None]) if v.kind == "signer"]


def _through(citation: Citation, last: Citation) -> Citation:
    """`citation` run on to the end of `last`, a later line of the same clause (a block's title line)."""
    base = citation.clause_start
    return replace(citation, quote=citation.clause_text[citation.start - base:last.end - base], end=last.end)


def _named_party(question: str, row: CatalogRow, party: str) -> bool:
    """Whether the question names the party a block signs for: by a word of its own name ("Selk" for
    "SELK HEALTH SUPPLIES B.V."), or by the name the agreement gives that party ("the Distributor")."""
    asked = set(content_terms(question))
    own = set(content_terms(party)) - _FORMS
    if names_party(question, party) or own & asked:
        return True
    return any(p.role and names_party(question, p.role) and own & set(content_terms(p.text))
               for p in row.values("parties"))


# words of a company's legal form or kind, which name no party of their own
_FORMS = set(content_terms("inc incorporated corp corporation co company ltd limited llc lp llp plc gmbh ag sa bv nv "
                           "group holdings holding party parties"))


# "what is Joost van der Berg's title?", "what position does Priya Lal hold?"
_PERSON = rf"(?P<name>[A-Z][\w.'’-]+(?:\s+(?:{NAME_PARTICLE}\s+)*[A-Z][\w.'’-]+){{1,3}})"
_ASKS_TITLE = (
    re.compile(rf"^\s*(?i:what(?:['’]s|\s+is|\s+was))\s+{_PERSON}['’]s?\s+(?i:(?:job\s+)?(?:title|role|position))"
               r"\s*[?.]?\s*$"),
    re.compile(rf"^\s*(?i:what\s+(?:job\s+)?(?:title|role|position)\s+(?:does|did))\s+{_PERSON}\s+(?i:hold|have)\b"
               r"[^?]*[?.]?\s*$"),
)


def asks_signer_title(question: str) -> str:
    """The person whose title the question asks for ("what is Priya Lal's title?" -> "Priya Lal"); ""."""
    return _first_match(_ASKS_TITLE, question, "name")


def signer_title_answer(question: str, name: str, rows: Sequence[CatalogRow], searched: str) -> Answer | None:
    """The title each block signed by `name` gives them ("Title: Managing Director", "Signed by Ewan
    Murray, Director, for ..."), cited on the line that states it; None when no block does."""
    citations: list[Citation] = []
    values: list[Value] = []
    for row in rows:
        for signature in row.signatures:
            signer = signature.signer
            if not signer.stated or signer.text.casefold().split() != name.casefold().split():
                continue
            line = _title_line(signer)
            if line is not None:
                cited, at = line
                values.append(Value(signer.role, at, at + len(signer.role), "title", len(citations)))
                citations.append(cited)
    if not citations:
        return None
    lead = "; ".join(f"{v.text} [{v.citation + 1}]" for v in values)
    lines = [f"- {c.agreement} (signatures): \"{display(c.quote)}\" [{k}]" for k, c in enumerate(citations, 1)]
    return Answer(question=question, text="\n".join([lead, *lines]), found=True, citations=tuple(citations),
                  searched=searched, values=tuple(values))


def _title_line(signer: CatalogValue) -> tuple[Citation, int] | None:
    """The line of a signer's block that states their title, or its column where blocks stand side by
    side, as a citation, with where the title starts in the file; None when the block states none."""
    if not (signer.role and signer.citation and signer.citation.clause_text):
        return None
    text, base = signer.citation.clause_text, signer.citation.clause_start
    at = text.find(signer.role, signer.start - base)
    if at < 0 or at - (signer.start - base) > 300:
        return None
    start = max([text.rfind("\n", 0, at) + 1, *(m.end() for m in _COLUMN_GAP.finditer(text[:at]))])
    end = min(x for x in (text.find("\n", at), _gap(text, at), len(text)) if x >= 0)
    line = text[start:end]
    return replace(signer.citation, quote=line.strip(), start=base + start + len(line) - len(line.lstrip()),
                   end=base + start + len(line.rstrip())), base + at


# "which agreements are signed by Priya Raman?", "which contracts did Grace Whitlock sign?", "what has
# Daniel Okafor signed?": the blocks a person signed (a person's name scopes no agreement)
_ASKS_SIGNED_BY_PERSON = (
    re.compile(rf"^\s*(?i:(?:which|what)\s+(?:agreements?|contracts?|documents?)\s+(?:is|are|was|were|has\s+been|"
               rf"have\s+been)\s+(?:signed|executed)\s+by)\s+{_PERSON}\s*[?.!]*\s*$"),
    re.compile(rf"^\s*(?i:(?:which|what)(?:\s+(?:agreements?|contracts?|documents?))?\s+(?:did|has|have))\s+"
               rf"{_PERSON}\s+(?i:sign|signed|execute|executed)\s*[?.!]*\s*$"),
)


def asks_signed_by_person(question: str) -> str:
    """The person a question asks which agreements they signed ("Priya Raman"), or ""."""
    return _first_match(_ASKS_SIGNED_BY_PERSON, question, "name")


# "which agreements were signed by a Managing Director?", "who signed as CEO?", "which contracts did a
# director sign?": the blocks whose signer's title is that one
_TITLE = r"(?P<title>[A-Za-z][\w&.'’-]*(?:\s+(?:of\s+)?[A-Za-z][\w&.'’-]*){0,4}?)"
_ASKS_SIGNED_AS = (
    re.compile(rf"^\s*(?i:(?:which|what)\s+(?:agreements?|contracts?|documents?)\s+(?:was|were|has\s+been|have\s+been)"
               rf"\s+(?:signed|executed)\s+by\s+(?:a|an|the|its|their))\s+{_TITLE}\s*[?.!]*\s*$"),
    re.compile(rf"^\s*(?i:(?:who|which\s+\w+)\s+(?:signed|executed)(?:\s+(?:anything|an?\s+agreement|a\s+contract))?"
               rf"\s+as\s+(?:a\s+|an\s+|the\s+)?){_TITLE}\s*[?.!]*\s*$"),
    re.compile(rf"^\s*(?i:(?:which|what)\s+(?:agreements?|contracts?)\s+did\s+(?:a|an|the|its|their))\s+{_TITLE}"
               r"\s+(?i:sign|execute)\s*[?.!]*\s*$"),
)


def asks_signed_as(question: str) -> str:
    """The signer's title a question asks which agreements were signed by ("Managing Director"), or ""."""
    return _first_match(_ASKS_SIGNED_AS, question, "title")


def _first_match(patterns: Sequence[re.Pattern], question: str, name: str) -> str:
    """Group `name` of the first pattern the question matches; "" when it matches none."""
    return next((m[name] for m in (p.match(question or "") for p in patterns) if m), "")


def _holds_title(asked: str, role: str) -> bool:
    """Whether a block's title is the one asked: every word of it ("Director" in "Managing Director"),
    or its initials ("CEO": "Chief Executive Officer")."""
    if re.fullmatch(r"[A-Z]{2,5}", asked):
        return initials(role.title()) == asked
    words, held = set(content_terms(asked)), set(content_terms(role))
    # a Vice President is no President, an Assistant Secretary no Secretary
    return bool(words) and words <= held and not (held & _UNDER) - words


_UNDER = set(content_terms("vice deputy assistant associate acting"))


def signed_as_answer(question: str, title: str, rows: Sequence[CatalogRow], searched: str) -> Answer | None:
    """Each block whose signer's title is `title`: who signed, for which party, cited on the line that
    states the title; None when no block has that title (then "the Buyer" may be a party, not a title)."""
    citations: list[Citation] = []
    values: list[Value] = []
    lines = []
    for row in rows:
        for signature in sorted(row.signatures, key=lambda s: s.signer.start):
            signer = signature.signer
            line = _title_line(signer) if signer.stated and _holds_title(title, signer.role) else None
            if line is None:
                continue
            cited, at = line
            signed = _block(signer.citation, signature.party.citation)
            first = len(citations)
            citations.append(signed)
            values.append(Value(signer.text, signer.start, signer.end, "signer", first))
            if not (signed.start <= at < signed.end):
                citations.append(cited)
            values.append(Value(signer.role, at, at + len(signer.role), "title", len(citations) - 1))
            party = f" for {signature.party.text}" if signature.party.stated else ""
            quotes = " … ".join(f"\"{display(c.quote)}\" [{n + 1}]" for n, c in enumerate(citations[first:], first))
            lines.append(f"- {row.agreement} (signatures): {signer.text} ({signer.role}){party}: {quotes}")
    if not citations:
        return None
    signers = [v for v in values if v.kind == "signer"]
    lead = "; ".join(f"{citations[v.citation].agreement}: {v.text} [{v.citation + 1}]" for v in signers)
    return Answer(question=question, text="\n".join([lead, *lines]), found=True, citations=tuple(citations),
                  searched=searched, values=tuple(values))


def no_signer_titled(question: str, title: str, rows: Sequence[CatalogRow], searched: str) -> Answer | None:
    """"Which agreements were signed by a Treasurer?" where no block gives that title: not found,
    with the titles the blocks do give; None when a block of someone not a party in person gives no
    title (it may be the one asked)."""
    titles: dict[str, None] = {}
    for row in rows:
        for signature in row.signatures:
            signer = signature.signer
            if not signer.stated:
                continue
            if not signer.role and not _signs_for_self(signer.text, row):
                return None  # a block with no title may be the one asked
            if signer.role:
                titles.setdefault(signer.role)
    if not titles:
        return None
    return Answer(question=question, found=False, searched=searched,
                  text=f"Not found: no signature block in {searched} gives the title {title} "
                       f"(the titles given: {'; '.join(titles)}).")


def _signs_for_self(name: str, row: CatalogRow) -> bool:
    """Whether the signer is a party in person ("Sofia Ruiz" of an employment contract): no title."""
    words = set(tokens(name))
    return bool(words) and any(words <= set(tokens(v.text)) for v in row.values("parties"))


_COLUMN_GAP = re.compile(r"[ \t]{3,}")  # between blocks standing side by side


def _gap(text: str, at: int) -> int:
    """Where the next run of three or more spaces after `at` begins (-1 when none): a column's end."""
    m = _COLUMN_GAP.search(text, at)
    return m.start() if m else -1
