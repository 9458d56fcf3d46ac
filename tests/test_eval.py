"""Eval: metrics on hand-made answers, pairs-file errors, the baseline gate and the report files."""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from assistant.types import Answer, Citation
from eval import metrics as m
from eval.pairs_file import PairsFileError, load_pairs
from eval.run import check_baseline, run_eval

REPO = Path(__file__).resolve().parents[1]
DOC = "Preamble. 7. It will be governed by the laws of the Commonwealth of Massachusetts. Signed Sep 23, 2020."
FILE = "000.txt"


def cite(clause: str, quote: str, file: str = FILE, agreement: str = "Xin Wang", shift: int = 0) -> Citation:
    start = DOC.index(quote) + shift
    return Citation(file=file, agreement=agreement, clause=clause, quote=quote, start=start,
                    end=start + len(quote), score=0.9, clause_text=quote)


# -- metrics -----------------------------------------------------------------------------------

@pytest.mark.parametrize("clause, key", [("7", "7"), ("7 (part 2)", "7"), ("5 (continued)", "5"),
                                         ("6(a)", "6(a)"), ("footnote 1", "footnote"), ("preamble", "preamble")])
def test_clause_key(clause, key):
    assert m.clause_key(clause) == key


def test_citation_precision_recall_at_clause_level():
    answer = Answer("q", "t", True, (cite("7 (part 2)", "Massachusetts"), cite("7", "Commonwealth"),
                                     cite("preamble", "Preamble")))
    cited = m.cited_keys(answer.citations)
    expected = {(FILE, "Xin Wang", "7"), (FILE, "Xin Wang", "signatures")}
    assert cited == {(FILE, "Xin Wang", "7"), (FILE, "Xin Wang", "preamble")}
    assert m.citation_precision(cited, expected) == 0.5
    assert m.citation_recall(cited, expected) == 0.5
    assert m.citation_precision(set(), expected) is None
    assert m.citation_recall(cited, set()) is None


@pytest.mark.parametrize("text, facts, ok", [
    ("Signed on September 23, 2020 [1]", [["Sep 23, 2020"]], True),
    ("signed 23 Sep 2020", [["September 23, 2020"]], True),
    ("signed 23rd of September, 2020", [["Sep 23, 2020"]], True),
    ("the   laws of\nthe COMMONWEALTH of Massachusetts", [["commonwealth of massachusetts"]], True),
    ("Massachusetts", [["Massachusetts"], ["San Diego"]], False),
    ("San Diego courts", [["Boston", "San Diego"]], True),
    ("signed Sep 24, 2020", [["Sep 23, 2020"]], False),
])
def test_facts_present_normalises_case_space_and_dates(text, facts, ok):
    assert m.facts_present(text, facts) is ok


def test_answer_correct_and_refusals():
    found = Answer("q", "Massachusetts", True)
    refused = Answer("q", "Not found", False)
    assert m.answer_correct(found, [["massachusetts"]], True)
    assert not m.answer_correct(refused, [["massachusetts"]], True)
    assert m.answer_correct(refused, [], False) and not m.answer_correct(found, [], False)
    # 2 unanswerable (one refused), 2 answerable (one wrongly refused)
    scores = m.refusal_scores([refused, found, refused, found], [False, False, True, True])
    assert scores == {"refusal_precision": 0.5, "refusal_recall": 0.5}
    assert m.binary_scores([True, True, False], [True, False, False]) == {
        "precision": 0.5, "recall": 1.0, "specificity": 0.5, "balanced_accuracy": 0.75}
    assert m.binary_scores([], [])["precision"] is None


def test_faithfulness_and_latency():
    good, bad = cite("7", "Massachusetts"), cite("7", "Massachusetts", shift=1)
    missing = cite("7", "Massachusetts", file="gone.txt")

    def text_of(file):
        if file != FILE:
            raise KeyError(file)
        return DOC
    assert m.faithful_citations([good, bad, missing], text_of) == (1, 3)
    assert m.latency([1.0, 2.0, 3.0, 4.0]) == {"latency_mean": 2.5, "latency_p50": 2.5, "latency_p95": 3.85}
    assert m.latency([])["latency_p95"] is None


def test_retrieval_ranks_with_also_at_copies():
    gold = [{"start": 100, "end": 110, "also_at": [500]}]
    assert m.first_hit_rank([(0, 50), (505, 520), (100, 120)], gold) == 2  # a copy counts
    assert m.first_hit_rank([(0, 100), (110, 200)], gold) is None  # touching is not overlapping
    assert m.hit_at(2, 1) == 0.0 and m.hit_at(2, 5) == 1.0 and m.reciprocal_rank(2) == 0.5
    assert m.reciprocal_rank(None) == 0.0


