"""Questions asked in everyday business phrases ("does it roll over?", "can we walk away?") answered
from the clause that says it in the contract's words (assistant/plain_words.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer import not_found
from assistant.plain_words import contract_wording, in_contract_words

CONTRACTS = Path(__file__).resolve().parent / "contracts"
FILES = ("saas_orbit_fenwick.txt", "distribution_vantor_selk.txt", "employment_halden_ruiz.txt",
         "licence_northwind_quill.md")


@pytest.mark.parametrize("question, analysed", [
    ("Does this deal roll over?", "Does this deal roll over (renew)?"),
    ("If we don't want it to roll over, how early do we have to tell them?",
     "If we don't want it to roll over (renew), how early do we have to tell them (notice)?"),
    ("Can we walk away early?", "Can we walk away (terminate) early?"),
    ("What if they go bust?", "What if they go bust (insolvency)?"),
    ("Can Vantor check our books?", "Can Vantor check our books (audit records)?"),
    # poaching customers is soliciting them, not their employees
    ("customer poaching ban?", "customer poaching (solicit) ban?"),
    ("Who owns the stuff she builds at work?", "Who owns the stuff she builds (intellectual property) at work?"),
    ("What's the most either side could owe the other in a year?",
     "What's the most either side could owe (liability cap) the other in a year?"),
    ("Can we walk away if they mess up badly?", "Can we walk away (terminate) if they mess up (breach) badly?"),
    ("How often can they put their prices up?", "How often can they put their prices up (increase)?"),
    ("What if we're slow paying a bill?", "What if we're slow paying (late payment interest) a bill?"),
    ("When do the goods become our problem?", "When do the goods become our problem (risk title pass)?"),
    ("Can the NDA move over to the buyer?", "Can the NDA move over to the buyer (assign transfer)?"),
    ("Are we locked into using only them?", "Are we locked into (exclusive) using only them?"),
    ("Can we buy from other suppliers, or only from them?",
     "Can we buy from other suppliers, or only from them (exclusive)?"),
    ("Is their code safe in case they fold?", "Is their code safe in case they fold (insolvency)?"),
    ("Do we get rights to things owned by their sister companies?",
     "Do we get rights to things owned by their sister companies (affiliates)?"),
    ("Can we roll it out to as many people as we want?",
     "Can we roll it out to as many people as we want (unlimited)?"),
    ("Can they supply the same stuff to anyone else?", "Can they supply the same stuff to anyone else (exclusive)?"),
    # a phrase whose contract word the question says already adds nothing
    ("Does the contract roll over, that is renew?", "Does the contract roll over, that is renew?"),
    # no everyday phrase: as asked
    ("Which law governs the agreement?", "Which law governs the agreement?"),
    # a limit on ordering is a volume, not a liability cap
    ("Is there a limit on how much we can order?", "Is there a limit on how much we can order (volume maximum)?"),
    # how an NDA's information was given and marked, and whether it binds anyone to a deal
    ("We told them some things on a teleconference. Is that protected?",
     "We told them some things on a teleconference (orally). Is that protected?"),
    ("Must documents be stamped 'confidential' to be covered?",
     "Must documents be stamped 'confidential' (marked) to be covered?"),
    ("Does signing this NDA bind either company to go ahead with the joint venture?",
     "Does signing this NDA bind either company to go ahead (obligation proceed transaction definitive agreement) "
     "with the joint venture?"),
    ("Can they tell anyone that we are in talks?", "Can they tell anyone that we are in talks (discussions)?"),
    ("Can they share it with banks that may finance the deal?",
     "Can they share it (disclose) with banks that may finance (financing sources) the deal?"),
    ("Can the bidder label its own products?", "Can the bidder label its own products?"),  # no marking as confidential
    ("Does it forbid hiring away our people?", "Does it forbid hiring away (solicit employees) our people?"),
    ("Could we hire someone who answers a public job posting?",
     "Could we hire someone who answers a public job posting (solicit employees)?"),
    # consent, handing the deal on, the end of the term, leaving without a reason
    ("Do we need the landlord's OK to sublet?", "Do we need the landlord's OK (consent) to sublet?"),
    ("Can we pass this agreement on to our parent?", "Can we pass this agreement on (assign transfer) to our parent?"),
    ("Can they hand this contract off to another company?",
     "Can they hand this contract off (assign transfer) to another company?"),
    ("Can this contract be handed over to another company?",
     "Can this contract be handed over to (assign transfer) another company?"),
    ("Can the data be handed over to a regulator?", "Can the data be handed over to a regulator?"),  # information
    ("acquisition of a party?", "acquisition of a party (change control)?"),
    # a short form is searched as asked: a contract may say "Licensed IP"
    ("Who owns the IP?", "Who owns the IP?"),
    ("When will the lease end?", "When will the lease end (term expire)?"),
    ("Can either side quit for no reason?", "Can either side quit for no reason (convenience without cause)?"),
    ("Does the agreement just keep running year after year?",
     "Does the agreement just keep running (renew) year after year?"),
    # money, competing, exclusivity and the licence
    ("Is there a price floor for the units?", "Is there a price floor (minimum) for the units?"),
    ("Is there no cap on indemnity?", "Is there no cap (liability unlimited) on indemnity?"),
    ("Which screw-ups void the warranty?", "Which screw-ups (breach) void the warranty?"),
    ("Could they branch out into our market?", "Could they branch out into our market (compete)?"),
    ("Are we the only distributor that may sell in Spain?",
     "Are we the only distributor that (exclusive) may sell in Spain?"),
    ("Do we get rights to their software?", "Do we get rights to their software (license)?"),
    ("What are we allowed to do with the other side's technology?",
     "What are we allowed to do with the other side's technology (license use)?"),
    ("What are we permitted to use of theirs?", "What are we permitted to use of theirs (license)?"),
    ("What do we do with their invoices?", "What do we do with their invoices?"),
    ("Can we let third parties use the data?", "Can we let third parties use (sublicense) the data?"),
    ("Is the licence granted indefinitely?", "Is the licence granted indefinitely (perpetual irrevocable)?"),
    ("Does ownership of the code move over to us?",
     "Does ownership of the code move over to us (assign intellectual property)?"),
    ("Does the supplier get first dibs on new orders?",
     "Does the supplier get first dibs (right of refusal offer) on new orders?"),
    ("Is there a ceiling on how much they owe us if they mess up?",
     "Is there a ceiling on how much they owe (liability cap) us if they mess up (breach)?"),
    ("Are there any kinds of damage where there's no ceiling on how much they'd have to pay us?",
     "Are there any kinds of damage where there's no ceiling (unlimited) on how much they'd have to pay "
     "(liability cap) us?"),
    ("Do we owe them a cut of what we make selling this?",
     "Do we owe them a cut of what we make (revenue share royalty) selling this?"),
    # a limit on what may be ordered is a volume limit, not a liability cap
    ("Is there a limit on how much we can order?", "Is there a limit on how much we can order (volume maximum)?"),
    # a floor of a building and a ceiling to repair are no minimum or cap
    ("Is the new tenant on the third floor of the building?", "Is the new tenant on the third floor of the building?"),
    ("Who pays for the ceiling repairs?", "Who pays for the ceiling repairs?"),
])
def test_an_everyday_phrase_is_read_with_the_contracts_word_for_it(question, analysed):
    assert in_contract_words(question) == analysed


@pytest.mark.parametrize("question, worded", [
    ("How much warning does she have to give?", "How much notice does she have to give?"),
    ("What's the least we have to buy from them each year?", "What's minimum purchase from them each year?"),
    ("Which law governs the agreement?", "Which law governs the agreement?"),
    # short forms spelled out as contracts write them
    ("Who owns the IP she creates?", "Who owns the intellectual property she creates?"),
    ("Is there an SLA?", "Is there a service level?"),
    ("An SLA?", "A service level?"),
    ("How are POs placed?", "How are purchase orders placed?"),
    ("Send it to PO Box 4.", "Send it to PO Box 4."),
    ("Does it have a ROFR or an MFN?",
     "Does it have a right of first refusal offer negotiation or a most favored?"),
    ("Is the customer's IP address logged?", "Is the customer's IP address logged?"),
])
def test_the_checks_read_what_the_question_names_in_the_contracts_words(question, worded):
    assert contract_wording(question) == worded


def test_not_found_names_no_condition_or_contraction_as_the_topic():
    answer = not_found("If we don't want the service, can we return the hardware?", "1 agreement")
    assert answer.text == "Not found: no clause about want, service, hardware in 1 agreement."


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    from assistant import Assistant

    return Assistant.from_paths([str(CONTRACTS / f) for f in FILES],
                                index_dir=str(tmp_path_factory.mktemp("plain-words-idx")))


@pytest.mark.parametrize("file, question, clause, start, end", [
    # each was "Not found: no clause about ..." the idiom's words, or answered only as its kind's question
    # ("Does the agreement renew automatically, and for how long?")
    ("licence_northwind_quill.md", "Does the deal roll over automatically?", "6.1", 1789, 2029),
    ("saas_orbit_fenwick.txt", "If we don't want it to roll over, when do we have to tell them?", "4.2", 1573, 1768),
    ("distribution_vantor_selk.txt", "Can we walk away from this early without giving a reason?", "9", 3090, 3216),
    ("distribution_vantor_selk.txt", "What happens if Selk gets bought by another firm?", "10", 3371, 3571),
    # "warning" is no word of the contract: the quantity check read it as missing
    ("employment_halden_ruiz.txt", "How much warning does she have to give before quitting?", "5.1", 1386, 1533),
    ("saas_orbit_fenwick.txt", "Can we walk away if they mess up badly?", "5.1", 1789, 1947),
    ("saas_orbit_fenwick.txt", "How fast will they warn us if they get hacked?", "7.2", 2636, 2807),
    ("saas_orbit_fenwick.txt", "What's the most we could ever claim from them?", "10.2", 3566, 3708),
    # a licence "to use Vantor's trademarks" is what lets the distributor use Vantor's logo
    ("distribution_vantor_selk.txt", "Can we use their logo in our ads?", "6", 2163, 2317),
    # each was refused, or quoted the opening or a change-of-control clause
    ("distribution_vantor_selk.txt", "Does Selk need Vantor's OK before handing the deal over to another company?",
     "13", 4048, 4129),
    ("distribution_vantor_selk.txt", "Can either side pull out for no reason?", "9", 3090, 3216),
    ("distribution_vantor_selk.txt", "What's the end date of the deal?", "9", 2999, 3089),
    ("saas_orbit_fenwick.txt", "Is there a cap on what they'd pay if they screw up, or is there no maximum?", "10.2",
     3566, 3708),
    ("licence_northwind_quill.md", "Can we let other companies use the licensed content?", "7.1", 2251, 2413),
    # what one may do with the other side's property is what its licence grants (each was refused, or quoted a
    # restriction on registering marks)
    ("distribution_vantor_selk.txt", "What are we allowed to do with their trademarks?", "6", 2163, 2317),
    ("licence_northwind_quill.md", "What exactly may we do with the other side's materials?", "2.1", 769, 944),
    # each was refused: "no clause about ... acquisition, party"
    ("distribution_vantor_selk.txt", "What happens on an acquisition of a party?", "10", 3371, 3571),
])
def test_a_question_in_business_words_cites_the_clause_in_the_contracts_words(assistant, file, question, clause,
                                                                                start, end):
    answer = assistant.ask(question, files=[file])
    assert answer.found is True, answer.text
    first = answer.citations[0]
    assert (first.clause, first.start, first.end) == (clause, start, end)
    assert (CONTRACTS / file).read_text()[start:end] == first.quote
    assert answer.question == question  # the answer shows the question as typed, answered in its own words
    assert answer.answered_as == ""


@pytest.fixture(scope="module")
def supply_and_services(tmp_path_factory):
    from assistant import Assistant

    files = ("supply_tamsin_corrie.txt", "services_harbor_kestrel.txt")
    return Assistant.from_paths([str(CONTRACTS / f) for f in files],
                                index_dir=str(tmp_path_factory.mktemp("contract-words-idx")))


def test_a_refused_question_is_asked_again_in_the_contracts_words(supply_and_services, monkeypatch):
    """Asked in its own words, the idiom's words ("mess", "up") count as asked words the contract lacks;
    asked again with the contract's words in their place it must clear api.CONTRACT_WORDS_FOUND, which
    this agreement's cap clause does not at 0.6 (so the bar is lowered here to show the asking again)."""
    import assistant.api as api

    question = "Is there a ceiling on how much they owe us if they mess up?"
    assert not supply_and_services.ask(question, files=["supply_tamsin_corrie.txt"]).found
    monkeypatch.setattr(api, "CONTRACT_WORDS_FOUND", 0.3)
    answer = supply_and_services.ask(question, files=["supply_tamsin_corrie.txt"])
    assert answer.found is True, answer.text
    assert answer.answered_as == "Is there a liability cap us if they breach?" == contract_wording(question)
    assert answer.text.endswith('(Answered as "Is there a liability cap us if they breach?")')
    first = answer.citations[0]
    assert (first.clause, first.start, first.end) == ("7.2", 2974, 3118)
    assert first.quote.startswith("Each party's total liability under this agreement in any Contract Year shall not")
    # an agreement with no cap stays "not found" in either wording
    refused = supply_and_services.ask("Is there a ceiling on what Kestrel owes if it screws up?",
                                      files=["services_harbor_kestrel.txt"])
    assert refused.found is False and refused.answered_as == ""
    assert refused.text.startswith("Not found: no clause about ceiling, Kestrel, owes, screws, up in 1 agreement")


