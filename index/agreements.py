"""Find the agreements inside one file and read their label, title, date, kind and parties."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath

from index.shapes import name_pattern
from index.spans import unwrap
from index.types import Agreement

# --- where agreements begin -----------------------------------------------------------------

# The words between "This" and "Agreement" in an opening name the contract in title case ("This
# Mutual Non-Disclosure Agreement"); other lower-case words make it a sentence about an agreement
# ("This Notice references the Agreement").
_NAME = r"(?P<name>(?:(?:[A-Z][\w'’-]*|and|of|for|on|&)\s+){0,6}?)"
# "This <Kind> Agreement ... by and between": each one starts an agreement, wherever it stands.
_OPENING = re.compile(
    rf"^[ \t#*>-]*(?i:this)\s+{_NAME}(?i:agreement)\b[^\n]{{0,600}}?\b(?i:by\s+and\s+between)\b", re.MULTILINE)
# The looser opening of a contract whose parties are not "by and between" ("This Agreement is
# made on 3 June 2024 among ..."): it starts an agreement only after a signed one.
_PREAMBLE = re.compile(
    rf"^[ \t#*>-]*(?i:this)\s+{_NAME}(?i:agreement|contract)\b[^\n]{{0,300}}?"
    r"\b(?i:made|entered\s+into|dated|executed|effective)\b[^\n]{0,300}?\b(?i:between|among|amongst|by)\b",
    re.MULTILINE,
)
_CONTRACT = r"(?i:AGREEMENT|CONTRACT|DEED|MEMORANDUM\s+OF\s+UNDERSTANDING|TERMS\s+AND\s+CONDITIONS)"
# A title line: "MUTUAL NON-DISCLOSURE AGREEMENT", "# Services Agreement", "**Consulting Agreement**".
_TITLE_LINE = re.compile(
    rf"^[ \t]*(?:#{{1,6}}[ \t]+)?(?:\*\*)?((?:[\w'’&,/()-]+[ \t]+){{0,10}}{_CONTRACT})(?:\*\*)?[ \t]*$", re.MULTILINE)
# Titles and openings that belong to the contract before them, never start one of their own.
_ATTACHED = re.compile(r"\b(?:exhibit|schedule|annex|appendix|attachment|amendment|addendum|form\s+of|rider"
                       r"|joinder|notice|certificate)\b", re.IGNORECASE)
_ATTACHMENT_LABEL = re.compile(r"^[ \t#*]*(?:EXHIBIT|SCHEDULE|ANNEX|APPENDIX|ATTACHMENT)\b", re.IGNORECASE)
# Lines of a signature block: "IN WITNESS WHEREOF", "By:", "Name:", "Signature:", "/s/ ...".
_SIGNING = re.compile(
    r"^[ \t•*>-]*(?:IN\s+WITNESS\s+WHEREOF|By:|Name\b[^:\n]{0,12}:|Title:|Signature\b|Signed\b|/s/|Date:)",
    re.MULTILINE | re.IGNORECASE,
)
_CLAUSE_LINE = re.compile(r"^[ \t#*>-]*(?:\d{1,2}(?:\.\d{1,2})*\.?|\([a-z]\)|(?i:section|article)\s+\w+)[ \t]+\S",
                          re.MULTILINE)
_PARTIES_CUE = re.compile(r"^[#*\s]*(?:the\s+)?parties\b[*:\s]*$|\bparties\s+to\s+this\s+agreement\s+are(?=:|[ \t]*\n)",
                          re.MULTILINE | re.IGNORECASE)
_I_AGREE = re.compile(r"^[#\s]*I,\s*(.{2,80}?),\s*agree\b", re.MULTILINE | re.IGNORECASE)
_MARKUP = re.compile(r"</?u>|</?b>|</?i>|\*\*|<sup>.*?</sup>|\$[^$\n]{0,40}\$")
_MIN_AGREEMENT = 400  # characters: an opening closer than this to the last one is the same agreement


def split_agreements(text: str, name: str) -> list[Agreement]:
    """Return the agreements of a file in order; a file with one opening is one agreement."""
    starts = _starts(text)
    if starts and starts[0] > _MIN_AGREEMENT and _signed_agreement(text, 0, starts[0]):
        starts.insert(0, 0)  # a whole signed agreement comes before the first opening
    if len(starts) < 2:
        bounds = [(0, len(text))]
    else:
        starts[0] = 0  # a heading before the first opening belongs to the first agreement
        bounds = list(zip(starts, starts[1:] + [len(text)]))
    return [describe(text, number, start, end, name) for number, (start, end) in enumerate(bounds, 1)]


def _starts(text: str) -> list[int]:
    """Every "by and between" opening, and each title or opening that follows a signed agreement."""
    openings = {_title_above(text, m.start()) for m in _OPENING.finditer(text) if not _ATTACHED.search(m["name"])}
    later = {m.start() for m in _TITLE_LINE.finditer(text) if _is_title(text, m)}
    later |= {_title_above(text, m.start()) for m in _PREAMBLE.finditer(text) if not _ATTACHED.search(m["name"])}
    starts: list[int] = []
    for start in sorted(openings | later):
        if starts and start - starts[-1] <= _MIN_AGREEMENT:
            continue
        if start in openings:
            starts.append(start)
        elif start > _MIN_AGREEMENT and _signed_agreement(text, starts[-1] if starts else 0, start):
            starts += [start] if starts else [0, start]  # the text before it is an agreement too
    return starts


def _is_title(text: str, match: re.Match) -> bool:
    """A contract's own title: upper case or a Markdown heading, not an exhibit's or an
    amendment's, and followed by an opening or a list of parties."""
    line, title = match.group(0), _MARKUP.sub("", match.group(1))
    if _ATTACHED.search(title) or not (title.isupper() or line.lstrip().startswith(("#", "**"))):
        return False
    after = text[match.end():match.end() + 800]
    return any(p.search(after) for p in (_PREAMBLE, _OPENING, _PARTIES_CUE, _I_AGREE))


