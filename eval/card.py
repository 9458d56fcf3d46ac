"""The data card of the fitted evidence models: what they were fitted on and how they scored on the rest."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone

from assistant.ranker import MODEL_DIR


def write_card(booster, args, fit, validation, report: dict) -> None:
    styles = Counter(q.style for q in fit if q.gold or not q.answerable)
    pairs = sum(1 for q in fit if q.contract.startswith("pairs:"))
    importance = sorted(zip(booster.feature_name(), booster.feature_importance("gain")), key=lambda x: -x[1])[:12]

    def row(name: str, figures: dict) -> str:
        return (f"| {name} | {figures['questions'] if 'questions' in figures else ''} | "
                f"{figures['first_cite_overlap']:.3f} | {figures['any_cite_overlap']:.3f} | "
                f"{figures['mean_cited_chars']:.0f} | {figures['found_balanced_accuracy']:.3f} |")

    lines = [
        "# Evidence models: data card",
        "",
        "Fitted by `make train` (`python eval/train.py --fit-contracts {0} --validate-contracts {1} "
        "--paraphrases {2} --write`); LightGBM with `deterministic`, one thread and a fixed seed, so the "
        "same data gives the same bytes. Caveat: two fits of the same code gave 334,920 and 334,925 candidates "
        "(a small run-to-run difference in candidate extraction, not tracked down; `make train` now pins "
        "PYTHONHASHSEED=0), and validation first-citation figures moved by about 0.02 between such runs.".format(args.fit_contracts, args.validate_contracts, args.paraphrases),
        "",
        "## Files",
        "- `evidence_ranker.txt`: LightGBM LambdaRank model (its scores are mapped to (0, 1) by a sigmoid); "
        "one row per candidate sentence or short window of the "
        "retrieved clauses, columns `assistant.evidence.CANDIDATE_FEATURES` (dense and lexical similarity of the "
        "sentence and its clause, retrieval rank, heading and lead-in overlap, position in the agreement, "
        "answer-type signals of question and span). It reads the question text only, never a category id.",
        "- `decision.json`: the \"found\" logistic model over `FOUND_FEATURES` (standardised), its cut, and the "
        "citation-selection settings (extra citations at a share of the first one's probability, a character budget).",
        "",
        "## Fitted on (the fit part of `eval/split.py` only)",
        f"- CUAD: the first {args.fit_contracts} contracts of the fit part, all 41 category questions each, asked in "
        f"CUAD's words and in {args.paraphrases} hand-written paraphrase(s) per row from `eval/pairs/paraphrases.yaml` "
        f"({dict(styles)} questions); a candidate is positive when it overlaps a lawyer's gold span.",
        f"- The fit half of `eval/pairs/sample.yaml` ({pairs} single-question pairs): positive = inside an expected "
        "clause and holding an expected fact.",
        f"- {sum(len(q.labels) for q in fit)} candidates, {int(sum(q.labels.sum() for q in fit))} positive.",
        "- The found model and the selection settings were fitted on out-of-fold ranker scores (5 folds by contract).",
        "",
        "## How it scored on data it never saw",
        f"Validation: the first {args.validate_contracts} contracts of CUAD's validation part "
        f"({len(validation)} questions in CUAD's words), through the production `compose()`.",
        "",
        "| set | questions | first citation overlaps gold | any citation overlaps | mean cited chars | found/not-found balanced accuracy |",
        "| --- | --- | --- | --- | --- | --- |",
        row("fit part, out of fold", report["fit_out_of_fold"]),
        row("validation", report["validation"]),
        row("validation, leave-category-out (4 folds of categories never fitted)",
            {**report["validation_leave_category_out"], "questions": ""}),
        "",
        "The full pipeline figures (`clauseqa eval --suite cuad`) are the ones the regression gate reads.",
        "",
        "## Most used features (gain)",
        *(f"- {name}: {gain:.0f}" for name, gain in importance),
        "",
        "## What still fails, by class (CUAD validation and the test pairs)",
        "- The found decision misses answerable clause-type questions (cap on liability, exclusivity,",
        "  non-compete: found recall 0.2-0.5 on 24 validation contracts) and answers date questions whose",
        "  date is absent (effective date: almost never \"not found\").",
        "- Word overlap without meaning: the ranker can pick a sentence that shares the question's words but",
        "  not its sense (a warranty sentence for \"non-transferable licence\", severability for \"most",
        "  favoured nation\").",
        "- Long CUAD sentences are one quote each; three of them pass the 600-character budget.",
        "- Whole corpus: when a contract named in words matches several agreements, the answer comes per",
        "  agreement and the first may be another contract; poor labels from the segmenter on some CUAD",
        "  files (\"Agreement\", \"Consultant and Company\") add to it.",
        "- Short publication questions (\"what paper is it for?\", \"who wrote ActNN?\") have too few content",
        "  words: refused, or a clause about authors instead of the preamble naming the author.",
        "",
        "## Limits",
        "- English commercial contracts (CUAD, SEC filings) and publication agreements; other languages untested.",
        "- Labels are span overlaps: the ranker learns where answers are, not the short value inside them.",
        f"- Written {datetime.now(timezone.utc).date().isoformat()}.",
        "",
    ]
    (MODEL_DIR / "CARD.md").write_text("\n".join(lines))