@pytest.mark.parametrize("contracts, file, question, reworded, clause, start, end", [
    ("assistant", "employment_halden_ruiz.txt", "Who owns the IP?", "Who owns the intellectual property?", "7.1",
     1888, 2081),
    ("assistant", "saas_orbit_fenwick.txt", "What's the SLA?", "What's the service level?", "6.2", 2228, 2384),
    ("supply_and_services", "supply_tamsin_corrie.txt", "How are POs placed?", "How are purchase orders placed?",
     "3.1", 1456, 1558),
    ("supply_and_services", "services_harbor_kestrel.txt", "What does the SOW cover?",
     "What does the statement of work cover?", "Exhibit A", 2742, 2909),
])
def test_a_short_form_the_contract_spells_out_is_asked_again_spelled_out(request, contracts, file, question, reworded,
                                                                          clause, start, end):
    """Each was "Not found: no clause about ... IP" (SLA, POs, SOW): the agreement writes it out in full."""
    answer = request.getfixturevalue(contracts).ask(question, files=[file])
    assert answer.found is True, answer.text
    assert answer.answered_as == reworded
    assert answer.text.endswith(f'(Answered as "{reworded}")')
    first = answer.citations[0]
    assert (first.clause, first.start, first.end) == (clause, start, end)
    assert (CONTRACTS / file).read_text()[start:end] == first.quote