def _title_above(text: str, start: int) -> int:
    """The start of the title line just above an opening (only blank lines between), if any."""
    window = text[max(0, start - 300):start]
    stripped = window.rstrip()
    if "\n" not in window[len(stripped):]:
        return start
    line = stripped.rsplit("\n", 1)[-1]
    if len(line) == len(stripped) and start > 300:
        return start  # a line longer than the window is no title
    title = _TITLE_LINE.match(line)
    if title and not _ATTACHED.search(title.group(1)):
        return start - len(window) + len(stripped) - len(line)
    return start


def _signed_agreement(text: str, start: int, end: int) -> bool:
    """True if text[start:end] is a whole agreement: a body (numbered clauses or 300 words),
    then a signature block. A cover page signed before the terms is not one."""
    if not after_signature_block(text, end):
        return False
    body = text[max(start, end - 20000):end]
    return len(_CLAUSE_LINE.findall(body)) >= 2 or len(re.findall(r"[A-Za-z]{3,}", body)) >= 300


def after_signature_block(text: str, start: int, labelled: bool = False) -> bool:
    """True if a signature block ends just before `start`: after its last signing line come
    only a few short paragraphs (names, page numbers). Unless `labelled`, an exhibit label
    just above `start` ("EXHIBIT B" over a title) makes it part of the contract before."""
    window = text[max(0, start - 3000):start]
    signing = list(_SIGNING.finditer(window))
    if not signing:
        return False
    after = window[signing[-1].end():]
    rest = after.split("\n", 1)[1] if "\n" in after else ""
    lines = [line for line in rest.split("\n") if line.strip()]
    if not labelled and any(_ATTACHMENT_LABEL.match(line) for line in lines[-2:]):
        return False
    words = [len(re.findall(r"[A-Za-z]{2,}", p)) for p in re.split(r"\n[ \t]*\n", rest)]
    return all(n < 20 for n in words) and sum(words) < 120


