"""The catalog's dates and term: the agreement's own date, when it takes effect and was signed, how
long it runs, when it ends, how it renews and the notice that stops a renewal. Text rules over the
sentences index.catalog_rules reads, for contracts in general."""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.catalog_rules import Found, Sentence
from index.dates import MONTH, date_normal, duration_normal, duration_spans, month_number
from index.dates import date_spans as all_date_spans
from index.shapes import trim


# -- dates ---------------------------------------------------------------------------------------

_THIS_AGREEMENT = re.compile(r"\b(?:this|the\s+within)\b[^.;]{0,160}?\b(?:agreement|contract|amendment|addendum|lease"
                             r"|licen[cs]e|deed|memorandum|plan|note|guarant[ey]\w*)\b"
                             r"|\((?:the|this|hereinafter)\s+[\"“”']{0,2}(?:agreement|contract)[\"“”']{0,2}\s*\)", re.I)
_AN_AGREEMENT = re.compile(r"\b(?:agreement|contract|amendment|addendum|lease|licen[cs]e|deed|memorandum)\b", re.I)
_MADE = re.compile(r"\b(?:dated|made|entered\s+into|executed|effective|as\s+of)\b|\bthis\s+(?:the\s+)?$", re.I)
_SIGNED = re.compile(r"\b(?:signed|executed|dated|signature)\b[^.;]{0,30}$", re.I)
_DATE_FIELD = re.compile(r"[\s*#>•-]*(?:\*\*)?(?:Date[d]?|Agreement\s+Date)(?:\*\*)?\s*(?::|as\s+of)", re.I)
# a label, in capitals ("Dated 29/3/18", "DATE:"), not the word inside a sentence ("the Agreement dated ...")
_DATE_LABEL = re.compile(r"(?<!Effective )(?<!EFFECTIVE )(?<!Commencement )(?<!COMMENCEMENT )"
                         r"\b(?:Dated?|DATED?|Agreement\s+Date|AGREEMENT\s+DATE)\b\s*(?::|(?i:as\s+of))?\s*$")
_EFFECTIVE_FIELD = re.compile(r"[\s*#>•-]*(?:\*\*)?(?:Effective|Commencement)\s+Dates?(?:\*\*)?\s*:", re.I)
HEAD_CHARS = 10000  # an agreement's own date is stated in its opening (after any cover and contents)
TAIL_CHARS = 2500
CONTENTS_CHARS = 30000  # how far a table of contents may run before the opening
# a contents line: dot leaders, then a page number or an exhibit letter ("Term . . . . . . . 4", "Lease ..... N")
_LEADERS = re.compile(r"(?:\.[ \t]?){5,}[ \t]*[A-Z0-9]{1,4}[ \t]*$", re.M)


def opening_start(clauses: Sequence, start: int) -> int:
    """Where an agreement's opening starts: after its table of contents, if it has one."""
    end = start
    for clause in clauses:
        if clause.start >= start + CONTENTS_CHARS:
            break
        for m in _LEADERS.finditer(clause.text, 0, max(0, start + CONTENTS_CHARS - clause.start)):
            end = max(end, clause.start + m.end())
    return end