def test_a_short_form_no_clause_spells_out_stays_not_found(assistant):
    answer = assistant.ask("Who owns the IP?", files=["licence_northwind_quill.md"])
    assert answer.found is False and answer.answered_as == ""
    assert answer.text == "Not found: no clause about owns, IP in 1 agreement in licence_northwind_quill.md."


NDAS = (CONTRACTS / "nda_acme_birch.txt", CONTRACTS.parent / "contracts_apart" / "nda_lumen_grayfield.txt")


@pytest.mark.parametrize("nda, question, clause, start, end", [
    # what a confidentiality agreement says of the information, asked as people say it (each was refused)
    (0, "Can we share it with our lawyers?", "3", 1200, 1480),
    (0, "What if we already knew it before they told us?", "2(b)", 1024, 1097),
    (0, "How do we officially send them a letter under this?", "9", 2539, 2732),
    (1, "Can we take their samples apart to see what's in them?", "4", 2652, 2815),
    (1, "What can they do to us if we leak it?", "9", 4383, 4660),
    (1, "Do they promise the info is accurate?", "8", 4169, 4368),
    # who may be told: information passed, sent or shown to someone, or a data room opened to them (each was refused)
    (0, "Can we send their drawings on to our outside advisers?", "3", 1200, 1480),
    (1, "Can Grayfield pass Lumen's financial information to its lenders?", "3", 2075, 2525),
    (1, "Can their accountants get access to the data room?", "3", 2075, 2525),
])
def test_an_nda_asked_in_everyday_words_cites_its_clause(ndas, nda, question, clause, start, end):
    path = NDAS[nda]
    answer = ndas.ask(question, files=[path.name])
    assert answer.found is True, answer.text
    first = answer.citations[0]
    assert (first.clause, first.start, first.end) == (clause, start, end)
    assert path.read_text()[start:end] == first.quote