# --- what each agreement is ---------------------------------------------------------------

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (rf"(?:{_MONTH}\s+{_DAY},?\s+\d{{4}}|{_DAY}\s+(?:day\s+of\s+)?{_MONTH},?\s+\d{{4}}"
         r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})")
# The date a contract gives itself: "as of ...", "made on ...", "effective ...", "entered into this ...".
_AS_OF = re.compile(rf"\bas\s+of\s+(?:the\s+)?({_DATE})", re.IGNORECASE)
_STATED = re.compile(
    rf"\b(?:made\s+(?:on|this)|effective(?:\s+on)?|entered\s+into\s+(?:on|this))\s+(?:the\s+)?({_DATE})", re.IGNORECASE)
_DATE_LINE = re.compile(rf"\bDate[d]?(?:\*\*)?:?(?:\*\*)?[\s_\-]*({_DATE})", re.IGNORECASE)
_ANY_DATE = re.compile(_DATE, re.IGNORECASE)
# A title given in a form field ("Project Title:", "EventTitles:") or on the line after "entitled".
_TITLE_FIELD = re.compile(r"^[ \t*]*(?:[A-Z]\w*[ \t]?){1,2}?Titles?:[ \t]*([^\n]{3,400})", re.MULTILINE)
_ENTITLED = re.compile(r"\bentitled:?[ \t]*\n+\s*[#*\s]*([^\n]{3,300})", re.IGNORECASE)
_KIND_HEADING = re.compile(r"^[#*\s]*((?:[A-Z][\w-]*\s+){0,6}Agreement)[*\s]*$", re.MULTILINE | re.IGNORECASE)
_KIND_THIS = re.compile(r"\bThis\s+((?:[A-Z][\w-]*\s+){0,6}Agreement)\b|\bTHIS\s+((?:[A-Z][A-Z-]*\s+){1,6}AGREEMENT)\b")

_BETWEEN = re.compile(r"\b(?i:by\s+and\s+)?(?i:between|among|amongst)\s+(?:the\s+)?"
                      r"(?=[\"“]?[A-Z]|[a-z][\w-]*\.(?:com|org|net)\b)")
_SEPARATOR = re.compile(r"^\s+(?i:and)\s+(?:the\s+)?|(?:\)|\b[a-z]+)\s*[,;]?\s+and\s+(?:the\s+)?"
                        r"|,\s+and\s+(?:the\s+)?(?=[\"“]?[A-Z])|\)\s*[,;]\s+(?=[A-Z])|;\s+(?=[A-Z])")
_SUFFIXES = r"Inc|Corp|Co|Ltd|LLC|L\.L\.C|LLP|L\.P|LP|N\.A|S\.A|AG|GmbH|PLC|Limited|Pty|B\.V|N\.V"
_SUFFIX = rf"\b(?i:{_SUFFIXES})\b"
# A name ends at a comma, parenthesis, "and", a description ("with its office at") or a full stop,
# but "Acme Robotics, Inc." and "Dr. Marsh" go on (see `name_at`).
_NAME_END = re.compile(r",|\(|\s+(?:and|And|AND)\s+|\n|[ \t]{3,}|\.(?=\s)|\s+(?:with|having|located|whose|which|who"
                       r"|organi[sz]ed|incorporated|existing|residing|dated|named)\b")
