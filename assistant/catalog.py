"""The agreement catalog as every face receives it: one CatalogRow per agreement, each field a
CatalogValue (the words as the agreement writes them, their offsets, and the Citation of the clause
they come from), or "not stated". Built from the entries the index extracted (index.catalog)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from assistant.snippets import shown
from assistant.types import Citation, Value
from index.catalog import FIELDS, CatalogEntry
from index.catalog_rules import Found
from index.types import Agreement, Clause

NOT_STATED = "not stated"
# The fields with one value each, in the catalog's order (parties and signatures hold several).
SINGLE_FIELDS = tuple(f for f in FIELDS if f not in ("parties", "signatures"))
LABELS = {
    "title": "Title", "parties": "Parties", "agreement_date": "Agreement date", "effective_date": "Effective date",
    "term": "Term", "expiry": "Expiry", "renewal": "Renewal", "notice_period": "Notice period",
    "governing_law": "Governing law", "courts": "Courts / venue", "assignment": "Assignment",
    "termination": "Termination", "signatures": "Signatures",
}


@dataclass(frozen=True)
class CatalogValue:
    """One value: `text` is document_text[start:end] and lies inside `citation.quote`; when the
    agreement states none, text is "not stated" and there is no citation."""

    text: str = NOT_STATED
    start: int = -1  # offsets in the file's text, like Citation.start/end
    end: int = -1
    citation: Citation | None = None
    # comparable form: an ISO date ("2019-05-12"; "2000" for a blank "____, 2000"), "60 days", a jurisdiction
    # ("delaware"); for an expiry given as a term counted from a start, the end date that term gives
    normal: str = ""
    role: str = ""  # a party's defined name ("Licensee"), a signer's title ("Director")

    @property
    def stated(self) -> bool:
        return self.citation is not None


@dataclass(frozen=True)
class CatalogSignature:
    """One signature block: who signed, for whom, when (each "not stated" where the block has none)."""

    signer: CatalogValue
    party: CatalogValue
    date: CatalogValue


@dataclass(frozen=True)
class CatalogRow:
    """One agreement of the catalog."""

    file: str
    number: int  # the agreement's number in its file
    agreement: str  # its label, e.g. "Xin Wang"
    title: CatalogValue
    parties: tuple[CatalogValue, ...]
    agreement_date: CatalogValue
    effective_date: CatalogValue
    term: CatalogValue
    expiry: CatalogValue
    renewal: CatalogValue
    notice_period: CatalogValue
    governing_law: CatalogValue
    courts: CatalogValue
    assignment: CatalogValue
    termination: CatalogValue
    signatures: tuple[CatalogSignature, ...]

    @property
    def key(self) -> str:
        return f"{self.file}#{self.number}"

    def values(self, field: str) -> tuple[CatalogValue, ...]:
        """A field's values as a tuple: one for single fields, every party, every signer / party / date."""
        value = getattr(self, field)
        if field == "signatures":
            return tuple(v for s in value for v in (s.signer, s.party, s.date))
        return value if isinstance(value, tuple) else (value,)

    def to_dict(self) -> dict:
        return {"key": self.key, **asdict(self)}


def catalog_rows(file: str, agreements: Sequence[Agreement], clauses: Sequence[Clause],
                 entries: Sequence[CatalogEntry]) -> list[CatalogRow]:
    """The rows of one indexed file: its entries with each value's Citation made from its clause."""
    by_id = {(c.agreement, c.clause_id): c for c in clauses}
    labels = {a.number: a.label for a in agreements}
    rows = []
    for entry in entries:
        label = labels.get(entry.agreement, file)

        def value(found: Found | None) -> CatalogValue:
            clause = by_id.get((entry.agreement, found.clause_id)) if found is not None else None
            if clause is None:
                return CatalogValue()
            quote = clause.text[found.quote_start - clause.start:found.quote_end - clause.start]
            citation = Citation(file=file, agreement=label, clause=clause.clause_id, quote=quote,
                                start=found.quote_start, end=found.quote_end, score=1.0,
                                agreement_number=entry.agreement, clause_text=clause.text, clause_start=clause.start)
            return CatalogValue(found.text, found.start, found.end, citation, found.normal, found.role)

        single = {f: value(getattr(entry, f)) for f in SINGLE_FIELDS}
        signatures = tuple(CatalogSignature(value(b.signer), value(b.party), value(b.date)) for b in entry.signatures)
        rows.append(CatalogRow(file=file, number=entry.agreement, agreement=label,
                               parties=tuple(v for v in map(value, entry.parties) if v.stated),
                               signatures=signatures, **single))
    return rows


def each_cited(entries: Sequence[tuple[str, CatalogValue]], kind: str) -> tuple[list[Citation], list[Value], list[str]]:
    """Answers that give one stated catalog value per agreement ("which agreements expire in 2025?"): each
    value its own citation, as a Value of `kind`, and a line "- <what is said of it>: "<quote>" [n]"."""
    citations: list[Citation] = []
    values: list[Value] = []
    lines: list[str] = []
    for said, value in entries:
        values.append(Value(value.text, value.start, value.end, kind, len(citations)))
        citations.append(value.citation)
        lines.append(f"- {said}: \"{shown(value.citation.quote)}\" [{len(citations)}]")
    return citations, values, lines