@pytest.mark.parametrize("question, analysed", [
    ("Can we share it with our lawyers?", "Can we share it (disclose) with our lawyers?"),
    # sharing revenue is no disclosure, nor is passing a licence on
    ("Does one party have to share revenue or profits with the other?",
     "Does one party have to share revenue or profits with the other?"),
    ("Can the licence be passed on to someone else?", "Can the licence be passed on to someone else?"),
    ("What if a judge makes us hand it over?",
     "What if a judge makes us (disclose order required by law) hand it over?"),
    ("Does it count if they just tell us something verbally?",
     "Does it count if they just tell us something verbally?"),
    ("Can Birch pass our technical details along to its consultants?",
     "Can Birch pass our technical details along (disclose) to its consultants?"),
    ("Can our counsel look through the materials?", "Can our counsel look through the materials (disclose)?"),
    ("Can we look at it before signing?", "Can we look at it before signing?"),
    ("Can we send their drawings on to our outside advisers?",
     "Can we send their drawings on to (disclose) our outside advisers?"),
    ("Can Grayfield forward the forecasts on to its financial advisors?",
     "Can Grayfield forward the forecasts on to (disclose) its financial advisors?"),
    ("Are we allowed to show the other side's data to our accountants?",
     "Are we allowed to show the other side's data to (disclose) our accountants?"),
    ("Can their accountants get access to the data room?",
     "Can their accountants get access to the data room (disclose)?"),
    ("Have they sent our forecasts on to their lenders?",
     "Have they sent our forecasts on to (disclose) their lenders?"),
    # notice given, goods sent and samples handed back are no information passed on
    ("Do we have to give notice to them?", "Do we have to give notice to them?"),
    ("Can we send the goods to another warehouse?", "Can we send the goods to another warehouse?"),
    ("Must they hand the samples back to us?", "Must they hand the samples back (return destroy) to us?"),
])
def test_what_an_nda_protects_is_read_as_disclosed_only_when_information_is_passed_on(question, analysed):
    assert in_contract_words(question) == analysed