def test_char_precision_recall():
    gold = [{"start": 100, "end": 110, "also_at": [500]}, {"start": 200, "end": 210, "also_at": []}]
    # cites 5 chars of the first span's copy, 10 chars outside, overlapping its own span twice
    precision, recall = m.char_precision_recall([(495, 505), (500, 505), (10, 15)], gold)
    assert precision == pytest.approx(5 / 15)
    assert recall == pytest.approx(5 / 20)
    assert m.char_precision_recall([], gold) == (None, 0.0)
    assert m.char_precision_recall([(100, 110), (200, 210)], gold) == (1.0, 1.0)


# -- pairs file --------------------------------------------------------------------------------

GOOD = """\
- id: law
  category: single_fact
  question: "Which law?"
  answer_facts:
    - ["Massachusetts"]
  citations:
    - {file: 000.txt, agreement: Xin Wang, clause: "7"}
- id: nothing
  category: unanswerable
  question: "What royalty?"
  answer_facts: []
  citations: []
  expect_found: false
- id: conv
  category: conversation
  turns:
    - question: "Who signed?"
      answer_facts: [["Xin Wang"]]
      citations: [{file: 000.txt, agreement: Xin Wang, clause: signatures}]
    - question: "Which law governs his agreement?"
      answer_facts: [["Massachusetts"]]
      citations: [{file: 000.txt, agreement: Xin Wang, clause: "7"}]
"""


def test_sample_pairs_load():
    pairs = load_pairs(REPO / "eval" / "pairs" / "sample.yaml")
    assert len(pairs) == 115 and len({p.id for p in pairs}) == 115


@pytest.mark.parametrize("text, error", [
    ("- id: x\n  category: [oops\n", "pairs.yaml:3: malformed YAML"),
    ("", "the suite is empty"),
    ("[]\n", "the suite is empty"),
    ("a: 1\n", "pairs.yaml:1: the file must be a YAML list of pairs"),
    (GOOD.replace('  question: "Which law?"\n', ""), "pairs.yaml:1: field 'question': missing"),
    (GOOD.replace('clause: "7"}\n- id: nothing', 'clause: 7}\n- id: nothing'), "pairs.yaml:7: field 'clause': must be"),
    (GOOD.replace("category: unanswerable", "category: trivia"), "pairs.yaml:9: field 'category': unknown"),
    (GOOD.replace("id: conv", "id: law"), "pairs.yaml:14: field 'id': duplicate id 'law' (first at line 1)"),
    (GOOD.replace("expect_found: false", "expect_found: nope"), "pairs.yaml:13: field 'expect_found': must be"),
    (GOOD.replace("    - question: \"Who signed?\"\n", "    - qestion: \"Who signed?\"\n"),
     "pairs.yaml:17: field 'qestion': unknown field"),
    (GOOD.replace('    - ["Massachusetts"]\n', '    - "Massachusetts"\n'), "pairs.yaml:5: field 'answer_facts'"),
])
def test_pairs_file_errors_name_line_and_field(tmp_path, text, error):
    path = tmp_path / "pairs.yaml"
    path.write_text(text)
    with pytest.raises(PairsFileError) as info:
        load_pairs(path)
    assert error in str(info.value)


# -- runner with a fake assistant --------------------------------------------------------------

class FakeAssistant:
    """Answers from a table keyed by question; `wrong` questions get a wrong, uncited answer."""

    def __init__(self, wrong=()):
        self.wrong = set(wrong)
        law, sig = cite("7", "Commonwealth of Massachusetts"), cite("signatures", "Signed Sep 23, 2020")
        self.table = {"Which law?": (True, "Massachusetts [1]", (law,)),
                      "What royalty?": (False, "Not found", ()),
                      "Who signed?": (True, "Xin Wang signed Sep 23, 2020 [1]", (sig,)),
                      "Which law governs his agreement?": (True, "Massachusetts [1]", (law,))}
        clauses = [SimpleNamespace(file=FILE, agreement_label="Xin Wang", clause_id=c)
                   for c in ("preamble", "7 (part 2)", "signatures")]
        self.retriever = SimpleNamespace(clauses=dict(enumerate(clauses)))
        self.settings = SimpleNamespace(model="fake")

    def ask(self, question, files=None):
        found, text, cites = self.table[question]
        if question in self.wrong:
            found, text, cites = True, "Delaware", ()
        return Answer(question, text, found, cites, standalone_question=question)

    def conversation(self):
        return self

    def document_text(self, file):
        return DOC


@pytest.fixture
def pairs(tmp_path):
    path = tmp_path / "mini.yaml"
    path.write_text(GOOD)
    return str(path)


