"""Headings a clause number does not mark: capitals headings before the first numbered clause, and
the lines of a table of contents, which name clauses without heading them.

Filed contracts head clauses in capitals without a number ("PRODUCTS, QUANTITY, PRICE", "GOVERNING
LAW"), or spell the number out ("SECTION ONE. DEFINITIONS"); where numbered clauses follow, the text
before the first of them used to be one preamble, tens of thousands of characters long, cited as
"preamble (part 14)" and ranked as an opening. Written from how contracts are laid out in general,
measured on all 408 CUAD contracts (see the README).
"""

from __future__ import annotations

import re

# a line in capitals followed by a sentence: "PAYMENT TERMS\n\nBuyer shall pay ...", "SECTION TWO. GRANT OF
# RIGHTS   The NFLA grants ..." (CUAD flattens line breaks into runs of spaces)
_CAPS_HEADING = re.compile(
    r"(?:(?<=\n)|(?<=[ \t]{3})|(?<=[.:;] )(?=(?:SECTION|ARTICLE)[ \t]))[ \t]*(?:\*\*)?"
    r"(?P<title>(?:(?:SECTION|ARTICLE)[ \t]+[A-Z]+\.?[ \t]+)?[A-Z](?:[A-Z&,'’/() -]|['’]s\b){2,60}?)"
    r"[ \t]*[.:]?(?:\*\*)?(?:[ \t]*\n[ \t\n]*|[ \t]{3,})"
    r"(?=(?:\(?[A-Za-z0-9]{1,3}[.)][ \t]+)?[\"“]?[A-Z][a-z]+[\"”]?[ ,](?:\S+[ \t]+){6})")
# the sentence that opens an agreement by naming it or its parties, or failing that its first twenty words
_OPENING = re.compile(r"\b(?:between|among|entered\s+into|is\s+made|made\s+and\s+entered)\b")
_FIRST_WORDS = re.compile(r"(?:[A-Za-z,;()'\"“”]+\s+){20}")
_AS_FOLLOWS = re.compile(r"\bagree[sd]?\b[^.:]{0,40}?\bas\s+follows\b[^\n]{0,3}", re.IGNORECASE)
_NOT_A_CLAUSE = re.compile(r"(?:RECITALS?|WITNESSETH|W I T N E S S E T H|WHEREAS|BACKGROUND|PREAMBLE|NOW,? THEREFORE"
                           r"|IN WITNESS|EXHIBIT|SCHEDULE|ANNEX|APPENDIX|ATTACHMENT|ADDENDUM|AMENDMENT|TABLE OF)\b")
_SPELLED_NUMBER = re.compile(r"^(?:SECTION|ARTICLE)\s+[A-Z]+")
_ENDS_SENTENCE = ".:;?!)\"”]*0123456789"  # or a page number, before a heading
_BLANK_LINE_BEFORE = re.compile(r"\n[ \t]*\n[ \t]*$")
_MAX_WORDS = 10
# "7.    Non disclosure......... 12": a contents line, after its number
_CONTENTS_LINE = re.compile(r"[^\n]{0,80}?(?:\.[ \t]?){5}")


