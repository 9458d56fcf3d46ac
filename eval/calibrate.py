"""Fit the "not found" threshold on data: the bundled pairs and a CUAD sample, never by hand.

    python eval/calibrate.py [--contracts 10] [--write]
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
from assistant.answer import CALIBRATION_FILE, Calibration  # noqa: E402


def best_scores(qa: Assistant, questions: list[tuple[str, list[str] | None, bool]]) -> list[tuple[float, bool]]:
    """(score of the best evidence, answerable) per question, with the threshold switched off."""
    qa.calibration = dataclasses.replace(qa.calibration, threshold=-99.0)
    out = []
    for question, files, answerable in questions:
        answer = qa.ask(question, files=files)
        score = max((c.score for c in answer.citations), default=-99.0) if answer.found else -99.0
        out.append((score, answerable))
    return out


def balanced_accuracy(scored: list[tuple[float, bool]], threshold: float) -> float:
    pos = [s for s, a in scored if a]
    neg = [s for s, a in scored if not a]
    tpr = sum(s >= threshold for s in pos) / max(1, len(pos))
    tnr = sum(s < threshold for s in neg) / max(1, len(neg))
    return (tpr + tnr) / 2


def sample_questions() -> list[tuple[str, list[str] | None, bool]]:
    pairs = yaml.safe_load((REPO / "eval" / "pairs" / "sample.yaml").read_text())
    return [(p["question"], None, p.get("expect_found", True)) for p in pairs if "question" in p]


def cuad_questions(n: int) -> tuple[list[Path], list[tuple[str, list[str] | None, bool]]]:
    cuad = REPO.parent / "shared" / "cuad"
    rows = [json.loads(line) for line in (cuad / "qa.jsonl").open()]
    files = sorted({r["file"] for r in rows})[:n]
    chosen = [r for r in rows if r["file"] in files]
    return [cuad / "contracts" / f for f in files], [(r["question"], [r["file"]], r["answerable"]) for r in chosen]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contracts", type=int, default=10)
    parser.add_argument("--write", action="store_true", help="write assistant/calibration.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sample = best_scores(Assistant.from_paths([str(REPO / "data" / "agreements")], index_dir=f"{tmp}/s"),
                             sample_questions())
        paths, questions = cuad_questions(args.contracts)
        cuad = best_scores(Assistant.from_paths([str(p) for p in paths], index_dir=f"{tmp}/c"), questions)
    grid = [round(0.30 + 0.01 * i, 2) for i in range(100)]
    fitted = max(grid, key=lambda t: balanced_accuracy(sample, t) + balanced_accuracy(cuad, t))
    print(f"threshold {fitted}: balanced accuracy sample {balanced_accuracy(sample, fitted):.3f}, "
          f"CUAD ({args.contracts} contracts, {len(cuad)} questions) {balanced_accuracy(cuad, fitted):.3f}")
    if args.write:
        current = dataclasses.asdict(Calibration.load())
        CALIBRATION_FILE.write_text(json.dumps({**current, "threshold": fitted,
                                                "fitted_on": f"sample pairs + CUAD first {args.contracts}"},
                                               indent=2) + "\n")
        print(f"wrote {CALIBRATION_FILE}")


if __name__ == "__main__":
    main()
