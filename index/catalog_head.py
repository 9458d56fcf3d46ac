"""What an agreement's opening says it is and who it binds: the title line ("MUTUAL NON-DISCLOSURE
AGREEMENT", "This Final Contribution Agreement") and the parties with the names they are given."""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.catalog_rules import Found, Sentence
from index.jurisdictions import PLACES_WITH_AND
from index.shapes import DEFINED, name_pattern, trim
from index.types import Agreement, Clause

_KINDS = (r"(?:AGREEMENT|CONTRACT|LICEN[CS]E|LEASE|DEED|PLAN|MEMORANDUM\s+OF\s+UNDERSTANDING|TERMS\s+AND\s+CONDITIONS"
          r"|AMENDMENT|ADDENDUM|NOTE|GUARANT(?:Y|EE)|INDENTURE|CHARTER|UNDERTAKING|COMMITMENT|ARRANGEMENT|PROTOCOL)")
# A title on a line of its own: "SPONSORSHIP AGREEMENT", "## **ICML Publication Agreement**"
_TITLE_LINE = re.compile(rf"^[ \t#>*-]*(?:\*\*)?(?P<t>(?:[\w'’&,/().-]+[ \t]+){{0,12}}?{_KINDS}"
                         rf"(?:[ \t]+(?:NO\.?|Number|OF|FOR|TO)[ \t]+[\w .,'’&-]{{1,40}}?)?)(?:\*\*)?[ \t]*$",
                         re.MULTILINE | re.IGNORECASE)
_THIS_KIND = re.compile(rf"\bThis\s+(?P<t>(?:[A-Z][\w'’&-]*\s+){{0,7}}(?i:{_KINDS}))\b")
_CAPS_KINDS = _KINDS.replace(chr(92) + "s+", " ")
_CAPS_TITLE = re.compile(rf"(?<![\w,.])(?P<t>(?:[A-Z0-9][A-Z0-9'’&/()-]*,?[ \t]{{1,2}}){{0,10}}{_CAPS_KINDS})\b")
_NOISE = re.compile(r"(?:(?:EXHIBIT|ANNEX|SCHEDULE)\s+[\w.()-]+|PAGE\s+\d+\s+OF\s+\d+|\d+(?:\.\d+)*|CONFIDENTIAL\w*"
                    r"|THIS"
                    r"|EXECUTION\s+(?:VERSION|COPY)|[*]+|FINAL|REDACTED)\s+")
CAPS_CHARS = 1500
_ATTACHED = re.compile(r"^\W*(?:exhibit|schedule|annex|appendix|attachment|form\s+of|this|the\s+parties)\b", re.I)
TITLE_CHARS = 2500  # a title stands at the top


def title(clauses: Sequence[Clause], agreement: Agreement) -> Found | None:
    """The agreement's name as its opening writes it: a title line, else "This <Kind> Agreement"."""
    head = [c for c in clauses if c.start < agreement.start + TITLE_CHARS]
    for c in head:
        for m in _TITLE_LINE.finditer(c.text):
            words = m["t"].split()
            text = re.sub(r"\*\*|[#>]", "", m["t"])
            if 1 < len(words) <= 14 and not _ATTACHED.match(m["t"]) and (text.isupper() or text.istitle()
                                                                    or m.group().lstrip().startswith(("#", "**"))):
                return _line(c, m.start("t"), m.end("t"))
    for c in head:  # flattened text: the first run of capitals that ends in a kind of contract
        for m in _CAPS_TITLE.finditer(c.text, 0, max(0, agreement.start + CAPS_CHARS - c.start)):
            lead = _NOISE.match(m["t"])
            start = m.start("t") + (lead.end() if lead else 0)
            if len(c.text[start:m.end("t")].split()) > 1:
                return _line(c, start, m.end("t"))
    for c in head:
        m = _THIS_KIND.search(c.text)
        if m and len(m["t"].split()) > 1:
            return _line(c, m.start("t"), m.end("t"))
    return None


def _line(clause: Clause, s: int, e: int) -> Found:
    """A value and, as its quote, the line that holds it."""
    s, e = trim(clause.text, s, e)
    line_start = clause.text.rfind("\n", 0, s) + 1
    line_end = clause.text.find("\n", e)
    line_end = len(clause.text) if line_end < 0 else line_end
    sentence = Sentence(clause, clause.start + line_start, clause.start + line_end,
                        clause.text[line_start:line_end], "")
    return sentence.found(s - line_start, e - line_start)


