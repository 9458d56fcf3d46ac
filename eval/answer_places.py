"""Where the answers to each fitted kind of question sit in an agreement (`make train`).

For every kind of question the answer prototypes were fitted on (a CUAD category of the fit part),
the share of its answerable questions whose lawyer-marked span lies, at least in part, in the
agreement's opening: the first OPENING_CHUNKS chunks of its agreement, as the index segments it
(`index.segment`) and as `HybridRetriever.opening` returns them. Titles, parties and dates sit
there; licences and caps do not. At ask time a question much like a fitted phrasing of a kind whose
answers sit there searches the opening too, however it is worded (`assistant.answer_places`).

Reads only the split's fit part (eval/split.py); the validation part's shares are written beside them
for the card, never read at ask time. Same data, same bytes: shares are rounded to 3 decimals and
written in sorted order.

    python eval/answer_places.py [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.answer_places import OPENING_KIND_SIMILARITY, OPENING_SHARE, PLACES_FILE  # noqa: E402
from assistant.retrieve import OPENING_CHUNKS  # noqa: E402
from eval.cuad import cuad_dir, read_jsonl  # noqa: E402
from eval.split import FIT, VALIDATION, cuad_files  # noqa: E402
from index.loaders import load_document  # noqa: E402
from index.segment import is_contents, segment  # noqa: E402

CARD_FILE = PLACES_FILE.with_name("PLACES.md")


def opening_spans(path: Path) -> list[tuple[int, int]]:
    """(start, end) of each agreement's opening in the file: its first OPENING_CHUNKS chunks, past any table of
    contents (as `HybridRetriever.opening` reads them)."""
    clauses = segment(load_document(path)).clauses
    by_agreement: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for clause in clauses:
        if not is_contents(clause.clause_id):
            by_agreement[clause.agreement].append((clause.start, clause.end))
    return [span for spans in by_agreement.values() for span in sorted(spans)[:OPENING_CHUNKS]]


def in_opening(gold: list[dict], openings: list[tuple[int, int]]) -> bool:
    """Whether any gold span (or a copy of it, `also_at`) overlaps an opening."""
    for g in gold:
        length = g["end"] - g["start"]
        for start in (g["start"], *g.get("also_at", ())):
            if any(start < e and s < start + length for s, e in openings):
                return True
    return False


def opening_shares(rows: list[dict], contracts: Path, part: str) -> tuple[dict[str, float], dict[str, int]]:
    """Per category: (share of its answerable questions answered in the opening, how many there are)."""
    files = cuad_files({r["file"] for r in rows}, part)
    chosen = set(files)
    openings = {f: opening_spans(contracts / f) for f in files}
    hits: dict[str, list[bool]] = defaultdict(list)
    for r in rows:
        if r["file"] in chosen and r["answerable"] and r["gold"]:
            hits[r["category"]].append(in_opening(r["gold"], openings[r["file"]]))
    return ({c: round(sum(v) / len(v), 3) for c, v in sorted(hits.items())},
            {c: len(v) for c, v in sorted(hits.items())})


def card(fit: dict[str, float], counts: dict[str, int], validation: dict[str, float], contracts: int) -> str:
    opening = [c for c, share in fit.items() if share >= OPENING_SHARE]
    agree = sum((fit[c] >= OPENING_SHARE) == (validation.get(c, 0.0) >= OPENING_SHARE) for c in fit)
    lines = [
        "# Answer places: data card",
        "",
        "Written by `make train` (`python eval/answer_places.py --write`): `answer_places.json`, per kind of",
        "question the answer prototypes were fitted on (a CUAD category), the share of its answerable",
        f"questions whose lawyer-marked span lies, at least in part, in the agreement's first {OPENING_CHUNKS} chunks",
        "(`HybridRetriever.opening`). Counting only, no randomness: the same data gives the same bytes.",
        "",
        f"Fitted on the split's fit part ({contracts} contracts; `eval/split.py`). A kind at or above "
        f"{OPENING_SHARE} is answered in",
        f"the opening ({len(opening)} of {len(fit)}): {', '.join(opening)}. The validation part's shares put "
        f"{agree} of {len(fit)} kinds",
        "on the same side of that line (stored beside them for this card, never read at ask time).",
        "",
        f"Used at ask time (`assistant/answer_places.py`): a question at least {OPENING_KIND_SIMILARITY} "
        "like a fitted phrasing",
        "of such a kind (cosine of the embeddings) searches the opening too, whatever its words (\"What sort of",
        "contract are we looking at here?\"); a question that asks who signed or when keeps the signature blocks.",
        "",
        "| kind | answerable questions (fit) | share in the opening (fit) | (validation) |",
        "| --- | --- | --- | --- |",
        *(f"| {c} | {counts[c]} | {fit[c]:.3f} | {validation.get(c, 0.0):.3f} |" for c in fit),
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="write assistant/models/answer_places.json and PLACES.md")
    args = parser.parse_args()
    root = cuad_dir()
    rows = read_jsonl(root / "qa.jsonl")
    fit, counts = opening_shares(rows, root / "contracts", FIT)
    validation, _ = opening_shares(rows, root / "contracts", VALIDATION)
    contracts = len(cuad_files({r["file"] for r in rows}, FIT))
    for c in fit:
        print(f"{c:40s} {counts[c]:4d} {fit[c]:.3f} {validation.get(c, 0.0):.3f}")
    if args.write:
        PLACES_FILE.write_text(json.dumps({"opening_share": fit, "validation_opening_share": validation,
                                           "fit_contracts": contracts, "opening_chunks": OPENING_CHUNKS},
                                          indent=1, sort_keys=True) + "\n")
        CARD_FILE.write_text(card(fit, counts, validation, contracts))
        print(f"wrote {PLACES_FILE} and {CARD_FILE}")


if __name__ == "__main__":
    main()
