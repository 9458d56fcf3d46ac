"""Where a party is: "where is Acme based?", "what is Birch's address?", "where does Sofia Ruiz live?".
An agreement's opening gives each party's address beside its name ("Acme Robotics, Inc., a Delaware
corporation with offices at 400 Foundry Street, ..."; "Sofia Ruiz, residing at ..."; "with its seat
in Munich"), and no clause uses the question's "based" or "live": the ranker refused, or quoted the
courts "located in" some county. The answer is the address the opening gives after the party's name,
cited in the sentence that names the party (the catalog's).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer import display
from assistant.catalog import CatalogRow, CatalogValue
from assistant.groups import cite_once
from assistant.shapes import normalise
from assistant.text import initials
from assistant.types import Answer, Citation, Value
from index.terms import content_terms

_PLACE_NOUN = (r"(?:(?:registered|postal|business|home|street|head|main|principal|executive|mailing)\s+)*"
               r"(?:address(?:es)?|offices?|headquarters|seat|place\s+of\s+business)")
_ASKS = re.compile(
    rf"^\s*(?:where\s+(?:is|are|was|were)\s+(?P<f>[^?]+?)['’]s?\s+{_PLACE_NOUN}"
    r"|where\s+(?:is|are|was|were)\s+(?P<a>[^?]+?)(?:\s+(?:located|based|headquartered|situated|domiciled))?"
    r"|where\s+(?:does|do|did)\s+(?P<b>[^?]+?)\s+(?:live|reside|have\s+(?:its|their|his|her)\s+"
    r"(?:offices?|seat|headquarters|address))"
    rf"|what\s+(?:is|are|was|were)\s+(?P<c>[^?]+?)['’]s?\s+{_PLACE_NOUN}"
    rf"|(?:what\s+(?:is|are|was|were)\s+)?the\s+{_PLACE_NOUN}\s+of\s+(?P<d>[^?]+?)"
    rf"|(?P<e>[^?]+?)['’]s?\s+{_PLACE_NOUN})\s*\?*[!.]?\s*$",
    re.IGNORECASE)
# what introduces a party's address in an opening: "with offices at", "having its principal place of
# business at", "located at", "residing at", "with its seat in", "whose registered office is at"
_INTRODUCED = re.compile(
    r"\b(?:(?:with|having)\s+(?:its|their|his|her)?\s*(?:(?:principal|registered|head|executive|main|chief)\s+)*"
    r"(?:offices?|place\s+of\s+business|seat|headquarters|address)(?:\s+(?:located|situated))?"
    r"|whose\s+(?:(?:principal|registered|head)\s+)*(?:office|address|seat)\s+is"
    r"|located|situated|residing|resident|domiciled|headquartered)\s+(?:at|in|:)\s+"
    r"(?P<v>[^()\"“”;]{3,150}?)(?=\s*(?:\(|;|\n|\.(?:\s|$)|$|,\s+(?:and|or|a|an|the|hereinafter)\b))",
    re.IGNORECASE)
_AFTER = 300  # how far past a party's name its address may begin


def asks_whereabouts(question: str) -> str:
    """Whom a question asks the address of ("Acme" in "where is Acme based?"); "" for any other
    question, and for a "where" that asks something other than a whereabouts ("where is the
    agreement governed?" names no party: whereabouts_answer then gives None)."""
    m = _ASKS.match(question or "")
    if not m:
        return ""
    name = next(v for v in m.groupdict().values() if v)
    return re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)


def whereabouts_answer(question: str, name: str, rows: Sequence[CatalogRow], searched: str) -> Answer | None:
    """The address each agreement's opening gives for the party `name` names, cited in the sentence
    naming the party. One address when every agreement gives the same one; None when no agreement
    names such a party with an address beside it (the ranker answers then)."""
    found: list[tuple[CatalogRow, Citation, int, int]] = []
    for row in rows:
        for party in row.parties:
            if party.stated and _names(name, party):
                span = _address(party, row.parties)
                if span:
                    found.append((row, party.citation, *span))
    if not found:
        return None
    said = [normalise(c.quote[s:e], "place") for _, c, s, e in found]
    # an address cut short ("10010 North Torrey Pines Road . La Jolla") is the same as its whole
    whole = [n for n in said if not any(o != n and o.startswith(n) for o in said)]
    if len(set(whole)) == 1:
        # one party, one address: "where is ICML located?" asked of its many agreements
        found = [found[said.index(whole[0])]]
    citations, values, leads, lines = [], [], [], []
    for row, citation, start, end in found:
        at, new = cite_once(citations, citation)
        if new:
            lines.append(f"- {row.agreement} (clause {citation.clause}): \"{display(citation.quote)}\" [{at + 1}]")
        text = citation.quote[start:end]
        values.append(Value(text, citation.start + start, citation.start + end, "place", at))
        leads.append(f"{text} [{at + 1}]" if len(found) == 1 else f"{row.agreement}: {text} [{at + 1}]")
    return Answer(question=question, text="\n".join(["; ".join(leads), *lines]), found=True,
                  citations=tuple(citations), searched=searched, values=tuple(values))


def _names(name: str, party: CatalogValue) -> bool:
    """Whether the name is this party's and nothing more: every word of it is a word of the party's name
    or of the name the agreement gives it ("Acme", "the Licensee", "Harbor" for "Harbor Point Logistics
    Corp."), or it is the name's initials. "the seat of arbitration under the Acme NDA" names more."""
    asked = set(content_terms(name))
    own = set(content_terms(party.text)) | set(content_terms(party.role))
    return bool(asked) and asked <= own or name.casefold() == initials(party.text).casefold()


def _address(party: CatalogValue, parties: Sequence[CatalogValue]) -> tuple[int, int] | None:
    """(start, end) in the party's citation quote of the address given after its name, before the next
    party is named; None when there is none."""
    quote, citation = party.citation.quote, party.citation
    after = party.end - citation.start
    if not 0 <= after <= len(quote):
        return None
    following = [p.start - citation.start for p in parties
                 if p.citation == citation and p.start - citation.start > after]
    window = quote[after:min([after + _AFTER, *following])]
    m = _INTRODUCED.search(window)
    return (after + m.start("v"), after + m.end("v")) if m else None
