"""Eval: metrics on hand-made answers, the split, pairs-file errors, the suites run against fake
assistants, the baseline gate and the report files."""

from __future__ import annotations

import json
import re
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from assistant.types import Answer, Citation
from eval import metrics as m
from eval.baseline import check_baseline, parse_key, update_command, write_baseline
from eval.pairs_file import PairsFileError, load_pairs
from eval.result import EvalOptionError, SuiteResult, is_score
from eval.run import run_eval, run_pairs_suite
from eval.split import cuad_files, cuad_part, pair_half

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
    # a day and month read inside a longer date, as written
    ("Date: Jul 15, Jul 16, 2020", [["Jul 15", "July 15"], ["Jul 16", "July 16"]], True),
    ("Date: Jul 15, 2020", [["Jul 16"]], False),
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


# -- CUAD: what the answer cites ---------------------------------------------------------------

GOLD = [{"start": 100, "end": 110, "also_at": [500]},  # CUAD's shape: a copy given by its start
        {"start": 200, "end": 210, "also_at": [{"start": 900, "end": 950}]}]  # or as a whole span


def span(start: int, end: int, file: str = FILE) -> Citation:
    return Citation(file=file, agreement="a", clause="1", quote="x" * (end - start), start=start, end=end, score=0.5)


def test_gold_copies_take_both_shapes():
    assert m.gold_copies(GOLD) == [[(100, 110), (500, 510)], [(200, 210), (900, 950)]]


@pytest.mark.parametrize("found, spans, first, any_, chars", [
    (True, [(0, 50), (505, 520)], False, True, 65),  # the first misses; the second hits the copy at 500
    (True, [(920, 930), (0, 5)], True, True, 15),  # inside a {start, end} copy
    (True, [(110, 120), (90, 100)], False, False, 20),  # touching a span is not overlapping it
    (True, [(205, 206), (0, 10), (0, 10)], True, True, 21),  # repeated citations are read, and counted, twice
    (True, [], False, False, 0),
    (False, [(100, 110)], False, False, None),  # a refusal claims nothing, whatever it shows
])
def test_cite_overlap_and_cited_chars(found, spans, first, any_, chars):
    answer = Answer("q", "t", found, tuple(span(s, e) for s, e in spans))
    assert m.first_cite_overlap(answer, FILE, GOLD) is first
    assert m.any_cite_overlap(answer, FILE, GOLD) is any_
    assert m.cited_chars(answer) == chars


def test_a_citation_of_another_contract_never_overlaps():
    answer = Answer("q", "t", True, (span(100, 110, file="other.txt"), span(200, 205)))
    assert m.first_cite_overlap(answer, FILE, GOLD) is False
    assert m.any_cite_overlap(answer, FILE, GOLD) is True
    assert not m.right_file_first(answer, FILE) and m.right_file_first(answer, "other.txt")
    assert not m.right_file_first(Answer("q", "t", False, (span(100, 110),)), FILE)
    assert not m.right_file_first(Answer("q", "t", True), FILE)


# -- the split ---------------------------------------------------------------------------------

NAMES = [f"contract-{c}.txt" for c in "abcdefghij"]


def test_cuad_parts_are_disjoint_cover_all_and_keep_the_split_order():
    validation, fit = cuad_files(NAMES, "validation"), cuad_files(NAMES, "fit")
    assert validation == ["contract-j.txt", "contract-b.txt", "contract-a.txt"]  # hash order, not by name
    assert set(validation).isdisjoint(fit) and sorted(validation + fit) == NAMES
    assert cuad_files(NAMES + NAMES, "validation", 2) == ["contract-j.txt", "contract-b.txt"]
    with pytest.raises(ValueError, match="Unknown CUAD part 'test'"):
        cuad_files(NAMES, "test")


def test_cuad_split_of_the_shared_contracts(shared_dir):
    files = sorted(p.name for p in (shared_dir / "cuad" / "contracts").glob("*.txt"))
    validation, fit = cuad_files(files, "validation"), cuad_files(files, "fit")
    assert (len(validation), len(fit)) == (142, 266)
    assert set(validation).isdisjoint(fit) and sorted(validation + fit) == files
    assert validation[0].startswith("PlayboyEnterprisesInc_20090220_10-QA_EX-10.2_4091580")
    for name in ("BLUEHILLSBANCORP,INC_05_20_2014-EX-1.1-AGENCY AGREEMENT.txt",
                 "ABILITYINC_06_15_2020-EX-4.25-SERVICES AGREEMENT.txt"):
        assert name in validation and cuad_part(name) == "validation"
    for name in ("VITAMINSHOPPECOMINC_09_13_1999-EX-10.26-SPONSORSHIP AGREEMENT.txt",
                 "ACCELERATEDTECHNOLOGIESHOLDINGCORP_04_24_2003-EX-10.13-JOINT VENTURE AGREEMENT.txt"):
        assert name in fit and cuad_part(name) == "fit"


