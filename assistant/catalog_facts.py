"""An agreement's governing law, date, effective date, signing date or title, asked of it: the catalog's
value, cited where the agreement states it.

"Whose legal system does this contract fall under?", "What date is on the front of this contract?"
and "When does this deal kick in?" ask what the catalog reads from every agreement
(`index/catalog_rules.py`, `index/catalog_dates.py`): the governing-law sentence, the date the opening
gives the agreement and the date it takes effect. The ranker answers them from the question's words,
and a question worded unlike the ones it was fitted on can draw the opening's "a corporation formed
under the laws of Germany", a signature block's "executed as of the Effective Date" or a clause's
"within sixty days after the Effective Date" instead. So a question that asks for one of these facts,
and nothing more, of one agreement that states it, is answered from the catalog. Where the agreement
states none the ranker answers (it may find what the catalog's rules did not read), reading the question
as the fitted kind's own ("When does this agreement take effect?" for "what's the start date?", and the
answer says so), since its everyday words lead the ranker astray as they would the catalog. The ranker
also answers, in the question's own words, where they matched several agreements: its order says which is meant
(in index order, the catalog's answer put another contract first for 3 questions of CUAD's whole
validation corpus). A yes/no question naming a place ("Is this agreement governed by New York law?")
is answered yes or no with the law the agreement names. "When did we sign this thing?" asks the date a
signature block gives; where no block gives one, the blocks sign as of the agreement's own date ("IN
WITNESS WHEREOF, the parties have executed this Agreement as of the date first above written"), and that
is the answer, where the ranker quoted that sentence or a block's party line. "What is this contract
called?" is answered with the title the catalog reads, quoted from the heading through the opening
sentence naming it: CUAD's lawyers mark the one in some contracts and the other in others.

Which questions ask for which fact are general rules of how people ask for a contract's law and dates
(not cues of any one contract); the catalog's own figures are those of `make catalog-eval`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from assistant.catalog import CatalogRow, CatalogValue
from assistant.laws import asked_places, normal_place
from assistant.plain_words import contract_wording
from assistant.snippets import shown
from assistant.types import Answer, Citation, Value
from assistant.values import is_yes_no
from index.shapes import name_pattern

_AGREEMENT = r"(?:agreement|contract|deal|document|letter|nda|lease|licen[cs]e|it|this)"
_POSSESSIVE_PLACE = r"(?:country|state|nation|jurisdiction|province|place)['’]?s?"
# "governing law?", "which jurisdiction's law governs ...", "whose laws apply ...", "under which state's or
# country's laws is it to be interpreted?", "whose legal system does it fall under?", "the choice-of-law clause"
_ASKS_LAW = re.compile(
    r"\bgoverning[\s-]+laws?\b|\bchoice[\s-]+of[\s-]+laws?\b|\bapplicable\s+law\b|\bproper\s+law\b"
    r"|\blegal\s+system\b"
    r"|\b(?:laws?|legal\s+rules)\s+(?:that\s+|which\s+)?(?:govern|governs|applies|apply|applicable\s+to|controls?)\b"
    r"|\bgoverned\s+(?:by|under)\s+(?:the\s+)?(?:\w+\s+){0,4}?laws?\b"
    rf"|\b(?:which|what|whose)\s+(?:{_POSSESSIVE_PLACE}\s+(?:or\s+{_POSSESSIVE_PLACE}\s+)?)?(?:laws?|rules)\b"
    r"[^?]{0,50}?\b(?:apply|applies|govern|governs|control|controls|interpreted|construed|decide|used)\b"
    rf"|\bunder\s+(?:which|what|whose)\s+(?:{_POSSESSIVE_PLACE}\s+(?:or\s+{_POSSESSIVE_PLACE}\s+)?)?laws?\b",
    re.IGNORECASE)
# a question about other laws than the one governing the agreement: compliance, incorporation, export, tax;
# about courts or arbitration as well (a two-part question the ranker answers whole)
_NOT_GOVERNING = re.compile(
    r"\b(?:compl(?:y|ies|iance)|incorporat\w*|organi[sz]ed|formed|registered|existing|export\w*|import\w*|tax\w*"
    r"|privacy|data\s+protection|securities|labou?r|employment\s+law|anti-?\w+|sanction\w*|regulat\w*|breach\w*"
    r"|violat\w*|courts?|venue|forum|arbitrat\w*|tribunal|jurisdiction(?!['’]s)|where|lawsuits?|suits?|sue"
    r"|litigat\w*|jury)\b",
    re.IGNORECASE)
# "what is the date of this agreement?", "when was the contract made / entered into?", "what date is on the
# front of this contract?", "agreement date?"; not when it was signed (signature blocks may date each signing:
# assistant/signatories.py)
_ASKS_DATE = re.compile(
    rf"\b(?:date|day)\s+(?:of|on|for)\s+(?:the\s+front\s+of\s+)?(?:this|the|our|that|their)\s+"
    rf"(?:\w+\s+){{0,2}}?{_AGREEMENT}\b"
    r"|\b(?:agreement|contract)\s+date\b"
    r"|\b(?:when|date|day)\b[^?.]{0,50}?\b(?:was|were|is|got|been)\s+(?:\w+\s+){0,3}?"
    r"(?:made|dated|entered|concluded)\b"
    r"|\bwhen\s+did\s+(?:we|they|you|both\s+(?:parties|sides)|the\s+(?:two\s+)?(?:parties|sides))\s+"
    r"(?:\w+\s+)?(?:enter|conclude|make)\b"
    r"|\bwhat\s+(?:date|day)\b[^?]{0,50}?\b(?:front|top|heading)\b"
    rf"|\bdated\s+when\b|\b(?:is|was)\s+(?:this|the|it|our)\s+(?:\w+\s+)?{_AGREEMENT}\s+dated\b"
    r"|\bhow\s+is\s+it\s+dated\b",
    re.IGNORECASE)
# not the agreement's own date: when it starts or ends, an amendment, or a date under it
_NOT_AGREEMENT_DATE = re.compile(
    r"\b(?:effective|commenc\w*|start\w*|begin\w*|began|kick\w*|expir\w*|end|ends|ended|ending|terminat\w*|renew\w*"
    r"|amend\w*|deliver\w*|pa(?:y|id|yment)\w*|due|notice|invoice\w*|launch\w*|until|last|run\s+out|closing)\b",
    re.IGNORECASE)
# "what is the effective date?", "when does the agreement take effect / come into force / kick in?", "from which
# day are we bound by it?", "start date?"
_ASKS_START = re.compile(
    r"\b(?:effective|commencement|start(?:ing)?)\s+date\b|\bdate\s+of\s+commencement\b"
    r"|\b(?:take|takes|took|taking)\s+effect\b|\b(?:come|comes|came|coming)\s+into\s+(?:force|effect)\b"
    r"|\b(?:in\s+(?:force|effect)|effective|bound|binding)\s+(?:from|as\s+of)\b|\bkick(?:s|ed)?\s+in\b"
    r"|\bgo(?:es)?\s+live\b"
    rf"|\bwhen\s+(?:does|did|will|do)\s+(?:this|the|our|that|its|it)\b[^?.]{{0,40}}?"
    r"\b(?:start|begin|commence|become\s+effective|become\s+binding)\b"
    r"|\b(?:from|as\s+of|starting)\s+(?:what|which)\s+(?:day|date)\b",
    re.IGNORECASE)
# not the agreement's own start: its end, a renewal, an amendment, a payment or a notice, or a party's duty
_NOT_START = re.compile(
    r"\b(?:expir\w*|end|ends|ended|ending|terminat\w*|renew\w*|until|last|lasts|amend\w*|pa(?:y|id|yment)\w*"
    r"|deliver\w*|notice|invoice\w*|royalt\w*|warrant\w*|price\w*|launch\w*|services?|work|employment|exclusiv\w*)\b",
    re.IGNORECASE)


# "what is the title of this agreement?", "what is this contract called?", "agreement title", "name of the
# deal?", "what kind of agreement is this?", "what's the name on the front of this contract?", "what does it
# say at the very top?", "the agreement states its own title"
_ASKS_TITLE = re.compile(
    rf"\b(?:title|name)\s+of\s+(?:this|the|our|that|their)\s+(?:\w+\s+)?{_AGREEMENT}\b"
    r"|\b(?:agreement|contract|document|deal)(?:['’]s)?\s+(?:title|name)\b"
    rf"|\b(?:is|['’]s|was)\s+(?:this|the|our|that|it)\s+(?:\w+\s+)?(?:{_AGREEMENT}\s+)?(?:actually\s+|officially\s+)?"
    r"(?:called|titled|named|entitled)\s*(?:[?.]|$)"
    r"|\bwhat\s+(?:do|does|did)\b[^?]{0,60}?\bcall\s+(?:this|the|it)\b"
    r"|\bname\s+(?:on|at)\s+(?:the\s+)?(?:very\s+)?(?:front|top|cover|head)\b"
    r"|\b(?:kind|sort|type)\s+of\s+(?:agreement|contract|document|deal)\s+(?:is|was)\s+(?:this|it|that)\b"
    r"|\b(?:formal|own|official)\s+(?:title|name)\b|\bsay\s+at\s+the\s+(?:very\s+)?top\b",
    re.IGNORECASE)
# not the agreement's name: title to goods, a person's or signer's title, a work's title, a right ("entitled
# to"), who someone is
_NOT_TITLE = re.compile(
    r"\btitle\s+to\b|\bjob\s+title|\b(?:signer|signatory|signatories|officer|person|employee|his|her)\b"
    r"|\btitles?\s+(?:of|for)\s+(?:the\s+|their\s+|its\s+)?(?:paper|work|article|book|chapter|song|film"
    r"|publication|products?|position|role|invention)\b|\bentitled\s+to\b|\bwho\b|\bsign\w*",
    re.IGNORECASE)


# "when was it signed?", "when did we sign this thing?", "on what date was the agreement executed?", "signing
# date?": when the agreement itself was signed, not when a party must sign or execute something under it
_SIGNED = r"(?:sign|signed|execute|executed|countersign|countersigned|ink|inked)"
_ASKS_SIGNED = re.compile(
    rf"\bwhen\s+(?:was|were|did|had|have|has)\b[^?.]{{0,60}}?\b{_SIGNED}\b"
    rf"|\b(?:what|which)\s+(?:date|day)\s+(?:was|were|did|had|have|has)\b[^?.]{{0,60}}?\b{_SIGNED}\b"
    r"|\b(?:on|at)\s+what\s+(?:date|day)\b[^?.]{0,60}?\b(?:signed|executed|countersigned)\b"
    r"|\b(?:signing|signature|execution)\s+date\b|\bdate\s+of\s+(?:signing|signature|execution)\b"
    rf"|\b(?:date|day)\s+(?:on\s+which\s+)?(?:this|the|our|it)\s+(?:\w+\s+)?(?:{_AGREEMENT}\s+)?(?:was|were)\s+"
    r"(?:signed|executed|countersigned)\b",
    re.IGNORECASE)
# something signed under the agreement, not the agreement: an order, an amendment, a notice, a schedule
_NOT_SIGNED_AGREEMENT = re.compile(
    r"\b(?:orders?|statements?\s+of\s+work|sows?|exhibits?|schedules?|annex\w*|appendi\w*|certificates?"
    r"|releases?|waivers?|consents?|forms?|receipts?)\b", re.IGNORECASE)


# a title's heading and the opening sentence naming it again are quoted as one within this many characters
NAMED_AGAIN = 400
# a signature block's lines: a date beside them dates a signing
_BLOCK = re.compile(r"\bBy:|/s/|\bName:|\bTitle:", re.IGNORECASE)


# a second question after the first ("... take effect, and how long is its initial term?"): the ranker
# answers both
_TWO_PARTS = re.compile(r"\band\s+(?:how|what|when|where|who|whom|which|whether|is|are|does|do|can|may|must|has"
                        r"|have)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Fact:
    """How a question asking one catalog fact is answered: from one agreement's catalog row, and where
    the row holds none, as the fitted `kind` of question (kind_questions.json, "" for none) is."""

    answer: Callable[[str, CatalogRow, str], Answer | None]
    kind: str


def answerer(question: str) -> Fact | None:
    """The one fact the question asks, in the order law, date, effective date, signing date, title, read
    in its own words and else in the contract's (assistant/plain_words.py: "What date did we put our
    names to this?" asks when it was signed); None when it asks none of them."""
    for text in dict.fromkeys((question, contract_wording(question))):  # "put our names to" is "signed"
        fact = next((fact for asks, fact in _FACTS if asks(text)), None)
        if fact is not None:
            return fact
    return None


