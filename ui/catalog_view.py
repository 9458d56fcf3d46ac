"""Formatting only, for the agreement catalog: table cells, CSV and JSON, and a value's clause with
the value highlighted, from the CatalogRows the API returns (never parsed back from text)."""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Sequence

from assistant.catalog import FIELDS, LABELS, NOT_STATED, SINGLE_FIELDS, CatalogRow, CatalogSignature, CatalogValue
from assistant.types import Value
from ui.render import clause_label, source_html

HEADERS = ["Agreement", "File"] + [LABELS[f] for f in FIELDS]
FIRST_FIELD_COLUMN = 2  # table columns before the fields
SOURCE_PLACEHOLDER = ('<div class="cqa-empty">Click a value in the catalog to see its clause here, with the '
                      "value highlighted.</div>")


def value_cell(value: CatalogValue) -> str:
    """"Delaware (clause 10)", or "not stated"."""
    if not value.stated:
        return NOT_STATED
    return f"{' '.join(value.text.split())} ({clause_label(value.citation.clause)})"


def party_cell(value: CatalogValue) -> str:
    role = f" (“{value.role}”)" if value.role and value.role.lower() != value.text.lower() else ""
    return f"{' '.join(value.text.split())}{role}"


def signature_cell(signature: CatalogSignature) -> str:
    """"Jane Roe for ACME, INC. on March 4, 2024"; the parts a block leaves out are left out."""
    who = " ".join(signature.signer.text.split()) if signature.signer.stated else "unnamed signer"
    parts = [who]
    if signature.party.stated:
        parts.append(f"for {' '.join(signature.party.text.split())}")
    if signature.date.stated:
        parts.append(f"on {' '.join(signature.date.text.split())}")
    return " ".join(parts)


def cell(row: CatalogRow, field: str) -> str:
    if field == "parties":
        return "; ".join(map(party_cell, row.parties)) or NOT_STATED
    if field == "signatures":
        return "; ".join(map(signature_cell, row.signatures)) or NOT_STATED
    return value_cell(getattr(row, field))


def table_rows(rows: Sequence[CatalogRow]) -> list[list[str]]:
    """One row per agreement, one column per field (after the agreement and its file)."""
    return [[row.agreement, f"{row.file} #{row.number}"] + [cell(row, f) for f in FIELDS] for row in rows]


def csv_text(rows: Sequence[CatalogRow]) -> str:
    """One line per agreement; each field as its value, clause, offsets and quote (several values,
    as parties and signatures hold, joined by "; ")."""
    columns = ["file", "agreement_number", "agreement"]
    for field in FIELDS:
        columns += [field, f"{field}_clause", f"{field}_offsets", f"{field}_quote"]
        columns += [f"{field}_normal"] if field in SINGLE_FIELDS else []
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        line: dict[str, object] = {"file": row.file, "agreement_number": row.number, "agreement": row.agreement}
        for field in FIELDS:
            values = [v for v in row.values(field) if v.stated]
            line[field] = cell(row, field) if field in ("parties", "signatures") else (
                values[0].text if values else NOT_STATED)
            line[f"{field}_clause"] = "; ".join(dict.fromkeys(v.citation.clause for v in values))
            line[f"{field}_offsets"] = "; ".join(f"{v.start}-{v.end}" for v in values)
            line[f"{field}_quote"] = " | ".join(dict.fromkeys(v.citation.quote for v in values))
            if field in SINGLE_FIELDS:
                line[f"{field}_normal"] = values[0].normal if values else ""
        writer.writerow(line)
    return out.getvalue()


def json_text(rows: Sequence[CatalogRow]) -> str:
    return json.dumps([row.to_dict() for row in rows], ensure_ascii=False, indent=2)


def values_at(rows: Sequence[CatalogRow], row: int, column: int) -> list[tuple[str, CatalogValue]]:
    """(field, value) of every stated value in one table cell."""
    if not (0 <= row < len(rows)) or not (FIRST_FIELD_COLUMN <= column < FIRST_FIELD_COLUMN + len(FIELDS)):
        return []
    field = FIELDS[column - FIRST_FIELD_COLUMN]
    return [(field, v) for v in rows[row].values(field) if v.stated]


def source_panel(rows: Sequence[CatalogRow], row: int, column: int) -> str:
    """The clauses behind one table cell, each with its quote marked and the value inside it."""
    found = values_at(rows, row, column)
    if not found:
        what = "nothing" if not (0 <= row < len(rows)) else f"“{NOT_STATED}”"
        return f'<div class="cqa-empty">No clause to show: this cell says {html.escape(what)}.</div>'
    head = html.escape(f"{rows[row].agreement} — {LABELS[found[0][0]]}")
    parts = [f'<div class="cqa-searched">{head}</div>']
    for n, (field, value) in enumerate(found, 1):
        marked = Value(value.text, value.start, value.end, field, 0)
        parts.append(source_html(n, value.citation, [marked]))
    return "".join(parts)
