"""Definition questions: which term is asked about, where a contract defines it, an acronym's full name."""

from __future__ import annotations

import pytest

from assistant.definitions import asked_term, defines, expansion, expansion_value
from assistant.types import Citation


@pytest.mark.parametrize("question, term", [
    ("What does IMLS stand for in Xin Wang's agreement?", "IMLS"),
    ('How is "Confidential Information" defined?', "Confidential Information"),
    ("What is the definition of Affiliate under the NDA?", "Affiliate"),
    ('What is meant by the term "Territory"?', "Territory"),
    ("Define Licensed Products.", "Licensed Products"),
    ('What is the meaning of "Effective Date" in the Acme licence?', "Effective Date"),
    ("How does Xin Wang's agreement define the term \"Articles\"?", "Articles"),
    ("How is the term Services defined in the MSA?", "Services"),
    ("Who is the Discloser?", "Discloser"),
    # not definition questions
    ("What does it mean?", None),
    ("Which law governs Xin Wang's agreement?", None),
    ("Who signed for ICML?", None),
    ("Who are the parties?", None),  # names are asked for, not where "Parties" is defined
    ("Who are the parties to Xin Wang's agreement?", None),
])
def test_asked_term(question, term):
    assert asked_term(question) == term


@pytest.mark.parametrize("text, term, defined", [
    ('"Confidential Information" means all non-public information', "Confidential Information", True),
    ("As used herein, “Affiliates” shall mean any entity", "Affiliate", True),
    ('Acme Inc. (hereinafter the "Licensor") and', "Licensor", True),
    ("made as of Sep 23, 2020 (“Effective Date”) by", "Effective Date", True),
    ("Confidential Information shall mean all data", "Confidential Information", True),
    ("PMLR (\"the publisher\"), IMLS (International Machine Learning Society), and", "IMLS", True),
    ("the International Conference on Machine Learning (ICML), located at", "ICML", True),
    # used, not defined
    ("The Licensor shall deliver the Software.", "Licensor", False),
    ("Confidential Information does not include public information.", "Confidential Information", False),
    ("PMLR (\"the publisher\") may publish", "PMLR", False),
])
def test_defines(text, term, defined):
    assert defines(text, term) is defined


@pytest.mark.parametrize("text, term, full", [
    ('PMLR ("the publisher"), IMLS (International Machine Learning Society), and ICML', "IMLS",
     "International Machine Learning Society"),
    ("between Justin Kopinsky and the International Conference on Machine Learning (ICML), located", "ICML",
     "International Conference on Machine Learning"),
    ('filed with the Securities and Exchange Commission (the "SEC") on', "SEC", "Securities and Exchange Commission"),
    ("a report (IMLS) without its name", "IMLS", None),  # initials that spell nothing stay unexpanded
])
def test_expansion(text, term, full):
    span = expansion(text, term)
    assert (text[span[0]:span[1]] if span else None) == full


def test_expansion_value_is_a_span_of_the_citation_at_document_offsets():
    document = 'Intro. PMLR ("the publisher"), IMLS (International Machine Learning Society), and ICML.'
    start = document.index("PMLR")
    quote = document[start:]
    citation = Citation("f.txt", "Xin Wang", "preamble", quote, start, len(document), 0.9)
    value = expansion_value([citation], "IMLS")
    assert value is not None and (value.kind, value.citation) == ("definition", 0)
    assert document[value.start:value.end] == value.text == "International Machine Learning Society"
    assert expansion_value([citation], "ICML") is None