def test_pair_halves_of_the_sample_pairs():
    ids = [p.id for p in load_pairs(REPO / "eval" / "pairs" / "sample.yaml")]
    test = [i for i in ids if pair_half(i) == "test"]
    assert (len(test), len(ids) - len(test)) == (54, 61)
    assert "law-masked-training" in test and "law-xin-wang" not in test


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
        self.asked = []

    def ask(self, question, files=None):
        self.asked.append(question)
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
                    report_dir=tmp_path / "r0", half="all") == 0
    recorded = json.loads(baseline.read_text())
    assert recorded["tolerance"] == 0.02
    assert recorded["suites"]["mini-all"]["overall"]["answer_correctness"] == 1.0
    assert "faithfulness" not in recorded["suites"]["mini-all"]["overall"]  # extractive: true by construction
    assert run_eval(pairs, baseline=baseline, qa=FakeAssistant(), progress=False, report_dir=tmp_path / "r1",
                    half="all") == 0
    assert "PASS" in capsys.readouterr().err

    assert run_eval(pairs, baseline=baseline, qa=FakeAssistant(wrong={"Which law?"}), progress=False,
                    report_dir=tmp_path / "r2", half="all") == 1
    err = capsys.readouterr().err
    assert "REGRESSION" in err and "overall.answer_correctness" in err and "single_fact.citation_recall" in err
    results = json.loads((tmp_path / "r2" / "results.json").read_text())
    assert results["overall"]["answer_correctness"] == pytest.approx(3 / 4)
    assert results["categories"]["conversation"]["citation_recall"] == 1.0


def test_gate_tolerance(tmp_path, pairs):
    baseline = tmp_path / "baseline.json"
    run_eval(pairs, baseline=baseline, update_baseline=True, qa=FakeAssistant(), progress=False,
             report_dir=tmp_path / "r", half="all")
    data = json.loads(baseline.read_text())
    data["suites"]["mini-all"]["overall"]["answer_correctness"] = 1.01  # within 0.02 of the 1.0 we get
    baseline.write_text(json.dumps(data))
    result = run_pairs_suite(pairs, qa=FakeAssistant(), progress=False, half="all")
    assert check_baseline(result, baseline) == ([], "")
    data["suites"]["mini-all"]["overall"]["answer_correctness"] = 1.03
    baseline.write_text(json.dumps(data))
    drops, _ = check_baseline(result, baseline)
    assert drops == ["overall.answer_correctness: 1.030 -> 1.000 (-0.030, tolerance 0.02)"]


def test_broken_pair_is_listed_not_scored(tmp_path, capsys):
    path = tmp_path / "mini.yaml"
    path.write_text(GOOD.replace('clause: "7"}\n- id: nothing', 'clause: "9"}\n- id: nothing'))
    assert run_eval(str(path), baseline=None, qa=FakeAssistant(), progress=False, report_dir=tmp_path / "r",
                    half="all") == 1
    err = capsys.readouterr().err
    assert "1 broken pair" in err and "000.txt / Xin Wang / clause 9" in err
    results = json.loads((tmp_path / "r" / "results.json").read_text())
    assert results["overall"]["n_questions"] == 3 and results["overall"]["answer_correctness"] == 1.0


