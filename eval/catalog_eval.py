"""The agreement catalog against CUAD's normalised answers for its slot categories, on contracts
nothing was tuned on (the validation part of eval/split.py): per field, how often the catalog's value
agrees with CUAD's answer ("not stated" agrees when CUAD has none) and how often its citation
overlaps a gold span. Read through the public API only (Assistant.catalog()).

    HF_HUB_OFFLINE=1 .venv/bin/python eval/catalog_eval.py --part validation --limit 40
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the repository's packages come first
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval import metrics as m  # noqa: E402
from eval.split import VALIDATION  # noqa: E402

# CUAD's slot categories and the catalog field each is compared with
CATEGORIES = {
    "Document Name": "title", "Parties": "parties", "Agreement Date": "agreement_date",
    "Effective Date": "effective_date", "Expiration Date": "expiry", "Renewal Term": "renewal",
    "Notice Period To Terminate Renewal": "notice_period", "Governing Law": "governing_law",
}
_DATES = ("agreement_date", "effective_date", "expiry")
TARGETS = {"governing_law": 0.85, "agreement_date": 0.85}  # correct and cited, from the issue
_DROP = {"the", "inc", "llc", "ltd", "limited", "corp", "corporation", "co", "company", "l", "p", "lp", "plc", "of",
         "and", "a", "an", "agreement"}


# -- comparing one value with CUAD's answer ------------------------------------------------------

def tokens(text: str) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9]+", text.lower()) if t not in _DROP}


def token_f1(a: str, b: str) -> float:
    x, y = tokens(a), tokens(b)
    both = len(x & y)
    return 0.0 if not both else 2 * both / (len(x) + len(y))


def gold_parties(answer: str) -> list[str]:
    """'Excite, Inc. ("Excite"); Vitamin Shoppe Industries Inc. ("Client")' -> the names, without aliases."""
    names = [re.sub(r"\([^)]*\)|[\"“”]", " ", p).strip(" ,.") for p in answer.split(";")]
    return [n for n in names if tokens(n)]


def parties_agree(predicted: Sequence[str], answer: str) -> bool:
    """The catalog names at least two of CUAD's parties (all, if fewer), and most of its parties are CUAD's."""
    gold = gold_parties(answer)
    if not gold or not predicted:
        return False
    found = sum(any(token_f1(g, p) >= 0.5 for p in predicted) for g in gold)
    right = sum(any(token_f1(g, p) >= 0.5 for g in gold) for p in predicted)
    return found >= min(2, len(gold)) and right >= len(predicted) / 2


def gold_dates(answer: str) -> list[tuple[str, str, str]]:
    """'9/23/98' -> ('1998', '09', '23'); '[]/[]/2000' -> ('2000', '', ''): CUAD writes m/d/y, blanks as []."""
    out = []
    for part in re.split(r"[;,]", answer):
        match = re.fullmatch(r"\s*(\d{1,2}|\[\])/(\d{1,2}|\[\])/(\d{2,4}|\[\]|\d{2}\[\])\s*", part)
        if not match or not match[3].isdigit():
            continue
        year = match[3] if len(match[3]) == 4 else ("19" if int(match[3]) >= 50 else "20") + match[3]
        month, day = (f"{int(x):02d}" if x.isdigit() else "" for x in match.group(1, 2))
        out.append((year, month, day))
    return out


def dates_agree(normal: str, answer: str) -> bool:
    """The catalog's date ("2019-05-12", or "2000" when the contract leaves a blank) is one of CUAD's."""
    if answer.strip().lower() == "perpetual":
        return normal == "perpetual"
    ours = (normal.split("-") + ["", ""])[:3]
    return any(ours[0] == y and all(not g or o == g for o, g in ((ours[1], mo), (ours[2], d))) and
               all(not o or not g or o == g for o, g in ((ours[1], mo), (ours[2], d)))
               for y, mo, d in gold_dates(answer))


_UNIT_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}


def durations(text: str) -> list[float]:
    """Every duration in the text, in days: "successive 1 year" -> [365.25], "(6) months" -> [182.6]."""
    return [float(n) * _UNIT_DAYS[u.lower()] for n, u in
            re.findall(r"(\d+(?:\.\d+)?)\)?\s*(day|week|month|year)s?\b", text, re.I)]


def durations_agree(normal: str, answer: str) -> bool:
    ours = durations(normal)
    return bool(ours) and any(abs(ours[0] - g) <= 0.05 * g for g in durations(answer))


def place(text: str) -> str:
    """"the State of New York" -> "new york": a jurisdiction's name without its kind, for comparing."""
    text = re.sub(r"^\s*(?:the\s+)?(?:(?:state|commonwealth|province|republic|kingdom|canton|emirate|territory|district)"
                  r"\s+of\s+(?:the\s+)?)?", "", text.lower())
    return " ".join(re.findall(r"[a-z0-9]+", text.replace("'", "").replace("’", "")))


def law_agrees(normal: str, answer: str) -> bool:
    """The same jurisdiction: "new york" and "New York"; "ontario" and "Province of Ontario, Canada";
    "china" (the catalog's name for the PRC) and "People's Republic of China"."""
    if not normal:
        return False
    parts = [place(p) for p in re.split(r"[;,/]| and (?=the )", answer) if p.strip()]
    ours = set(normal.split())
    return any(p and (set(p.split()) <= ours or ours <= set(p.split())) for p in parts)


