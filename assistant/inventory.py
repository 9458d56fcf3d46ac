"""Questions about the collection itself: "How many agreements are there?", "List all agreements",
"Which contracts are indexed?". No clause answers them; the catalog does: every agreement in scope,
by its title and parties, each cited where its opening states them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer import base_clause, display
from assistant.catalog import CatalogRow, CatalogValue
from assistant.holders import names_party
from assistant.scope import kind_acronyms
from assistant.text import content_terms
from assistant.types import Answer, Citation, Value
from index.shapes import NAME_PARTICLE

_THINGS = r"(?:agreements|contracts|documents)"
_ASKS = re.compile(
    rf"^\s*(?:how\s+many\s+{_THINGS}\b(?:\s+(?:are\s+there|do\s+(?:we|i|you)\s+have|are\s+(?:indexed|loaded|stored)"
    rf"|have\s+(?:we|i|you)\s+(?:got|indexed|loaded)|(?:are\s+)?in\s+(?:the|this|my|our)\s+(?:index|collection|corpus)))?"
    rf"|(?:list|show|name|enumerate)(?:\s+me)?\s+(?:all\s+)?(?:the\s+|my\s+|our\s+)?(?:indexed\s+)?{_THINGS}"
    rf"|(?:which|what)\s+{_THINGS}\s+(?:are\s+(?:there|indexed|loaded|available)|do\s+(?:we|i|you)\s+have"
    rf"|(?:are\s+)?in\s+(?:the|this|my|our)\s+(?:index|collection|corpus)))"
    r"\s*(?:here|so\s+far|now)?\s*[?.!]*\s*$", re.IGNORECASE)


# the same of the agreements some names pick out: "list the agreements with Acme", "how many contracts
# does Birch have?", "show me the agreements for the TinyScript paper" (answered so only when the
# names do pick agreements out, or name a party of the catalog: see with_party)
_ASKS_OF = re.compile(
    rf"^\s*(?:how\s+many\s+{_THINGS}\s+(?:does|do|did)\s+(?P<has>.+?)\s+have"
    rf"|how\s+many\s+{_THINGS}\s+(?:are\s+there\s+|do\s+(?:we|i|you)\s+have\s+|are\s+)?(?:with|for|involving|between)\s+(?P<count>.+?)"
    rf"|(?:list|show|name|enumerate)(?:\s+me)?\s+(?:all\s+)?(?:the\s+|my\s+|our\s+)?{_THINGS}"
    r"\s+(?:with|for|of|involving|between)\s+(?P<listed>.+?)"
    rf"|(?:which|what)\s+{_THINGS}\s+(?:is|are)\s+(?P<party>.+?)\s+(?:a\s+)?part(?:y|ies)\s+to"
    rf"|(?:which|what)\s+{_THINGS}\s+involve\s+(?P<involved>.+?)"
    rf"|(?:which|what)\s+{_THINGS}\s+(?:name|list|include|have)\s+(?P<as_party>.+?)\s+as\s+(?:a\s+)?part(?:y|ies)"
    rf"|in\s+(?:which|what)\s+{_THINGS}\s+(?:is|are)\s+(?P<party_in>.+?)\s+(?:a\s+)?part(?:y|ies))"
    r"\s*[?.!]*\s*$", re.IGNORECASE)


# the agreements of a kind: "which agreements are NDAs?", "list the employment contracts", "how many
# leases are there?" (answered so only when the words are those of some agreements' titles: "which
# agreements are governed by New York law?" is no kind)
_KIND_WORDS = r"[\w&/-]+(?:\s+[\w&/-]+){0,3}?"
_OF_KIND = re.compile(
    rf"^\s*(?:(?:which|what)\s+(?:of\s+(?:the|these|our|my)\s+)?{_THINGS}\s+are\s+(?:an?\s+)?(?P<are>{_KIND_WORDS})"
    rf"|(?:list|show|name|enumerate|find)(?:\s+me)?\s+(?:all\s+)?(?:the\s+|my\s+|our\s+)?(?P<listed>{_KIND_WORDS})"
    r"\s+(?:agreements|contracts)"
    rf"|how\s+many\s+(?P<counted>{_KIND_WORDS})(?:\s+(?:agreements|contracts))?"
    r"\s+(?:are\s+there|do\s+(?:we|i|you)\s+have))"
    r"\s*[?.!]*\s*$", re.IGNORECASE)
_PLURAL_INITIALS = re.compile(r"\b([A-Z]{2,6})s\b")  # "NDAs", "SOWs"


def asked_kind(question: str) -> str:
    """The kind of agreement a question asks for the agreements of ("NDAs"), or ""."""
    m = _OF_KIND.match(question or "")
    kind = next((v for v in m.groupdict().values() if v), "") if m else ""
    return kind if content_terms(kind) else ""  # "list the agreements": all of them


def of_kind(kind: str, rows: Sequence[CatalogRow]) -> list[CatalogRow]:
    """The agreements whose stated title holds every word of `kind` and names its kind by them: its
    initials ("NDAs": the Mutual Non-Disclosure Agreement) or the word before "Agreement" ("leases":
    the Equipment Lease Agreement; "exclusive" alone names no kind of the Exclusive Distribution
    Agreement)."""
    words = set(content_terms(_PLURAL_INITIALS.sub(r"\1", kind)))

    def named(title: str) -> bool:
        acronyms = set(content_terms(" ".join(kind_acronyms(title))))
        head = content_terms(re.split(r"\b(?:agreement|contract)\b", title, flags=re.IGNORECASE)[0])[-1:]
        return words <= set(content_terms(title)) | acronyms and bool(words & (acronyms | set(head)))

    return [row for row in rows if words and row.title.stated and named(row.title.text)]


def asks_inventory(question: str) -> bool:
    """Whether the question asks which agreements there are (all of them in scope), not what they say."""
    return bool(_ASKS.match(question or ""))


def asks_inventory_of(question: str) -> bool:
    """Whether it asks which agreements there are with someone or for something the question names."""
    return bool(_ASKS_OF.match(question or ""))


def named_in(question: str) -> str:
    """Whom or what an inventory question names: "ICML" in "which agreements is ICML a party to?"."""
    m = _ASKS_OF.match(question or "")
    if not m:
        return ""
    name = next(v for v in m.groupdict().values() if v)
    return re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)


def asks_membership(question: str) -> bool:
    """Whether an inventory question asks which agreements someone is a party to ("which agreements
    name IMLS as a party?"), so each agreement is best cited where its opening names them."""
    m = _ASKS_OF.match(question or "")
    return bool(m) and any(m.group(g) for g in ("party", "as_party", "party_in"))


def with_party(rows: Sequence[CatalogRow], name: str) -> dict[str, CatalogValue]:
    """Agreement key -> the stated party the name names, as a holders question tells it (by its words,
    its initials or the name the agreement gives it: "ICML"). A party every agreement shares is no
    scope, so the scope finder picks nothing for "the agreements with ICML"; its agreements are still
    the ones it is a party to. "An individual" names each party that is a person (see is_individual)."""
    out = {}
    if _INDIVIDUAL.match(name):
        for row in rows:
            person = next((v for v in row.parties if v.stated and is_individual(v.text)), None)
            if person:
                out[row.key] = person
        return out
    for row in rows:
        party = next((v for v in row.parties if v.stated and (names_party(name, v.text)
                                                              or v.role and names_party(name, v.role))), None)
        if party:
            out[row.key] = party
    return out


def inventory_answer(question: str, rows: Sequence[CatalogRow], searched: str,
                     cite: dict[str, CatalogValue] | None = None) -> Answer:
    """"5 agreements in 4 files:", then each agreement by its label and file, citing the line of its
    opening that states its title (or its parties, where no title is stated); `cite`: the value to
    cite instead for some agreements (the party a question names)."""
    files = len({row.file for row in rows})
    lead = f"{len(rows)} agreement{'' if len(rows) == 1 else 's'} in {files} file{'' if files == 1 else 's'}:"
    citations: list[Citation] = []
    values: list[Value] = []
    lines = [lead]
    for row in rows:
        stated = [v for v in (row.title, *row.parties) if v.stated]
        if cite and row.key in cite:
            stated = [cite[row.key]]
        if not stated:
            lines.append(f"- {row.agreement} ({row.file}): no title or party stated")
            continue
        cited = stated[0].citation
        citations.append(cited)
        values += [Value(v.text, v.start, v.end, "title" if v is row.title else "party", len(citations) - 1)
                   for v in stated if v.citation == cited]
        lines.append(f"- {row.agreement} ({row.file}, {_where(cited.clause)}): \"{display(cited.quote)}\" "
                     f"[{len(citations)}]")
    return Answer(question=question, text="\n".join(lines), found=bool(rows), citations=tuple(citations),
                  searched=searched, values=tuple(values))


def _where(clause: str) -> str:
    return clause if clause in ("preamble", "signatures") else f"clause {base_clause(clause)}"


# "which agreements have an individual as a party?", "... involve a natural person?"
_INDIVIDUAL = re.compile(r"^(?:an?\s+|any\s+)?(?:private\s+|natural\s+)?"
                         r"(?:individuals?|persons?|people|human\s+beings?)$", re.IGNORECASE)
_HONORIFIC = re.compile(r"^(?:dr|mr|mrs|ms|miss|mx|prof|professor|sir|dame)\.?$", re.IGNORECASE)
_PARTICLE = re.compile(rf"^{NAME_PARTICLE}$")
# words that name an organisation, never a person: legal forms and the nouns bodies are named by
_ORGANISATION = frozenset(content_terms(
    "inc incorporated corp corporation co company ltd limited llc lp llp plc gmbh ag sa bv nv kg oy ab as spa srl "
    "group holdings holding partners partnership trust fund bank capital ventures industries enterprises international "
    "conference society association foundation institute university college school council committee board "
    "federation union league club organisation organization agency authority ministry department government office "
    "centre center laboratory laboratories lab labs hospital church systems services solutions technologies software "
    "publishing press media"))


def is_individual(name: str) -> bool:
    """Whether a party's name is a person's: two to four capitalised words (a title such as "Dr."
    and particles such as "van der" aside), none of them an organisation's word ("Inc", "Conference")
    nor initials ("ICML"). "Dr. Helena Marsh" and "Joost van der Berg" are; "Acme Robotics, Inc." and
    "International Conference on Machine Learning" are not."""
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    while words and _HONORIFIC.match(words[0]):
        words = words[1:]
    named = [w for w in words if not _PARTICLE.match(w)]
    if not 2 <= len(named) <= 4:
        return False
    return all(_is_name_word(word.strip(",;:'’")) for word in named)


def _is_name_word(word: str) -> bool:
    """A capitalised word of letters with a lower-case one among them ("Ruiz", "McDonald", "Zoë",
    "Jean-Luc"), or an initial ("F."); not initials ("ICML"), a number, an "&", nor an organisation's word."""
    if re.fullmatch(r"[A-Z]\.?", word):
        return True
    letters = re.sub(r"['’-]", "", word)
    return word[:1].isupper() and letters.isalpha() and any(ch.islower() for ch in letters) \
        and not set(content_terms(word)) & _ORGANISATION
