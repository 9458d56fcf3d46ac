"""eval/topic_coverage.py: which contracts use none of a named topic's words, per CUAD part."""

from __future__ import annotations

import json

from eval.split import FIT, cuad_part
from eval.topic_coverage import coverage


def test_coverage_counts_marked_and_unmarked_contracts_using_none_of_a_topics_words(tmp_path, monkeypatch):
    texts = {  # file names chosen in the fit part of the split
        "audited.txt": "Supplier shall make its books and records available to Buyer for audit.",
        "evidenced.txt": "Information known to the Recipient, as evidenced by its written records.",
        "silent.txt": "This Agreement is governed by the laws of Delaware.",
    }
    files = {}
    for name, text in texts.items():
        file = next(f"{name[:-4]}{n}.txt" for n in range(100) if cuad_part(f"{name[:-4]}{n}.txt") == FIT)
        files[name] = file
    (tmp_path / "contracts").mkdir()
    for name, file in files.items():
        (tmp_path / "contracts" / file).write_text(texts[name])
    rows = [{"file": files["audited.txt"], "category": "Audit Rights", "answerable": True},
            {"file": files["silent.txt"], "category": "Audit Rights", "answerable": True},
            {"file": files["evidenced.txt"], "category": "Audit Rights", "answerable": False}]
    (tmp_path / "qa.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    monkeypatch.setenv("CLAUSEQA_CUAD_DIR", str(tmp_path))
    by_topic = {name: counts for name, *counts in coverage(FIT)}
    # one marked contract says nothing of audits; the unmarked one's "written records" are no audit either
    assert by_topic["audits"] == [2, 1, 1, 1]
    assert by_topic["competition"] == [0, 0, 0, 0]
