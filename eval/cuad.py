"""The CUAD suite: each question asked of its own contract, scored on what the answer cites.

Contracts come from the fixed split (eval/split.py), the validation part unless told otherwise, so
reported figures are never on contracts that anything was fitted on.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Sequence
from pathlib import Path
from string import ascii_lowercase

from assistant import ClauseQAError
from eval import metrics as m
from eval.result import (PARTS, REPO, EvalOptionError, SuiteResult, by_category, cited_clauses, faithfulness,
                         generative, now, setting)
from eval.split import VALIDATION, cuad_files

QUICK_CONTRACTS = 10
K = 5


class CuadNotFound(ClauseQAError):
    pass


def cuad_dir() -> Path:
    """CLAUSEQA_CUAD_DIR, else the shared folder next to the repo."""
    path = Path(os.environ.get("CLAUSEQA_CUAD_DIR") or REPO.parent / "shared" / "cuad")
    if not (path / "qa.jsonl").exists() or not (path / "contracts").is_dir():
        raise CuadNotFound(f"No CUAD set at {path} (needs qa.jsonl and contracts/) — "
                           f"set CLAUSEQA_CUAD_DIR to the folder that holds them")
    return path


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        raise CuadNotFound(f"No {path.name} in {path.parent} — set CLAUSEQA_CUAD_DIR to the full CUAD folder")
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def chosen_files(rows: list[dict], part: str, limit: int | None) -> list[str]:
    """The first `limit` contracts of the part (default QUICK_CONTRACTS), in the split's order."""
    if part not in PARTS:
        raise EvalOptionError(f"Unknown CUAD part {part!r}; valid: {', '.join(PARTS)}")
    return cuad_files({r["file"] for r in rows}, part, limit or QUICK_CONTRACTS)


def load_rows(limit: int | None = None, part: str = VALIDATION,
              root: Path | None = None) -> tuple[list[str], list[dict]]:
    """The chosen contracts and every qa.jsonl row about them."""
    rows = read_jsonl((root or cuad_dir()) / "qa.jsonl")
    files = chosen_files(rows, part, limit)
    chosen = set(files)
    return files, [r for r in rows if r["file"] in chosen]


def open_index(root: Path, files: list[str], part: str, index_dir: str | None, model: str | None):
    """(assistant, seconds): one index of the chosen contracts, shared by the cuad and corpus suites."""
    from assistant import Assistant

    t = time.perf_counter()
    qa = Assistant.from_paths([str(root / "contracts" / f) for f in files], model=model,
                              index_dir=index_dir or str(REPO / ".clauseqa" / f"eval-cuad-{part}-{len(files)}"))
    return qa, time.perf_counter() - t


# the hand-written paraphrase styles of eval/pairs/paraphrases.yaml, in its order (fitted on: the
# ranker saw one of them per CUAD row of the fit part), then those of heldout_phrasings.yaml (never
# fitted on: how a question worded the way nobody fitted fares)
FITTED_STYLES = ("plain", "terse", "imperative", "yes-no", "role")
HELDOUT_STYLES = ("everyday", "brief", "statement", "casual")
# casual business phrasings written blind to this project's code (blind_phrasings.yaml), in its order
BLIND_STYLES = ("blind-a", "blind-b", "blind-c")
# CUAD's own questions inside a chat's lead-ins and sign-offs ("Hey, quick one: ..."), from framings.yaml
FRAMED = "framed"
# CUAD's own questions typed as into a chat box in a hurry: lower case, no question mark
UNMARKED = "unmarked"
# CUAD's own questions after a sentence setting the scene ("The other side sent over a redline ..."), from scenes.yaml
SCENE = "scene"
# CUAD's own questions with a typing slip: two letters swapped in the middle of the longest word
SLIPS = "slips"
# CUAD's own questions with a slip in a short common word: its first of 3 letters or more ends swapped ("Dose", "Whta")
SHORT_SLIPS = "short-slips"
# CUAD's own questions before a sentence saying why or for whom ("... I need it for the board."), from tails.yaml
TAIL = "tail"
# a keyword per category, as typed into a search box ("choice of law", "MFN pricing"), from keywords.yaml
KEYWORDS = "keywords"
# the category's name in a contract review's request for the passages about it, as CUAD's annotators were asked
REVIEW = "review"
REVIEW_REQUEST = ('Highlight the parts (if any) of this contract related to "{category}" that should be reviewed '
                  'by a lawyer.')