def agreement_date(sents: Sequence[Sentence], head_end: int, title: Found | None = None) -> Found | None:
    """The date the agreement gives itself in its opening: "This Agreement is made ... as of <date>",
    a "Dated as of" line, a date beside the title or alone on a cover page (the first of these);
    else "SERVICES AGREEMENT, dated as of <date>" in its preamble."""
    head = [s for s in sents if s.start < head_end]
    own = next((_own_date(s) for i, s in enumerate(head)
                if _THIS_AGREEMENT.search(_with_split_start(head, i)) and _own_date(s)), None)
    shown = None
    for s, a, b, line_start in _opening_dates(head):  # a "Date:" line, a date alone or beside the title
        beside = title is not None and title.clause_id == s.clause.clause_id and (
            -40 < s.start + a - title.end < 40 or -40 < title.start - (s.start + b) < 40)
        if _draft_stamp(s.text, line_start, b) or _TAKES_EFFECT.search(s.text[line_start:a]):
            continue  # "Effective Date: <date>" on its own line: see effective_line()
        if _DATE_LABEL.search(s.text[line_start:a]) or beside or _alone(s.text, line_start, a, b):
            shown = shown or _date(s, a, b)
    if own is not None and shown is not None and own.normal == shown.normal:
        return own  # the same date on a cover page and in the preamble: the preamble says what it is
    found = [f for f in (own, shown) if f is not None]
    if found:
        return min(found, key=lambda f: f.start)
    opening = [s for s in head if not re.match(r"\d", s.clause.clause_id)]
    return next((_own_date(s) for s in opening if _AN_AGREEMENT.search(s.text) and _own_date(s)), None) or next(
        (f for s in head if _THIS_AGREEMENT.search(s.text) for f in [_blank_date(s)] if f), None) or (
        _blank_beside_title(head, title) if title is not None else None)


def _with_split_start(sents: Sequence[Sentence], i: int) -> str:
    """The sentence with the sentences before it that an abbreviation ended too soon: an address's
    "B.C.", "Nr.", "Apt." split an opening, and the part that dates the agreement ("... ("Telnet") as
    of the 1st day of June, 2004.") does not say "This Agreement"."""
    text = sents[i].text
    while i > 0 and sents[i - 1].clause is sents[i].clause and _ABBREVIATED.search(sents[i - 1].text):
        i -= 1
        text = sents[i].text + " " + text
    return text


_ABBREVIATED = re.compile(r"(?:^|[\s(.])[A-Za-z]{1,3}\.$")


# a draft's revision stamp on its cover ("DRAFT (Americas) 1/12/00 (Rev 1)", "Revised 3/4/19"): when the
# draft was typed, not the agreement's date
_DRAFT = re.compile(r"\b(?:draft|rev(?:ision|ised)?\b\.?|printed|last\s+(?:modified|updated))", re.I)


def _draft_stamp(text: str, line_start: int, b: int) -> bool:
    """A date on a line that marks a draft or revision of the document."""
    line_end = min(x for x in (text.find("\n", b), len(text)) if x >= 0)
    return bool(_DRAFT.search(text[line_start:line_end]))


def effective_line(sents: Sequence[Sentence], head_end: int) -> Found | None:
    """An opening's "EFFECTIVE DATE: February 10, 2012" line: the agreement's date only when nothing
    else dates it, its signatures included (a cover's effective date is often not when it was signed)."""
    return next((_date(s, a, b) for s, a, b, line_start in _opening_dates([s for s in sents if s.start < head_end])
                 if _TAKES_EFFECT.search(s.text[line_start:a]) and _alone(s.text, line_start, a, b)), None)


def _opening_dates(head: Sequence[Sentence]):
    """(sentence, start, end, where its line starts) of each date in an opening's first 12 sentences."""
    for s in head[:12]:
        for a, b in date_spans(s.text):
            yield s, a, b, max(s.text.rfind("\n", 0, a), _run(s.text, a)) + 1


def _blank_beside_title(sents: Sequence[Sentence], title: Found) -> Found | None:
    """A title the form dates with a blank: "AGENCY AGREEMENT ______, 2009", "AGENCY AGREEMENT , 2009"."""
    for s in sents:
        if s.clause.clause_id == title.clause_id and s.start <= title.end < s.end:
            at = title.end - s.start
            at += len(s.text[at:]) - len(s.text[at:].lstrip(" \t"))
            m = _BLANK_DATE.match(s.text, at) or _MONTH_YEAR.match(s.text, at)
            blank = _blank(s, m) if m else None
            if blank is not None and blank.normal:
                return blank
    return None


