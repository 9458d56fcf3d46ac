"""Evidence candidates, their features, the learned models' loading and the citation selection."""

from __future__ import annotations

import json

import numpy as np
import pytest

from assistant.answer import compose
from assistant.evidence import CANDIDATE_FEATURES, Candidate, EvidenceSet, gather
from assistant.features import QUESTION_TYPES, SPAN_TYPES, question_types, span_types
from assistant.ranker import FOUND_FEATURES, EvidenceModel, FoundModel, Selection, found_features
from assistant.query import analyse
from assistant.retrieve import Hit, candidate_source
from assistant.scope import Scope
from index.errors import ClauseQAError
from index.spans import candidate_spans
from index.terms import content_terms
from index.types import Clause

COL = {name: i for i, name in enumerate(CANDIDATE_FEATURES)}

LAW = ("12. Governing Law. This Agreement shall be governed by the laws of the State of Delaware. "
       "Each party submits to the courts of Wilmington, Delaware.")
TERM = "3. Term. This Agreement begins on March 1, 2024 and continues for two (2) years."
LICENCE = ("7. Licence. The Licensor grants the Licensee a licence to use the Software at its sites. Each licence "
           "fee is payable within thirty (30) days of invoice, and the Licensee shall keep records of every "
           "installation of the Software and allow the Licensor to audit those records once in each calendar year "
           "on reasonable notice, at the Licensor's own cost and expense.")
RECORDS = ("8. Records. The Licensee shall keep complete and accurate records of each installation of the Software at "
           "each of its sites and shall make those records available to the Licensor for audit on request.")


def clause(text: str, clause_id: str, start: int, agreement: int = 1, file: str = "c.txt") -> Clause:
    return Clause(file=file, agreement=agreement, agreement_label=f"Party {agreement}", clause_id=clause_id,
                  heading=text.split(".")[1].strip() if "." in text else "", start=start, end=start + len(text),
                  text=text)


def hit(c: Clause, score: float = 0.5, dense: float = 0.5) -> Hit:
    return Hit(c.chunk_id, c, score, dense, 0.5)


def fake_embed(texts):
    """Two directions: law-ish texts and everything else, so cosines are exact."""
    return [[1.0, 0.0] if "law" in t.lower() else [0.0, 1.0] for t in texts]


def gather_for(question, hits, idf, extents):
    """gather() as an ask calls it, with candidate spans embedded by fake_embed (no stored vectors)."""
    no_store = type("NoStoredVectors", (), {"spans": staticmethod(lambda hit: None)})()
    return gather(analyse(question, Scope(), fake_embed), hits, candidate_source(no_store, fake_embed), idf,
                  max(idf.values(), default=1.0), extents)


def test_candidate_spans_are_sentences_without_their_clause_number():
    spans = candidate_spans(LAW)
    assert [LAW[s:e] for s, e, w in spans if w == 1] == [
        "Governing Law.",
        "This Agreement shall be governed by the laws of the State of Delaware.",
        "Each party submits to the courts of Wilmington, Delaware.",
    ]
    # short sentences also come in windows: a heading with the sentence under it
    assert ("Governing Law. This Agreement shall be governed by the laws of the State of Delaware.", 2) in \
        [(LAW[s:e], w) for s, e, w in spans]
    assert all(not LAW[s:e].startswith("12") for s, e, _ in spans)


def test_short_lines_also_give_windows_so_a_name_stays_with_its_role():
    text = "By:\nName: Jane Roe\nTitle: CEO\nDate: May 2, 2024"
    spans = [(text[s:e], w) for s, e, w in candidate_spans(text)]
    assert ("Name: Jane Roe\nTitle: CEO", 2) in spans
    assert ("By:", 1) not in spans  # fewer than three letters: no candidate


# a paragraph typed at a fixed width, as filings and text taken from PDFs come
WRAPPED = ("3.02 Compelled Disclosure. If the Receiving Party is requested or required by law,\n"
           "regulation, subpoena or court order to disclose any Confidential Information, the\n"
           "Receiving Party shall provide the Disclosing Party with prompt written notice of\n"
           "such requirement. The Receiving Party shall disclose only that portion which is\n"
           "legally required.\n"
           "(a) Each such notice shall be in writing.\n"
           "By: /s/ Jane Roe\n"
           "Name: Jane Roe")