_CUE = re.compile(r"\b(?:by\s+and\s+)?between\b|\bamong(?:st)?\b|\bparties\s+to\s+this\s+agreement\b"
                  r"|^[#*\s]*(?:the\s+)?"
                  r"parties\b|\bB\s?E\s?T\s?W\s?E\s?E\s?N\b|^[#\s]*I,\s", re.I | re.M)
_ALIAS_BEFORE = re.compile(r"\(\s*(?:the\s+|each\s+|hereinafter\s+(?:the\s+|referred\s+to\s+as\s+(?:the\s+)?)?)?"
                           r"[\"“'‘]?\s*$|[\"“]\s*$", re.I)
HEAD_CHARS = 4000


_BY = re.compile(r"\b(?:by\s+and\s+)?between\b|\bamong(?:st)?\b|\bB\s?E\s?T\s?W\s?E\s?E\s?N\b|\b(?:entered\s+into|made"
                 r"|executed)\s+(?:[\w,]+\s+){0,8}?by\b", re.I)
# A defined name in parentheses: ("Acme"), (the "Company"), (hereinafter referred to as "JHU"), (Transporter)
_DEFINITION = re.compile(r"\([^()\"“”]{0,60}?[\"“'‘]+(?P<q>[^\"”'’()]{1,40})[\"”'’]+[^()]{0,80}\)"
                         r"|\((?P<u>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\)")
_NOT_A_PARTY = re.compile(r"^(?:agreement|this\s+agreement|effective\s+date|parties|party|amendment|addendum|"
                          r"contract|[\w\s]*date|territory|products?|services?|term)$", re.I)
_SUFFIXES = (r"(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|Co|LP|L\.P|LLP|N\.A|S\.A|SA|plc|PLC|GmbH|AG|B\.V|N\.V"
             r"|Pty|SE)\b")
_NAME_END = re.compile(rf",\s+(?!{_SUFFIXES})|\s+(?:a|an)\s+|\s+(?:having|with|whose|located|organi[sz]ed|"
                       r"incorporated|existing|residing|acting|on\s+behalf|of\s+\d|formerly|d/b/a|doing\s+business)\b"
                       r"|\(|\n\s*\n|;|\s{3,}", re.I)