# A date a form leaves to fill in: "this ____ day of ________, 20__", "this day of , 19", "as of [●]", "dated [*]",
# or whose blank the filing dropped: "effective as of , 2020", "entered into on 2018"
_BLANK_DATE = re.compile(r"(?:this\s+|the\s+)?(?:_{2,}|\[[^\]\n]{0,3}\])(?:\s*day\s+of\s+(?:_{2,}|[A-Z][a-z]{2,8})\s*)?"
                         r"(?:,?\s*(?:19|20)(?:\d\d|_+))?|(?:(?<=this\s)|this\s+)\s*day\s+of\s+_*\s*,?\s*(?:19|20)(?:\d\d\b|_+|\b)"
                         r"|(?:on\s+|,\s*)(?:19|20)\d\d\b(?!\s*[/-]\d)"
                         # or whose year it left out: "made as of the 1st day of December, (the "Effective Date")"
                         rf"|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+day\s+of\s+{MONTH}(?![\w.]|\s*,?\s*(?:19|20)\d\d)")
# a month and year beside a title, the form's day left out: "Project Cooperation Agreement   July 2013"
_MONTH_YEAR = re.compile(rf"{MONTH}\s+(?:19|20)\d\d\b", re.I)


def _blank_date(s: Sentence) -> Found | None:
    """The blank an agreement left for its date, right after "made", "dated" or "as of"; its
    normal form is the year when the blank gives one."""
    for cue in _MADE.finditer(s.text):
        m = _BLANK_DATE.match(s.text, cue.end() + len(s.text[cue.end():]) - len(s.text[cue.end():].lstrip()))
        if m and m.end() - m.start() > 2 and not _TAKES_EFFECT.search(s.text[max(0, m.start() - 60):m.start()]):
            return _blank(s, m)
    return None


def _blank(s: Sentence, m: re.Match) -> Found:
    """A blank date as found: its normal form is the year when the blank gives one."""
    year = re.search(r"(?:19|20)\d\d", m.group())
    month = re.match(MONTH, m.group(), re.I) if year else None
    normal = f"{year.group()}-{month_number(month.group()):02d}" if month else year.group() if year else ""
    return s.found(*trim(s.text, m.start(), m.end()), normal)


def _own_date(s: Sentence) -> Found | None:
    """The first date a sentence says the agreement is made, entered into, dated or effective on."""
    dates = [(a, b) for a, b in date_spans(s.text) if _made(s.text, a)]
    return _date(s, *dates[0]) if dates else None


def _made(text: str, at: int) -> bool:
    """A date the words before it make the agreement's own: "made as of", "dated", "entered into this"."""
    before = text[max(0, at - 60):at]
    return bool(_MADE.search(before)) and not _defined_elsewhere(text, at) and not _TAKES_EFFECT.search(before)


# "Effective Date: <date>", "the Commencement Date means <date>": when it takes effect, not its date
_TAKES_EFFECT = re.compile(r"\b(?:effective|commencement)\s+date\b(?!\W*\))", re.I)


def signed_date(sents: Sequence[Sentence], end: int, dates: Sequence[Found] = ()) -> Found | None:
    """When the agreement was signed: the latest of the signature blocks' dates (`dates`), the
    dates its last pages give as signed ("Signed and effective this 25th day of May, 1999",
    "Dated: December 14, 2015", "DATE: 8/4/10") and, wherever they stand (schedules often follow
    the signatures), dates a signature block labels: "Date: 3-14-18" beside "By:", "Name:", "Title:"."""
    found = [d for d in dates if d.normal]
    for s in sents:
        for a, b in date_spans(s.text):
            line_start = max(s.text.rfind("\n", 0, a), _run(s.text, a)) + 1
            signed = _SIGNED.search(s.text[max(0, a - 40):a]) and not _defined_elsewhere(s.text, a)
            labelled = re.search(r"\bDated?\b\W{0,3}$", s.text[line_start:a], re.I) or _LABEL_AFTER.match(s.text, b)
            if (signed or labelled) and (s.end > end - TAIL_CHARS or _in_signature_block(s, a, b)):
                found.append(_date(s, a, b))
    return max(found, key=lambda f: f.normal, default=None)


