"""Fit the evidence ranker, the "found" decision and the citation settings (`make train`).

Fits only on the split's fit part (eval/split.py): the first --fit-contracts CUAD fit contracts,
asked in CUAD's words and in hand-written paraphrases, plus the fit half of the hand-written pairs.
Reports on the validation part: answer-level figures through the production compose(), and
leave-category-out (categories held out of fitting). Writes assistant/models/ and its CARD.md.

    python eval/train.py [--fit-contracts 60] [--validate-contracts 24] [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.answer import compose  # noqa: E402
from assistant.evidence import CANDIDATE_FEATURES  # noqa: E402
from assistant.ranker import DECISION_FILE, FOUND_FEATURES, RANKER_FILE, EvidenceModel, FoundModel, Selection, \
    found_features, to_probability  # noqa: E402
from eval.split import VALIDATION, cuad_files  # noqa: E402
from eval.train_data import Question, VectorCache, cuad_questions, cuad_rows, fit_files, pair_questions  # noqa: E402

PARAMS = {"objective": "lambdarank", "lambdarank_truncation_level": 10, "learning_rate": 0.05, "num_leaves": 31,
          "min_data_in_leaf": 40,
          "feature_fraction": 0.8, "lambda_l2": 1.0, "deterministic": True, "force_row_wise": True,
          "num_threads": 1, "seed": 7, "verbose": -1}
ROUNDS = 250
CATEGORY_FOLDS = 4
MAX_MEAN_CHARS = 550  # the budget for mean cited characters per answer (the target is 600)


def fit_ranker(questions: list[Question], rounds: int = ROUNDS):
    """LambdaRank over the questions that have evidence among their candidates: the ranker orders
    candidates; whether there is an answer at all is the found model's job."""
    import lightgbm

    ranked = [q for q in questions if q.answerable and len(q.evidence) and q.labels.any()]
    x = np.vstack([q.evidence.features for q in ranked])
    y = np.concatenate([q.labels for q in ranked])
    data = lightgbm.Dataset(x, y, group=[len(q.labels) for q in ranked], feature_name=list(CANDIDATE_FEATURES))
    return lightgbm.train(PARAMS, data, rounds)


def predict(booster, questions: list[Question]) -> list[np.ndarray]:
    return [to_probability(booster.predict(q.evidence.features, num_threads=1)) if len(q.evidence) else np.zeros(0)
            for q in questions]


def out_of_fold(questions: list[Question], folds: int = 5) -> list[np.ndarray]:
    """Each question scored by a ranker fitted without its contract: honest inputs for the found model."""
    contracts = sorted({q.contract for q in questions})
    fold_of = {c: i % folds for i, c in enumerate(contracts)}
    probs: list[np.ndarray | None] = [None] * len(questions)
    for k in range(folds):
        booster = fit_ranker([q for q in questions if fold_of[q.contract] != k])
        held = [i for i, q in enumerate(questions) if fold_of[q.contract] == k]
        for i, p in zip(held, predict(booster, [questions[i] for i in held])):
            probs[i] = p
    return probs


