"""Fit the "not found" decision on data — the bundled pairs and CUAD contracts — never by hand.

A logistic regression over the best evidence's features (assistant.answer.FEATURES), balanced
between answerable and unanswerable questions; the probability cut-off maximises balanced
accuracy. CUAD contracts are taken from the END of the sorted developer set so that the quick
eval runs (the first 10 or 50 contracts) are not the ones it was fitted on.

    python eval/calibrate.py [--contracts 30] [--write]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant import Assistant  # noqa: E402
from assistant.answer import CALIBRATION_FILE, FEATURES, Calibration  # noqa: E402

Row = tuple[list[float], bool]  # features of the best evidence, answerable


def feature_rows(qa: Assistant, questions: list[tuple[str, list[str] | None, bool]]) -> list[Row]:
    rows = []
    for question, files, answerable in questions:
        evidence = qa.evidence(question, files=files)
        best = max(evidence, key=lambda ev: ev.score, default=None)
        rows.append((list(best.features) if best else [0.0] * len(FEATURES), answerable))
    return rows


def balanced_accuracy(probabilities: list[float], labels: list[bool], cut: float) -> float:
    pos = [p for p, y in zip(probabilities, labels) if y]
    neg = [p for p, y in zip(probabilities, labels) if not y]
    return (sum(p >= cut for p in pos) / max(1, len(pos)) + sum(p < cut for p in neg) / max(1, len(neg))) / 2


def sample_questions() -> list[tuple[str, list[str] | None, bool]]:
    pairs = yaml.safe_load((REPO / "eval" / "pairs" / "sample.yaml").read_text())
    return [(p["question"], None, p.get("expect_found", True)) for p in pairs if "question" in p]


def cuad_questions(n: int) -> tuple[list[Path], list[tuple[str, list[str] | None, bool]]]:
    cuad = REPO.parent / "shared" / "cuad"
    rows = [json.loads(line) for line in (cuad / "qa.jsonl").open()]
    files = sorted({r["file"] for r in rows})[-n:]
    return ([cuad / "contracts" / f for f in files],
            [(r["question"], [r["file"]], r["answerable"]) for r in rows if r["file"] in files])


def main() -> None:
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--contracts", type=int, default=30)
    parser.add_argument("--write", action="store_true", help="write assistant/calibration.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sample_qa = Assistant.from_paths([str(REPO / "data" / "agreements")], index_dir=f"{tmp}/s")
        sample = feature_rows(sample_qa, sample_questions())
        paths, questions = cuad_questions(args.contracts)
        cuad = feature_rows(Assistant.from_paths([str(p) for p in paths], index_dir=f"{tmp}/c"), questions)
    # the 100-odd sample pairs would drown in 1,000+ CUAD rows: weight both sets equally
    rows = sample + cuad
    weights = [len(cuad) / len(sample)] * len(sample) + [1.0] * len(cuad)
    model = LogisticRegression(class_weight="balanced", C=1.0, max_iter=1000)
    model.fit([f for f, _ in rows], [y for _, y in rows], sample_weight=weights)
    calibration = dataclasses.replace(Calibration.load(), weights=tuple(round(float(w), 4) for w in model.coef_[0]),
                                      bias=round(float(model.intercept_[0]), 4))

    def probabilities(part: list[Row]) -> list[float]:
        return [calibration.confidence(f) for f, _ in part]

    cuts = [round(0.2 + 0.01 * i, 2) for i in range(61)]
    cut = max(cuts, key=lambda c: balanced_accuracy(probabilities(sample), [y for _, y in sample], c)
              + balanced_accuracy(probabilities(cuad), [y for _, y in cuad], c))
    calibration = dataclasses.replace(calibration, threshold=cut)
    print("features:", ", ".join(f"{n}={w:+.2f}" for n, w in zip(FEATURES, calibration.weights)),
          f"bias={calibration.bias:+.2f} cut={cut}")
    print(f"balanced accuracy: sample {balanced_accuracy(probabilities(sample), [y for _, y in sample], cut):.3f} "
          f"({len(sample)} questions); CUAD last {args.contracts} contracts "
          f"{balanced_accuracy(probabilities(cuad), [y for _, y in cuad], cut):.3f} ({len(cuad)} questions)")
    if args.write:
        payload = {**dataclasses.asdict(calibration), "features": list(FEATURES),
                   "fitted_on": f"eval/pairs/sample.yaml + CUAD last {args.contracts} developer contracts"}
        CALIBRATION_FILE.write_text(json.dumps(payload, indent=2) + "\n")
        print(f"wrote {CALIBRATION_FILE}")


if __name__ == "__main__":
    main()