def test_run_passes_then_gates_a_drop(tmp_path, pairs, capsys):
    baseline = tmp_path / "baseline.json"
    assert run_eval(pairs, baseline=baseline, update_baseline=True, qa=FakeAssistant(), progress=False,
                    report_dir=tmp_path / "r0") == 0
    recorded = json.loads(baseline.read_text())
    assert recorded["tolerance"] == 0.02
    assert recorded["suites"]["mini"]["overall"]["answer_correctness"] == 1.0
    assert run_eval(pairs, baseline=baseline, qa=FakeAssistant(), progress=False, report_dir=tmp_path / "r1") == 0
    assert "PASS" in capsys.readouterr().err

    assert run_eval(pairs, baseline=baseline, qa=FakeAssistant(wrong={"Which law?"}), progress=False,
                    report_dir=tmp_path / "r2") == 1
    err = capsys.readouterr().err
    assert "REGRESSION" in err and "overall.answer_correctness" in err and "single_fact.citation_recall" in err
    results = json.loads((tmp_path / "r2" / "results.json").read_text())
    assert results["overall"]["answer_correctness"] == pytest.approx(3 / 4)
    assert results["categories"]["conversation"]["citation_recall"] == 1.0


def test_gate_tolerance(tmp_path, pairs):
    baseline = tmp_path / "baseline.json"
    run_eval(pairs, baseline=baseline, update_baseline=True, qa=FakeAssistant(), progress=False,
             report_dir=tmp_path / "r")
    data = json.loads(baseline.read_text())
    data["suites"]["mini"]["overall"]["answer_correctness"] = 1.01  # within 0.02 of the 1.0 we get
    baseline.write_text(json.dumps(data))
    from eval.run import run_pairs_suite
    result = run_pairs_suite(pairs, qa=FakeAssistant(), progress=False)
    assert check_baseline(result, baseline) == ([], "")
    data["suites"]["mini"]["overall"]["answer_correctness"] = 1.03
    baseline.write_text(json.dumps(data))
    drops, _ = check_baseline(result, baseline)
    assert drops == ["overall.answer_correctness: 1.030 -> 1.000 (-0.030, tolerance 0.02)"]


def test_broken_pair_is_listed_not_scored(tmp_path, capsys):
    path = tmp_path / "mini.yaml"
    path.write_text(GOOD.replace('clause: "7"}\n- id: nothing', 'clause: "9"}\n- id: nothing'))
    assert run_eval(str(path), baseline=None, qa=FakeAssistant(), progress=False, report_dir=tmp_path / "r") == 1
    err = capsys.readouterr().err
    assert "1 broken pair" in err and "000.txt / Xin Wang / clause 9" in err
    results = json.loads((tmp_path / "r" / "results.json").read_text())
    assert results["overall"]["n_questions"] == 3 and results["overall"]["answer_correctness"] == 1.0


def test_empty_suite_is_an_error(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("[]\n")
    with pytest.raises(PairsFileError, match="empty"):
        run_eval(str(path), baseline=None, qa=FakeAssistant(), progress=False)
    with pytest.raises(PairsFileError, match="Unknown suite 'nope'; valid: sample, cuad"):
        run_eval("nope", baseline=None, qa=FakeAssistant(), progress=False)


def test_report_files(tmp_path, pairs):
    report = tmp_path / "report"
    run_eval(pairs, baseline=None, qa=FakeAssistant(wrong={"Who signed?"}), progress=False, report_dir=report)
    for png in ("metrics_by_category.png", "latency.png"):
        assert (report / png).read_bytes()[:4] == b"\x89PNG"
    md, page = (report / "report.md").read_text(), (report / "report.html").read_text()
    assert "| category | n_questions | answer_correctness" in md and "| single_fact | 1 | 1.000" in md
    assert "<table class='categories'>" in page and "<td>unanswerable</td>" in page
    assert "Failures (1)" in md and "**question:** Who signed?" in md and "Delaware" in page
    assert "metrics_by_category.png" in page

    from eval.report import report_from_results
    again = report_from_results(report / "results.json", tmp_path / "again")
    assert again["md"].read_text() == md


# -- real runs ---------------------------------------------------------------------------------

@pytest.mark.slow
def test_sample_suite_passes_committed_baseline(tmp_path):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    assert run_eval("sample", report_dir=tmp_path / "report", progress=False) == 0


@pytest.mark.slow
def test_cuad_quick_run(tmp_path):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from eval.cuad import run_cuad

    result = run_cuad(limit=3, index_dir=str(tmp_path / "cuad-index"), progress=False)
    for name, value in result.overall.items():
        if value is not None and not name.startswith(("n_", "latency")):
            assert 0.0 <= value <= 1.0, name
    assert result.overall["hit@5"] > 0.3