def agrees(field: str, values: Sequence, answer: str) -> bool:
    if field == "title":
        return token_f1(values[0].text, answer) >= 0.5
    if field == "parties":
        return parties_agree([v.text for v in values], answer)
    if field in ("agreement_date", "effective_date", "expiry"):
        return dates_agree(values[0].normal, answer)  # an answer without a year was scored by its citation
    if field in ("renewal", "notice_period"):
        return durations_agree(values[0].normal, answer)
    return law_agrees(values[0].normal, answer)


def score(row, category: str, qa: dict) -> dict:
    """One contract and CUAD category: correct (the value agrees with CUAD's answer; "not stated"
    when CUAD has none; a free-text answer, which has nothing to compare, by its citation alone)
    and cited (a stated value whose citation overlaps a gold span)."""
    field = CATEGORIES[category]
    values = [v for v in row.values(field) if v.stated] if row is not None else []
    answerable = bool(qa["answerable"])
    cited = answerable and any(m._touches_gold((v.citation.start, v.citation.end), qa["gold"]) for v in values)
    if not answerable:
        correct = not values
    elif not values:
        correct = False
    elif qa.get("answer") is None or (field in _DATES and qa["answer"].strip().lower() != "perpetual"
                                      and not gold_dates(qa["answer"])):
        correct = cited  # a free-text answer, or a date CUAD gives no year of ("[]/[]/19[]"): nothing to compare
    else:
        correct = agrees(field, values, qa["answer"])
    return {"file": qa["file"], "category": category, "field": field, "answerable": answerable,
            "stated": bool(values), "correct": correct, "cited": cited,
            "correct_and_cited": correct and (cited or not answerable),
            "ours": "; ".join(v.text for v in values)[:200], "gold": qa.get("answer")}


def summary(scored: Sequence[dict]) -> dict[str, dict]:
    out = {}
    for category, field in CATEGORIES.items():
        rows = [r for r in scored if r["category"] == category]
        answerable = [r for r in rows if r["answerable"]]
        out[field] = {
            "n": len(rows), "answerable": len(answerable), "stated": sum(r["stated"] for r in rows),
            "correct": m.mean(float(r["correct"]) for r in rows),
            "cited": m.mean(float(r["cited"]) for r in answerable),
            "cited_when_stated": m.mean(float(r["cited"]) for r in answerable if r["stated"]),
            "correct_and_cited": m.mean(float(r["correct_and_cited"]) for r in rows),
        }
    return out


def first_rows(catalog) -> dict:
    """Each file's first agreement: CUAD answers per contract, and its first agreement is the contract."""
    out = {}
    for row in catalog:
        if row.file not in out or row.number < out[row.file].number:
            out[row.file] = row
    return out


def evaluate(catalog, qa_rows: Sequence[dict]) -> list[dict]:
    rows = first_rows(catalog)
    return [score(rows.get(r["file"]), r["category"], r) for r in qa_rows if r["category"] in CATEGORIES]


def print_table(stats: dict[str, dict], contracts: int, out=sys.stdout) -> None:
    out.write(f"Catalog vs CUAD, {contracts} contracts\n")
    out.write(f"{'field':16}{'answerable':>11}{'stated':>8}{'correct':>9}{'cited':>7}{'cited|stated':>14}"
              f"{'correct&cited':>15}\n")
    for field, s in stats.items():
        def f(x):
            return "   -" if x is None else f"{x:.3f}"
        out.write(f"{field:16}{s['answerable']:>6}/{s['n']:<4}{s['stated']:>8}{f(s['correct']):>9}{f(s['cited']):>7}"
                  f"{f(s['cited_when_stated']):>14}{f(s['correct_and_cited']):>15}\n")
    for field, goal in TARGETS.items():
        value = stats[field]["correct_and_cited"] or 0.0
        out.write(f"target {field} correct&cited >= {goal}: {value:.3f} {'PASS' if value >= goal else 'MISS'}\n")


def main(argv: Sequence[str] | None = None) -> int:
    from eval.cuad import cuad_dir, load_rows, open_index

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", default=VALIDATION, help="validation (default; report) or fit (tuning)")
    parser.add_argument("--limit", type=int, default=40, help="the first N contracts of the part (default 40)")
    parser.add_argument("--index", default=None, help="index folder (default .clauseqa/eval-cuad-PART-N, reused)")
    parser.add_argument("--model", default=None, help="embedding model of a new index (default: the index's)")
    parser.add_argument("--json", type=Path, default=None, help="also write every scored row here")
    args = parser.parse_args(argv)
    root = cuad_dir()
    files, qa_rows = load_rows(args.limit, args.part, root)
    qa, seconds = open_index(root, files, args.part, args.index, args.model)
    started = time.perf_counter()
    catalog = qa.catalog()
    catalog_seconds = time.perf_counter() - started
    scored = evaluate([r for r in catalog if r.file in set(files)], qa_rows)
    stats = summary(scored)
    print_table(stats, len(files))
    print(f"index opened/updated in {seconds:.1f} s; catalog read in {catalog_seconds:.2f} s "
          f"({len(catalog)} agreements)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"stats": stats, "rows": scored}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