def test_empty_suite_is_an_error(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("[]\n")
    with pytest.raises(PairsFileError, match="empty"):
        run_eval(str(path), baseline=None, qa=FakeAssistant(), progress=False)
    with pytest.raises(PairsFileError, match="Unknown suite 'nope'; valid: sample, cuad, cuad-corpus or a pairs"):
        run_eval("nope", baseline=None, qa=FakeAssistant(), progress=False)


def test_report_files(tmp_path, pairs):
    report = tmp_path / "report"
    run_eval(pairs, baseline=None, qa=FakeAssistant(wrong={"Who signed?"}), progress=False, report_dir=report,
             half="all")
    for png in ("metrics_by_category.png", "latency.png"):
        assert (report / png).read_bytes()[:4] == b"\x89PNG"
    md, page = (report / "report.md").read_text(), (report / "report.html").read_text()
    assert "| category | n_questions | answer_correctness" in md and "| single_fact | 1 | 1.000" in md
    assert "faithfulness" not in md
    assert "<table class='categories'>" in page and "<td>unanswerable</td>" in page
    assert "Failures (1)" in md and "**question:** Who signed?" in md and "Delaware" in page
    assert "metrics_by_category.png" in page

    from eval.report import report_from_results
    again = report_from_results(report / "results.json", tmp_path / "again")
    assert again["md"].read_text() == md


@pytest.mark.parametrize("half, key, asked", [
    ("test", "mini-test", ["Which law?"]),
    ("fit", "mini-fit", ["What royalty?", "Who signed?", "Which law governs his agreement?"]),
    ("all", "mini-all", ["Which law?", "What royalty?", "Who signed?", "Which law governs his agreement?"]),
])
def test_half_asks_only_the_pairs_of_that_half(pairs, half, key, asked):
    assert [pair_half(i) for i in ("law", "nothing", "conv")] == ["test", "fit", "fit"]
    qa = FakeAssistant()
    result = run_pairs_suite(pairs, qa=qa, progress=False, half=half)
    assert (result.suite, qa.asked, result.meta["half"]) == (key, asked, half)


def test_the_gate_reads_the_test_half_by_default(tmp_path, pairs):
    qa = FakeAssistant()
    assert run_eval(pairs, baseline=None, qa=qa, progress=False, report_dir=tmp_path / "r") == 0
    assert qa.asked == ["Which law?"]
    assert json.loads((tmp_path / "r" / "results.json").read_text())["suite"] == "mini-test"


# -- the CUAD suites with a fake CUAD folder and a fake assistant ------------------------------

CONTRACT = "".join(chr(ord("a") + i % 26) for i in range(1000))
J, B, A, C = "contract-j.txt", "contract-b.txt", "contract-a.txt", "contract-c.txt"  # validation j, b, a; fit c
LAW, NONCOMPETE = "Which law governs this agreement?", "Is there a non-compete?"
LAW_GOLD = [{"start": 100, "end": 110, "also_at": [500]}]


def cuad_row(file, category, question, answerable, gold=(), suffix=""):
    return {"id": f"{file}::{category}{suffix}", "file": file, "category": category, "question": question,
            "answerable": answerable, "answer": "Delaware" if answerable else "", "gold": list(gold)}


@pytest.fixture
def cuad(tmp_path, monkeypatch):
    """A CUAD folder of four contracts (three validation, one fit) that the suites read."""
    root = tmp_path / "cuad"
    (root / "contracts").mkdir(parents=True)
    qa_rows, corpus_rows = [], []
    for file in (A, B, C, J):
        (root / "contracts" / file).write_text(CONTRACT)
        qa_rows += [cuad_row(file, "Governing Law", LAW, True, LAW_GOLD), cuad_row(file, "Non-Compete", NONCOMPETE, False)]
    corpus_rows = [cuad_row(J, "Governing Law", f"In {J}: {LAW}", True, LAW_GOLD, "::corpus"),
                   cuad_row(B, "Governing Law", f"In {B}: {LAW}", True, LAW_GOLD, "::corpus"),
                   cuad_row(B, "Parties", f"In {B}: who are the parties?", True, [{"start": 0, "end": 20, "also_at": []}]),
                   cuad_row(C, "Governing Law", f"In {C}: {LAW}", True, LAW_GOLD, "::corpus"),  # a fit contract
                   cuad_row(J, "Non-Compete", f"In {J}: {NONCOMPETE}", False)]  # no right contract to find
    for name, rows in (("qa.jsonl", qa_rows), ("corpus_queries.jsonl", corpus_rows)):
        (root / name).write_text("".join(json.dumps(r) + "\n" for r in rows))
    monkeypatch.setenv("CLAUSEQA_CUAD_DIR", str(root))
    return root


class FakeCuad:
    """Answers and retrieval hits looked up by (files filter, question); records every filter asked with."""

    def __init__(self, answers, hits=None, mode="extractive"):
        self.answers, self.hits, self.mode = answers, hits or {}, mode
        self.asked: list[tuple] = []
        self.settings = SimpleNamespace(model="fake")

    def ask(self, question, files=None):
        key = (files[0] if files else None, question)
        self.asked.append((files, question))
        found, spans = self.answers.get(key, (False, []))
        cites = tuple(Citation(file=f, agreement="a", clause="1", quote=CONTRACT[s:e], start=s, end=e, score=0.5)
                      for f, s, e in spans)
        return Answer(question, "answer [1]" if found else "Not found", found, cites, mode=self.mode)

    def retrieve(self, question, k=None, files=None):
        spans = self.hits.get((files[0], question), [])
        return [SimpleNamespace(clause=SimpleNamespace(start=s, end=e)) for s, e in spans][:k]

    def document_text(self, file):
        return CONTRACT


def per_contract_fake(mode="extractive") -> FakeCuad:
    return FakeCuad({(J, LAW): (True, [(J, 500, 505)]),  # the first citation is on the copy at 500
                     (B, LAW): (True, [(B, 0, 50), (B, 105, 120)]),  # only the second is on gold
                     (B, NONCOMPETE): (True, [(B, 300, 340)])},  # found what is not there; (J, NONCOMPETE) refuses
                    hits={(J, LAW): [(0, 50), (95, 120)], (B, LAW): [(100, 110)]}, mode=mode)


def test_cuad_suite_scores_what_the_answer_cites(cuad):
    from eval.cuad import run_cuad

    qa = per_contract_fake()
    result = run_cuad(limit=2, qa=qa, progress=False)
    assert result.suite == "cuad-validation-2" and result.meta["contracts"] == [J, B]
    assert sorted(qa.asked) == sorted([([f], q) for f in (J, B) for q in (LAW, NONCOMPETE)])  # never A or C
    assert list(result.overall) == [
        "n_questions", "n_answerable", "first_cite_overlap", "any_cite_overlap", "mean_cited_chars", "char_precision",
        "char_recall", "found_precision", "found_recall", "found_balanced_accuracy", "answer_correctness",
        "hit@1", "hit@5", "mrr", "latency_mean", "latency_p50", "latency_p95"]  # answer first, no faithfulness
    assert {k: v for k, v in result.overall.items() if not k.startswith("latency")} == pytest.approx({
        "n_questions": 4, "n_answerable": 2, "first_cite_overlap": 0.5, "any_cite_overlap": 1.0,
        "mean_cited_chars": (5 + 65 + 40) / 3, "char_precision": (1 + 5 / 65) / 2, "char_recall": 0.5,
        "found_precision": 2 / 3, "found_recall": 1.0, "found_balanced_accuracy": 0.75, "answer_correctness": 0.5,
        "hit@1": 0.5, "hit@5": 1.0, "mrr": 0.75})
    assert result.categories["Non-Compete"]["first_cite_overlap"] is None
    assert result.categories["Non-Compete"]["mean_cited_chars"] == 40


def test_cuad_suite_asks_in_a_paraphrase_style_against_the_same_gold(cuad):
    from eval.cuad import run_cuad
    from eval.train_data import paraphrases

    law, noncompete = (paraphrases()[c][2] for c in ("Governing Law", "Non-Compete"))  # the imperative ones
    qa = FakeCuad({(J, law): (True, [(J, 100, 105)])})
    result = run_cuad(limit=2, qa=qa, progress=False, style="imperative")
    assert result.suite == "cuad-validation-2-imperative" and result.meta["style"] == "imperative"
    assert sorted(qa.asked) == sorted([([f], q) for f in (J, B) for q in (law, noncompete)])
    assert result.overall["first_cite_overlap"] == 0.5  # J's law answer is on the lawyers' span, B's is refused


def test_every_category_has_one_paraphrase_per_fitted_style_in_its_order():
    from eval.cuad import FITTED_STYLES, styled
    from eval.train_data import paraphrases

    para = paraphrases()
    assert len(para) == 41 and all(len(p) == len(FITTED_STYLES) for p in para.values())
    rows = [{"category": "Governing Law", "question": "Which state's law governs?"}]
    assert styled(rows, "role")[0]["question"] == ("Which law applies to the Company's and the Distributor's "
                                                   "rights under this contract?")
    assert styled(rows, "terse")[0]["question"] == "governing law?"


def test_a_held_out_style_asks_phrasings_nothing_is_fitted_on(cuad):
    import yaml

    from eval.cuad import HELDOUT_PHRASINGS, HELDOUT_STYLES, run_cuad, styled
    from eval.train_data import paraphrases

    entries = yaml.safe_load(HELDOUT_PHRASINGS.read_text())
    held = {e["category"]: e["phrasings"] for e in entries}
    fitted = {q.lower() for phrasings in paraphrases().values() for q in phrasings}
    assert set(held) == set(paraphrases()) and all(len(p) == len(HELDOUT_STYLES) for p in held.values())
    assert not fitted & {q.lower() for p in held.values() for q in p}  # none of them is a fitted phrasing
    rows = [{"category": "Governing Law", "question": "Which state's law governs?"}]
    assert styled(rows, "casual")[0]["question"] == "If we end up in a dispute, whose laws apply to this deal?"
    law = held["Governing Law"][1]  # the brief one
    qa = FakeCuad({(J, law): (True, [(J, 100, 105)])})
    result = run_cuad(limit=2, qa=qa, progress=False, style="brief")
    assert result.suite == "cuad-validation-2-brief"
    assert sorted(qa.asked) == sorted([([f], q) for f in (J, B) for q in (law, held["Non-Compete"][1])])
    assert result.overall["first_cite_overlap"] == 0.5


def test_a_blind_style_asks_the_phrasings_written_apart_from_the_code_none_of_them_fitted_or_held_out():
    import yaml

    from eval.cuad import BLIND_PHRASINGS, BLIND_STYLES, HELDOUT_PHRASINGS, styled
    from eval.train_data import paraphrases

    blind = {e["category"]: e["phrasings"] for e in yaml.safe_load(BLIND_PHRASINGS.read_text())}
    assert set(blind) == set(paraphrases()) and all(len(p) == len(BLIND_STYLES) for p in blind.values())
    others = {q.lower() for phrasings in paraphrases().values() for q in phrasings}
    others |= {q.lower() for e in yaml.safe_load(HELDOUT_PHRASINGS.read_text()) for q in e["phrasings"]}
    assert not others & {q.lower() for p in blind.values() for q in p}
    rows = [{"category": "Governing Law", "question": "Which state's law governs?", "gold": 1}]
    assert [(r["question"], r["gold"]) for r in styled(rows, "blind-b")] == [
        ("whose legal system does this contract fall under?", 1)]


def test_the_framed_style_asks_cuads_own_words_inside_each_lead_in_in_turn():
    from eval.cuad import styled

    rows = [{"category": c, "question": q, "gold": g} for c, q, g in (
        ("Governing Law", "Which state's law governs?", 1), ("Parties", "Who are the parties?", 2))]
    framed = styled(rows, "framed")
    assert [r["question"] for r in framed] == ["Hey, quick one: which state's law governs?",
                                               "Following up on the contract review — who are the parties?"]
    assert [(r["category"], r["gold"]) for r in framed] == [("Governing Law", 1), ("Parties", 2)]


def test_the_slips_style_swaps_two_letters_in_the_middle_of_the_longest_word():
    from eval.cuad import styled

    rows = [{"category": c, "question": q, "gold": g} for c, q, g in (
        ("Governing Law", "Which jurisdiction's law governs?", 1), ("Parties", "Who signed it?", 2))]
    assert [(r["question"], r["gold"]) for r in styled(rows, "slips")] == [
        ("Which jurisdcition's law governs?", 1), ("Who signed it?", 2)]  # no word of 7 letters


def test_the_short_slips_style_swaps_the_last_two_letters_of_the_first_common_word():
    from eval.cuad import styled

    rows = [{"category": c, "question": q, "gold": g} for c, q, g in (
        ("Governing Law", "Does the agreement say which law governs?", 1), ("Parties", "Who signed it?", 2),
        ("Notice", "Notice period?", 3))]
    assert [(r["question"], r["gold"]) for r in styled(rows, "short-slips")] == [
        ("Dose the agreement say which law governs?", 1), ("Woh signed it?", 2), ("Notice period?", 3)]


def test_the_scene_style_asks_cuads_own_words_after_each_scene_in_turn():
    from eval.cuad import styled

    rows = [{"category": c, "question": q, "gold": g} for c, q, g in (
        ("Governing Law", "Which state's law governs?", 1), ("Parties", "Who are the parties?", 2))]
    assert [(r["question"], r["gold"]) for r in styled(rows, "scene")] == [
        ("Our finance team is preparing the annual budget. Which state's law governs?", 1),
        ("I'm new to this account and trying to get up to speed. Who are the parties?", 2)]


def test_the_tail_style_asks_cuads_own_words_before_each_sentence_in_turn():
    from eval.cuad import styled

    rows = [{"category": c, "question": q, "gold": g} for c, q, g in (
        ("Governing Law", "Which state's law governs?", 1), ("Parties", "Who are the parties?", 2))]
    assert [(r["question"], r["gold"]) for r in styled(rows, "tail")] == [
        ("Which state's law governs? Thanks in advance.", 1), ("Who are the parties? Need this by end of day, thanks!", 2)]


def test_the_keywords_style_asks_each_categorys_keyword_instead_of_its_question():
    from eval.cuad import styled

    rows = [{"category": c, "question": q, "gold": g} for c, q, g in (
        ("Governing Law", "Which state's law governs?", 1), ("Parties", "Who are the parties?", 2))]
    assert [(r["question"], r["gold"]) for r in styled(rows, "keywords")] == [("choice of law", 1),
                                                                              ("Contracting Parties", 2)]


def test_the_review_style_asks_for_the_passages_about_each_categorys_name():
    from eval.cuad import styled

    rows = [{"category": c, "question": q, "gold": g} for c, q, g in (
        ("Governing Law", "Which state's law governs?", 1), ("Cap On Liability", "Is liability capped?", 2))]
    assert [(r["question"], r["gold"]) for r in styled(rows, "review")] == [
        ('Highlight the parts (if any) of this contract related to "Governing Law" that should be reviewed by a '
         'lawyer.', 1),
        ('Highlight the parts (if any) of this contract related to "Cap On Liability" that should be reviewed by a '
         'lawyer.', 2)]


def test_the_listed_style_puts_a_lists_mark_before_each_question_or_quotes_around_it_in_turn():
    from eval.cuad import styled

    rows = [{"category": "Parties", "question": f"Q{n}?", "gold": n} for n in range(101)]
    assert [(r["question"], r["gold"]) for r in styled(rows, "listed")][:7] == [
        ("1. Q0?", 0), ("- Q1?", 1), ("• Q2?", 2), ("(d) Q3?", 3), ('"Q4?"', 4), ("6. Q5?", 5), ("- Q6?", 6)]
    assert styled(rows, "listed")[100]["question"] == "2. Q100?"  # a checklist's numbers stay under 100


def test_the_pasted_style_asks_each_question_inside_a_web_pages_or_a_documents_markup_in_turn():
    from eval.cuad import styled

    rows = [{"category": "Parties", "question": f"Q{n}?", "gold": n} for n in range(6)]
    assert [(r["question"], r["gold"]) for r in styled(rows, "pasted")] == [
        ("**Q0?**", 0), ("<p>Q1?</p>", 1), ("## Q2?", 2), ("_Q3?_", 3), ("<b>Q4?</b>", 4), ("**Q5?**", 5)]


def test_the_labelled_style_asks_each_question_after_a_label_or_with_an_aside_in_turn():
    from eval.cuad import styled

    rows = [{"category": "Parties", "question": f"Q{n}?", "gold": n} for n in range(8)]
    assert [(r["question"], r["gold"]) for r in styled(rows, "labelled")] == [
        ("URGENT: Q0?", 0), ("Re: contract review - Q1?", 1), ("Yes or no: q2?", 2), ("(quick one) Q3?", 3),
        ("Q4? (2/5)", 4), ("[Q5?]", 5), ("Parties: Q6?", 6), ("URGENT: Q7?", 7)]


def test_the_searched_style_asks_for_each_categorys_clause_by_its_name_in_turn():
    from eval.cuad import styled

    rows = [{"category": "Governing Law", "question": f"Q{n}?", "gold": n} for n in range(10)]
    assert [(r["question"], r["gold"]) for r in styled(rows, "searched")] == [
        ("Is there a governing law clause?", 0), ("Find the governing law clause.", 1),
        ("Show me the governing law provisions", 2), ("Does the agreement have a governing law provision?", 3),
        ("Where is the governing law clause?", 4), ("What does the governing law clause say?", 5),
        ("Summarize the governing law clause.", 6), ("Is there a governing law?", 7), ("Any governing law?", 8),
        ("Is there a governing law clause?", 9)]


def test_the_unmarked_style_asks_cuads_own_words_in_lower_case_without_the_question_mark():
    from eval.cuad import styled

    rows = [{"category": c, "question": q, "gold": g} for c, q, g in (
        ("Governing Law", "Which state's law governs?", 1), ("Parties", "Who are the parties? ", 2))]
    assert [(r["question"], r["gold"]) for r in styled(rows, "unmarked")] == [
        ("which state's law governs", 1), ("who are the parties", 2)]


@pytest.mark.parametrize("kwargs, message", [
    ({"suite": "cuad", "style": "shouty"}, "Unknown --style 'shouty'; valid: plain, terse, imperative, yes-no, role, everyday, brief, "
                                           "statement, casual, blind-a, blind-b, blind-c, framed, unmarked, scene, slips, short-slips, tail, "
                                           "keywords, "
                                           "review, listed, pasted, labelled, searched"),
    ({"suite": "sample", "style": "terse"}, "--style is for the CUAD suites"),
])
def test_a_style_the_suite_cannot_take_is_refused(cuad, kwargs, message):
    from eval.result import EvalOptionError
    from eval.run import run_eval

    with pytest.raises(EvalOptionError, match=re.escape(message)):
        run_eval(qa=FakeCuad({}), progress=False, baseline=None, **kwargs)


def test_cuad_suite_reports_faithfulness_of_generated_answers(cuad):
    from eval.cuad import run_cuad

    result = run_cuad(limit=2, qa=per_contract_fake(mode="ollama:llama3.1"), progress=False)
    assert result.overall["faithfulness"] == 1.0 and result.categories["Governing Law"]["faithfulness"] == 1.0


def test_cuad_fit_part_and_default_limit(cuad):
    from eval.cuad import load_rows

    files, rows = load_rows(part="fit")
    assert files == [C] and {r["file"] for r in rows} == {C}
    assert load_rows()[0] == [J, B, A]  # fewer than the 10 default contracts: all of them


def test_corpus_suite_finds_the_contract_without_a_filter(cuad):
    from eval.corpus import run_corpus

    qj, qb, qparties = f"In {J}: {LAW}", f"In {B}: {LAW}", f"In {B}: who are the parties?"
    qa = FakeCuad({(None, qj): (True, [(J, 100, 110)]),
                   # gold offsets, but of the wrong contract first; the right one second (on the copy at 500)
                   (None, qb): (True, [(J, 100, 110), (B, 505, 515)])})  # qparties: refused
    result = run_corpus(limit=2, qa=qa, progress=False)
    assert result.suite == "cuad-corpus-validation-2"
    assert qa.asked == [(None, qj), (None, qb), (None, qparties)]  # no fit contract, no unanswerable row
    assert {k: v for k, v in result.overall.items() if not k.startswith("latency")} == pytest.approx({
        "n_questions": 3, "right_contract_at_1": 1 / 3, "first_cite_overlap": 1 / 3, "any_cite_overlap": 2 / 3,
        "mean_cited_chars": 15})
    assert [r["correct"] for r in result.rows] == [True, False, False]


def test_the_corpus_suite_asks_a_style_after_each_querys_lead_in():
    from eval.corpus import styled_queries

    rows = [{"category": c, "question": q, "gold": g} for c, q, g in (
        ("Governing Law", "In the Supply Agreement between Acme and Birch: which law governs?", 1),
        ("Parties", "In the NDA between Cole and Dunn: who are the parties?", 2))]
    assert [(r["question"], r["gold"]) for r in styled_queries(rows, "review")] == [
        ('In the Supply Agreement between Acme and Birch: Highlight the parts (if any) of this contract related to '
         '"Governing Law" that should be reviewed by a lawyer.', 1),
        ('In the NDA between Cole and Dunn: Highlight the parts (if any) of this contract related to "Parties" that '
         'should be reviewed by a lawyer.', 2)]
    assert [r["question"] for r in styled_queries(rows, "unmarked")] == [
        "In the Supply Agreement between Acme and Birch: which law governs",
        "In the NDA between Cole and Dunn: who are the parties"]


def test_corpus_row_scoring():
    from eval.corpus import score_corpus_row

    gold = [{"start": 0, "end": 20, "also_at": []}]
    row = cuad_row(B, "Parties", "who?", True, gold)
    scored = score_corpus_row(row, Answer("who?", "t", True, (span(0, 10, file=J), span(5, 6, file=B))), 0.1,
                              lambda f: CONTRACT)
    assert (scored["right_contract_at_1"], scored["first_cite_overlap"], scored["any_cite_overlap"]) == (False, False, True)
    assert (scored["cited_chars"], scored["cited_files"]) == (11, [B, J])


@pytest.mark.parametrize("suite, options, error", [
    ("cuad", {"half": "test"}, "--half is for the pairs suites; cuad takes --part (validation, fit)"),
    ("cuad-corpus", {"half": "all"}, "--half is for the pairs suites; cuad-corpus takes --part (validation, fit)"),
    ("cuad", {"part": "test"}, "Unknown CUAD part 'test'; valid: validation, fit"),
    ("cuad-corpus", {"part": "train"}, "Unknown CUAD part 'train'; valid: validation, fit"),
    ("PAIRS", {"part": "fit"}, "--part is for the CUAD suites; PAIRS takes --half (test, fit, all)"),
    ("PAIRS", {"half": "train"}, "Unknown half 'train'; valid: test, fit, all"),
])
def test_options_that_do_not_fit_the_suite(cuad, pairs, suite, options, error):
    suite = pairs if suite == "PAIRS" else suite
    with pytest.raises(EvalOptionError) as info:
        run_eval(suite, baseline=None, qa=per_contract_fake(), progress=False, **options)
    assert str(info.value) == error.replace("PAIRS", pairs)


def test_cli_passes_part_and_half(monkeypatch):
    from typer.testing import CliRunner

    import eval.run
    from ui.cli import app

    calls = []
    monkeypatch.setattr(eval.run, "run_eval", lambda **kw: calls.append(kw) or 0)
    runner = CliRunner()
    assert runner.invoke(app, ["eval", "--suite", "cuad", "--part", "fit", "--limit", "3"]).exit_code == 0
    assert runner.invoke(app, ["eval", "--half", "all"]).exit_code == 0
    assert [(c["suite"], c["part"], c["half"], c["limit"]) for c in calls] == [("cuad", "fit", None, 3),
                                                                              ("sample", None, "all", None)]


def test_cuad_run_records_reports_and_drops_old_keys(tmp_path, cuad, capsys):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"tolerance": 0.02, "suites": {"cuad-10": {"overall": {"hit@1": 0.6}},
                                                                  "sample": {"overall": {}},
                                                                  "sample-test": {"overall": {"n_questions": 1}}}}))
    report = tmp_path / "report"
    assert run_eval("cuad", limit=2, baseline=baseline, update_baseline=True, qa=per_contract_fake(),
                    progress=False, report_dir=report) == 0
    err = " ".join(capsys.readouterr().err.split())  # the console wraps long lines
    assert "baseline updated" in err and "dropped old-style keys no run checks any more: cuad-10, sample" in err
    assert "1st cite" in err and "any cite" in err
    suites = json.loads(baseline.read_text())["suites"]
    assert sorted(suites) == ["cuad-validation-2", "sample-test"]
    assert suites["cuad-validation-2"]["gate_categories"] is False
    md, page = (report / "report.md").read_text(), (report / "report.html").read_text()
    assert "| category | n_questions | n_answerable | first_cite_overlap | any_cite_overlap | mean_cited_chars |" in md
    assert "| **overall** | 4 | 2 | 0.500 | 1.000 | 36.7 |" in md
    assert "- `first_cite_overlap`: answerable questions whose answer was found" in md
    assert "<dt><code>right_contract_at_1</code></dt>" not in page and "<dt><code>mrr</code></dt>" in page
    assert "Failures (2)" in md  # B's law answer cites gold second; B's non-compete is found