# a signature line whose labels stand after or under the values ("24 OCT 2011     Place Date", a date
# over "________ Date"): blanks, the other signer's date, then the label
_LABEL_AFTER = re.compile(r"(?:[ \t_]|\n(?=[ \t_]*(?:Place\s+(?:and\s+)?)?Date\b)|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})*?"
                          r"(?:[ \t]{2,}|_[ \t]+)(?:Place\s+(?:and\s+)?)?Date\b"
                          r"(?![ \t]*(?:of|hereof|first|above|set|written))", re.I)


# What a signature block holds around its date: "By:", "Name:", "Title:", "/s/", "(signature)", "(seal)", or
# those labels standing alone after or under their values ("John Cecil     Name     Chairman     Title")
_BLOCK_MARK = re.compile(r"\b(?:By|Name|Title|Signature|Signed)\s*:|/s/|\((?:signature|seal)\)|\bsigned\b"
                         r"|(?:^|[ \t]{2,})(?:Name|Title|Signature)(?=[ \t]{2,}|$)", re.I | re.M)


def _in_signature_block(s: Sentence, a: int, b: int) -> bool:
    """A date with signature-block marks within a few lines of it (in its clause's text)."""
    at = s.start - s.clause.start
    around = s.clause.text[max(0, at + a - 300):at + b + 300]
    return len(_BLOCK_MARK.findall(around)) >= 2


def date_spans(text: str) -> list[tuple[int, int]]:
    """Dates in the text, but none from a filing's page footer ("Source: ACME INC, 10-K, 3/21/2019")."""
    return [(a, b) for a, b in all_date_spans(text) if not re.search(r"\bSource:[^\n]{0,80}$", text[max(0, a - 90):a])]


def _date(s: Sentence, a: int, b: int) -> Found:
    return s.found(a, b, date_normal(s.text[a:b]) or "")


def _run(text: str, at: int) -> int:
    """Where the column a position stands in starts, in text whose columns are runs of spaces."""
    runs = list(re.finditer(r"\s{3,}", text[max(0, at - 200):at]))
    return max(0, at - 200) + runs[-1].end() - 1 if runs else -1


def _alone(text: str, line_start: int, a: int, b: int) -> bool:
    """A date with at most a few other words on its line (a cover page's "FIBROGEN, INC.   June 1, 2005")."""
    line_end = min(x for x in (text.find("\n", b), len(text)) if x >= 0)
    run = re.search(r"\s{3,}", text[b:line_end])
    rest = text[line_start:a] + " " + text[b:b + run.start() if run else line_end]
    return len(re.findall(r"[A-Za-z]{2,}", rest)) <= 4 and not re.search(
        r"source|filed|page|exhibit|through|until|\bto\b|period", rest, re.I)


def _defined_elsewhere(text: str, at: int) -> bool:
    """A date that belongs to another document named before it ("the Stock Purchase Agreement, dated ...")."""
    before = text[max(0, at - 100):at]
    return bool(re.search(r"\b(?:that\s+certain|the|an?)\s+(?:[\w-]+\s+){0,10}?(?i:agreement|plan|note|amendment|lease"
                          r"|license|licence)\b,?\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:dated|of|entered\s+into)\s+"
                          r"(?:as\s+of\s+|on\s+)?"
                          r"(?:the\s+)?$", before))


