"""The rule-labelled confidentiality questions fitted on besides CUAD's: which sentences state a
topic, which contracts are asked it as unanswerable, and which are left out."""

from __future__ import annotations

from eval.confidentiality import CATEGORY_PREFIX, TOPICS, topic_rows, topic_spans

CONTRACT = (
    "1. Confidential Information. \"Confidential Information\" means information marked confidential, "
    "whether disclosed in writing or orally.\n\n"
    "2. Exclusions. Confidential Information does not include information independently developed by the "
    "Recipient.\n\n"
    "3. Return. On termination the Recipient shall return all confidential documents.\n\n"
    "4. Term. The Recipient's obligations survive for two years after termination.\n"
)


def span(text: str, sentence_start: str, sentence_end: str) -> tuple[int, int]:
    start = text.index(sentence_start)
    return start, text.index(sentence_end, start) + len(sentence_end)


def test_a_topic_is_stated_by_the_sentences_that_name_it_and_say_confidential():
    spans = topic_spans(CONTRACT)
    assert spans["oral disclosure"] == [span(CONTRACT, '"Confidential Information" means', "or orally.")]
    assert spans["independent development"] == [span(CONTRACT, "Confidential Information does not", "Recipient.")]
    assert spans["return or destruction"] == [span(CONTRACT, "On termination", "confidential documents.")]
    # "survive" is used, but in a sentence that does not say "confidential": the rule cannot tell, so
    # the topic is left out rather than called absent
    assert "survival" not in spans
    # words the contract never uses: the topic is not addressed, an unanswerable question
    assert spans["injunctive relief"] == [] and spans["sharing with employees"] == []


def test_a_contract_that_hardly_mentions_confidentiality_is_not_asked():
    assert topic_spans("The Supplier shall keep the price confidential. Delivery is due in May.") == {}


def test_rows_are_asked_in_fitted_or_held_out_phrasings(tmp_path):
    (tmp_path / "c.txt").write_text(CONTRACT, encoding="utf-8")
    fitted = topic_rows(tmp_path, ["c.txt"])
    held_out = topic_rows(tmp_path, ["c.txt"], held_out=True)
    topic = {t.name: t for t in TOPICS}
    oral = [r for r in fitted if r["category"] == CATEGORY_PREFIX + "oral disclosure"]
    assert len(oral) == 1 and oral[0]["question"] in topic["oral disclosure"].fitted
    assert oral[0]["answerable"] and [(g["start"], g["end"]) for g in oral[0]["gold"]] == topic_spans(CONTRACT)[
        "oral disclosure"]
    injunction = [r for r in held_out if r["category"] == CATEGORY_PREFIX + "injunctive relief"]
    assert [r["question"] for r in injunction] == list(topic["injunctive relief"].held_out)
    assert not any(r["answerable"] or r["gold"] for r in injunction)
    # no phrasing is both fitted and held out
    assert not {q for t in TOPICS for q in t.fitted} & {q for t in TOPICS for q in t.held_out}