_ABBREVIATION = re.compile(rf"(?:\b(?i:{_SUFFIXES}|Dr|Mr|Mrs|Ms|St|No)|\b[A-Z])$")
_ENUMERATOR = re.compile(r"^[ \t*]*(\(?)(\d{1,2}|[a-z])([.)])[ \t]+", re.MULTILINE)
_ALIAS = re.compile(r"\(\s*(?:the\s+)?[\"“']?([A-Z][\w&.\- ]{1,30}?)[\"”']?\s*\)")
# Defined terms that name the agreement, a date or a thing, not a party. Roles stay: users ask
# about "the Licensee", and the scope finder ignores names that many agreements share.
_NOT_PARTIES = {
    "agreement", "this agreement", "effective date", "parties", "party", "you", "recipient", "provider",
    "publisher", "article", "articles", "proceedings", "purpose", "services", "software", "product", "products",
    "equipment", "territory", "term", "lease", "confidential information",
}
_ORGANISATION = re.compile(rf"{_SUFFIX}|\b(?i:company|corporation|conference|society|association|university"
                           r"|institute|foundation|bank|trust|partners|group|holdings|fund|council|agency|authority"
                           r"|department|ministry)\b")


def describe(text: str, number: int, start: int, end: int, name: str) -> Agreement:
    """Read an agreement's label (its counterparty), title, date, kind and parties from its text."""
    body = text[start:end]
    head = unwrap(body[:4000])  # a name wrapped onto the next line is one name
    letter = _letter_parties(head)
    parties = letter or _listed_parties(head) or _between_parties(head) or _defined_organisations(head[:1500])
    # a letter names its parties above the salutation; its defined names are theirs ("Cardinal") or things
    # ("the Possible Transaction")
    named = {w.casefold() for p in letter for w in p.split()}
    parties += [a for a in _aliases(head[:1500], [] if letter else parties)
                if not letter or {w.casefold() for w in a.split()} & named]
    parties = [p for p in dict.fromkeys(parties) if p.lower() not in _NOT_PARTIES]
    label = _first(_I_AGREE, head)
    if not label and parties:
        label = parties[0] if _looks_like_person(parties[0]) else " and ".join(parties[:2])
    title = _first(_ENTITLED, head) or _first(_TITLE_FIELD, head[:1500])
    kind = _first(_KIND_HEADING, head[:600]) or _first(_KIND_THIS, head) or ""
    date = (_first(_AS_OF, head) or _first(_STATED, head[:1500]) or _first(_DATE_LINE, head[:600])
            or _last_date_line(body) or _first(_ANY_DATE, head))
    if not label:
        label = title or kind.title() or PurePath(name).stem
    return Agreement(
        number=number, label=_tidy(label)[:120], start=start, end=end, title=_tidy(title),
        date=_tidy(date), kind=_tidy(kind), parties=tuple(_tidy(p) for p in parties),
    )


def _between_parties(head: str) -> list[str]:
    """The parties named after "between" or "among", up to the end of that sentence."""
    match = _BETWEEN.search(head)
    if not match:
        return []
    rest = head[match.end():match.end() + 1200]
    parties = [name_at(rest)]
    after = rest[len(parties[0]):]
    while len(parties) < 4:
        separator = _SEPARATOR.search(after, 0, 300)
        skipped = after[:separator.start()] if separator else ""
        if not separator or "\n\n" in skipped or _sentence_ends(skipped):
            break
        after = after[separator.end():]
        if re.match(r"[\"“]?[A-Z]", after):  # "and ScanSource, Inc.", not "and each other party"
            parties.append(name_at(after))
            after = after[len(parties[-1]):]
    return [p for p in map(_tidy, parties) if 1 < len(p) <= 120 and len(p.split()) <= 10]


# an organisation an opening without "between" defines: "As a condition of my employment with Quillon Robotics,
# Inc., a Delaware corporation (together with its subsidiaries, successors and assigns, the "Company"), ..."
_DEFINED_ORGANISATION = re.compile(rf"\b(?!(?i:and)\b)(?P<v>[A-Z][\w&'’-]*"
                                   rf"(?:[ \t]+(?:of[ \t]+|and[ \t]+|&[ \t]+)?[A-Z][\w&'’-]*){{0,6}}"
                                   rf",?[ \t]+{_SUFFIX}\.?)(?:,[^()\n]{{0,120}}?)?[ \t]*\([^()]{{0,80}}?[\"“]"
                                   r"[A-Z][\w -]{1,30}[\"”]\s*\)")