_EFFECTIVE_DEF = re.compile(r"^\W{0,6}(?:the\s+|this\s+)?[\"“”']{0,2}\s*(?:Effective|Commencement)\s+Date\b", re.I)
_EFFECTIVE = re.compile(r"\b(?:effective|commenc\w*|begin\w*|start\w*|take\s+effect|enter\w*\s+into\s+(?:force|effect))"
                        r"(?:\s+(?:as\s+of|on|from|with|upon|at))?\s+(?:the\s+)?$", re.I)
_DATE_HEREOF = re.compile(r"\b(?:effective|commenc\w*|begin\w*|start\w*)\b[^.;]{0,40}?\b"
                          r"(?:date\s+(?:first\s+)?(?:above|"
                          r"hereinabove|set\s+forth\s+above)\s*(?:written|stated)?|date\s+hereof|date\s+of\s+this"
                          r"\s+agreement|execution\s+date|its\s+date)\b", re.I)
_RECITAL = re.compile(r"\bWHEREAS\b|\bNOW,?\s+THEREFORE\b", re.I)
_MEANS = re.compile(r"[\"“”]?(?:Effective|Commencement)\s+Date[\"“”]?\s*(?:shall\s+)?(?:mean|means|is|:)\s+"
                    r"(?:the\s+date\s+)?", re.I)


def _in_recital(text: str, at: int) -> bool:
    """Whether `at` lies in a recital: after a "WHEREAS" with no "NOW, THEREFORE" between."""
    marks = list(_RECITAL.finditer(text, 0, at))
    return bool(marks) and marks[-1].group().upper().startswith("WHEREAS")


def effective_date(sents: Sequence[Sentence], signed: Found | None) -> Found | None:
    """The date the agreement takes effect: a date defined as the "Effective Date" (or commencement
    date), one the agreement says it is effective from; "the date first written above" is the
    agreement's own date; a definition that names no date ("the date of last signature") is given
    as written."""
    for s in sents:  # <date> (the "Effective Date"); "Effective Date" means <date>
        for a, b in date_spans(s.text):
            after, before = s.text[b:b + 40], s.text[max(0, a - 60):a]
            line_start = max(s.text.rfind("\n", 0, a), _run(s.text, a)) + 1
            if _EFFECTIVE_DEF.match(after) or _MEANS.search(before) or _EFFECTIVE_FIELD.match(s.text, line_start):
                return _date(s, a, b)
    for s in sents:  # "This Agreement shall be effective as of <date>", "commencing on <date>"
        # not in a recital: "WHEREAS, ... signed a Memorandum of Understanding ... effective from 16th June
        # 1999" tells what came before this agreement
        if re.search(r"\bagreement\b|\bterm\b", s.text, re.I):
            for a, b in date_spans(s.text):
                if _EFFECTIVE.search(s.text[max(0, a - 60):a]) and not _in_recital(s.text, a):
                    return _date(s, a, b)
    for s in sents:  # "effective as of the date first above written": the agreement's own date
        if signed is not None and _DATE_HEREOF.search(s.text):
            return signed
    for s in sents:
        m = _MEANS.search(s.text)
        if m:
            end = re.search(r"[.;]|$", s.text[m.end():]).start() + m.end()
            a, b = trim(s.text, m.start(), end)
            if b - a > 10:
                return s.found(a, b)
    return None


# -- term, expiry, renewal, notice ----------------------------------------------------------------

_TERM = re.compile(r"\b(?:term\s+of\s+this\s+agreement|initial\s+term|(?:agreement|lease|licen[cs]e|engagement)\s+"
                   r"(?:(?:shall|will)\s+)?(?:commence|begin|start|continue|remain|expire|terminate\s+on"
                   r"|be\s+in\s+effect"
                   r"|run|last|end)\w*|(?:shall|will)\s+(?:continue|remain)\s+in\s+(?:full\s+)?(?:force|effect)"
                   r"|runs?\s+for|lasts?\b|expir\w*)", re.I)
