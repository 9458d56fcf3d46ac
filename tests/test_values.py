"""Short answers first: values taken verbatim from the cited quote (with their own offsets), a plain
yes or no only when a sentence states it, and the answer left as it was when nothing is certain."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.answer import compose, display
from assistant.evidence import CANDIDATE_FEATURES, Candidate, EvidenceSet
from assistant.features import question_types
from assistant.ranker import Selection
from assistant.snippets import snippet
from assistant.retrieve import Hit
from assistant.types import Answer
from assistant.values import asks_event_time
from index.types import Clause

REPO = Path(__file__).resolve().parents[1]
CONTRACTS = REPO / "tests" / "contracts"
SAMPLE = REPO / "data" / "agreements"
NDA, LEASE, LICENCE = "nda_acme_birch.txt", "lease_and_consulting.txt", "licence_northwind_quill.md"
SERVICES = "services_harbor_kestrel.txt"
DISTRIBUTION, SAAS = "distribution_vantor_selk.txt", "saas_orbit_fenwick.txt"
XIN_WANG, ALISTARH, ACTNN = "000_7332def5b04a4bbf.txt", "002_bcfa04a8f03d8167.txt", "004_3d9f13f584b4be9c.txt"
ALL = Selection(threshold=0.5, extra_ratio=0.1, extra_min=0.0, max_citations=5, max_chars=5000)


def text_of(file: str) -> str:
    folder = CONTRACTS if (CONTRACTS / file).exists() else SAMPLE
    return (folder / file).read_text(encoding="utf-8")


def clause_of(file: str, quote: str, clause_id: str, label: str = "Acme", agreement: int = 1, nth: int = 0) -> Clause:
    """The paragraph of the file holding the quote (the nth time it occurs), as a clause."""
    text = text_of(file)
    at = -1
    for _ in range(nth + 1):
        at = text.index(quote, at + 1)
    start = text.rfind("\n\n", 0, at) + 2 if text.rfind("\n\n", 0, at) >= 0 else 0
    end = text.find("\n\n", at + len(quote))
    end = len(text) if end < 0 else end
    return Clause(file=file, agreement=agreement, agreement_label=label, clause_id=clause_id, heading="",
                  start=start, end=end, text=text[start:end])


def ask(question: str, quotes: list[tuple[Clause, str]], aggregate: bool = False) -> Answer:
    """compose() over hand-made evidence: one candidate per (clause, quote), ranked in the given order."""
    candidates = []
    for c, quote in quotes:
        at = c.start + c.text.index(quote)
        candidates.append(Candidate(Hit(c.chunk_id, c, 0.5, 0.5, 0.5), at, at + len(quote), 1))
    evidence = EvidenceSet(question, tuple(candidates),
                           np.zeros((len(candidates), len(CANDIDATE_FEATURES)), dtype=np.float32),
                           question_types(question))
    probabilities = np.linspace(0.9, 0.8, len(candidates))
    return compose(question, evidence, probabilities, 0.9, ALL, "the indexed agreements", aggregate=aggregate)


def assert_values_are_spans(answer: Answer) -> None:
    for v in answer.values:
        c = answer.citations[v.citation]
        assert text_of(c.file)[v.start:v.end] == v.text
        assert c.start <= v.start < v.end <= c.end


NDA_LAW = ("This Agreement is governed by the laws of the State of Delaware, without regard to its conflict of laws "
           "rules.")
NDA_COURTS = ("The state and federal courts in Wilmington, Delaware have exclusive jurisdiction over any dispute "
              "arising out of it.")
NDA_TERM = ("This Agreement runs for two (2) years from the Effective Date. Either Party may terminate it earlier on "
            "thirty (30) days' written notice. The obligations of confidentiality in this Agreement survive for three "
            "(3) years after expiry or termination.")
NDA_OPENING = ('This Mutual Non-Disclosure Agreement (the "Agreement") is entered into as of March 4, 2024 (the '
               '"Effective Date") by and between Acme Robotics, Inc., a Delaware corporation with offices at 400 '
               'Foundry Street, Wilmington, Delaware 19801 ("Acme"), and Birch Analytics LLC, a Colorado limited '
               'liability company with offices at 1200 Larimer Street, Denver, Colorado 80204 ("Birch").')
LEASE_OPENING = ('This Equipment Lease Agreement (the "Lease") is made as of February 1, 2024 by and between Lumen '
                 'Equipment Rentals LLC, a Colorado limited liability company ("Lessor"), and Granite Peak Builders '
                 'Inc., a Colorado corporation ("Lessee").')
RENT = "Lessee shall pay rent of USD 6,200 per month, due on the first day of each month."
XIN_WANG_TERMINATES = ("It will terminate if the publisher does not publish, in any medium, the article within one "
                       "year of the date of your signature.")
ALISTARH_THIRD_PARTY = ("Furthermore, I promise to indemnify, defend and hold harmless ICML against any and all "
                        "third party claims arising from this Agreement or related Articles.")
DISTRIBUTION_REGISTER = ("Distributor shall not register any trademark or domain name confusingly similar to "
                         "Vantor's trademarks.")
DISTRIBUTION_APPOINT = "Vantor shall not appoint any other distributor of the Products in the Territory during the Term."
SAAS_GRANT = ("Provider grants Customer a non-exclusive, non-transferable right during the Subscription Term to access "
              "and use the Service for Customer's internal business purposes.")
XIN_WANG_WRITING = "This is the entire agreement between you and the publisher, and it may be modified only in writing."
NDA_ENTIRE = ("This Agreement is the entire agreement of the Parties on its subject and may be amended only in a "
              "writing signed by both Parties.")
XIN_WANG_LAW = "It will be governed by the laws of the Commonwealth of Massachusetts."
XIN_WANG_TITLE = ("currently entitled\n\nParameter efficient training of deep convolutional neural networks by dynamic "
                  "sparse reparameterization\n\n(\"the article\")")


@pytest.mark.parametrize("question, file, clause_id, quote, first, values", [
    ("Which state's law governs the NDA?", NDA, "10", NDA_LAW, "Delaware [1]", [("law", "Delaware")]),
    ("Which courts have jurisdiction over disputes?", NDA, "10", NDA_COURTS,
     "state and federal courts in Wilmington, Delaware [1]", [("court", "state and federal courts in Wilmington, Delaware")]),
    # a venue question in everyday words: the courts, though it says neither "court" nor "jurisdiction"
    ("Where can a party sue under the NDA?", NDA, "10", NDA_COURTS,
     "state and federal courts in Wilmington, Delaware [1]", [("court", "state and federal courts in Wilmington, Delaware")]),
    ("What is the effective date of the NDA?", NDA, "preamble", NDA_OPENING, "March 4, 2024 [1]",
     [("date", "March 4, 2024")]),
    ("How long do the confidentiality obligations survive?", NDA, "7", NDA_TERM, "three (3) years [1]",
     [("duration", "three (3) years")]),
    # a length of time keeps its bound: the article must be published within a year, not after one
    ("How long does the publisher have to publish Xin Wang's article?", XIN_WANG, "7", XIN_WANG_TERMINATES,
     "within one year [1]", [("duration", "within one year")]),
    ("How much is the rent?", LEASE, "3", RENT, "USD 6,200 per month [1]", [("amount", "USD 6,200 per month")]),
    # a length written as a compound ("one-year periods") is a length too, and the one beside "renews ... periods"
    ("How long is each renewal period of the licence?", LICENCE, "6.1",
     "This Agreement starts on its date and continues for an initial term of three (3) years, then renews for "
     "successive one-year periods unless either party gives at least ninety (90) days' written notice before the "
     "end of the then-current term.", "one-year [1]", [("duration", "one-year")]),
    ("Who is the Lessee?", LEASE, "preamble", LEASE_OPENING, "Granite Peak Builders Inc. [1]",
     [("party", "Granite Peak Builders Inc.")]),
    ("Who are the parties to the NDA?", NDA, "preamble", NDA_OPENING, "Acme Robotics, Inc.; Birch Analytics LLC [1]",
     [("party", "Acme Robotics, Inc."), ("party", "Birch Analytics LLC")]),
    ("Who signed for Birch?", NDA, "signatures", "By: /s/ Priya Raman\nName: Priya Raman", "Priya Raman [1]",
     [("signer", "Priya Raman")]),
    ("Who countersigned for Birch?", NDA, "signatures", "By: /s/ Priya Raman\nName: Priya Raman", "Priya Raman [1]",
     [("signer", "Priya Raman")]),
    ("What address is given for Acme?", NDA, "preamble", NDA_OPENING,
     "400 Foundry Street, Wilmington, Delaware 19801 [1]",
     [("place", "400 Foundry Street, Wilmington, Delaware 19801")]),
    ("What law governs the licence?", LICENCE, "9.1",
     "This Agreement and any dispute arising from it are governed by the law of England and Wales, and the courts of "
     "England and Wales have exclusive jurisdiction.", "England and Wales [1]", [("law", "England and Wales")]),
    ("Which law governs Xin Wang's agreement?", XIN_WANG, "7", XIN_WANG_LAW, "Massachusetts [1]",
     [("law", "Massachusetts")]),
    ("What is the title of the article covered by Xin Wang's agreement?", XIN_WANG, "preamble", XIN_WANG_TITLE,
     "Parameter efficient training of deep convolutional neural networks by dynamic sparse reparameterization [1]",
     [("title", "Parameter efficient training of deep convolutional neural networks by dynamic sparse "
                "reparameterization")]),
    ("When did Xin Wang sign the ICML Publication Agreement?", XIN_WANG, "signatures",
     "Signed Corresponding Author:\tV\tCes\tDate: _\t5/12/2019", "5/12/2019 [1]", [("date", "5/12/2019")]),
])
def test_the_value_comes_first_verbatim_with_its_offsets(question, file, clause_id, quote, first, values):
    c = clause_of(file, quote, clause_id)
    answer = ask(question, [(c, quote)])
    assert answer.text == f"{first}\nAcme (clause {clause_id}): \"{display(quote)}\" [1]"
    assert [(v.kind, v.text) for v in answer.values] == values
    assert all(v.citation == 0 for v in answer.values)
    assert_values_are_spans(answer)


def test_the_existing_lines_stay_after_the_first():
    c = clause_of(NDA, NDA_LAW, "10")
    with_value = ask("Which state's law governs the NDA?", [(c, NDA_LAW)])
    without = ask("What does clause 10 say?", [(c, NDA_LAW)])
    assert without.values == () and without.text == f"Acme (clause 10): \"{NDA_LAW}\" [1]"
    assert with_value.text == f"Delaware [1]\n{without.text}"
    assert with_value.citations == without.citations
    law = with_value.values[0]
    assert (law.start, law.end) == (text_of(NDA).index("Delaware, without"), text_of(NDA).index(", without regard"))


def test_a_date_is_stated_only_beside_what_the_question_asks_about():
    text = text_of(ALISTARH)
    start, end = 0, text.index("Date: Jul 15, Jul 16, 2020") + len("Date: Jul 15, Jul 16, 2020")
    preamble = Clause(file=ALISTARH, agreement=1, agreement_label="Acme", clause_id="preamble", heading="",
                      start=start, end=end, text=text[start:end])
    event = ask("What event dates appear in Dan Alistarh's agreement?", [(preamble, "Date: Jul 15, Jul 16, 2020")])
    assert event.text.splitlines()[0] == "Jul 15, Jul 16, 2020 [1]"  # the line above names the event
    assert_values_are_spans(event)
    opening = 'as of Sep 23, 2020 ("Effective Date")'
    assert ask("What is the effective date?", [(preamble, opening)]).text.splitlines()[0] == "Sep 23, 2020 [1]"
    for question in ("What event date is listed?", "When did Dan Alistarh sign?", "When does the agreement end?"):
        assert ask(question, [(preamble, opening)]).values == ()  # the effective date answers none of them


SEVERABILITY = ("If any provision of this Agreement is held to be invalid or unenforceable by a court, the remaining "
                "provisions of this Agreement will remain in effect.")
ALISTARH_7 = ("Each of the parties irrevocably consents to the exclusive personal jurisdiction of the federal and state "
              "courts located in the County of San Diego, California, as applicable, for any matter arising out of or "
              "relating to this Agreement.")


def test_a_yes_no_question_after_a_condition_is_answered_as_yes_no_not_by_a_value_it_mentions():
    # "If a court strikes down ..., does the rest still apply?" asks no court: the venue clause's courts
    # (the second citation) were its answer
    question = "If a court strikes down part of Dan Alistarh's agreement, does the rest still apply?"
    quotes = [(clause_of(ALISTARH, SEVERABILITY, "8"), SEVERABILITY), (clause_of(ALISTARH, ALISTARH_7, "7"), ALISTARH_7)]
    answer = ask(question, quotes)
    assert answer.text.splitlines()[0] == \
        f"Clause 8 addresses this, without a plain yes or no: \"{snippet(SEVERABILITY, question)}\" [1]"
    assert answer.values == ()


@pytest.mark.parametrize("question, lead", [
    ("If ICML does not publish the articles, do the rights revert?", "do the rights revert?"),
    ("In the event of a breach, may the licensor terminate?", "may the licensor terminate?"),
    ("When the term ends, must the Recipient return the information?", "must the Recipient return the information?"),
    # a wh-question keeps its own words; so does a condition with no question after its comma
    ("When does the agreement end, and is it renewable?", "When does the agreement end, and is it renewable?"),
    ("If ICML does not publish, what happens?", "If ICML does not publish, what happens?"),
])
def test_the_question_proper_follows_a_condition_put_before_it(question, lead):
    from assistant.values import is_yes_no, main_question

    assert main_question(question) == lead
    assert is_yes_no(question) == (lead != question)


def test_by_how_much_asks_for_an_amount_though_the_question_names_a_renewal():
    quote = ("Provider may increase the fees for any Renewal Term by no more than five percent (5%) by giving notice "
             "at least sixty (60) days before that Renewal Term begins.")
    c = Clause(file="saas.txt", agreement=1, agreement_label="Orbit", clause_id="3.3", heading="", start=0,
               end=len(quote), text=quote)
    answer = ask("By how much can the fees go up at renewal?", [(c, quote)])
    assert answer.text.splitlines()[0] == "5% [1]"  # the notice period (a length of time) was the answer
    assert [(v.kind, v.text, v.start, v.end) for v in answer.values] == [("amount", "5%", 82, 84)]
    answer = ask("How much prior notice must the Provider give of a fee increase?", [(c, quote)])
    assert [(v.kind, v.text) for v in answer.values] == [("duration", "at least sixty (60) days")]


@pytest.mark.parametrize("question, said", [
    ("May the Recipient disclose Confidential Information to a third party?", ("no", "shall not copy, reproduce or disclose")),
    # "reproduce" is a word contracts use for "copy": the modal's own verb answers it
    ("Can the Recipient reproduce Confidential Information?", ("no", "shall not copy")),
    ("May the Associate divulge Confidential Information?", ("no", "shall not at any time, publish, disclose, divulge")),
])
def test_a_verb_listed_after_the_modals_first_verb_is_answered_by_the_modal(question, said):
    quote = ("The Recipient shall not copy, reproduce or disclose any Confidential Information to any third party. "
             "The Associate shall not at any time, publish, disclose, divulge or in any manner communicate to any "
             "person any of the Confidential Information.")
    c = Clause(file="nda.txt", agreement=1, agreement_label="Acme", clause_id="3", heading="", start=0,
               end=len(quote), text=quote)
    answer = ask(question, [(c, quote)])
    assert [(v.kind, v.text) for v in answer.values] == [said]
    (value,) = answer.values
    assert quote[value.start:value.end] == value.text


def test_a_length_of_time_in_hours_is_a_length_of_time():
    quote = ("Provider shall notify Customer without undue delay, and in any event within seventy-two (72) hours, after "
             "becoming aware of a personal data breach affecting Customer Data.")
    c = Clause(file="saas.txt", agreement=1, agreement_label="Orbit", clause_id="7.2", heading="", start=0,
               end=len(quote), text=quote)
    answer = ask("How much time does the Provider have to report a data breach?", [(c, quote)])
    assert answer.text.splitlines()[0] == "within seventy-two (72) hours [1]"
    assert [(v.kind, v.start, v.end) for v in answer.values] == [("duration", 69, 98)]


def test_how_often_is_no_length_of_time_and_a_minimum_is_a_quantity():
    quote = ("The Buyer shall purchase Products with a total price of at least GBP 250,000 in each Contract Year. "
             "If it purchases less, it shall pay the Supplier the shortfall within thirty (30) days after the end of "
             "that Contract Year.")
    c = Clause(file="supply.txt", agreement=1, agreement_label="Tamsin", clause_id="2.3", heading="", start=0,
               end=len(quote), text=quote)
    # "each year" says how often: the shortfall's thirty days were the answer
    answer = ask("What is the minimum the Buyer must buy each year?", [(c, quote)])
    assert [(v.kind, v.text, v.start, v.end) for v in answer.values] == [("amount", "GBP 250,000", 65, 76)]
    # a length of time asked for still is one
    answer = ask("Within how many days must the shortfall be paid each year?", [(c, quote)])
    assert [(v.kind, v.text) for v in answer.values] == [("duration", "within thirty (30) days")]
    # what happens if the minimum is missed asks for no quantity: the quote answers
    assert ask("What happens if the Buyer buys less than the minimum?", [(c, quote)]).values == ()


def test_how_much_notice_is_a_length_of_time_not_a_sum():
    quote = ("This Agreement starts on its date and continues for an initial term of three (3) years, then renews "
             "for successive one-year periods unless either party gives at least ninety (90) days' written notice "
             "before the end of the then-current term.")
    answer = ask("How much notice is needed to stop the licence renewing?", [(clause_of(LICENCE, quote, "6.1"), quote)])
    assert answer.text.splitlines()[0] == "at least ninety (90) days [1]"  # with its bound: a minimum
    (value,) = answer.values
    assert (value.kind, value.text) == ("duration", "at least ninety (90) days")
    assert_values_are_spans(answer)


@pytest.mark.parametrize("question, file, clause_id, quote", [
    # the agreement's own date, though the question's words for the agreement are beside it
    ("When does the mutual non-disclosure agreement expire?", NDA, "preamble",
     'This Mutual Non-Disclosure Agreement (the "Agreement") is entered into as of March 4, 2024'),
    # the day a term is counted from
    ("When does the consulting engagement end?", LEASE, "4.1", "The engagement lasts one (1) year from 3 June 2024."),
])
def test_a_date_something_starts_from_does_not_answer_when_it_ends(question, file, clause_id, quote):
    answer = ask(question, [(clause_of(file, quote, clause_id), quote)])
    assert answer.values == () and answer.citations[0].quote == quote


@pytest.mark.parametrize("question, first", [
    ("When was the mutual non-disclosure agreement entered into?", "March 4, 2024 [1]"),
    ("When does the mutual non-disclosure agreement take effect?", "March 4, 2024 [1]"),
])
def test_a_date_something_starts_from_answers_when_it_starts(question, first):
    quote = 'This Mutual Non-Disclosure Agreement (the "Agreement") is entered into as of March 4, 2024'
    answer = ask(question, [(clause_of(NDA, quote, "preamble"), quote)])
    assert answer.text.splitlines()[0] == first
    assert_values_are_spans(answer)


def test_a_signing_date_is_read_in_the_signature_block_whatever_its_rank():
    opening = clause_of(NDA, NDA_OPENING, "preamble")
    block = "Name: Priya Raman\nTitle: Managing Member\nDate: March 5, 2024"
    signatures = clause_of(NDA, block, "signatures")
    answer = ask("When did Birch sign the NDA?", [(opening, NDA_OPENING), (signatures, block)])
    assert answer.text.splitlines()[0] == "March 5, 2024 [2]"
    assert [(v.text, v.citation) for v in answer.values] == [("March 5, 2024", 1)]
    assert_values_are_spans(answer)


def test_a_value_the_question_names_is_not_its_answer():
    block = "Date: Sep 23, 2020\n\nName (Print): David Blei"
    c = clause_of(ALISTARH, block, "signatures", "Sage Moore", nth=3)
    answer = ask("Who signed for ICML on Sage Moore's agreement?", [(c, block)])
    assert answer.text.splitlines()[0] == "David Blei [1]"
    assert_values_are_spans(answer)
    term = clause_of(NDA, NDA_TERM, "7")
    after = ask("How long does confidentiality survive after the two (2) years?", [(term, NDA_TERM)])
    assert [v.text for v in after.values] == ["three (3) years"]  # of the other two, the one beside "survive"


@pytest.mark.parametrize("question, file, clause_id, quote", [
    # the quote states no amount: nothing is made up
    ("What is the cap on Jianfei Chen's liability under the indemnity?", ACTNN, "6.3",
     "You agree to indemnify the publisher against any claim or action alleging facts which, if true, constitute a "
     "breach of any of the foregoing warranties or other provisions of this agreement, as well as against any related "
     "damages, losses, liabilities, and expenses incurred by the publisher."),
    # "within one year" is not a date
    ("When does Xin Wang's publication agreement terminate?", XIN_WANG, "7",
     "It will terminate if the publisher does not publish, in any medium, the article within one year of the date of "
     "your signature."),
    # the name is on the line before the quote, not in it
    ("Who is the corresponding author on the ActNN paper's agreement?", ACTNN, "preamble",
     '(name of corresponding author who signs on behalf of any other authors, collectively "you") and PMLR, '
     '("the publisher").'),
    # two different dates, nothing says which one is meant
    ("When did the consulting parties sign?", LEASE, "signatures",
     "By: /s/ Nadia Kowalski, Chief Executive Officer\nDate: 3 June 2024\n\nDR. HELENA MARSH\nSignature: /s/ Helena "
     "Marsh\nDate: 4 June 2024"),
    # two people sign and the question does not say for whom
    ("Who signed the agreement?", ALISTARH, "signatures",
     "Signature: Michael Goin\n\nDate: Sep 23, 2020\n\nName (Print): David Blei"),
    # a court that strikes a provision down is not a forum
    ("If there is a dispute, where would it be heard?", ALISTARH, "8",
     "If any provision of this Agreement is held to be invalid or unenforceable by a court, the remaining provisions "
     "of this Agreement will remain in effect."),
])
def test_without_a_certain_value_the_answer_is_left_as_it_was(question, file, clause_id, quote):
    c = clause_of(file, quote, clause_id)
    answer = ask(question, [(c, quote)])
    assert answer.values == () and answer.groups == ()
    assert answer.text == f"Acme (clause {clause_id}): \"{display(quote)}\" [1]"


# -- yes or no -------------------------------------------------------------------------------------

ALISTARH_5 = ("I understand I will not receive compensation for ICML use and publication of the Articles and that ICML "
              "is not obligated to use my name, likeness or Articles.")
ALISTARH_EDIT = ("If ICML does elect to use my name, likeness, or Articles, in whole or part; ICML may edit, check for "
                 "accuracy, revise, augment, re-title, and adapt all Articles and authorize others to make such "
                 "changes in the Articles as ICML may deem appropriate.")
ALISTARH_2 = ("I will not authorize the publication of the Articles by any organization other than ICML until at least "
              "60 days after first publication of the Articles by ICML.")
LEASE_DEFAULT = ("If Lessee fails to pay rent within fifteen (15) days after it is due, Lessor may terminate the "
                 "Lease and repossess the Equipment.")
NDA_NO_LICENCE = ("Nothing in this Agreement grants either Party any licence or other right in the other Party's "
                  "patents, copyrights or trade secrets.")
CONTRACTOR = ("Consultant is an independent contractor, and nothing in this Agreement creates an employment, "
              "partnership or agency relationship.")
NDA_OBLIGATIONS = ("The Recipient shall use the Confidential Information only for the Purpose, shall protect it with at "
                   "least reasonable care, and shall disclose it only to its employees and advisers who need to know "
                   "it for the Purpose and are bound by duties of confidence no less strict than these.")
CONVENIENCE = ("Client may terminate this Agreement for any reason on sixty (60) days' prior written notice to "
               "Consultant.")


@pytest.mark.parametrize("question, file, clause_id, quote, first, said", [
    ("May the Consultant assign this Agreement?", LEASE, "5.1", "The Consultant may not assign this Agreement.",
     "No [1]", ("no", "may not assign")),
    ("Can the Client terminate the Agreement on notice?", SERVICES, "3.2", CONVENIENCE, "Yes [1]",
     ("yes", "may terminate")),
    ("Will Dan Alistarh receive compensation?", ALISTARH, "5", ALISTARH_5, "No [1]", ("no", "will not receive")),
    ("Must ICML use the author's name?", ALISTARH, "5", ALISTARH_5, "No [1]", ("no", "is not obligated to use")),
    ("Can ICML edit or re-title the articles?", ALISTARH, "5", ALISTARH_EDIT, "Yes [1]", ("yes", "may edit")),
    ("Does Mark Kurtz have to indemnify ICML?", ALISTARH, "4",
     "Furthermore, I promise to indemnify, defend and hold harmless ICML against any and all third party claims "
     "arising from this Agreement or related Articles.", "Yes [1]", ("yes", "promise to indemnify")),
    ("Does the agreement bind the author's heirs?", XIN_WANG, "7",
     "It will bind and benefit our respective assigns and successors in interest, including your heirs.",
     "Yes [1]", ("yes", "will bind")),
    # the question's verb in the contract's word for it: "keep" asked, "retain" stated; "transfer", "assign"
    ("Does the author keep the copyright?", XIN_WANG, "4",
     "You retain ownership of all rights under copyright in all versions of the article, and all rights not "
     "expressly granted in this agreement.", "Yes [1]", ("yes", "You retain")),
    ("May the Consultant transfer this Agreement?", LEASE, "5.1", "The Consultant may not assign this Agreement.",
     "No [1]", ("no", "may not assign")),
    ("Is the licence exclusive?", ALISTARH, "1",
     "I hereby grant to ICML a non-exclusive, perpetual, royalty-free, fully-paid, fully-assignable license",
     "No [1]", ("no", "non-exclusive")),
    # "Nothing in this Agreement grants ...": a plain no, not "Agreement grants" (a yes); and the
    # question as the answer sees it, the words naming the agreement taken out ("does the grant a licence?")
    ("Does the grant a licence?", NDA, "6", NDA_NO_LICENCE, "No [1]", ("no", "Nothing in this Agreement grants")),
    ("Does the services agreement create a partnership?", SERVICES, "4.2", CONTRACTOR, "No [1]",
     ("no", "nothing in this Agreement creates")),
    # asked beyond what the sentence confines the verb to ("only for the Purpose"): a plain no, the
    # span running to the word that confines it
    ("Can the Recipient use the information for any purpose other than the Purpose?", NDA, "3", NDA_OBLIGATIONS,
     "No [1]", ("no", "shall use the Confidential Information only")),
    ("May Birch disclose confidential information to anyone other than its employees?", NDA, "3", NDA_OBLIGATIONS,
     "No [1]", ("no", "shall disclose it only")),
    # asked in a manner the written form excludes ("orally", "by phone"): a plain no, the span running to
    # "only in writing"
    ("Can the agreement be changed orally?", XIN_WANG, "7", XIN_WANG_WRITING, "No [1]",
     ("no", "may be modified only in writing")),
    ("May the agreement be amended by phone?", NDA, "11", NDA_ENTIRE, "No [1]", ("no", "may be amended only in a writing")),
    # "another distributor" is "any other distributor": "another" says which, not what
    ("May Vantor appoint another distributor in the Territory?", DISTRIBUTION, "1", DISTRIBUTION_APPOINT, "No [1]",
     ("no", "shall not appoint")),
    # the "only" asked is the one stated: a plain yes
    ("Must the Recipient use the information only for the Purpose?", NDA, "3", NDA_OBLIGATIONS,
     "Yes [1]", ("yes", "shall use the Confidential Information only")),
    # a condition put before the question proper: what follows the comma is asked (the "not" in the
    # condition is no "doesn't it ...?")
    ("If ICML does not publish Dan Alistarh's articles, will he receive compensation?", ALISTARH, "5", ALISTARH_5,
     "No [1]", ("no", "will not receive")),
    ("Under the services agreement, may the Client terminate on notice?", SERVICES, "3.2", CONVENIENCE, "Yes [1]",
     ("yes", "may terminate")),
    # the verb asked is listed after the modal's first ("shall return or destroy")
    ("Must the Recipient destroy the Confidential Information?", NDA, "5",
     "Within ten (10) days after a written request, the Recipient shall return or destroy all Confidential "
     "Information of the Discloser and certify in writing that it has done so.", "Yes [1]",
     ("yes", "shall return or destroy")),
])
def test_yes_or_no_only_when_the_sentence_says_it(question, file, clause_id, quote, first, said):
    c = clause_of(file, quote, clause_id)
    answer = ask(question, [(c, quote)])
    # the verdict, with the words that state it (tests/test_snippets.py pins the window)
    assert answer.text.splitlines()[0] == f"{first.removesuffix(' [1]')}: \"{snippet(quote, question)}\" [1]"
    assert answer.text.splitlines()[1] == f"Acme (clause {clause_id}): \"{display(quote)}\" [1]"
    assert [(v.kind, v.text) for v in answer.values] == [said]
    assert_values_are_spans(answer)


@pytest.mark.parametrize("question, file, clause_id, quote, first", [
    # the verb asked about is "include", not the "does not libel" inside the warranty
    ("Does the ActNN agreement include a warranty that the article does not libel anyone?", ACTNN, "6.3",
     "The article does not libel anyone, invade anyone's copyright or otherwise violate any statutory or common law "
     "right of anyone, and that you have made all reasonable efforts to ensure the accuracy of any factual "
     "information contained in the article.", "Clause 6.3 addresses this, without a plain yes or no [1]"),
    # the sentence holds one word of what is asked, not all of it: a domain name, not a company name; another
    # distributor, not a sales agent; a non-exclusive right, not exclusive rights (each was a plain answer)
    ("Can the Distributor register its own company name?", DISTRIBUTION, "6", DISTRIBUTION_REGISTER,
     "Clause 6 addresses this, without a plain yes or no [1]"),
    ("May Vantor appoint another sales agent in the Territory?", DISTRIBUTION, "1", DISTRIBUTION_APPOINT,
     "Clause 1 addresses this, without a plain yes or no [1]"),
    ("Does the agreement grant exclusive rights?", SAAS, "2.1", SAAS_GRANT,
     "Clause 2.1 addresses this, without a plain yes or no [1]"),
    # "only in writing" answers a manner asked beyond it, not the one it allows
    ("Can the agreement be changed in writing?", XIN_WANG, "7", XIN_WANG_WRITING,
     "Clause 7 addresses this, without a plain yes or no [1]"),
    # "are there ...?" asks whether something exists: "agreement" is no adjective the sentence calls the
    # third parties (it was "Yes" to "third party claims arising from this Agreement")
    ("Are there third-party beneficiaries of the agreement?", ALISTARH, "4", ALISTARH_THIRD_PARTY,
     "Clause 4 addresses this, without a plain yes or no [1]"),
    # "until at least 60 days": not a plain no
    ("May the author let another organization publish the articles?", ALISTARH, "2", ALISTARH_2,
     "Clause 2 addresses this, without a plain yes or no [1]"),
    # another party's right: the Client may terminate, which says nothing of the Consultant
    ("Can the Consultant terminate the Agreement on notice?", SERVICES, "3.2", CONVENIENCE,
     "Clause 3.2 addresses this, without a plain yes or no [1]"),
    # the Lessor may terminate only if the rent is late: a condition, so no plain yes
    ("Can the Lessor terminate the Lease?", LEASE, "6", LEASE_DEFAULT,
     "Clause 6 addresses this, without a plain yes or no [1]"),
    # "not obligated to use" answers "must", not "will"
    ("Will ICML use the author's name?", ALISTARH, "5", ALISTARH_5,
     "Clause 5 addresses this, without a plain yes or no [1]"),
    # only in writing: a condition, so no plain yes
    ("Can the agreement be modified?", XIN_WANG, "7", XIN_WANG_WRITING,
     "Clause 7 addresses this, without a plain yes or no [1]"),
])
def test_otherwise_a_yes_no_question_is_told_which_clause_addresses_it(question, file, clause_id, quote, first):
    c = clause_of(file, quote, clause_id)
    answer = ask(question, [(c, quote)])
    assert answer.values == ()
    assert answer.text.splitlines()[0] == f"{first.removesuffix(' [1]')}: \"{snippet(quote, question)}\" [1]"
    assert answer.text.splitlines()[1].startswith("Acme (clause ")


def test_a_yes_no_question_naming_the_value_the_quote_states_is_confirmed():
    c = clause_of(XIN_WANG, XIN_WANG_LAW, "7")
    assert ask("Is Xin Wang's agreement governed by Massachusetts law?", [(c, XIN_WANG_LAW)]).text.splitlines()[0] \
        == "Yes: Massachusetts [1]"
    choice = ask("Is Xin Wang's agreement under California or Massachusetts law?", [(c, XIN_WANG_LAW)])
    assert choice.text.splitlines()[0] == "Massachusetts [1]"
    other = ask("Is Xin Wang's agreement governed by California law?", [(c, XIN_WANG_LAW)])
    assert other.text.splitlines()[0] == "Massachusetts [1]"  # the quote's value, never a "Yes"


def test_values_survive_to_dict():
    c = clause_of(NDA, NDA_LAW, "10")
    data = ask("Which state's law governs the NDA?", [(c, NDA_LAW)]).to_dict()
    at = c.start + c.text.index(NDA_LAW) + NDA_LAW.index("Delaware")
    assert data["values"] == ({"text": "Delaware", "start": at, "end": at + 8, "kind": "law", "citation": 0},)
    assert data["groups"] == ()


@pytest.mark.parametrize("question, sentence, said", [
    # "shall make no use of": the verb's object is denied, which says nothing of making copies
    ("May the Recipient make copies of the Confidential Information?",
     "The Recipient shall make no use of the Confidential Information to the detriment of the Discloser.", None),
    ("May the Recipient make copies of the Confidential Information?",
     "The Recipient may make copies of the Confidential Information.", ("yes", "may make")),
    # "solely" confines the verb as "only" does
    ("Can the Recipient use the Confidential Information?",
     "The Recipient shall use the Confidential Information solely for evaluating the Transaction.", None),
    ("Can the Recipient use the Confidential Information for other purposes?",
     "The Recipient shall use the Confidential Information solely for evaluating the Transaction and for no other "
     "purpose.", ("no", "shall use the Confidential Information solely")),
    ("Must the Recipient use the Confidential Information solely for the Transaction?",
     "The Recipient shall use the Confidential Information solely for evaluating the Transaction.",
     ("yes", "shall use the Confidential Information solely")),
    # an "only" asked that the sentence does not state: a condition the sentence leaves open
    ("Must the Recipient use the Confidential Information only for the Transaction?",
     "The Recipient shall use the Confidential Information with reasonable care.", None),
    # a word said only after "non-", also when a line break split it: not said; every word asked is
    # (but whose or which: "rights" says nothing a licence does not)
    ("Does the agreement grant exclusive rights?",
     "The Company hereby grants to Seller a perpetual, non-exclusive, royalty-free license under the Patents.", None),
    ("Does the agreement grant exclusive rights?",
     "The Company hereby grants to Seller a perpetual, non- exclusive, royalty-free license under the Patents.", None),
    ("Does the agreement grant exclusive rights?",
     "The Company hereby grants to Seller a perpetual, exclusive, royalty-free license under the Patents.",
     ("yes", "hereby grants")),
    ("Is a party barred from soliciting the other party's customers?",
     "Neither party shall solicit the employees of the other party during the Term.", None),
    # "are there ...?" asks whether the agreement says it at all: the quote is the answer, not a yes
    ("Are there restrictions on raising prices?", "You shall pay the prices set out in Exhibit A.", None),
    # an exception to the "only": no plain no
    ("Can the Recipient use the Confidential Information for other purposes?",
     "The Recipient shall use the Confidential Information solely for evaluating the Transaction, unless the "
     "Discloser agrees otherwise in writing.", None),
    # "provided by" says which samples, "provided that" makes a proviso (the first was read as the second)
    ("May the Receiving Party decompile the samples?",
     "The Receiving Party shall not decompile or reverse engineer any samples provided by the Disclosing Party.",
     ("no", "shall not decompile")),
    ("May the Receiving Party disclose the information to its advisers?",
     "The Receiving Party may disclose the information to its advisers, provided that they are bound by "
     "confidentiality.", None),
    ("May the Receiving Party disclose the information to its advisers?",
     "The Receiving Party may disclose the information to its advisers, provided, however, that they are bound.",
     None),
])
def test_a_verdict_reads_what_the_verb_is_confined_to_or_denied(question, sentence, said):
    from assistant.types import Citation
    from assistant.verdict import verdict

    text = "Intro. " + sentence
    found = verdict(question, [Citation("f.txt", "Acme", "4", text, 100, 100 + len(text), 0.9)], [0])
    assert (found and (found.kind, found.text)) == (said or None)
    if found:
        assert text[found.start - 100:found.end - 100] == found.text


_ITEMS = ("Customer shall not (a) resell or sublicense the Service, (b) reverse engineer any part of the Service, or "
          "(c) use the Service to build a competing product.")


@pytest.mark.parametrize("question, said", [
    # the modal's verb stood behind "(a)", and the later items' verbs were not read as its own
    ("Can the Customer resell the Service?", ("no", "shall not (a) resell")),
    ("May the Customer sublicense the Service?", ("no", "shall not (a) resell or sublicense")),
    ("Can the Customer reverse engineer the Service?", ("no", "shall not (a) resell or sublicense the Service, (b) "
                                                              "reverse")),
    ("Can the Customer use the Service to build a competing product?",
     ("no", "shall not (a) resell or sublicense the Service, (b) reverse engineer any part of the Service, "
            "or (c) use")),
    # an item says no only to all it names: "use the Service to build a competing product" forbids no other use
    ("Can the Customer use the Service?", None),
])
def test_a_verdict_reads_each_item_of_a_list_the_modal_governs(question, said):
    from assistant.types import Citation
    from assistant.verdict import verdict

    text = "Intro. " + _ITEMS
    found = verdict(question, [Citation("f.txt", "Orbit", "2.2", text, 100, 100 + len(text), 0.9)], [0])
    assert (found and (found.kind, found.text)) == (said or None)
    if found:
        assert text[found.start - 100:found.end - 100] == found.text


def test_a_liability_denied_to_either_party_is_a_plain_no():
    quote = ("Neither party shall be liable for any loss of profit or any indirect or consequential loss. "
             "The Supplier shall be liable for recall costs unless the Buyer caused the recall.")
    c = Clause(file="supply.txt", agreement=1, agreement_label="Tamsin", clause_id="7.1", heading="", start=0,
               end=len(quote), text=quote)
    # the adjective ("liable") was no last word, and "be" no verb the question asks: no verdict was given
    answer = ask("Is either party liable for lost profits?", [(c, quote)])
    assert [(v.kind, v.text, v.start, v.end) for v in answer.values] == [("no", "Neither party shall be liable", 0, 29)]
    assert answer.text.startswith('No: "Neither party shall be liable')
    # liable for what the sentence does not name, or only "unless": no plain answer
    assert not [v for v in ask("Is either party liable for late delivery?", [(c, quote)]).values if v.kind in ("yes", "no")]
    assert not [v for v in ask("Is the Supplier liable for recall costs?", [(c, quote)]).values if v.kind in ("yes", "no")]
    # "indirect or consequential loss" shares "loss" with a direct loss asked about, and says nothing of it
    direct = ask("Is either party liable for direct loss?", [(c, quote)])
    assert not [v for v in direct.values if v.kind in ("yes", "no")]


def test_a_liability_denied_to_every_party_answers_for_the_party_the_question_names():
    from assistant.types import Citation
    from assistant.verdict import verdict

    # "Orbit" named the agreement, so "liable for lost profits" was asked of no one; "Neither party" is Orbit too
    text = ("Neither party shall be liable for any indirect, incidental or consequential damages, "
            "or for loss of profits.")
    cited = [Citation("saas.txt", "Orbit", "10.1", text, 100, 100 + len(text), 0.9)]
    found = verdict("Is liable for lost profits?", cited, [0], as_asked="Is Orbit liable for lost profits?")
    assert (found.kind, found.text, found.start, found.end) == ("no", "Neither party shall be liable", 100, 129)
    assert verdict("Is liable for direct damages?", cited, [0], as_asked="Is Orbit liable for direct damages?") is None


@pytest.mark.parametrize("question, event", [
    ("When must the Consultant be paid?", True),
    ("Under the NDA, when must information be returned?", True),
    ("How soon must the Supplier deliver?", True),
    ("How quickly must adverse events be reported?", True),
    ("How fast must the Provider restore the Service?", True),
    ("When was it signed?", False),  # the agreement's own dates: its opening or its blocks give them
    ("When does the agreement take effect?", False),
    ("When does the licence come into force?", False),
    ("When did the term begin?", False),
    ("What happens when the term is over?", False),  # "what" is asked
    ("When does this agreement expire?", False),  # its own end: an opening may give it
    ("When may the Customer terminate?", False),
])
def test_a_question_asks_when_something_happens_under_the_agreement(question, event):
    assert asks_event_time(question) is event


@pytest.mark.parametrize("question, kinds", [
    # "when" opens a condition of a what-question: no date is asked
    ("What must the Consultant deliver when the agreement ends?", ()),
    ("What is the effective date?", ("date",)),
    ("When does the agreement end?", ("date", "duration")),
])
def test_a_when_condition_of_a_what_question_asks_no_date(question, kinds):
    from assistant.values import wanted

    assert wanted(question, question_types(question)) == kinds



@pytest.mark.parametrize("question, said", [
    # what the agreement rules on, asked as a state: a prohibition's yes is the sentence's no (there was
    # no plain answer)
    ("Is reverse engineering prohibited?", ("yes", "shall not decompile or reverse")),
    ("Is decompiling the samples forbidden?", ("yes", "shall not decompile")),
    ("Is the Receiving Party barred from decompiling the samples?", ("yes", "shall not decompile")),
    ("Is reverse engineering allowed?", ("no", "shall not decompile or reverse")),
    ("Is reverse engineering not prohibited?", None),  # either answer could be read either way
    ("Is the Receiving Party allowed to decompile the samples?", ("no", "shall not decompile")),  # as before
])
def test_a_verdict_reads_a_prohibition_asked_as_a_state(question, said):
    from assistant.types import Citation
    from assistant.verdict import verdict

    text = "The Receiving Party shall not decompile or reverse engineer any samples provided by the Disclosing Party."
    found = verdict(question, [Citation("f.txt", "Lumen", "4", text, 100, 100 + len(text), 0.9)], [0])
    assert (found and (found.kind, found.text)) == (said or None)
    if found:
        assert text[found.start - 100:found.end - 100] == found.text


@pytest.mark.parametrize("question, sentence, stated", [
    # a notice period is not how long the term runs (the ninety days were given as the term)
    ("How long is the term of the agreement?",
     "This Agreement continues for three (3) years unless either party gives notice of non-renewal at least "
     "ninety (90) days before the end of the term.", "three (3) years"),
    ("How long does the agreement last?",
     "Either party may end this Agreement on thirty (30) days' prior written notice; otherwise it lasts two (2) "
     "years.", "two (2) years"),
    # asked as notice, the notice period is the answer
    ("How many days' notice of non-renewal must a party give?",
     "This Agreement continues for three (3) years unless either party gives notice of non-renewal at least "
     "ninety (90) days before the end of the term.", "at least ninety (90) days"),
])
def test_a_notice_period_is_no_term(question, sentence, stated):
    from assistant.types import Citation
    from assistant.values import agreement_values

    cited = [Citation("f.txt", "Acme", "3", sentence, 100, 100 + len(sentence), 0.9, clause_text=sentence,
                      clause_start=100)]
    found = agreement_values(question, ("duration",), cited, [0])
    assert [(v.kind, v.text) for v in found] == [("duration", stated)]
    assert sentence[found[0].start - 100:found[0].end - 100] == stated


@pytest.mark.parametrize("question, stated", [
    # a renewal's period is not how long the term runs (none of the two was stated: a tie)
    ("How long is the term of the agreement?", "three (3) years"),
    # asked of the renewals, it is
    ("For how long is each renewal?", "two (2) years"),
])
def test_a_renewal_period_is_no_term(question, stated):
    from assistant.types import Citation
    from assistant.values import agreement_values

    sentence = "This Agreement continues for three (3) years and then renews for successive periods of two (2) years."
    cited = [Citation("f.txt", "Acme", "3", sentence, 100, 100 + len(sentence), 0.9, clause_text=sentence,
                      clause_start=100)]
    found = agreement_values(question, ("duration",), cited, [0])
    assert [(v.kind, v.text) for v in found] == [("duration", stated)]


@pytest.mark.parametrize("quote, said", [
    # how an agreement refers to itself in capitals is no title: "THIS AGREEMENT [1]" led such answers
    ("THIS AGREEMENT is made on 26 September 2019", []),
    ("SERVICE AGREEMENT\nTHIS AGREEMENT is made on 26 September 2019", ["SERVICE AGREEMENT"]),
    ("THIS SUPPLY AGREEMENT is dated 3 May 2024", ["SUPPLY AGREEMENT"]),
])
def test_an_agreement_calling_itself_this_agreement_gives_no_title(quote, said):
    from assistant.shapes import FINDERS
    from assistant.types import Citation

    cited = Citation("f.txt", "A", "preamble", quote, 0, len(quote), 0.9)
    assert [quote[a:b] for a, b in FINDERS["title"](quote, "What is the title of this agreement?", cited)] == said