def _defined_organisations(head: str) -> list[str]:
    """The organisations (a name with its legal form) that the opening gives a defined name."""
    return [m["v"] for m in _DEFINED_ORGANISATION.finditer(head)][:2]


# a letter's salutation, after its letterhead, date and addressee
# ("Dear Ms Haldane" without a comma, as British letters write it)
_SALUTATION = re.compile(r"^[ \t]*(?:(?:Dear[ \t]+[^\n]{1,80}?|Ladies[ \t]+and[ \t]+Gentlemen|Gentlemen|Sirs|"
                         r"To[ \t]+whom[ \t]+it[ \t]+may[ \t]+concern)[ \t]*[:,]"
                         r"|Dear[ \t]+(?:Sirs?|Madam|(?:Mr|Mrs|Ms|Miss|Dr|Sir)\.?[ \t]+[A-Z][\w'’-]+"
                         r"(?:[ \t]+[A-Z][\w'’-]+)?))"
                         r"[ \t]*$", re.MULTILINE | re.IGNORECASE)


def greets(text: str, start: int, end: int) -> bool:
    """Whether a letter's salutation ("Dear Ms Haldane", "Ladies and Gentlemen:") stands between start and end."""
    return _SALUTATION.search(text, start, end) is not None


def _letter_parties(head: str) -> list[str]:
    """A letter agreement's parties: the organisation of its letterhead and those it is addressed to
    (the first lines of the blocks above the salutation that name a company by its legal form), each as the
    letter's own words name it where they do in another case ("BRIGHTWATER PROVISIONS, INC." is
    "Brightwater Provisions, Inc." in "involving Brightwater Provisions, Inc. (... the "Company")")."""
    salutation = _SALUTATION.search(head, 0, 2500)
    if not salutation or _BETWEEN.search(head[:salutation.end() + 600]):  # "... among MetLife, Inc., ... and"
        return []
    blocks = [b for b in re.split(r"\n[ \t]*\n", head[:salutation.start()]) if b.strip()]
    named = [name for name in map(_block_company, blocks) if name]
    if len(named) < 2:
        return []
    body = head[salutation.end():]
    parties = []
    for name in dict.fromkeys(named[:4]):
        said = name_pattern(name, re.IGNORECASE).search(body)
        parties.append(said.group() if said else name)
    return parties


# the line an addressee block may open with before the company's name: "The Directors", "Attention: ..."
_ATTENTION = re.compile(r"(?i:the[ \t]+(?:board[ \t]+of[ \t]+)?directors|the[ \t]+board|the[ \t]+(?:company[ \t]+)?"
                        r"secretary|(?:for[ \t]+the[ \t]+)?att(?:ention|n)\b[^\n]*|c/o\b[^\n]*)[ \t]*[:,]?$")


def _block_company(block: str) -> str:
    """The company a letterhead or addressee block names by its legal form on its first line, or on the
    line after an attention line ("The Directors" over "Vantrel Performance Materials Limited"); "" if none."""
    lines = [line.strip(" \t*#") for line in block.strip().splitlines()]
    if len(lines) > 1 and _ATTENTION.match(lines[0]):
        lines = lines[1:]
    name = name_at(lines[0])
    return name if re.search(rf"{_SUFFIX}\.?$", name) and len(name.split()) <= 10 else ""