# CUAD's own questions pasted from a checklist: a list's mark before each (numbers 1-99) or quotes around it, in turn
LISTED = "listed"
LIST_MARKS = ("{n}. {q}", "- {q}", "• {q}", "({letter}) {q}", '"{q}"')
# CUAD's own questions pasted with the markup of a web page or a document around them, in turn
PASTED = "pasted"
MARKUPS = ("**{q}**", "<p>{q}</p>", "## {q}", "_{q}_", "<b>{q}</b>")
# CUAD's own questions after a label or with an aside in brackets, in turn ("URGENT: ...", "...? (2/5)")
LABELLED = "labelled"
LABELS = ("URGENT: {q}", "Re: contract review - {q}", "Yes or no: {lower}", "(quick one) {q}", "{q} (2/5)", "[{q}]",
          "{category}: {q}")
# the category's name in a search for its clause, asked as a question or a request, in turn ("Is there a governing
# law clause?", "Find the governing law clause.", "What does the governing law clause say?")
SEARCHED = "searched"
SEARCHES = ("Is there a {name} clause?", "Find the {name} clause.", "Show me the {name} provisions",
            "Does the agreement have a {name} provision?", "Where is the {name} clause?",
            "What does the {name} clause say?", "Summarize the {name} clause.", "Is there a {name}?", "Any {name}?")
STYLES = FITTED_STYLES + HELDOUT_STYLES + BLIND_STYLES + (FRAMED, UNMARKED, SCENE, SLIPS, SHORT_SLIPS, TAIL, KEYWORDS,
                                                          REVIEW, LISTED, PASTED, LABELLED, SEARCHED)
HELDOUT_PHRASINGS = REPO / "eval" / "pairs" / "heldout_phrasings.yaml"
BLIND_PHRASINGS = REPO / "eval" / "pairs" / "blind_phrasings.yaml"
FRAMINGS = REPO / "eval" / "pairs" / "framings.yaml"
SCENES = REPO / "eval" / "pairs" / "scenes.yaml"
TAILS = REPO / "eval" / "pairs" / "tails.yaml"
KEYWORD_FILE = REPO / "eval" / "pairs" / "keywords.yaml"


def in_turn(rows: list[dict], templates: Sequence[str], lower_first: bool = False) -> list[dict]:
    """Each row's question put into the next of the templates, in turn: {q} is the question (its first letter
    lower-cased with `lower_first`, as framings.yaml's lead-ins take it), {lower} the question so lower-cased,
    {n} a checklist's number (1 to 99), {letter} a list's letter, {category} the row's category and {name} the
    category in lower case."""
    out = []
    for i, r in enumerate(rows):
        lower = r["question"][:1].lower() + r["question"][1:]
        out.append({**r, "question": templates[i % len(templates)].format(
            q=lower if lower_first else r["question"], lower=lower, n=i % 99 + 1, letter=ascii_lowercase[i % 26],
            category=r["category"], name=r["category"].lower())})
    return out


def _templates(path: Path, key: str) -> list[str]:
    import yaml

    return yaml.safe_load(path.read_text())[key]


def with_slip(question: str) -> str:
    """The question with the two letters in the middle of its longest word (7 letters or more) swapped:
    "Which jurisdiction's law ..." -> "Which jurisdcition's law ..."."""
    words = re.findall(r"[a-z]{7,}", question)
    if not words:
        return question
    word = max(words, key=len)
    i = len(word) // 2
    return question.replace(word, word[:i] + word[i + 1] + word[i] + word[i + 2:], 1)