def test_a_wrapped_paragraphs_sentences_are_candidates_whole():
    singles = [WRAPPED[s:e] for s, e, w in candidate_spans(WRAPPED) if w == 1]
    assert singles == [
        "Compelled Disclosure.",
        "If the Receiving Party is requested or required by law,\nregulation, subpoena or court order to disclose any "
        "Confidential Information, the\nReceiving Party shall provide the Disclosing Party with prompt written notice "
        "of\nsuch requirement.",
        "The Receiving Party shall disclose only that portion which is\nlegally required.",
        # an item, a signature block's lines: lines of their own, however the line before runs
        "(a) Each such notice shall be in writing.",
        "By: /s/ Jane Roe",
        "Name: Jane Roe",
    ]


@pytest.mark.parametrize("question, wanted", [
    ("Which state's law governs the NDA?", {"law"}),
    ("When does the licence expire?", {"date"}),
    ("How long must notice be given?", {"duration"}),
    ("Who signed for the supplier?", {"party", "signer"}),
    ("Can the licensee assign the licence?", {"yesno"}),
    ("How much is the fee cap?", {"amount"}),
    ("Where is ICML located?", {"place"}),
    # where in the text, not a place
    ("Find where Mark Kurtz releases ICML from claims", set()),
    ("Show me where the agreement says who owns the copyright", {"party"}),
    # the agreement's own name asked for without "title" or "called"
    ("What type of contract is it?", {"title"}),
    ("Tell me the name of our deal with Quillfeather.", {"title"}),
    ("What is the name of the document?", {"title"}),
    ("What kind of contract does the licence require the licensee to keep?", set()),  # not this one's name
])
def test_question_types_name_what_the_question_asks_for(question, wanted):
    names = {name for (name, _), flag in zip(QUESTION_TYPES, question_types(question)) if flag}
    assert names == wanted


def test_span_types_see_dates_durations_amounts_and_governing_law():
    names = {name for (name, _), flag in zip(SPAN_TYPES, span_types(
        "governed by the laws of Delaware; $5,000 within thirty (30) days of March 1, 2024")) if flag}
    assert {"law", "amount", "duration", "date"} <= names


def test_gather_scores_each_sentence_of_each_hit():
    law, term = clause(LAW, "12", 1000), clause(TERM, "3", 200)
    evidence = gather_for("Which law governs?", [hit(law, 0.03, 0.8), hit(term, 0.02, 0.1)],
                          idf={"law": 2.0, "govern": 3.0}, extents={"c.txt#1": (0, 2000)})
    assert evidence.features.shape == (len(evidence), len(CANDIDATE_FEATURES))
    quotes = [LAW[c.start - 1000:c.end - 1000] if c.hit.clause is law else TERM[c.start - 200:c.end - 200]
              for c in evidence.candidates]
    row = quotes.index("This Agreement shall be governed by the laws of the State of Delaware.")
    x = evidence.features[row]
    assert x[COL["s_cos"]] == pytest.approx(1.0)  # the question and the sentence both say "law"
    assert x[COL["c_cos"]] == pytest.approx(0.8)
    assert x[COL["s_cov"]] == pytest.approx(1.0)  # "law" and "governs" (stem "govern") both present
    assert x[COL["s_law"]] == 1.0 and x[COL["q_law"]] == 1.0 and x[COL["type_match"]] == 1.0
    assert x[COL["hit_rank"]] == 0.0 and x[COL["clause_pos"]] == pytest.approx(0.5)
    other = quotes.index("This Agreement begins on March 1, 2024 and continues for two (2) years.")
    assert evidence.features[other, COL["hit_rank"]] == 1.0
    assert evidence.features[other, COL["s_cos_gap"]] == pytest.approx(1.0)