def unnumbered_headings(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(where, label) of the clauses headed in capitals between an agreement's start and its first
    numbered clause, labelled by the heading ("Products, Quantity, Price"): the opening is the preamble
    only up to the first of them. A heading counts after the opening sentence and after any "agree as
    follows", where a sentence or paragraph ends before it and a sentence of prose follows it, when it
    is no running header (a line the agreement repeats) and no recital's or attachment's heading."""
    opening = _OPENING.search(text, start, end) or _FIRST_WORDS.search(text, start, end)
    floor = opening.end() if opening else end
    follows = list(_AS_FOLLOWS.finditer(text, start, end))
    floor = max(floor, follows[-1].end()) if follows else floor
    cuts = []
    for m in _CAPS_HEADING.finditer(text, floor, end):
        title = re.sub(r"\s+", " ", m["title"]).strip(" .:")
        words = re.findall(r"[A-Z]{2,}", _SPELLED_NUMBER.sub("", title))
        before = text[start:m.start("title")]
        after_sentence = before.rstrip()[-1:] in _ENDS_SENTENCE or _BLANK_LINE_BEFORE.search(before)
        repeated = len(_own_lines(m["title"].strip()).findall(text, start, end)) > 1
        if 0 < len(words) <= _MAX_WORDS and after_sentence and not repeated and not _NOT_A_CLAUSE.match(title):
            cuts.append((m.start("title"), _capitalised(title)))
    return cuts


def _own_lines(title: str) -> re.Pattern[str]:
    """The title where it stands as a line of its own, as a heading or a running header does."""
    return re.compile(rf"(?:^|(?<=\n)|(?<=[ \t]{{3}}))[ \t]*{re.escape(title)}[ \t]*[.:]?[ \t]*(?:\n|[ \t]{{3}}|$)")


# an entry of a table of contents without dot leaders, from its number: a title, then the page it starts on ("1.1 IP
# Agreement 2", "ARTICLE 2 Licenses 13", "Section 1.2   Interpretation     4"), or several run into one line
_PAGE_NUMBER = r"(\d{1,3}|[ivx]{1,5}|[A-Z]-\d{1,2})"  # "12", "iv", "A-1"
_PAGE = re.compile(rf"[ \t]{_PAGE_NUMBER}$")
_FIRST_PAGE = re.compile(rf"[^\n]{{0,120}}?[ \t]{_PAGE_NUMBER}(?=[ \t]*(?:\n|$)|[ \t]{{3,}})")
# what a clause says and a title never does
_PROSE = re.compile(r"\b(?:shall|will|must|means|may|hereby|agrees?|is|are)\b")
_ENTRIES = 4  # entries giving a page, at least, for a table of contents
_FIRST_PAGES = 15  # the page its first entry gives, at most: a contents list starts near the front


def contents_listing(text: str, starts: list[int], end: int) -> tuple[int, int] | None:
    """(start, end) of a table of contents whose lines a clause number opens but no dot leader follows, from
    the numbers' offsets (`starts`, in order): a run of numbered entries that say nothing, most giving a title
    and the page it is on, before any clause that says something. A page header inside it ("TABLE OF CONTENTS
    (continued)", "ii") does not end it; the last entry ends at its page, not at the body's first number. Its
    numbers head no clause; the body's numbers, after it, do. None when the numbers list no contents."""
    bounds = list(zip(starts, starts[1:] + [end]))
    first = last = None
    pages: list[int] = []
    for s, e in bounds:
        entry = text[s:e].strip()
        if not _PROSE.search(entry):
            page = _PAGE.search(entry)
            if first is None and not page:
                continue  # a contents list starts with an entry that gives a page
            first = s if first is None else first
            if page:
                pages += [int(page[1])] if page[1].isdigit() else []
                last = e
            continue
        if first is not None and len(pages) >= _ENTRIES:
            page = _FIRST_PAGE.match(text, s, e)  # the last entry, the opening after it
            if page and not _PROSE.search(page.group()):
                last = page.end()
        break  # a clause says something: the contents, if any, came before it
    # pages run forward from near the start; amounts in a list ("1. Rent 100  2. Deposit 200  3. Fee 30") do not
    if not _run_forward(pages):
        return None
    return first, _strip_end(text, first, last)


# a contents entry's dot leader and page ("Definitions.......... 3", "DEFINITIONS . . . . . 1")
_LEADER_PAGE = re.compile(rf"(?:\.[ \t]?){{5,}}[ \t]*{_PAGE_NUMBER}\b")
_ENTRY_GAP = 300  # characters between one dot-led entry's page and the next entry's leader, at most


def dotted_listing(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of a table of contents with dot leaders between an agreement's start and its first
    numbered clause (`end`): from the line of its first entry to its last entry's page, the entries following
    one another with nothing said between them. None when there is none."""
    entries = list(_LEADER_PAGE.finditer(text, start, end))
    run: list[re.Match] = []
    for m in entries:
        gap = text[run[-1].end():m.start()] if run else ""
        if run and (len(gap) > _ENTRY_GAP or _PROSE.search(gap)):
            if _listed(run):
                break
            run = []
        run.append(m)
    if not _listed(run):
        return None
    first = text.rfind("\n", start, run[0].start()) + 1 or start
    first += len(text[first:run[0].start()]) - len(text[first:run[0].start()].lstrip())
    return max(first, start), run[-1].end()


# a contents list's heading and the column labels after it ("TABLE OF CONTENTS  Section  Page")
_CONTENTS_HEADING = re.compile(r"\b(?:TABLE\s+OF\s+CONTENTS|Table\s+of\s+Contents)\b(?:\s*[-—]?\s*(?:(?:PAGE|Page|SECTION"
                               r"|Section|PARAGRAPH|Paragraph|CLAUSE|Clause|ARTICLE|Article|CONTENTS|[ivx]{1,4})\b|No\.|#))*\s*")
_NUMBER = re.compile(r"(?<![\d.,/-])(\d{1,3})(?![\d.,/%-])")
_NUMBERED = re.compile(r"\b(?:ARTICLE|Article|SECTION|Section|PART|Part)\s+$")
_FIRST_ENTRY = re.compile(r"(?:(?:ARTICLE|Article|SECTION|Section|PART|Part)\s+)?(?:\d|[IVX]+\b)")


def headed_listing(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of a table of contents whose entries run on without numbers at line starts ("TABLE OF
    CONTENTS Page 1.1 Scope 1 1.2 Scope of Agreement 1 ..."), before an agreement's first numbered clause
    (`end`): from its heading, whose list starts right after it, to the last number before anything is said,
    the numbers (pages, bare clause numbers) running forward. None when there is none; a "Table of Contents"
    link atop a filing's page, with the cover after it, lists nothing."""
    for heading in _CONTENTS_HEADING.finditer(text, start, end):
        if not _FIRST_ENTRY.match(text, heading.end(), end):
            continue
        prose = _PROSE.search(text, heading.end(), end)
        stop = prose.start() if prose else end
        # an article's own number ("ARTICLE 3 GOVERNANCE 12") is no page
        numbers = [m for m in _NUMBER.finditer(text, heading.end(), stop)
                   if not _NUMBERED.search(text, max(0, m.start() - 16), m.start())]
        if _run_forward([int(m[1]) for m in numbers]):
            return heading.start(), numbers[-1].end()
    return None


def _listed(run: list[re.Match]) -> bool:
    """Whether dot-led entries list contents: enough of them, pages running forward from near the front."""
    return len(run) >= _ENTRIES and _run_forward([int(m[1]) for m in run if m[1].isdigit()])


def _run_forward(pages: list[int]) -> bool:
    """Whether a list's numbers are a contents list's pages: enough of them, starting near the front and running
    forward, but for a slip in one entry in ten (a printed contents list has them: "... 71, 71, 70, 71")."""
    back = sum(b < a for a, b in zip(pages, pages[1:]))
    return len(pages) >= _ENTRIES and pages[0] <= _FIRST_PAGES and back <= len(pages) // 10


def _strip_end(text: str, start: int, end: int) -> int:
    return start + len(text[start:end].rstrip())


def lists_contents(text: str, pos: int, end: int) -> bool:
    """Whether the line going on at pos is a table of contents' entry (a dot leader follows)."""
    return _CONTENTS_LINE.match(text, pos, end) is not None


def _capitalised(title: str) -> str:
    """ "CHANGE IN CIRCUMSTANCES" -> "Change In Circumstances", "THE PARTY'S DUTIES" -> "The Party's Duties"."""
    return re.sub(r"[A-Za-z]+(?:['’][A-Za-z]+)?", lambda w: w[0].capitalize(), title)