def fit_found(questions: list[Question], probs: list[np.ndarray]) -> tuple[FoundModel, float]:
    """Balanced logistic regression; the cut maximises balanced accuracy on cross-validated predictions."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict

    x = np.vstack([found_features(q.evidence, p) for q, p in zip(questions, probs)])
    y = np.asarray([q.answerable for q in questions])
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    z = (x - mean) / scale
    model = LogisticRegression(class_weight="balanced", C=0.5, max_iter=3000)
    cv = cross_val_predict(model, z, y, cv=5, method="predict_proba")[:, 1]
    cut = max((round(0.2 + 0.01 * i, 2) for i in range(61)), key=lambda c: balanced_accuracy(cv >= c, y))
    model.fit(z, y)
    found = FoundModel(tuple(round(float(w), 6) for w in model.coef_[0]), round(float(model.intercept_[0]), 6),
                       tuple(round(float(v), 6) for v in mean), tuple(round(float(v), 6) for v in scale))
    return found, cut


def balanced_accuracy(predicted, actual) -> float:
    predicted, actual = np.asarray(predicted, bool), np.asarray(actual, bool)
    tpr = (predicted & actual).sum() / max(1, actual.sum())
    tnr = (~predicted & ~actual).sum() / max(1, (~actual).sum())
    return float((tpr + tnr) / 2)


def answer_figures(questions: list[Question], probs: list[np.ndarray], model: EvidenceModel) -> dict:
    """First/any citation overlaps gold, mean cited chars, found balanced accuracy: through compose()."""
    first, anyc, chars, found, actual = [], [], [], [], []
    for q, p in zip(questions, probs):
        answer = compose(q.text, q.evidence, p, model.found_probability(q.evidence, p), model.selection, "the contract")
        hits = [any(c.start < e and s < c.end for s, e in q.gold) for c in answer.citations]
        found.append(answer.found)
        actual.append(q.answerable)
        if answer.found:
            chars.append(sum(c.end - c.start for c in answer.citations))
        if q.answerable:
            first.append(bool(hits and hits[0]))
            anyc.append(any(hits))
    return {"questions": len(questions), "first_cite_overlap": float(np.mean(first)) if first else None,
            "any_cite_overlap": float(np.mean(anyc)) if anyc else None,
            "mean_cited_chars": float(np.mean(chars)) if chars else 0.0,
            "found_balanced_accuracy": balanced_accuracy(found, actual)}


def tune_selection(questions: list[Question], probs: list[np.ndarray], found: FoundModel, cut: float) -> Selection:
    """The extra-citation settings with the best any-citation overlap within the character budget."""
    best, best_key = Selection(threshold=cut), (-1.0, 0.0)
    cuad = [(q, p) for q, p in zip(questions, probs) if q.gold or not q.answerable]
    for ratio in (0.3, 0.45, 0.6, 0.75, 0.9):
        for minimum in (0.1, 0.2, 0.3, 0.4):
            for max_chars in (600, 900, 1200):
                selection = Selection(threshold=cut, extra_ratio=ratio, extra_min=minimum, max_chars=max_chars)
                figures = answer_figures([q for q, _ in cuad], [p for _, p in cuad],
                                         EvidenceModel("", found, selection))
                key = (figures["any_cite_overlap"] or 0.0, -figures["mean_cited_chars"])
                if figures["mean_cited_chars"] <= MAX_MEAN_CHARS and key > best_key:
                    best, best_key = selection, key
    return best


def leave_category_out(fit: list[Question], validation: list[Question], model: EvidenceModel) -> dict:
    """Categories held out of fitting, scored on the validation contracts: does ranking generalise?"""
    categories = sorted({q.category for q in validation if q.gold})
    figures = {"held_out": [], "seen": []}
    for k in range(CATEGORY_FOLDS):
        held = set(categories[k::CATEGORY_FOLDS])
        booster = fit_ranker([q for q in fit if q.category not in held])
        part = [q for q in validation if q.category in held]
        figures["held_out"].append(answer_figures(part, predict(booster, part), model))
    pooled = {}
    for name in ("first_cite_overlap", "any_cite_overlap", "found_balanced_accuracy", "mean_cited_chars"):
        weights = [f["questions"] for f in figures["held_out"]]
        pooled[name] = float(np.average([f[name] or 0.0 for f in figures["held_out"]], weights=weights))
    return pooled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fit-contracts", type=int, default=60)
    parser.add_argument("--validate-contracts", type=int, default=24)
    parser.add_argument("--paraphrases", type=int, default=1, help="hand-written phrasings asked per CUAD row")
    parser.add_argument("--index-root", default=str(REPO / ".clauseqa"))
    parser.add_argument("--write", action="store_true", help="write assistant/models/")
    args = parser.parse_args()
    from assistant import Assistant
    from eval.cuad import cuad_dir

    root = cuad_dir()
    rows = cuad_rows(root)
    started = time.perf_counter()

    def progress(what):
        return lambda done, total: print(f"  {what}: {done}/{total} contracts ({time.perf_counter() - started:.0f} s)",
                                         file=sys.stderr, flush=True)

    fit_names = fit_files(root, args.fit_contracts)
    fit_qa = Assistant.from_paths([str(root / "contracts" / f) for f in fit_names],
                                  index_dir=f"{args.index_root}/train-fit-{args.fit_contracts}")
    cache = VectorCache(Path(args.index_root) / "train-span-vectors.pkl")
    fit = cuad_questions(fit_qa, rows, fit_names, args.paraphrases, cache, progress("fit"))
    sample_qa = Assistant.from_paths([str(REPO / "data" / "agreements")], index_dir=f"{args.index_root}/train-sample")
    fit += pair_questions(sample_qa, REPO / "eval" / "pairs" / "sample.yaml")
    val_names = cuad_files({r["file"] for r in rows}, VALIDATION, args.validate_contracts)
    val_qa = Assistant.from_paths([str(root / "contracts" / f) for f in val_names],
                                  index_dir=f"{args.index_root}/train-validation-{args.validate_contracts}")
    validation = cuad_questions(val_qa, rows, val_names, 0, cache, progress("validation"))
    print(f"{len(fit)} fit questions, {sum(len(q.labels) for q in fit)} candidates; "
          f"{len(validation)} validation questions", file=sys.stderr)

    oof = out_of_fold(fit)
    found, cut = fit_found(fit, oof)
    selection = tune_selection(fit, oof, found, cut)
    booster = fit_ranker(fit)
    model = EvidenceModel(booster.model_to_string(), found, selection)
    report = {
        "fit_out_of_fold": answer_figures([q for q in fit if q.gold or not q.answerable],
                                          [p for q, p in zip(fit, oof) if q.gold or not q.answerable], model),
        "validation": answer_figures(validation, predict(booster, validation), model),
        "validation_leave_category_out": leave_category_out(fit, validation, model),
    }
    print(json.dumps(report, indent=1))
    if args.write:
        write(model, booster, args, fit, validation, report)


def write(model: EvidenceModel, booster, args, fit: list[Question], validation: list[Question], report: dict) -> None:
    from dataclasses import asdict

    from eval.card import write_card

    RANKER_FILE.parent.mkdir(parents=True, exist_ok=True)
    RANKER_FILE.write_text(model.booster_text)
    DECISION_FILE.write_text(json.dumps({
        "candidate_features": list(CANDIDATE_FEATURES), "found_features": list(FOUND_FEATURES),
        "found": asdict(model.found), "selection": asdict(model.selection)}, indent=1) + "\n")
    write_card(booster, args, fit, validation, report)
    print(f"wrote {RANKER_FILE}, {DECISION_FILE} and the card", file=sys.stderr)


if __name__ == "__main__":
    main()