def with_short_slip(question: str) -> str:
    """The question with the last two letters of its first word too common to index (index.terms.STOPWORDS) of 3
    letters or more swapped: "Does the agreement ..." -> "Dose the agreement ...", "What is ..." -> "Whta is ..."."""
    from index.terms import STOPWORDS

    for m in re.finditer(r"[A-Za-z]{3,}", question):
        if m.group().lower() in STOPWORDS:
            word = m.group()
            return question[:m.start()] + word[:-2] + word[-1] + word[-2] + question[m.end():]
    return question


def styled(rows: list[dict], style: str) -> list[dict]:
    """The rows asked in one hand-written paraphrase style instead of CUAD's words ("imperative":
    "Show me the choice-of-law clause."); the gold spans stay the lawyers'."""
    if style not in STYLES:
        raise EvalOptionError(f"Unknown --style {style!r}; valid: {', '.join(STYLES)}")
    if style == FRAMED:
        return in_turn(rows, _templates(FRAMINGS, "framings"), lower_first=True)
    if style == SCENE:
        return in_turn(rows, _templates(SCENES, "scenes"))
    if style == TAIL:
        return in_turn(rows, _templates(TAILS, "tails"))
    if style == KEYWORDS:
        import yaml

        typed = {e["category"]: e["keyword"] for e in yaml.safe_load(KEYWORD_FILE.read_text())["keywords"]}
        return [{**r, "question": typed[r["category"]]} for r in rows if r["category"] in typed]
    if style == SLIPS:
        return [{**r, "question": with_slip(r["question"])} for r in rows]
    if style == SHORT_SLIPS:
        return [{**r, "question": with_short_slip(r["question"])} for r in rows]
    if style == REVIEW:
        return [{**r, "question": REVIEW_REQUEST.format(category=r["category"])} for r in rows]
    if style in (LISTED, PASTED, LABELLED, SEARCHED):
        return in_turn(rows, {LISTED: LIST_MARKS, PASTED: MARKUPS, LABELLED: LABELS, SEARCHED: SEARCHES}[style])
    if style == UNMARKED:
        return [{**r, "question": r["question"][:1].lower() + r["question"][1:].rstrip(" ?")} for r in rows]
    if style in HELDOUT_STYLES or style in BLIND_STYLES:
        import yaml

        held_out = style in HELDOUT_STYLES
        path, styles = (HELDOUT_PHRASINGS, HELDOUT_STYLES) if held_out else (BLIND_PHRASINGS, BLIND_STYLES)
        para = {e["category"]: list(e["phrasings"]) for e in yaml.safe_load(path.read_text())}
        at = styles.index(style)
    else:
        from eval.train_data import paraphrases

        para, at = paraphrases(), FITTED_STYLES.index(style)
    return [{**r, "question": para[r["category"]][at]} for r in rows if r["category"] in para]


def run_cuad(limit: int | None = None, part: str = VALIDATION, index_dir: str | None = None,
             model: str | None = None, progress: bool = True, qa=None, style: str | None = None) -> SuiteResult:
    """Ask every question of its own contract (files=[file]); key e.g. "cuad-validation-10", or
    "cuad-validation-10-imperative" asked in a paraphrase style (STYLES) instead of CUAD's words."""
    from tqdm import tqdm

    root = cuad_dir()
    files, rows = load_rows(limit, part, root)
    if style:
        rows = styled(rows, style)
    if not rows:
        raise CuadNotFound(f"{root / 'qa.jsonl'} has no rows — nothing to evaluate")
    n = len(files)
    build_seconds = 0.0
    if qa is None:
        qa, build_seconds = open_index(root, files, part, index_dir, model)
    texts = {f: qa.document_text(f) for f in files}
    results = []
    retrieve_seconds = 0.0
    for row in tqdm(rows, desc=f"cuad ({part}, {n} contracts)", unit="q", disable=not progress):
        t = time.perf_counter()
        hits = qa.retrieve(row["question"], k=K, files=[row["file"]])
        retrieve_seconds += time.perf_counter() - t
        t = time.perf_counter()
        answer = qa.ask(row["question"], files=[row["file"]])
        results.append(score_row(row, hits, answer, time.perf_counter() - t, texts[row["file"]]))
    llm = generative(results)
    meta = {"part": part, "contracts": files, "index_seconds": round(build_seconds, 1), "k": K,
            "retrieve_seconds": round(retrieve_seconds, 1), "model": model or setting(qa, "model"), "when": now(),
            "style": style or "cuad"}
    return SuiteResult(f"cuad-{part}-{n}" + (f"-{style}" if style else ""), score_cuad_rows(results, llm),
                       by_category(results, lambda r: score_cuad_rows(r, llm)), tuple(results), (), meta)