def test_a_sentence_that_uses_a_defined_term_holds_the_asked_words_only_its_definition_says():
    """"Can the lessee sublet the excavator?": the lease says "excavator" once, where it defines the
    Equipment, and "Lessee shall not sublease the Equipment" answers; it holds the asked word through
    the term (and "sublet" through its synonym "sublease")."""
    from assistant.defined_terms import defined_words

    equipment = clause('1. Equipment. Lessor leases to Lessee one CAT 320 hydraulic excavator (the "Equipment").',
                       "1", 0)
    assignment = clause("7. Assignment. Lessee shall not sublease the Equipment or assign the Lease.", "7", 200)
    defined = defined_words([equipment.text, assignment.text])
    hits = [hit(equipment), hit(assignment)]
    idf = {"sublet": 2.0, "excav": 2.0}
    no_store = type("NoStoredVectors", (), {"spans": staticmethod(lambda hit: None)})()

    def coverage(by_terms):
        evidence = gather(analyse("Can the lessee sublet the excavator?", Scope(), fake_embed), hits,
                          candidate_source(no_store, fake_embed), idf, 2.0, {"c.txt#1": (0, 400)},
                          defined=by_terms)
        quotes = {c.text: n for n, c in enumerate(evidence.candidates)}
        return {quote: float(evidence.features[quotes[quote], COL["s_cov"]]) for quote in quotes if "shall" in quote}

    sentence = "Lessee shall not sublease the Equipment or assign the Lease."
    assert coverage(lambda key: defined)[sentence] == pytest.approx(1.0)  # lessee, sublet and excavator
    assert coverage(None)[sentence] == pytest.approx(2 / 3)  # without: "excavator" is not in it


def test_no_hits_give_an_empty_set_that_is_not_found():
    evidence = gather_for("Anything?", [], {}, {})
    assert len(evidence) == 0
    answer = compose("Anything about arbitration?", evidence, np.zeros(0), 0.0, Selection(), "the 3 indexed agreements")
    assert not answer.found and answer.citations == ()
    assert answer.text == "Not found: no clause about arbitration in the 3 indexed agreements."


def _set(clauses_and_spans):
    candidates = tuple(Candidate(hit(c), c.start + s, c.start + e, 1) for c, s, e in clauses_and_spans)
    return EvidenceSet("q", candidates, np.zeros((len(candidates), len(CANDIDATE_FEATURES)), dtype=np.float32),
                       question_types("q"))


def test_compose_cites_the_best_then_extras_the_ranker_also_trusts():
    law = clause(LAW, "12", 1000)
    evidence = _set([(law, 19, 89), (law, 90, 147), (law, 0, 18)])
    selection = Selection(threshold=0.5, extra_ratio=0.6, extra_min=0.2, max_citations=3, max_chars=900)
    answer = compose("q", evidence, np.asarray([0.9, 0.6, 0.3]), 0.8, selection, "1 agreement")
    assert answer.found
    assert [(c.start, c.end) for c in answer.citations] == [(1019, 1089), (1090, 1147)]  # 0.3 < 0.6 * 0.9
    assert answer.citations[0].quote == "This Agreement shall be governed by the laws of the State of Delaware."
    # the agreement named once, with the gist of its first quote (short: whole)
    assert answer.text.splitlines()[0] == "Party 1: \"This Agreement shall be governed by the laws of the State of Delaware.\" [1]"
    tight = compose("q", evidence, np.asarray([0.9, 0.6, 0.3]), 0.8, Selection(max_chars=100), "1 agreement")
    assert len(tight.citations) == 1  # the second quote would pass the budget, and "q" has no words to cite it by


def test_a_supporting_quote_too_long_for_the_budget_is_cited_in_part():
    grant, terms = clause(LICENCE, "7", 0), clause(LAW, "12", 1000)
    sentences = [(s, e) for s, e, w in candidate_spans(LICENCE) if w == 1]
    evidence = _set([(terms, 19, 89), (grant, *sentences[2])])
    selection = Selection(threshold=0.5, extra_ratio=0.6, extra_min=0.2, max_citations=3, max_chars=300)
    answer = compose("May the Licensor audit the installation records?", evidence, np.asarray([0.9, 0.8]), 0.9,
                     selection, "1 agreement")
    first, second = answer.citations
    assert (first.start, first.end) == (1019, 1089)  # 70 characters: 230 left, the audit sentence has 272
    # at most 120 characters, from the phrase holding the question's words
    assert second.quote == ("and the Licensee shall keep records of every installation of the Software and allow the "
                            "Licensor to audit those records")
    assert second.quote == LICENCE[second.start:second.end]
    assert answer.text.splitlines()[-1] == f'- clause 7: "…{second.quote}…" [2]'  # cut at both ends, not finished
    # a third quote too long for what is left is cut the same way
    evidence = _set([(terms, 19, 89), (grant, *sentences[2]), (clause(RECORDS, "8", 2000), 12, 200)])
    answer = compose("May the Licensor audit the installation records?", evidence, np.asarray([0.9, 0.8, 0.8]), 0.9,
                     selection, "1 agreement")
    assert [c.quote for c in answer.citations][1:] == [
        second.quote, "installation of the Software at each of its sites and shall make those records available to "
                      "the Licensor for audit on"]  # all four of the question's words, from the first of them


