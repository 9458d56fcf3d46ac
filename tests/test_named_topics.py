"""Topics a contract addresses only in their own words (assistant/named_topics.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.named_topics import asked_topics, unaddressed


@pytest.mark.parametrize("question, topics", [
    ("Is there a standstill restricting either party from acquiring the other's shares?", ["a standstill"]),
    ("Are there any export control obligations for the technical data?", ["export control"]),
    ("Does the agreement deal with compliance with privacy laws?", ["privacy or personal data"]),
    ("Have the parties waived a jury trial?", ["a jury trial"]),
    ("Can employees use what they retain in their unaided memory?", ["residual knowledge"]),
    ("Can we take apart the prototype modules they send us?", ["reverse engineering"]),
    ("Are things told verbally during a site visit covered?", ["oral disclosure"]),
    ("Does the NDA stop them from poaching our engineers?", ["soliciting or hiring staff"]),
    ("Is there a non-compete?", ["competition"]),
    ("Which arbitration institution handles disputes?", ["arbitration"]),
    ("When she leaves, must she hand back company laptops?", ["returning or destroying materials"]),
    ("Is there a non-compete or a non-solicit?", ["soliciting or hiring staff", "competition"]),
    ("If the bank has to sue to enforce the NDA and wins, who bears the legal fees?", ["legal costs"]),
    ("Can the prevailing party recover its attorneys' fees?", ["legal costs"]),
    ("Can the agreement be signed in counterparts or by electronic signature?",
     ["signing in counterparts or electronically"]),
    ("Must the parties keep the existence of this NDA or their collaboration talks secret?",
     ["the fact of the discussions"]),
    ("May the employee take on outside consulting work or a second job while employed?", ["outside work"]),
    ("Are there rules on storing company information on personal devices?", ["personal devices"]),
    ("How much notice must be given to stop the agreement from renewing?", ["renewal"]),
    ("Does this deal roll over at the end of the term?", ["renewal"]),
    # named with what it is set against, or not as the topic: no topic
    ("Can we pass the information to outside consultants working on the project?", []),
    ("Do disputes go to arbitration or to the courts?", []),
    ("Can the distributor export the products outside the territory?", []),
    ("Can the customer hire subcontractors?", []),
    ("Is there any compensation in return?", []),
    ("Who signed the agreement?", []),
    ("Who is the counterparty to the lease?", []),
    ("Until what date is the Distributor appointed, before any renewal?", []),  # when it expires
])
def test_the_topics_a_question_names(question, topics):
    assert [t.name for t in asked_topics(question)] == topics


def _says(*texts: str):
    return lambda pattern: any(pattern.search(text) for text in texts)


@pytest.mark.parametrize("question, texts, missing", [
    # none of a topic's words: not addressed
    ("Is there a standstill?", ["The Affiliate owns fifty percent of the voting securities."], "a standstill"),
    ("Have the parties waived a jury trial?", ["This Agreement is governed by the laws of New York."], "a jury trial"),
    ("Is information disclosed orally protected?", ["Any other manner of dealing with its rights is void."],
     "oral disclosure"),
    # any one of them, however it is worded: addressed
    ("Is there a standstill?", ["you will not make any tender offer for securities of the Company"], None),
    ("Is information disclosed orally protected?", ["information disclosed in any form or medium"], None),
    ("Is there a force majeure clause?", ["delays due to causes beyond its reasonable control"], None),
    ("Is there a non-compete?", ["Distributor shall be the exclusive distributor in the Territory."], None),
    ("Is there a non-compete or a non-solicit?", ["Employee shall not solicit any employee of the Company."], None),
    ("Who signed the agreement?", [], None),  # no topic named
    # records kept as evidence, or information given by visual inspection, are no audit; records open to review are
    ("Does the discloser have the right to audit the recipient?",
     ["information lawfully known to the Recipient, as evidenced by its written records; or",
      "disclosed in writing, orally or by visual inspection of facilities"], "audits"),
    ("Does the discloser have the right to audit the recipient?",
     ["Supplier shall make its records relating to the Products available to Buyer on request."], None),
    ("Can the winning side recover its attorneys' fees?", ["Each party shall bear its own costs."], "legal costs"),
    ("Can the winning side recover its attorneys' fees?",
     ["you shall reimburse us for our reasonable legal fees and expenses"], None),
    ("Can the agreement be signed electronically?", ["This Agreement may be amended only in writing."],
     "signing in counterparts or electronically"),
    ("Can the agreement be signed electronically?", ["This Agreement may be executed in counterparts."], None),
    ("Is Pinecrest allowed to tell anyone that it is in talks with Brantley?",
     ["This Agreement shall be governed by the laws of Delaware."], "the fact of the discussions"),
    ("Is Pinecrest allowed to tell anyone that it is in talks with Brantley?",
     ["you will not disclose the fact that discussions or negotiations are taking place"], None),
    ("May the employee take a second job?", ["The Employee is a competent adult."], "outside work"),
    ("May the employee take a second job?", ["Employee shall not engage in any other business activity."], None),
    # "competent" and "the exclusive property of the Company" are no words of competition
    ("Is there a non-compete?", ["I am competent to sign.", "Inventions are the exclusive property of the Company."],
     "competition"),
    ("Is there a non-compete?", ["Talent shall not endorse products substantially similar to the Product."], None),
    ("Must it notify them if Evaluation Material is accidentally disclosed or lost?",
     ["You shall notify the Company if you are required by law to disclose any Evaluation Material."],
     "notice of a breach or loss"),
    ("Must it notify them if Evaluation Material is accidentally disclosed or lost?",
     ["The Recipient shall notify the Discloser if it becomes aware of any unauthorised use or disclosure."], None),
    # lawyers label harm to the other's reputation or goodwill non-disparagement
    ("Is there a requirement on a party not to disparage the counterparty?",
     ["The Company shall not tarnish or bring into disrepute the reputation of the Licensed Trademarks."], None),
    ("Is there a requirement on a party not to disparage the counterparty?", ["Each party bears its own costs."],
     "disparagement"),
    # a change of control is not any "control" of an Affiliate, nor "merges" all prior agreements
    ("Does a change of control end the NDA?", ["\"Affiliate\" means any entity that controls a Party.",
                                               "This Agreement supersedes and merges all prior agreements."],
     "a change of control"),
    ("Does a change of control end the NDA?",
     ["Either party may terminate upon any material change in the organization, ownership or control of the other."],
     None),
    # an agreement that only ends on notice never renews; one that runs on until terminated, or may be extended, does
    ("Does the agreement renew automatically?", ["Either party may terminate this Agreement on 30 days' notice."],
     "renewal"),
    ("Does the agreement renew automatically?", ["This Agreement shall continue indefinitely until terminated."], None),
    ("Does the agreement renew automatically?", ["The term may be extended by mutual written agreement."], None),
])
def test_a_topic_is_unaddressed_only_where_none_of_its_words_is(question, texts, missing):
    topic = unaddressed(question, _says(*texts))
    assert (topic.name if topic else None) == missing


def test_a_scope_is_asked_once_per_topic_it_names():
    asked: list[str] = []

    def says(pattern: re.Pattern[str]) -> bool:
        asked.append(pattern.pattern)
        return False

    assert unaddressed("Is there a non-compete or a non-solicit?", says).name == "soliciting or hiring staff"
    assert len(asked) == 2


HALVORSEN = Path(__file__).resolve().parent / "contracts_apart" / "nda_halvorsen_cortexa.txt"


@pytest.fixture(scope="module")
def halvorsen(tmp_path_factory):
    from assistant import Assistant

    return Assistant.from_paths([str(HALVORSEN)], index_dir=str(tmp_path_factory.mktemp("halvorsen-idx")))


@pytest.mark.slow
@pytest.mark.parametrize("question, missing", [
    # the NDA never says "export": its clause on sharing with Representatives was quoted
    ("Are there any export control obligations for the technical data exchanged under this NDA?", "export control"),
    # nor "residual", "unaided" or "memory": its exclusions were quoted
    ("Can employees freely use general ideas and know-how they retain in their unaided memory after reviewing the "
     "other side's information?", "residual knowledge"),
    ("Is there a standstill restricting either party from acquiring the other's shares?", "a standstill"),
])
def test_a_topic_the_nda_never_names_is_not_found(halvorsen, question, missing):
    answer = halvorsen.ask(question)
    assert (answer.found, answer.citations) == (False, ())
    assert answer.text == f"Not found: no clause about {missing} in the 1 indexed agreement."


@pytest.mark.slow
@pytest.mark.parametrize("question, clause, start, end", [
    # "take apart" names reverse engineering, which clause 3.5 forbids in so many words
    ("Can we take apart the prototype modules Halvorsen sends us to figure out how they are built?", "3.5", 5123, 5421),
    ("Is information disclosed orally protected?", "1.2", 2197, 2498),
    # said in business words (assistant/plain_words.py): clause 2's exclusions were quoted first
    ("If Cortexa's engineers walk us through something in a meeting without handing over any documents, is that "
     "protected under the NDA?", "1.2", 2197, 2498),
    # "signing" pulled towards the signatures; it was not found
    ("Does signing this NDA commit either company to going ahead with a joint development agreement?",
     "8.1", 8180, 8301),
])
def test_a_topic_the_nda_names_is_answered_from_its_clause(halvorsen, question, clause, start, end):
    answer = halvorsen.ask(question)
    first = answer.citations[0]
    assert (answer.found, first.clause, first.start, first.end) == (True, clause, start, end)
    assert HALVORSEN.read_text()[start:end] == first.quote


@pytest.mark.parametrize("question, topics", [
    ("Do written materials need a confidentiality legend on them to be protected?",
     ["marking information confidential"]),
    ("Can the licensee use the Licensor's marks?", []),  # trade marks, not marking; the Licensee is a party
    ("Does the letter grant the bidder any licence in the Evaluation Material?", ["a licence"]),
    ("May the recipient make copies of the evaluation material?", ["copies"]),
    ("Is independently developed information excluded?", ["independent development"]),
    ("Which obligations survive termination?", ["survival"]),
    ("Can Birch solicit Acme's representatives?", ["soliciting or hiring staff"]),
])
def test_the_topics_an_nda_is_asked_about(question, topics):
    assert [t.name for t in asked_topics(question)] == topics


@pytest.mark.slow
@pytest.mark.parametrize("question, lead, spans", [
    # "in what capacity?" quotes each block through its title line; "Margaret L. Osei" was no signer at all
    # (a middle initial) and the block's "By:" line alone was quoted
    ("Who signed the NDA for Cortexa, and in what capacity?", "Daniel R. Whitcombe, Chief Technology Officer [1]",
     [(12807, 12915)]),
    ("Who signed the NDA, and in what capacity?",
     "Margaret L. Osei, Senior Vice President and General Counsel [1]; Daniel R. Whitcombe, Chief Technology "
     "Officer [2]", [(12682, 12805), (12807, 12915)]),
    ("Who signed for Halvorsen?", "Margaret L. Osei [1]", [(12682, 12733)]),
])
def test_who_signed_and_in_what_capacity_quotes_the_blocks_title_lines(halvorsen, question, lead, spans):
    answer = halvorsen.ask(question)
    text = halvorsen.document_text("nda_halvorsen_cortexa.txt")
    assert answer.text.splitlines()[0] == lead
    assert [(c.clause, c.start, c.end) for c in answer.citations] == [("signatures", s, e) for s, e in spans]
    assert all(text[c.start:c.end] == c.quote for c in answer.citations)
    assert [("\nTitle: " in c.quote) for c in answer.citations] == ["capacity" in question] * len(spans)