def asks_governing_law(question: str) -> bool:
    """Whether the question asks which law governs the agreement, not which other laws it names."""
    return _asks(question, _ASKS_LAW, _NOT_GOVERNING)


def asks_agreement_date(question: str) -> bool:
    """Whether the question asks the date the agreement gives itself (made, dated, entered into), not when
    it was signed, starts, ends or something under it happens."""
    return _asks(question, _ASKS_DATE, _NOT_AGREEMENT_DATE)


def asks_effective_date(question: str) -> bool:
    """Whether the question asks when the agreement itself takes effect, not when it ends or when something
    under it starts."""
    return _asks(question, _ASKS_START, _NOT_START)


def asks_title(question: str) -> bool:
    """Whether the question asks the agreement's own name, not a work's, a person's or title to goods."""
    return _asks(question, _ASKS_TITLE, _NOT_TITLE)


def asks_when_signed(question: str) -> bool:
    """Whether the question asks when the agreement itself was signed, not when something under it is or
    must be signed, nor when it was made, starts or ends as well."""
    return _asks(question, _ASKS_SIGNED, _NOT_AGREEMENT_DATE, _NOT_SIGNED_AGREEMENT)


def _asks(question: str, asked: re.Pattern, *excluded: re.Pattern) -> bool:
    """Whether the question says `asked`, none of `excluded` and no second question after the first."""
    return bool(asked.search(question or "")) and not any(p.search(question) for p in (*excluded, _TWO_PARTS))