def test_a_first_quote_filling_the_budget_still_leaves_a_second_one_an_excerpt():
    grant, kept = clause(LICENCE, "7", 0), clause(RECORDS, "8", 2000)
    evidence = _set([(grant, 89, 361), (kept, 12, 200)])
    answer = compose("Must the Licensee keep installation records?", evidence, np.asarray([0.9, 0.8]), 0.9,
                     Selection(threshold=0.5, max_chars=300), "1 agreement")
    first, second = answer.citations
    assert (first.start, first.end) == (89, 361)  # 272 characters: 28 left of the budget
    assert (second.start, second.end) == (2012, 2127)
    assert second.quote == ("The Licensee shall keep complete and accurate records of each installation of the Software "
                            "at each of its sites and")
    assert answer.text.splitlines()[-1] == f'- clause 8: "{second.quote}…" [2]'
    # another agreement's quote is not cited in part
    other = clause(RECORDS, "8", 2000, agreement=2)
    evidence = _set([(grant, 89, 361), (other, 12, 200)])
    answer = compose("Must the Licensee keep installation records?", evidence, np.asarray([0.9, 0.8]), 0.9,
                     Selection(threshold=0.5, max_chars=300), "1 agreement")
    assert [(c.start, c.end) for c in answer.citations] == [(89, 361)]


def test_a_first_quote_longer_than_the_whole_budget_is_cited_in_part():
    """A 272-character sentence against a 200-character budget: the words of it holding the question's,
    from the start of their phrase, as many whole words as fit; "…" shows both cuts."""
    grant = clause(LICENCE, "7", 0)
    evidence = _set([(grant, 89, 361)])
    answer = compose("Must the Licensee keep installation records?", evidence, np.asarray([0.9]), 0.9,
                     Selection(threshold=0.5, max_chars=200), "1 agreement")
    (first,) = answer.citations
    start = LICENCE.index("and the Licensee shall keep")  # "invoice," ends the phrase before
    end = LICENCE.rindex(" ", start, start + 201)  # the last whole word within 200 characters
    assert (first.start, first.end) == (start, end)
    assert first.quote == LICENCE[start:end]
    assert f'"…{first.quote}…" [1]' in answer.text
    # within the budget, the sentence is cited whole
    whole = compose("Must the Licensee keep installation records?", evidence, np.asarray([0.9]), 0.9,
                    Selection(threshold=0.5, max_chars=300), "1 agreement")
    assert [(c.start, c.end) for c in whole.citations] == [(89, 361)]


def test_compose_says_not_found_below_the_threshold_unless_told_otherwise():
    law = clause(LAW, "12", 1000)
    evidence = _set([(law, 19, 89)])
    assert not compose("q", evidence, np.asarray([0.9]), 0.2, Selection(threshold=0.5), "x").found
    assert compose("q", evidence, np.asarray([0.9]), 0.2, Selection(threshold=0.5), "x", found=True).found


def test_aggregate_answers_give_each_agreement_its_best_quote():
    a, b, c = clause(LAW, "12", 0, 1), clause(LAW, "12", 500, 2), clause(TERM, "3", 900, 3)
    evidence = _set([(a, 19, 89), (b, 19, 89), (a, 90, 147), (c, 0, 20)])
    answer = compose("q", evidence, np.asarray([0.9, 0.8, 0.85, 0.2]), 0.9, Selection(aggregate_ratio=0.5), "x",
                     aggregate=True)
    assert [(x.agreement, x.start) for x in answer.citations] == [("Party 1", 19), ("Party 2", 519)]


