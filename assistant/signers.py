"""Who signed, read from the catalog's signature blocks. When the question names no party and no
person ("who signed the NDA?", "who are the signatories?"), every block that names its signer answers:
the ranker alone quotes one block, often the caption that names a party and no one signing. When it
names a party whose block no span of the text holds alone (blocks side by side: "VANTOR ...      SELK
..." over "By: ...      By: ..."), the blocks signed for that party answer. Each signer is cited where
the block names them, from the caption above when nothing stands between."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from assistant.answer import display
from assistant.catalog import CatalogRow
from assistant.groups import group, summary
from assistant.holders import names_party
from assistant.signatories import name_words
from assistant.text import content_terms
from assistant.types import Answer, Citation, Value

MAX_LISTED = 20  # agreements: past this, "who signed?" is too wide to list; the ranker answers


def names_no_one(question: str, scope_terms: Collection[str], rows: Sequence[CatalogRow]) -> bool:
    """Whether the question names no one to sign for or as: its words besides the signing words name
    only what scoped it or the agreements' titles ("who signed the supply agreement?")."""
    titles = {t for row in rows if row.title.stated for t in content_terms(row.title.text)}
    return not set(name_words(question)) - set(scope_terms) - titles - {"who", "whom", "agreement", "contract"}


def signers_answer(question: str, rows: Sequence[CatalogRow], searched: str, for_party: bool = False) -> Answer | None:
    """Each signer of the agreements in `rows`, with the party they signed for, cited where their block
    names them; None when no block names a signer (then the ranker answers). `for_party`: only the
    blocks signed for a party the question names, by its name or the name the agreement gives it
    ("who signed for Selk?", "who signed for the Distributor?")."""
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
            values.append(Value(signer.text, signer.start, signer.end, "signer", len(citations)))
            citations.append(_block(signer.citation, signature.party.citation))
            party = f" for {signature.party.text}" if signature.party.stated else ""
            lines.append(f"- {row.agreement} (signatures): {signer.text}{party}: "
                         f"\"{display(citations[-1].quote)}\" [{len(citations)}]")
    if not citations:
        return None
    groups = group(citations, values)
    lead = summary(groups, citations, question) if len(rows) > 1 else ""
    if not lead:
        lead = "; ".join(f"{v.text} [{v.citation + 1}]" for v in values)
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