def title_answer(question: str, row: CatalogRow, searched: str) -> Answer | None:
    """The agreement's title as its heading (or opening) writes it, quoted through its naming again within
    NAMED_AGAIN characters ("COOPERATION AGREEMENT\n\nThis COOPERATION AGREEMENT") and through the opening
    sentence that names it (the one the catalog read the parties or the date from: "EXCLUSIVE DISTRIBUTION
    AGREEMENT\n\nThis Exclusive Distribution Agreement (this "Agreement") is made ... by and between ...");
    that sentence is cited after it where it stands further off. Readers, and CUAD's lawyers, take either
    the heading or the opening's naming for the title. None when the catalog read no title."""
    title = row.title.citation
    if title is None:
        return None
    named = name_pattern(row.title.text, re.IGNORECASE)
    title = _through_namings(title, named, row.title.start, row.title.end)
    opening = next((c for c in (*(p.citation for p in row.parties), row.agreement_date.citation,
                                row.effective_date.citation)
                    if c is not None and (c.start < title.start or c.end > title.end) and named.search(c.quote)),
                   None)
    more: tuple[Citation, ...] = ()
    if opening is not None and opening.clause == title.clause and opening.start - title.end <= NAMED_AGAIN:
        title = _spanning(title, min(title.start, opening.start), max(title.end, opening.end))
    elif opening is not None:
        more = (opening,)
    return fact_answer(question, replace(row, title=replace(row.title, citation=title)), "title", "title",
                       searched, more)