_TERM_TITLE = re.compile(r"\bterm\b|duration|expir", re.I)
_NOT_TERM = re.compile(r"\bsurviv\w*|\bconfidential|\bwarrant", re.I)
_UNTIL = re.compile(r"(?:\b(?:until|through|expir\w*(?:\s+on)?|terminat\w*\s+on|ends?\s+on|up\s+to\s+and\s+"
                    r"including|ending)\b[^.;]{0,40}|\d{4}\s+(?:to|through|until|-|–)\s+)$", re.I)
_PERPETUAL = re.compile(r"\bin\s+perpetuity\b|\bperpetual(?:ly)?\b|\bindefinite(?:ly)?\b|\buntil\s+terminated\b", re.I)
_NOTICE_AFTER = re.compile(r"^[^.;]{0,12}\b(?:prior|before|in\s+advance|preceding|notice)\b", re.I)
_FROM = re.compile(r"^\s*(?:(?:from|after|following|commencing\s+(?:on|with))\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?"
                   r"(?:Date|date\s+(?:hereof|of\s+(?:this\s+agreement|execution|signature))|execution|"
                   r"commencement)(?:\s+Date)?)", re.I)


def term_and_expiry(sents: Sequence[Sentence]) -> tuple[Found | None, Found | None]:
    """(term, expiry): the initial term's length, and when the agreement ends (a date, "perpetual",
    or the term counted from a start: then its normal form is "+<duration>" from the date the words
    name, "+<duration>@<ISO date>" when they give the date)."""
    scored = []
    for s in sents:
        if not _TERM.search(s.text) or _NOT_TERM.search(s.text) or re.search(r"\brenew", s.text[:60], re.I):
            continue
        durations = [(a, b) for a, b in duration_spans(s.text) if _TERM_BEFORE.search(s.text[max(0, a - 30):a])
                     and not _NOTICE_AFTER.match(s.text[b:])]
        until = [(a, b) for a, b in date_spans(s.text) if _UNTIL.search(s.text[max(0, a - 50):a])]
        perpetual = _PERPETUAL.search(s.text)
        if durations or until or perpetual:
            scored.append((2 * bool(_TERM_TITLE.search(s.title)) + bool(re.search(r"\bterm\b", s.text, re.I)),
                           s, durations, until, perpetual))
    if not scored:
        return None, None
    top = max(score for score, *_ in scored)
    _, s, durations, until, perpetual = next(x for x in scored if x[0] == top)
    term = s.found(*durations[0], duration_normal(s.text[slice(*durations[0])])) if durations else None
    if until:
        return term, s.found(*until[0], date_normal(s.text[slice(*until[0])]) or "")
    if perpetual and not durations:
        return term, s.found(perpetual.start(), perpetual.end(), "perpetual")
    if not durations:
        return term, None
    a, b = durations[0]
    length = duration_normal(s.text[a:b])
    named = _FROM_DATE.match(s.text[b:])
    if named:  # "one (1) year from 3 June 2024"
        start = next((date_normal(s.text[b + x:b + y]) for x, y in date_spans(s.text[b:b + named.end()])), "")
        return term, s.found(a, b + named.end(), f"+{length}@{start}" if start else "")
    counted = _FROM.match(s.text[b:])  # "two (2) years from the Effective Date"; else from its start too
    return term, s.found(a, b + (counted.end() if counted else 0), f"+{length}")


_TERM_BEFORE = re.compile(r"\b(?:for|of|period\s+of|term\s+of|lasts?|runs?|continue\w*|remain\w*|additional|initial"
                          r"|until|through|the\s+first|a|an|be|(?:term|period)\b[^.;]{0,40}?\b(?:is|are|was))\s+"
                          r"(?:a\s+|an\s+|the\s+)?"
                          r"(?:period\s+of\s+|term\s+of\s+)?$",
                          re.I)
_FROM_DATE = re.compile(r"^\s*(?:from|after|following|commencing\s+(?:on|with)|beginning\s+(?:on|with)|starting\s+on)"
                        r"\s+(?:the\s+)?[^.;]{0,30}?\d{4}")