def _listed_parties(head: str) -> list[str]:
    """Parties listed under a "Parties" heading or after "The parties to this Agreement are:",
    numbered ("(1) Northwind Software Limited, a company ...") or in one sentence
    ("Xin Wang (...), PMLR ("the publisher"), IMLS (...), and ICML (...).")."""
    cue = _PARTIES_CUE.search(head)
    if not cue:
        return []
    rest = head[cue.end():cue.end() + 1500].lstrip(" \t\n:*")
    items = _numbered_items(rest) or _split_outside_parentheses(rest[:_sentence_end(rest)])
    names = [_tidy(re.sub(r"^\s*(?:and|&)\s+", "", name_at(item.lstrip(" \t\n#*")))) for item in items]
    return [n for n in names if 1 < len(n) <= 80 and n[:1].isupper()]


def _numbered_items(text: str) -> list[str]:
    """The items of a list numbered (1), (2) ... or (a), (b) ... that opens `text`."""
    marks: list[re.Match] = []
    for m in _ENUMERATOR.finditer(text):
        if not marks and m[2] not in ("1", "a"):
            break
        if marks and (m[2] != chr(ord(marks[-1][2][-1]) + 1) or m[1] + m[3] != marks[0][1] + marks[0][3]):
            break
        marks.append(m)
    if len(marks) < 2 or text[:marks[0].start()].strip():
        return []
    return [text[m.end():n.start()] for m, n in zip(marks, marks[1:])] + [text[marks[-1].end():][:600]]


def _split_outside_parentheses(sentence: str) -> list[str]:
    items, depth, last = [], 0, 0
    for i, ch in enumerate(sentence):
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and (ch in ",;" or sentence.startswith(" and ", i)):
            items.append(sentence[last:i])
            last = i + 1
    return [*items, sentence[last:]]


def name_at(text: str) -> str:
    """The name that opens `text`."""
    for end in _NAME_END.finditer(text, 0, 200):
        if end.group() == "," and re.match(rf"\s*{_SUFFIX}", text[end.end():]):
            continue  # "Acme Robotics, Inc."
        if end.group() == "." and re.search(rf"{_SUFFIX}$", text[:end.start()]):
            if re.match(rf",?\s*{_SUFFIX}", text[end.end():]):
                continue  # "Ono Pharmaceutical Co., Ltd."
            return text[:end.end()]  # the suffix ends the name: "Freeze Tag, Inc. This Agreement ..."
        if end.group() == "." and not _is_full_stop(text, end.start()):
            continue  # "Dr. Marsh"
        return text[:end.start()]
    return text[:80]


def _sentence_end(text: str) -> int:
    """Where the first sentence of `text` ends: a full stop outside parentheses, or a blank line."""
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and ch == "." and _is_full_stop(text, i):
            return i
        if depth == 0 and text.startswith("\n\n", i) and i > 200:
            return i
    return len(text)


def _sentence_ends(text: str) -> bool:
    return any(_is_full_stop(text, m.start()) for m in re.finditer(r"\.", text))


def _is_full_stop(text: str, i: int) -> bool:
    """A full stop ends a sentence if space and a capital (or the end) follow and no
    abbreviation ("Inc.", "Dr.", an initial) precedes it."""
    return (text[i + 1:i + 2] in ("", " ", "\n", "\t") and re.match(r"\s*(?:$|[A-Z\"“(])", text[i + 1:i + 40])
            is not None and not _ABBREVIATION.search(text, max(0, i - 12), i))


def _aliases(head: str, parties: Sequence[str] = ()) -> list[str]:
    """Short names defined in parentheses, e.g. ("Acme") or (ICML): users ask with them. With the parties
    the opening names, only a party's: one whose description ends in it, one sharing a word with its name
    or spelling its initials. A recital's defined things ("a gathering system in Reeves County (the
    "Proposed Transaction")", "Calderwood is developing CLD-417 ... (the "Compound")") name no party."""
    found: list[str] = []
    for match in _ALIAS.finditer(head):
        alias = match.group(1)
        if alias.lower() in _NOT_PARTIES or alias in found or re.fullmatch(r"\d+|[IVXLC]+|[A-Z]", alias):
            continue
        if parties and not _names_a_party(head, match.start(), alias, [*parties, *found]):
            continue
        found.append(alias)
    return found[:6]