def test_found_features_describe_the_best_candidate():
    law = clause(LAW, "12", 1000)
    evidence = _set([(law, 19, 89), (law, 90, 147)])
    row = found_features(evidence, np.asarray([0.2, 0.7]))
    assert len(row) == len(FOUND_FEATURES)
    assert (row[0], row[1]) == (pytest.approx(0.7), pytest.approx(0.2))


def test_the_question_prior_reads_the_question_vector_and_falls_back_to_the_base_rate():
    from assistant.ranker import QuestionPrior

    prior = QuestionPrior(weights=(2.0, 0.0), bias=-1.0, base_rate=0.3)
    assert prior.probability(np.asarray([1.0, 5.0])) == pytest.approx(1 / (1 + np.exp(-1.0)))
    assert prior.probability(np.asarray([0.0, 1.0])) == pytest.approx(1 / (1 + np.exp(1.0)))
    assert prior.probability(np.ones(3)) == 0.3  # another embedding model's vector
    assert prior.probability(None) == 0.3
    law = clause(LAW, "12", 1000)
    evidence = _set([(law, 19, 89)])
    assert found_features(evidence, np.asarray([0.4]), 0.8)[FOUND_FEATURES.index("q_prior")] == 0.8


def test_the_committed_prior_tells_common_questions_from_rare_ones():
    """Fitted on the fit part: nearly every contract names its parties; few have a covenant not to sue."""
    from index.embedders import get_question_embedder

    model = EvidenceModel.load()
    assert len(model.prior.weights) == 384
    embed = get_question_embedder()
    common, rare = (model.prior.probability(np.asarray(embed.embed_query(q))) for q in (
        "Who are the parties to this agreement?", "Is a party barred from suing the other over its intellectual property?"))
    assert common > 0.8 and rare < 0.3


@pytest.mark.parametrize("span, question, share", [
    ("EventTitle: Sparse Training of Deep Networks", "What is the event title?", 1.0),
    ("**Effective Date:** May 1, 2024", "Which date is given?", 0.5),
    ("Name (Print): David Blei", "What is the event title?", 0.0),
    ("The parties agree as follows: the", "What do the parties agree?", 0.0),  # a sentence, not a field
])
def test_a_field_label_the_question_asks_with(span, question, share):
    law = clause(span, "preamble", 0)
    evidence = gather_for(question, [hit(law)], {}, {})
    (row,) = evidence.features  # the line is one candidate (a leading "**" trimmed off)
    assert row[COL["label_cov"]] == pytest.approx(share)


def test_committed_models_load_and_match_the_features_this_code_computes():
    model = EvidenceModel.load()
    assert model.booster_text, "assistant/models/evidence_ranker.txt is missing — run: make train"
    assert model.found.booster_text, "assistant/models/found_model.txt is missing — run: make train"
    assert model.found._booster.num_feature() == len(FOUND_FEATURES)
    law = clause(LAW, "12", 1000)
    evidence = gather_for("Which law governs?", [hit(law, 0.03, 0.8)], {"law": 2.0}, {})
    probabilities = model.score(evidence)
    assert probabilities.shape == (len(evidence),) and ((0 <= probabilities) & (probabilities <= 1)).all()


def test_a_decision_file_for_other_features_says_to_refit(tmp_path):
    decision = tmp_path / "decision.json"
    decision.write_text(json.dumps({"candidate_features": list(CANDIDATE_FEATURES), "found_features": ["old"],
                                    "found": {}, "selection": {}}))
    with pytest.raises(ClauseQAError, match="refit with: make train"):
        EvidenceModel.load(tmp_path / "none.txt", decision)


def test_a_decision_file_with_citation_settings_this_code_lacks_says_to_refit(tmp_path):
    decision = tmp_path / "decision.json"
    decision.write_text(json.dumps({"candidate_features": list(CANDIDATE_FEATURES),
                                    "found_features": list(FOUND_FEATURES),
                                    "selection": {"threshold": 0.3, "extra_per_char": 0.6}}))
    with pytest.raises(ClauseQAError, match=r"\(extra_per_char\) — refit with: make train"):
        EvidenceModel.load(tmp_path / "none.txt", decision)


