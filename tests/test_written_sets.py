"""The contracts and questions written blind to the code (eval/written/): each answerable question quotes
its contract's own words, exactly once, so `make eval-written` scores citations against real offsets."""

from __future__ import annotations

import json

import pytest

from eval.written_sets import WRITTEN

SETS = sorted(p for p in WRITTEN.iterdir() if p.is_dir())


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_each_answerable_question_quotes_its_contract_exactly_once(folder):
    questions = json.loads((folder / "questions.json").read_text())
    assert questions
    for q in questions:
        text = (folder / q["file"]).read_text()
        assert q["answerable"] == bool(q["evidence"]), q["question"]
        assert [text.count(e) for e in q["evidence"]] == [1] * len(q["evidence"]), q["question"]


def test_every_set_keeps_a_third_or_so_of_its_questions_unanswerable():
    for folder in SETS:
        questions = json.loads((folder / "questions.json").read_text())
        share = sum(not q["answerable"] for q in questions) / len(questions)
        assert 0.15 <= share <= 0.45, (folder.name, share)
