"""Definition questions: which term is asked about, where a contract defines it, an acronym's full name."""

from __future__ import annotations

import pytest

from assistant.definitions import asked_term, defined_name, defines, expansion, lead_with_definition
from assistant.types import Answer, Citation, Value


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
    # a defined term with its article inside the quotes
    ("collectively \"you\"), PMLR (\"the publisher\"), IMLS (International", "publisher", True),
    ("Acme Inc. (“the Company”) and", "Company", True),
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


@pytest.mark.parametrize("text, term, name", [
    ('This Agreement is made on 3 June 2024 among Orchid Biotech Ltd, a company incorporated in Ontario ("Orchid"), '
     'Dr. Helena Marsh, of Toronto, Ontario, (the "Consultant"), and Maple Ridge Ventures Inc.', "Consultant",
     "Dr. Helena Marsh"),
    ('made on 3 June 2024 among Orchid Biotech Ltd, a company incorporated in Ontario ("Orchid"), Dr.', "Orchid",
     "Orchid Biotech Ltd"),
    # the description's own "and" ("England and Wales") is not where the name starts
    ('(2) Quillfeather Publishing Ltd, a company incorporated in England and Wales with company number 10234567, '
     'whose registered office is at 22 Mill Lane, Bath BA1 1HG (the "Licensee").', "Licensee",
     "Quillfeather Publishing Ltd"),
    # a company suffix after the comma belongs to the name
    ('by and between Acme Robotics, Inc., a Delaware corporation with offices at 400 Foundry Street ("Acme"), and '
     'Birch Analytics LLC, a Colorado limited liability company ("Birch").', "Acme", "Acme Robotics, Inc."),
    ('by and between Acme Robotics, Inc., a Delaware corporation ("Acme"), and Birch Analytics LLC, a Colorado '
     'limited liability company ("Birch").', "Birch", "Birch Analytics LLC"),
    # the sentence opens with a date whose comma comes before "by and between"
    ('This Professional Services Agreement is made as of September 1, 2023 by and between Harbor Point Logistics '
     'Corp., a New York corporation ("Client"), and Kestrel', "Client", "Harbor Point Logistics Corp."),
    ('one Party (the "Discloser") discloses to the other', "Discloser", None),  # no name: none given
    ('(name of corresponding author, collectively "you"), PMLR ("the publisher"), IMLS (International', "publisher",
     "PMLR"),
])
def test_defined_name(text, term, name):
    span = defined_name(text, term)
    assert (text[span[0]:span[1]] if span else None) == name


def _citation(document: str, quote: str, agreement: str, number: int = 1) -> Citation:
    start = document.index(quote)
    return Citation("f.txt", agreement, "preamble", quote, start, start + len(quote), 0.9, agreement_number=number)


def test_an_acronym_answer_leads_with_its_full_name_at_document_offsets():
    document = 'Intro. PMLR ("the publisher"), IMLS (International Machine Learning Society), and ICML.'
    citation = _citation(document, document[7:], "Xin Wang")
    answer = Answer(question="q", found=True, text='Xin Wang (clause preamble): "..." [1]', citations=(citation,))
    led = lead_with_definition(answer, "What does IMLS stand for?", "IMLS")
    assert led.text == 'International Machine Learning Society [1]\nXin Wang (clause preamble): "..." [1]'
    (value,) = led.values
    assert (value.kind, value.citation) == ("definition", 0)
    assert document[value.start:value.end] == value.text == "International Machine Learning Society"
    # a quote that does not spell the acronym out leaves the answer as it was
    assert lead_with_definition(answer, "What does PMLR stand for?", "PMLR") == answer


def test_a_who_answer_over_two_agreements_groups_the_names_each_defines():
    document = ('among Orchid Biotech Ltd ("Orchid"), Dr. Helena Marsh, of Toronto, Ontario, (the "Consultant"). '
                'by and between Harbor Point Corp. ("Client"), and Kestrel Consulting Group LLC ("Consultant").')
    first = _citation(document, document[:document.index(". by")], "Orchid Biotech Ltd and Dr. Helena Marsh")
    second = _citation(document, document[document.index("by and"):], "Harbor Point and Kestrel", 2)
    ontario = document.index("Ontario")
    answer = Answer(question="q", found=True, text="Ontario [1]\n- one\n- two", citations=(first, second),
                    values=(Value("Ontario", ontario, ontario + 7, "place", 0),))  # a first line to replace
    led = lead_with_definition(answer, "Who is the Consultant?", "Consultant")
    assert [(v.text, v.kind, v.citation) for v in led.values] == [
        ("Dr. Helena Marsh", "party", 0), ("Kestrel Consulting Group LLC", "party", 1)]
    assert all(document[v.start:v.end] == v.text for v in led.values)
    assert [g.value for g in led.groups] == ["Dr. Helena Marsh", "Kestrel Consulting Group LLC"]
    assert led.text.splitlines()[1:] == ["- one", "- two"]  # the quotes stay, under the new first line
