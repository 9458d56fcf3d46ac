"""The agreement catalog as the index keeps it: one entry per agreement (title, parties, dates, term,
renewal, notice, governing law, courts, assignment, termination, signatures), each value a span of
the file's text with the sentence it was read from. Extracted once per file version at index time
and stored beside the vectors (catalog-<rules version>.json), so opening the catalog reads it, never re-extracts."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace
from functools import lru_cache
from pathlib import Path

from index import catalog_dates as terms, catalog_head, catalog_rules as rules
from index.catalog_rules import Found
from index.signature_blocks import SignatureBlock, signature_blocks
from index.types import Agreement, Clause

log = logging.getLogger(__name__)
ATTACHMENT = re.compile(r"(?:Exhibit|Schedule|Annex|Appendix|Attachment|Amendment|Addendum)\b")
FIELDS = ("title", "parties", "agreement_date", "effective_date", "term", "expiry", "renewal", "notice_period",
          "governing_law", "courts", "assignment", "termination", "signatures")


@dataclass(frozen=True)
class CatalogEntry:
    """One agreement's catalog fields; None (or empty) where the agreement states none."""

    agreement: int  # its number in the file
    title: Found | None = None
    parties: tuple[Found, ...] = ()
    agreement_date: Found | None = None
    effective_date: Found | None = None
    term: Found | None = None
    expiry: Found | None = None
    renewal: Found | None = None
    notice_period: Found | None = None
    governing_law: Found | None = None
    courts: Found | None = None
    assignment: Found | None = None
    termination: Found | None = None
    signatures: tuple[SignatureBlock, ...] = ()


def extract(agreements: Sequence[Agreement], clauses: Sequence[Clause]) -> tuple[CatalogEntry, ...]:
    """The catalog entries of one file, from its agreements and segmented clauses (in file order)."""
    return tuple(_safe_entry(a, [c for c in clauses if c.agreement == a.number]) for a in agreements)


def _safe_entry(agreement: Agreement, clauses: list[Clause]) -> CatalogEntry:
    try:
        return _entry(agreement, clauses)
    except Exception:  # noqa: BLE001 - an odd agreement gets an empty row, never stops indexing
        log.exception("catalog extraction failed for agreement %d", agreement.number)
        return CatalogEntry(agreement=agreement.number)


def _entry(agreement: Agreement, clauses: list[Clause]) -> CatalogEntry:
    body = [c for c in clauses if not c.clause_id.startswith(("signatures", "footnote"))]
    own = [c for c in clauses if not ATTACHMENT.match(c.clause_id)]  # without its exhibits and schedules
    sents = rules.sentences(body)
    signed = signature_blocks(clauses)
    title = catalog_head.title(clauses, agreement)
    head_end = terms.opening_start(clauses, agreement.start) + terms.HEAD_CHARS
    dated = (terms.agreement_date(sents, head_end, title)
             or terms.signed_date(rules.sentences(own), max((c.end for c in own), default=agreement.end),
                                  [b.date for b in signed if b.date is not None])
             or terms.effective_line(sents, head_end))
    term, expiry = terms.term_and_expiry(sents)
    effective = terms.effective_date(sents, dated)
    if expiry is not None and expiry.normal.startswith("+"):  # counted from a start: when it ends
        length, _, start = expiry.normal.partition("@")
        start = start or (effective.normal if effective else "") or (dated.normal if dated else "")
        expiry = replace(expiry, normal=terms.add_duration(start, length))
    renewal, notice = terms.renewal(sents)
    return CatalogEntry(
        agreement=agreement.number, title=title,
        parties=tuple(catalog_head.parties(sents, agreement)), agreement_date=dated,
        effective_date=effective, term=term, expiry=expiry, renewal=renewal,
        notice_period=notice or (terms.notice_period(sents) if renewal else None),
        governing_law=rules.governing_law(sents), courts=rules.courts(sents), assignment=rules.assignment(sents),
        termination=rules.termination(sents), signatures=tuple(signed))


# -- storage: catalog-<rules version>.json in a file version's vectors folder --------------------


@lru_cache(maxsize=1)
def version() -> str:
    """A fingerprint of the rules: entries written by other rules are extracted again (from the
    stored clauses, without segmenting or embedding the file again)."""
    from index import catalog_dates, catalog_head as head, catalog_rules, dates, jurisdictions, shapes
    from index import signature_blocks as blocks

    digest = hashlib.sha256()
    for module in (catalog_dates, head, catalog_rules, dates, jurisdictions, shapes, blocks):
        digest.update(Path(module.__file__).read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:12]


def catalog_file(folder: Path) -> Path:
    """Where the entries of these rules live: the name carries the rules' version, so whether a
    file's entries are current is one stat, not a read (indexing checks every unchanged file)."""
    return Path(folder) / f"catalog-{version()}.json"


def save(folder: Path, entries: Sequence[CatalogEntry]) -> None:
    """Written aside and renamed into place: a reader sees the old file or the new one, never half.
    Entries of other rules are removed."""
    target = catalog_file(folder)
    staging = target.with_name(f".{target.name}.tmp")
    staging.write_text(json.dumps({"version": version(), "entries": [asdict(e) for e in entries]}), encoding="utf-8")
    staging.replace(target)
    for old in Path(folder).glob("catalog*.json"):
        if old != target:
            old.unlink(missing_ok=True)


def load(folder: Path) -> tuple[CatalogEntry, ...] | None:
    """The stored entries, or None when absent or written by other rules."""
    try:
        data = json.loads(catalog_file(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != version():
        return None
    try:
        return tuple(_from_dict(e) for e in data["entries"])
    except (KeyError, TypeError):
        return None


def _found(data: dict | None) -> Found | None:
    return Found(**data) if data else None


def _from_dict(data: dict) -> CatalogEntry:
    values = {}
    for f in fields(CatalogEntry):
        raw = data[f.name]
        if f.name == "agreement":
            values[f.name] = raw
        elif f.name == "parties":
            values[f.name] = tuple(Found(**p) for p in raw)
        elif f.name == "signatures":
            values[f.name] = tuple(SignatureBlock(_found(b["signer"]), _found(b["party"]), _found(b["date"]))
                                   for b in raw)
        else:
            values[f.name] = _found(raw)
    return CatalogEntry(**values)