_PARTY_DESCRIPTION = 400  # characters from a party's name to the defined name its description ends with
# words of a name that say nothing of which party it is ("Terms and Conditions" shares "and" with "Procter and Gamble")
_FORMS = {"inc", "corp", "co", "ltd", "llc", "plc", "limited", "the", "of", "and", "&"}
# what may stand between a party's name and the defined name it is given: nothing, or its description
# (", a Delaware corporation having its principal place of business at ...", "dba Bob Stallings Racing")
_DESCRIPTION = re.compile(r"\s*(?:$|,|\(|(?:an?|with|having|located|whose|which|organi[sz]ed|incorporated"
                          r"|existing|residing|of|dba|d/b/a|doing\s+business|trading)\b)", re.IGNORECASE)
_ORGANISATION_NAME = re.compile(rf"[A-Z][\w&'’.-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&'’.-]*){{0,6}},?\s+"
                                rf"(?:{_SUFFIX}\.?|(?i:company|corporation|partnership|association|bank|trust)\b)"
                                # a person described as one ("Alan Crane, an individual"), or a form's blank
                                r"|[A-Z][\w'’-]+(?:\s+[A-Z][\w.'’-]*){1,3}(?=,?\s+an?\s+individual\b)|_{4,}")


def _names_a_party(head: str, at: int, alias: str, names: Sequence[str]) -> bool:
    """Whether the defined name in parentheses at `at` shares a word with a party's name (or a name
    already given to one), spells its initials ("ISA" for Information System Associates), or ends the
    description that follows a party's or an organisation's name within its sentence ("Meridian
    Clinical Research Services, LLC, a North Carolina limited liability company having its principal
    place of business at ... ("Meridian")", "Quaker Chemical Corporation ("Buyer")")."""
    words = {w.casefold() for w in re.findall(r"[\w&'’-]+", alias)} - _FORMS
    for name in names:
        name_words = [w for w in re.findall(r"[\w&'’-]+", name) if w.casefold() not in _FORMS]
        if words & {w.casefold() for w in name_words}:
            return True
        initials = "".join(w[0] for w in name_words if w[0].isupper())
        if len(alias) >= 2 and alias.isupper() and initials.startswith(alias):
            return True
    before = head[max(0, at - _PARTY_DESCRIPTION):at]
    ends = [m.end() for name in names for m in name_pattern(name, re.IGNORECASE).finditer(before)]
    ends += [m.end() for m in _ORGANISATION_NAME.finditer(before)]
    return any(_DESCRIPTION.match(between) and not _ALIAS.search(between) and not _sentence_ends(between)
               for between in (before[end:] for end in ends))


def _last_date_line(body: str) -> str:
    found = _DATE_LINE.findall(body[-3000:])
    if found:
        return found[0]
    tail = body[-400:]
    dates = _ANY_DATE.findall(tail)
    return dates[-1] if dates else ""


def _first(pattern: re.Pattern, text: str) -> str:
    match = pattern.search(text)
    if not match:
        return ""
    return next((g for g in match.groups() if g), "") if pattern.groups else match.group(0)


def _looks_like_person(name: str) -> bool:
    words = name.replace("Dr.", "").split()
    return (2 <= len(words) <= 4 and words[0] != "The" and not _ORGANISATION.search(name)
            and all(w[:1].isupper() for w in words))


def _tidy(value: str) -> str:
    value = _MARKUP.sub("", value or "")
    value = re.sub(r"\s+", " ", value).strip(" \t,;:#*_\"'")
    while value.endswith(".") and not _ABBREVIATION.search(value[:-1]):  # "Acme, Inc." keeps its stop
        value = value[:-1].rstrip(" \t,;:#*_\"'")
    return value