def defined_parties(sents: Sequence[Sentence], agreement: Agreement) -> list[Found]:
    """The parties of "between A, a Delaware corporation ("Acme"), and B ("Birch")": each name
    that opens the words before a defined name in the opening sentence, with that name as its role."""
    for s in [s for s in sents if s.start < agreement.start + HEAD_CHARS][:80]:
        cue = _BY.search(s.text)
        if not cue:
            continue
        # the parties' sentence, with the next ones of its clause ("A.B. Watley, Inc." ends none)
        clause = s.clause
        end = min(clause.end, s.start + 1500)
        stop = _PARTIES_END.search(clause.text, s.end - clause.start, end - clause.start)
        end = clause.start + stop.start() if stop else end
        s = Sentence(clause, s.start, end, clause.text[s.start - clause.start:end - clause.start], s.title)
        found: list[Found] = []
        at = cue.end()
        for d in _DEFINITION.finditer(s.text, at):
            role = (d["q"] or d["u"]).strip()
            pieces = _pieces(s.text, at, d.start())
            at = d.end()
            if not pieces or _NOT_A_PARTY.match(role):
                continue
            found += [s.found(a, b) for a, b in pieces[:-1]]
            found.append(s.found(*pieces[-1], role=role))
        if len(found) >= 2:
            return found
    return []


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The names in the words before a defined name: the one they open with ("Excite, Inc., a
    Delaware corporation, located at"), and one after each "and" ("Dan Alistarh and the International
    Conference on Machine Learning"; "..., whose office is at 5 Main Street, and Birch LLC")."""
    lead = re.match(r"[\s,;:)\-]*(?:and\s+|-\s*and\s*-\s*)?(?:the\s+)?", text[start:end], re.I)
    starts = [start + lead.end()] + [m.end() for m in _AND.finditer(text, start + lead.end(), end)]
    names: list[tuple[int, int]] = []
    for n, a in enumerate(starts):
        limit = starts[n + 1] if n + 1 < len(starts) else end
        cut = _AND.search(text, a)
        cut = cut if cut and cut.start() < limit else None
        stop = _NAME_END.search(text, a, cut.start() if cut else limit)
        a, b = trim(text, a, stop.start() if stop else (cut.start() if cut else limit))
        name = text[a:b]
        if _looks_like_name(name):
            if names and len(text[names[-1][0]:names[-1][1]].split()) < 2 and names[-1][1] >= a - 6:
                names[-1] = (names[-1][0], b)  # "Babcock and Wilcox": one name
            else:
                names.append((a, b))
    return names


def _looks_like_name(name: str) -> bool:
    """"Acme Robotics, Inc.", "Mutual Insurance Corporation of America", not "Shipper is engaged in"."""
    words = [w for w in name.split() if w.lower() not in ("of", "and", "the", "de", "du", "for", "&", "d/b/a", "la")]
    capitals = sum(bool(re.match(r"[A-Z0-9(]", w)) for w in words)
    return (0 < len(words) <= 12 and bool(re.match(r"[A-Z0-9]", name)) and len(name) > 1
            and capitals >= 0.75 * len(words))


_PARTIES_END = re.compile(r"\n\s*\n|\bW\s?H\s?E\s?R\s?E\s?A\s?S\b|\bRECITALS\b|\bNOW,?\s+THEREFORE\b|\bBACKGROUND\b")
_AND = re.compile(r"(?<=[\s,;)])and\s+(?:the\s+)?(?=[A-Z0-9])")


def parties(sents: Sequence[Sentence], agreement: Agreement) -> list[Found]:
    """The agreement's parties (as index.agreements read them) where the opening names them, each
    with the name the agreement gives it ("Acme Robotics, Inc." as "Acme"). Defined names are the
    parties' roles, not parties of their own, unless nothing else names them."""
    defined = defined_parties(sents, agreement)
    if defined:
        return defined
    head = [s for s in sents if s.start < agreement.start + HEAD_CHARS]
    cue = next((i for i, s in enumerate(head) if _CUE.search(s.text)), 0)
    named: list[Found] = []
    aliases: list[Found] = []
    for party in sorted(filter(_looks_like_name, agreement.parties), key=len, reverse=True):  # "Acme Inc." first
        pattern = name_pattern(party)
        found = _first_free(pattern, head[cue:] + head[:cue], named + aliases)
        if found is None:
            continue
        s, m = found
        alias = bool(_ALIAS_BEFORE.search(s.text[max(0, m.start() - 30):m.start()]))
        role = DEFINED.match(s.text, _skip_description(s.text, m.end()))
        defined = role["role"] if role else _defined_after(s.text, m.end())
        found = s.found(m.start(), m.end(), role=defined if not alias else "")
        (aliases if alias else named).append(found)
    chosen = named or aliases
    return sorted({f.start: f for f in chosen}.values(), key=lambda f: f.start)


# a defined name with words before it in its parenthesis: (together with its subsidiaries, the "Company")
_DEFINED_AFTER = re.compile(r"(?:,[^()\n]{0,120}?)?\s*\((?!\s*(?:the\s+|hereinafter\b))[^()\"“”]{1,80}?,?\s+"
                            r"(?:the\s+)?[\"“](?P<role>[A-Z][\w -]{1,40})[\"”]\s*\)")


def _defined_after(text: str, at: int) -> str:
    """The name a party is given in a parenthesis that says more than the name, right after it or its
    description; "" when none does, or it names no party ("Effective Date")."""
    m = _DEFINED_AFTER.match(text, at)
    return m["role"] if m and not _NOT_A_PARTY.match(m["role"]) else ""


def _first_free(pattern: re.Pattern, sents: Sequence[Sentence], taken: Sequence[Found]):
    """The first (sentence, match) of a name that is not part of a longer name already found."""
    for s in sents:
        for m in pattern.finditer(s.text):
            if not any(f.start <= s.start + m.start() < f.end for f in taken):
                return s, m
    return None


def _skip_description(text: str, at: int) -> int:
    """Past ", a Delaware corporation with offices at ..." to the parenthesis that defines the name."""
    window = text[at:at + 300]
    depth_free = re.match(r"[^()]*?(?=\(\s*(?:the\s+|hereinafter\s+[\w\s]{0,30}?)?[\"“])", window)
    # another party after "and" stops it, a place named with "and" does not ("incorporated in England and Wales")
    if depth_free and not re.search(r"\band\b\s+(?:the\s+)?[A-Z]|;", _PLACES_WITH_AND.sub("", depth_free.group())):
        return at + depth_free.end()
    return at


_PLACES_WITH_AND = re.compile(r"\b(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in PLACES_WITH_AND)
                              + r")\b")