def test_found_model_reads_its_features_through_the_fitted_classifier():
    lightgbm = pytest.importorskip("lightgbm")
    rng = np.random.default_rng(0)
    x = rng.random((400, 2))
    fitted = lightgbm.train({"objective": "binary", "verbose": -1, "min_data_in_leaf": 5, "num_threads": 1},
                            lightgbm.Dataset(x, (x[:, 0] > 0.5).astype(int)), 30)
    model = FoundModel(fitted.model_to_string())
    low, high = model.probability(np.asarray([0.1, 0.5])), model.probability(np.asarray([0.9, 0.5]))
    assert low < 0.2 < 0.8 < high


def test_without_a_found_model_the_best_candidate_stands_in():
    assert FoundModel().probability(np.asarray([0.63, 0.1])) == pytest.approx(0.63)


def test_every_part_and_sub_item_of_a_section_carries_its_title_words():
    from index.facts import clause_facts

    parts = [clause("12. Governing Law. This Agreement is governed by Delaware law.", "12", 0),
             clause("Nothing here restates the title.", "12 (part 2)", 70),
             clause("(a) The courts of Wilmington hear disputes.", "12(a)", 110),
             clause("13. The parties agree that this sentence is no title at all and goes on.", "13", 160)]
    titles = [f.title for f in clause_facts(parts)]
    assert titles[0] == titles[1] == titles[2] == ("govern", "law")
    assert titles[3] == ()


BLOCK = ("IN WITNESS WHEREOF, the Parties have signed this Agreement.\n\nACME ROBOTICS, INC.\nBy: /s/ Daniel Okafor\n"
         "Name: Daniel Okafor\n\nBIRCH ANALYTICS LLC\nBy: /s/ Priya Raman\nName: Priya Raman\n")


def _block_set(text: str) -> EvidenceSet:
    block = clause(text, "signatures", 5000)
    block = Clause(**{**block.__dict__, "heading": ""})
    spans = candidate_spans(text)
    candidates = tuple(Candidate(hit(block), 5000 + s, 5000 + e, w) for s, e, w in spans)
    return EvidenceSet("q", candidates, np.zeros((len(candidates), len(CANDIDATE_FEATURES)), dtype=np.float32),
                       question_types("q"))


@pytest.mark.parametrize("question, quote", [
    ("Who signed for Birch?", "BIRCH ANALYTICS LLC\nBy: /s/ Priya Raman"),
    ("Who signed the agreement on behalf of Acme?", "ACME ROBOTICS, INC.\nBy: /s/ Daniel Okafor"),
])
def test_who_signed_for_a_party_is_the_block_naming_it_with_its_name_line(question, quote):
    from assistant.signatories import asks_signer, signer_candidates

    evidence = _block_set(BLOCK)
    assert asks_signer(question)
    keep = signer_candidates(evidence, question)
    quotes = {BLOCK[evidence.candidates[i].start - 5000:evidence.candidates[i].end - 5000] for i in keep}
    assert quote in quotes
    assert all("Okafor" not in q for q in quotes) if "Birch" in question else all("Raman" not in q for q in quotes)


@pytest.mark.parametrize("question", ["Who signed for Zephyr?", "Who signed?"])
def test_signer_rule_stands_aside_when_no_block_names_the_party(question):
    from assistant.signatories import signer_candidates

    assert signer_candidates(_block_set(BLOCK), question) == []


# two agreements signed for one party in two layouts: the name line just above the party's line,
# or the author's lines first and a blank line and a checkbox between
TWO_LAYOUTS = ("Signature: Ann Lee\n\nDate: May 1, 2020\n\nName (Print): David Blei\n\n"
               "International Conference on Machine Learning",
               "Name (Print): Bo Chen\n\n\u2022 Accept \u2022 Decline Signature: Bo Chen\nDate: May 1, 2020\n\n"
               "Name (Print): <u>David Blei</u>\n\nSignature:\n\nInternational Conference on Machine Learning")


def _two_agreements() -> EvidenceSet:
    candidates = []
    for n, text in enumerate(TWO_LAYOUTS, 1):
        block = Clause(**{**clause(text, "signatures", 1000 * n, agreement=n).__dict__, "heading": ""})
        candidates += [Candidate(hit(block), 1000 * n + s, 1000 * n + e, w) for s, e, w in candidate_spans(text)]
    return EvidenceSet("q", tuple(candidates), np.zeros((len(candidates), len(CANDIDATE_FEATURES)), dtype=np.float32),
                       question_types("q"))