def _through_namings(citation: Citation, named: re.Pattern, start: int, end: int) -> Citation:
    """The title's quote run on to its next naming after it, and back to the line of one before it, each
    within NAMED_AGAIN characters of the title (`start`-`end`) in its clause."""
    text, base = citation.clause_text, citation.clause_start
    s, e = start - base, end - base
    first, last = citation.start, citation.end
    after = named.search(text, e, min(len(text), e + NAMED_AGAIN))
    if after:
        last = max(last, base + after.end())
    before = [m for m in named.finditer(text, max(0, s - NAMED_AGAIN), s) if m.end() <= s]
    if before:
        first = min(first, base + text.rfind("\n", 0, before[-1].start()) + 1)
    return _spanning(citation, first, last)


def _spanning(citation: Citation, start: int, end: int) -> Citation:
    """The citation widened to start-end of its clause."""
    quote = citation.clause_text[start - citation.clause_start:end - citation.clause_start]
    return replace(citation, start=start, end=end, quote=quote)


def law_answer(question: str, row: CatalogRow, searched: str) -> Answer | None:
    """The agreement's governing law, cited at its governing-law sentence; Yes or No first when a yes/no
    question names a place. None when the agreement states none."""
    answer = fact_answer(question, row, "governing_law", "law", searched)
    places = asked_places(question)
    if answer is None or not places or not is_yes_no(question):
        return answer
    value = row.governing_law
    said = "Yes" if normal_place(value.normal or value.text) in places else "No"
    lead = f"{said}: governed by the law of {shown(value.text)} [1]"
    return replace(answer, text="\n".join([lead, *answer.text.split("\n")[1:]]))


def date_answer(question: str, row: CatalogRow, searched: str) -> Answer | None:
    """The agreement's date as its opening (or its execution clause) gives it, cited there. None when it
    states none."""
    return fact_answer(question, row, "agreement_date", "date", searched)