def add_duration(start: str, relative: str) -> str:
    """"2024-03-04" + "+2 years" -> "2026-03-04": when a term counted from a date ends; "" if unknown."""
    m = re.fullmatch(r"\+(\d+(?:\.\d+)?) (day|week|month|year)s?", relative)
    d = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", start or "")
    if not (m and d):
        return ""
    from datetime import date, timedelta

    n, unit = float(m[1]), m[2]
    y, mo, day = map(int, d.groups())
    if unit in ("day", "week"):
        return (date(y, mo, day) + timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
    months = round(n * (12 if unit == "year" else 1))
    y, mo = y + (mo - 1 + months) // 12, (mo - 1 + months) % 12 + 1
    for last in (day, 30, 29, 28):  # the 31st of a shorter month is its last day
        try:
            return date(y, mo, last).isoformat()
        except ValueError:
            continue
    return ""


_RENEW = re.compile(r"\brenew\w*|\bautomatically\s+extend\w*|\bextended\s+(?:automatically\s+)?for\b|\bsuccessive\b"
                    r"|\byear[\s-]+to[\s-]+year\b", re.I)
_RENEWAL_PREFIX = re.compile(r"(?:(?:successive|additional|consecutive|further|subsequent|renewal|extension)\s+"
                             r"(?:terms?\s+of\s+|periods?\s+of\s+)?)$", re.I)
_NONRENEWAL = re.compile(r"\bnon-?renewal\b|\bnot\s+to\s+(?:renew|extend)|\bintent\w*\s+(?:not\s+)?to\s+(?:renew|"
                         r"terminate)|\bunless\b[^.]{0,120}\bnotice\b|\bterminat\w*\b[^.]{0,80}\b(?:renewal|then[\s-]+"
                         r"current|expiration|end\s+of)", re.I)


def renewal(sents: Sequence[Sentence]) -> tuple[Found | None, Found | None]:
    """(renewal term, notice period to stop a renewal): from the sentence that renews the term, and
    the notice it, or the next sentences of its clause, require."""
    for i, s in enumerate(sents):
        if not _RENEW.search(s.text) or not re.search(r"\b(?:agreement|term)\b", s.text, re.I):
            continue
        spans = [(a, b) for a, b in duration_spans(s.text) if not _NOTICE_AFTER.match(s.text[b:])
                 and not re.search(r"\b(?:least|than|within|notice)\b[^.;]{0,15}$", s.text[max(0, a - 30):a], re.I)]
        if not spans:
            continue
        renews = _RENEW.search(s.text).start()
        a, b = next(((x, y) for x, y in spans if x > renews), spans[0])  # "... then renews for one-year periods"
        prefix = _RENEWAL_PREFIX.search(s.text[max(0, a - 60):a])
        start = a - len(prefix.group()) if prefix else a
        successive = "successive " if prefix and re.match(r"successive|consecutive", prefix.group(), re.I) else ""
        term = s.found(start, b, successive + duration_normal(s.text[a:b]))
        same_clause = [t for t in sents[i:i + 4] if t.clause is s.clause]
        return term, notice_period(same_clause)
    return None, None


def notice_period(sents: Sequence[Sentence]) -> Found | None:
    """The notice a party gives to stop the term renewing: "at least ninety (90) days prior to the end
    of the then-current term"."""
    for s in sents:
        if not (_NONRENEWAL.search(s.text) or re.search(r"\bnotice\b", s.text, re.I) and _RENEW.search(s.text)):
            continue
        for a, b in duration_spans(s.text):
            if _NOTICE_AFTER.match(s.text[b:]) or re.search(r"\b(?:least|than|minimum\s+of)\s+$",
                                                            s.text[max(0, a - 20):a], re.I):
                return s.found(a, b, duration_normal(s.text[a:b]))
    return None