def test_a_signer_the_question_names_is_found_in_every_agreement_whatever_its_block_layout():
    """"On which agreements does David Blei appear as ICML's signatory?": each agreement's own
    shortest span holding his name line and the party's line, though the layouts need different widths."""
    from assistant.signatories import signer_candidates

    evidence = _two_agreements()
    icml = {"icml": frozenset(content_terms("International Conference on Machine Learning"))}
    keep = signer_candidates(evidence, "On which agreements does David Blei appear as ICML's signatory?", icml)
    quotes = {evidence.candidates[i].hit.agreement_key: TWO_LAYOUTS[evidence.candidates[i].hit.clause.agreement - 1][
        evidence.candidates[i].start - 1000 * evidence.candidates[i].hit.clause.agreement:
        evidence.candidates[i].end - 1000 * evidence.candidates[i].hit.clause.agreement] for i in keep}
    assert sorted(quotes.values()) == [
        "Name (Print): <u>David Blei</u>\n\nSignature:\n\nInternational Conference on Machine Learning",
        "Name (Print): David Blei\n\nInternational Conference on Machine Learning"]
    # asked who signed for the party, the answer is the same two lines in each
    keep = signer_candidates(evidence, "Who signed for ICML?", icml)
    assert len({evidence.candidates[i].hit.agreement_key for i in keep}) == 2


@pytest.mark.parametrize("question, asks", [
    ("Who signed for ICML?", True), ("Who executed the lease for the landlord?", True),
    ("Which law governs the agreement?", False), ("When was it signed?", False),
])
def test_asks_signer_only_for_who_signed_questions(question, asks):
    from assistant.signatories import asks_signer

    assert asks_signer(question) is asks


PREAMBLE = ("This is a publication agreement (\"this agreement\") regarding a written manuscript currently entitled\n\n"
            "Sparse Training of Deep Networks\n\n(\"the article\") to be published in the proceedings.")


def test_a_quote_that_stops_mid_phrase_takes_on_the_lines_that_finish_it():
    from assistant.completion import completed

    c = clause(PREAMBLE, "preamble", 100)
    lead_in = PREAMBLE.index("This"), PREAMBLE.index(" entitled") + len(" entitled")
    done = completed(Candidate(hit(c), 100 + lead_in[0], 100 + lead_in[1], 1))
    assert (done.start, done.end) == (100, 100 + PREAMBLE.index("Networks") + len("Networks"))
    assert done.text.endswith("currently entitled\n\nSparse Training of Deep Networks")
    whole = Candidate(hit(c), 100 + PREAMBLE.index("Sparse"), 100 + PREAMBLE.index("Networks") + 8, 1)
    assert completed(whole) == whole  # a quote that ends where its phrase does stays as it is


def test_the_answer_quotes_the_title_after_its_lead_in():
    c = clause(PREAMBLE, "preamble", 0)
    lead_in = Candidate(hit(c), 0, PREAMBLE.index(" entitled") + len(" entitled"), 1)
    title = Candidate(hit(c), PREAMBLE.index("Sparse"), PREAMBLE.index("Networks") + 8, 1)
    evidence = EvidenceSet("What is the title of the manuscript?", (lead_in, title),
                           np.zeros((2, len(CANDIDATE_FEATURES)), dtype=np.float32))
    answer = compose(evidence.question, evidence, np.array([0.9, 0.7]), 0.9, Selection(), "the contract")
    assert len(answer.citations) == 1  # the title, now inside the first quote, is not cited again
    assert (answer.citations[0].start, answer.citations[0].end) == (0, title.end)
    assert "Sparse Training of Deep Networks" in answer.text.splitlines()[0]


def test_signature_blocks_rank_after_every_other_candidate_in_their_own_order():
    from assistant.signatories import ranked_last

    out = ranked_last(np.asarray([0.9, 0.4, 0.7, 0.2]), [True, False, True, False])
    assert list(np.argsort(-out, kind="stable")) == [1, 3, 0, 2]
    assert out[1] == 0.4 and out[3] == 0.2 and out[0] < 0.2 and out[2] < out[0]
    assert list(ranked_last(np.asarray([0.9, 0.4]), [True, True])) == [0.9, 0.4]  # only blocks: as ranked