def signing_date_answer(question: str, row: CatalogRow, searched: str) -> Answer | None:
    """When the agreement was signed: its own date, which a block left undated signs on ("IN WITNESS
    WHEREOF, the parties have executed this Agreement as of the date first above written"), then the date
    each block that gives one signed on ("23rd day of September 1998 [1]; signature blocks dated 9/23/98 [2],
    9/29/98 [3]"). None when the agreement states no date, its date was read from a block, or the
    question names a party or signer ("when did Acme sign?": that block says when, assistant/signatories.py)."""
    citation = row.agreement_date.citation
    if citation is not None and (citation.clause == "signatures" or _BLOCK.search(citation.quote)):
        return None  # a date read from a block, even one the catalog's blocks did not parse ("Date:: 5/4/2016")
    blocks = [s.date for s in row.signatures if s.date.citation is not None]
    if blocks and _names_a_signatory(question, row):
        return None
    more = tuple(dict.fromkeys(b.citation for b in blocks if b.citation != citation))
    answer = fact_answer(question, row, "agreement_date", "date", searched, more=more)
    if answer is None or not more:
        return answer
    dated = [(b, more.index(b.citation) + 2) for b in blocks if b.citation in more]
    lead = f"{shown(row.agreement_date.text)} [1]; signature blocks dated " + ", ".join(
        f"{b.text} [{n}]" for b, n in dated)
    values = [*answer.values, *(Value(b.text, b.start, b.end, "date", n - 1) for b, n in dated)]
    return replace(answer, text="\n".join([lead, *answer.text.split("\n")[1:]]), values=tuple(values))


def _names_a_signatory(question: str, row: CatalogRow) -> bool:
    """Whether a capitalised word of the question, after its first, names one of the agreement's parties,
    their defined names or a signer ("When did Acme sign?", "When did the Distributor sign?"), or it asks
    of a person ("When did he sign it?")."""
    names = {w.casefold() for v in (*row.parties, *(x for s in row.signatures for x in (s.signer, s.party)))
             if v.stated for w in re.findall(r"[\w&'’-]+", f"{v.text} {v.role}")}
    return any(w.casefold() in names for w in re.findall(r"(?<=\s)[A-Z][\w&'’-]+", question)) \
        or _PERSON.search(question) is not None


_PERSON = re.compile(r"\b(?:he|she|him|his|her|hers)\b", re.IGNORECASE)


def effective_date_answer(question: str, row: CatalogRow, searched: str) -> Answer | None:
    """The agreement's effective date as it states it, cited there. None when it states none, or has it
    only from a signature block ("begins on the date above" and "signed ... on the 8th day of January,
    2022"): the block says when it was signed, the clause that it begins then."""
    citation = row.effective_date.citation
    if citation is not None and citation.clause == "signatures":
        return None
    return fact_answer(question, row, "effective_date", "date", searched)


# a signing date the catalog cannot give is a signature block's, which no fitted kind asks for alone
_FACTS = ((asks_governing_law, Fact(law_answer, "Governing Law")),
          (asks_agreement_date, Fact(date_answer, "Agreement Date")),
          (asks_effective_date, Fact(effective_date_answer, "Effective Date")),
          (asks_when_signed, Fact(signing_date_answer, "")),
          (asks_title, Fact(title_answer, "Document Name")))


def fact_answer(question: str, row: CatalogRow, field: str, kind: str, searched: str,
                more: tuple[Citation, ...] = ()) -> Answer | None:
    """One catalog field of the agreement as the answer, as a one-agreement answer reads: the value, then
    the agreement and clause with the sentence stating it ("Delaware [1]\nAcme (clause 10): "..." [1]"),
    and `more` quotes after it, each on its own line. None when the agreement states no such value."""
    value: CatalogValue = getattr(row, field)
    citation = value.citation
    if citation is None:
        return None
    citations = (citation, *more)
    lines = [f"{row.agreement} (clause {c.clause}): \"{shown(c.quote)}\" [{n}]" for n, c in enumerate(citations, 1)]
    text = lines[0] if len(lines) == 1 else "\n".join(f"- {line}" for line in lines)
    return Answer(question=question, text=f"{shown(value.text)} [1]\n{text}", found=True, citations=citations,
                  searched=searched, values=(Value(value.text, value.start, value.end, kind, 0),))