# -- the baseline ------------------------------------------------------------------------------

@pytest.mark.parametrize("key, command", [
    ("sample-test", "clauseqa eval --update-baseline"),
    ("sample-fit-20", "clauseqa eval --half fit --limit 20 --update-baseline"),
    ("mini-all", "clauseqa eval --suite mini --half all --update-baseline"),
    ("cuad-validation-10", "clauseqa eval --suite cuad --limit 10 --update-baseline"),
    ("cuad-fit-40", "clauseqa eval --suite cuad --part fit --limit 40 --update-baseline"),
    ("cuad-corpus-validation-40", "clauseqa eval --suite cuad-corpus --limit 40 --update-baseline"),
    ("cuad-10", "clauseqa eval --update-baseline"),  # an old-style key: no run makes it any more
])
def test_update_command(key, command):
    assert update_command(key) == command
    assert (parse_key(key) is None) == (key == "cuad-10")


def test_check_baseline_tolerates_missing_suites_and_metrics(tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"tolerance": 0.02, "suites": {
        "cuad-10": {"overall": {"hit@1": 0.9}},
        "cuad-validation-10": {"gate_categories": False, "overall": {
            "faithfulness": 1.0, "hit@1": 0.5, "mean_cited_chars": 900.0, "n_questions": 400}}}}))
    result = SuiteResult("cuad-validation-10", {"hit@1": 0.49, "mean_cited_chars": 100.0, "n_questions": 10}, {})
    assert check_baseline(result, baseline) == ([], (
        "Baseline metrics this run no longer measures (not gated): faithfulness — re-record with: "
        "clauseqa eval --suite cuad --limit 10 --update-baseline"))
    drops, note = check_baseline(SuiteResult("cuad-fit-10", {"hit@1": 0.0}, {}), baseline)
    assert drops == [] and note == (f"No baseline for 'cuad-fit-10' in {baseline} — record one with: "
                                    "clauseqa eval --suite cuad --part fit --limit 10 --update-baseline "
                                    "(not gated this time)")
    assert check_baseline(result, tmp_path / "absent.json")[0] == []
    assert write_baseline(result, tmp_path / "new.json") == []


# -- real runs ---------------------------------------------------------------------------------

@pytest.mark.slow
def test_sample_suite_passes_committed_baseline(tmp_path):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    # its own index: a test run leaves nothing in the checkout's .clauseqa
    assert run_eval("sample", index_dir=str(tmp_path / "sample-index"), report_dir=tmp_path / "report",
                    progress=False) == 0


@pytest.mark.slow
def test_cuad_validation_contracts_pass_committed_baseline(tmp_path):
    """The regression gate on contracts nothing was fitted on: the first 5 of the validation part."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    assert run_eval("cuad", limit=5, index_dir=str(tmp_path / "cuad-index"), report_dir=tmp_path / "report",
                    progress=False) == 0
    result = json.loads((tmp_path / "report" / "results.json").read_text())
    assert result["suite"] == "cuad-validation-5"
    assert all(row["file"] in result["meta"]["contracts"] for row in result["rows"])