def score_row(row: dict, hits, answer, seconds: float, text: str) -> dict:
    """One CUAD question: what the answer cites against gold, found or not, and the retrieval rank."""
    answerable = bool(row["answerable"])
    file, gold = row["file"], row.get("gold") or []
    rank = m.first_hit_rank([(h.clause.start, h.clause.end) for h in hits], gold) if answerable else None
    # only a found answer claims its citations; a "not found" reply cites nothing
    spans = [(c.start, c.end) for c in answer.citations if c.file == file] if answer.found else []
    precision, recall = m.char_precision_recall(spans, gold) if answerable else (None, None)
    first = m.first_cite_overlap(answer, file, gold) if answerable else None
    faithful, total = m.faithful_citations(answer.citations, lambda f: text if f == file else "")
    gold_text = " … ".join(text[g["start"]:g["end"]] for g in gold[:2])
    return {
        "id": row["id"], "category": row["category"], "file": file, "question": row["question"],
        "expect_found": answerable, "found": bool(answer.found), "text": answer.text, "mode": answer.mode,
        "expected": (f"{row.get('answer', '')} — gold: {gold_text[:600]}" if answerable else "not found (no such clause)"),
        "first_cite_overlap": first,
        "any_cite_overlap": m.any_cite_overlap(answer, file, gold) if answerable else None,
        "cited_chars": m.cited_chars(answer), "char_precision": precision, "char_recall": recall, "rank": rank,
        # right means what a reader sees first is right: the found decision, then the first citation
        "correct": bool(answer.found) == answerable and (not answerable or bool(first)),
        "cited_clauses": cited_clauses(answer), "faithful": faithful, "citations": total,
        "seconds": round(seconds, 4),
    }


def score_cuad_rows(rows: list[dict], llm: bool = False) -> dict:
    """Answer metrics first, then the retrieval means (hit@k, MRR over answerable rows), then latency."""
    answerable = [r for r in rows if r["expect_found"]]
    found = m.binary_scores([r["found"] for r in rows], [r["expect_found"] for r in rows])
    return {
        "n_questions": len(rows), "n_answerable": len(answerable),
        "first_cite_overlap": m.mean(float(r["first_cite_overlap"]) for r in answerable),
        "any_cite_overlap": m.mean(float(r["any_cite_overlap"]) for r in answerable),
        "mean_cited_chars": m.mean(r["cited_chars"] for r in rows),
        "char_precision": m.mean(r["char_precision"] for r in answerable),
        "char_recall": m.mean(r["char_recall"] for r in answerable),
        "found_precision": found["precision"], "found_recall": found["recall"],
        "found_balanced_accuracy": found["balanced_accuracy"],
        "answer_correctness": m.mean(float(r["correct"]) for r in rows),
        **faithfulness(rows, llm),
        "hit@1": m.mean(m.hit_at(r["rank"], 1) for r in answerable),
        f"hit@{K}": m.mean(m.hit_at(r["rank"], K) for r in answerable),
        "mrr": m.mean(m.reciprocal_rank(r["rank"]) for r in answerable),
        **m.latency([r["seconds"] for r in rows]),
    }
