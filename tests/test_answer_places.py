"""Which fitted kinds of question are answered in an agreement's opening (eval/answer_places.py) and
when a question searches the opening for it (assistant/answer_places.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.answer_places import PLACES_FILE, AnswerPlaces
from eval.answer_places import in_opening, opening_shares, opening_spans
from eval.split import FIT

CONTRACTS = Path(__file__).with_name("contracts")


def test_the_opening_is_each_agreements_first_two_chunks():
    # two agreements in one file: the lease's preamble and clause 1, the consulting agreement's
    # preamble and its clause 1 heading
    assert opening_spans(CONTRACTS / "lease_and_consulting.txt") == [(0, 262), (264, 381), (1538, 1775), (1777, 1790)]


@pytest.mark.parametrize("gold, expected", [
    ([{"start": 100, "end": 120}], True),
    ([{"start": 262, "end": 264}], False),  # between the two chunks, touching both ends
    ([{"start": 255, "end": 263}], True),  # runs out of the opening
    ([{"start": 900, "end": 910, "also_at": [1540]}], True),  # a copy of the span in the second opening
    ([{"start": 900, "end": 910}, {"start": 1300, "end": 1400}], False),
])
def test_a_gold_span_is_in_the_opening_when_it_or_a_copy_overlaps_it(gold, expected):
    assert in_opening(gold, [(0, 262), (264, 381), (1538, 1775)]) is expected


def test_the_committed_shares_are_what_the_fit_part_gives(shared_dir):
    from eval.cuad import read_jsonl

    rows = read_jsonl(shared_dir / "cuad" / "qa.jsonl")
    fit, counts = opening_shares(rows, shared_dir / "cuad" / "contracts", FIT)
    committed = json.loads(PLACES_FILE.read_text())
    assert committed["opening_share"] == fit
    # 0.944 before a table of contents without dot leaders was told from the opening after it
    assert (fit["Document Name"], counts["Document Name"]) == (0.962, 266)
    assert [kind for kind, share in fit.items() if share >= 0.75] == ["Agreement Date", "Document Name", "Parties"]


class NearestKind:
    """Prototypes that say which fitted kind a question is nearest, and how alike."""

    def __init__(self, kind: str, similarity: float):
        self.kind, self.similarity = kind, similarity

    def nearest_kind(self, vector):
        return self.kind, self.similarity


@pytest.mark.parametrize("kind, similarity, expected", [
    ("Document Name", 0.79, True),
    ("Document Name", 0.69, False),  # only loosely like a fitted title question
    ("Effective Date", 0.95, False),  # answered in the opening 70% of the time: the opening would attract the rest
    ("Governing Law", 0.99, False),
    ("", 0.0, False),  # no prototypes (another embedding model)
])
def test_a_question_searches_the_opening_when_much_like_a_kind_answered_there(kind, similarity, expected):
    places = AnswerPlaces({"Document Name": 0.94, "Effective Date": 0.704, "Governing Law": 0.004})
    assert places.answered_in_opening(None, NearestKind(kind, similarity)) is expected


def test_without_the_file_no_kind_is_answered_in_the_opening(tmp_path):
    assert AnswerPlaces.load(tmp_path / "none.json").answered_in_opening(None, NearestKind("Parties", 1.0)) is False
