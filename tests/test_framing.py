"""A question's chat framing (greetings, "could you tell me", "my manager wants to know", "thanks")
is taken off before it is read; what it asks stays word for word."""

from __future__ import annotations

import pytest

from assistant.framing import (asked_topic, is_keyword, plain_text, with_context, with_label, without_framing,
                               written_as_names)


@pytest.mark.parametrize("typed, asked", [
    ("Hi, could you check for me - does the agreement renew automatically?",
     "Does the agreement renew automatically?"),
    ("Quick question: what is the governing law?", "What is the governing law?"),
    ("I need to know: when does this agreement expire?", "When does this agreement expire?"),
    ("My boss wants to know who the parties are?", "Who the parties are?"),
    ("Legal is asking: can we assign the agreement?", "Can we assign the agreement?"),
    ("The CFO would like to know: what fees are payable?", "What fees are payable?"),
    ("Hello team, what is the cap on liability, please?", "What is the cap on liability?"),
    ("Sorry to bother you, but is there a non-compete?", "Non-compete"),  # a name asked whether it is there
    ("Hey there! Who signed for ICML?", "Who signed for ICML?"),
    ("Hi Priya Raman, who signed?", "Who signed?"),
    ("Hi what is the law?", "What is the law?"),
    ("Looking at our contract, who signed?", "Who signed?"),
    ("Just wondering, how long is the term?", "How long is the term?"),
    ("We'd like to confirm: who signed?", "Who signed?"),
    ("Okay, next one - who pays?", "Who pays?"),
    ("Would you mind telling me what the royalty is?", "What the royalty is?"),
    # a yes/no question asked indirectly is asked directly
    ("Do you know if the agreement can be assigned?", "Can the agreement be assigned?"),
    ("I'd like to know whether the licence is exclusive.", "Is the licence exclusive?"),
    ("Tell me if Acme Corp. has audit rights", "Does Acme Corp. have audit rights?"),
    ("Do you know whether the parties have agreed to arbitrate?", "Have the parties agreed to arbitrate?"),
    ("Can you check if the agreement renews automatically?", "The agreement renews automatically?"),
    ("I wonder if the cap on liability in the supply agreement between Acme and Birch is mutual?",
     "The cap on liability in the supply agreement between Acme and Birch is mutual?"),
    ("Please list the parties.", "List the parties."),
    ("Tell me about the termination rights", "The termination rights"),
    ("What law governs Xin Wang's agreement? Thanks!", "What law governs Xin Wang's agreement?"),
    ("Okay, and what about Xin Wang?", "And what about Xin Wang?"),
])
def test_chat_around_a_question_is_taken_off(typed, asked):
    assert without_framing(typed) == asked


@pytest.mark.parametrize("question", [
    "Who needs to know about a breach?",  # asked, not passed on
    "Does the licensee need to confirm receipt?",
    "In the Franchise Agreement between Airsopure International Group, Inc. and []: who are the parties?",
    "Who signed! Who signed for ICML?",
    "So who owns the IP?",
    "Before I sign off today: what is the governing law?",  # "sign" may be what is asked
    "Thanks!",  # nothing but framing: left as typed
    "Please",
])
def test_a_question_without_chat_framing_is_left_as_typed(question):
    assert without_framing(question) == question


@pytest.mark.parametrize("typed, asked", [
    ("who signed for ICML", "Who signed for ICML?"),
    ("Is the licence exclusive.", "Is the licence exclusive?"),
    ("Has Acme audit rights", "Has Acme audit rights?"),
    ("which agreements let the author publish elsewhere, and after how long",
     "Which agreements let the author publish elsewhere, and after how long?"),
    # asked of something first, then the asking word
    ("Under the Acme NDA, what must Birch do with materials",
     "Under the Acme NDA, what must Birch do with materials?"),
    ("In the supply agreement: who pays for shipping", "In the supply agreement: who pays for shipping?"),
    ("Hi, could you tell me who signed", "Who signed?"),
    # several marks read as one
    ("Who signed for ICML??", "Who signed for ICML?"),
    ("Can the licensee assign the licence?!", "Can the licensee assign the licence?"),
    ("Who signed?!? And when??", "Who signed? And when?"),
])
def test_a_question_typed_without_its_question_mark_gets_one(typed, asked):
    assert without_framing(typed) == asked


@pytest.mark.parametrize("typed", [
    "Governing law",  # a clause type typed as into a search box: no question to mark
    "The licence is exclusive.",  # a statement checked against the contract
    "Information about the parties",
    "Does it renew? and when",  # marked already
])
def test_what_asks_no_question_or_is_marked_keeps_its_punctuation(typed):
    assert without_framing(typed) == typed


@pytest.mark.parametrize("typed, said, asked", [
    ("We signed this deal last year and renewal is coming up. Which law governs the agreement?",
     "We signed this deal last year and renewal is coming up.", "Which law governs the agreement?"),
    ("I am reviewing the NDA with Birch. Can the recipient disclose to advisers?",
     "I am reviewing the NDA with Birch.", "Can the recipient disclose to advisers?"),
    ("We are the buyer. Who are the parties?", "We are the buyer.", "Who are the parties?"),
    ("Context first. Does Yihan He promise to indemnify ICML?",  # "He" is a name, not a pronoun
     "Context first.", "Does Yihan He promise to indemnify ICML?"),
    ("Some background. Does Xin Wang warrant that the article is original?",  # "that" opens a clause
     "Some background.", "Does Xin Wang warrant that the article is original?"),
    ("We are reviewing. Between whom is the NDA?", "We are reviewing.", "Between whom is the NDA?"),
    ("We are reviewing. If a court strikes part, does the rest apply?", "We are reviewing.",
     "If a court strikes part, does the rest apply?"),
])
def test_what_is_said_before_a_question_is_set_apart_from_it(typed, said, asked):
    assert with_context(typed) == (said, asked)


@pytest.mark.parametrize("typed, said, asked", [
    ("Which law governs the agreement? I need it for the board meeting.", "I need it for the board meeting.",
     "Which law governs the agreement?"),
    ("Is the licence exclusive? Thanks in advance for checking.", "Thanks in advance for checking.",
     "Is the licence exclusive?"),
    ("We are the buyer. Who are the parties? Asking for legal.", "We are the buyer. Asking for legal.",
     "Who are the parties?"),
    # nothing said first: "it" points within the question
    ("Who owns the IP, and is it assigned? Need this by Friday.", "Need this by Friday.",
     "Who owns the IP, and is it assigned?"),
    # several questions asked together, without the reason after them
    ("Which law governs Sage Moore's agreement? When did he sign it? No rush.", "No rush.",
     "Which law governs Sage Moore's agreement? When did he sign it?"),
])
def test_what_is_said_after_a_question_is_set_apart_from_it(typed, said, asked):
    assert with_context(typed) == (said, asked)


@pytest.mark.parametrize("typed", [
    "Can the licensee terminate early? Specifically for convenience.",  # narrowed after
    "May Birch share the information with advisers? Or with its affiliates.",
    "Does the licensee need consent? See clause 7.",  # a clause named after
    "We are the buyer. Who are the parties? When was it signed?",  # several questions after a scene
])
def test_a_question_narrowed_after_or_leaning_on_a_clause_is_asked_whole(typed):
    assert with_context(typed) == ("", typed)


def test_an_indirect_question_is_asked_directly_before_what_is_said_after_it():
    assert without_framing("Could you tell me whether Xin Wang's agreement can be changed orally? I need it today.") \
        == "Can Xin Wang's agreement be changed orally? I need it today."


@pytest.mark.parametrize("terms, said, named", [
    (("birch",), "I am reviewing the NDA with Birch.", True),
    (("point",), "This is for an internal review, so bullet points are fine.", False),
    (("harbor", "point"), "We signed with Harbor Point last year.", True),
    (("soni",), "This is about the deal with Sony.", True),  # a stem
    (("harbor", "point"), "We signed with Harbor last year, point taken.", False),
])
def test_a_name_said_around_a_question_counts_only_written_as_a_name(terms, said, named):
    assert written_as_names(terms, said) is named


@pytest.mark.parametrize("typed", [
    "Acme wants to assign the contract to its parent. Is that allowed?",  # pointing back
    "Northwind says the names are public. Can it rely on the carve-out for that data?",
    "Priya Lal signed for Birch. What is her title?",
    "Look at clause 7. Does the licensee need consent?",  # a clause named first
    "Which law governs Sage Moore's agreement? When was it signed?",  # two questions
    "Does Acme Corp. have audit rights?",  # one sentence
    "The licence is exclusive. The term is two years.",  # no question
])
def test_a_question_leaning_on_what_comes_first_is_asked_whole(typed):
    assert with_context(typed) == ("", typed)


@pytest.mark.parametrize("typed, keyword", [
    ("Expiration Date", True),
    ("non-compete clause", True),
    ("MFN", True),
    ("Expiration date?", False),  # asked
    ("Is it exclusive", False),  # opens with an asking word
    ("The licence is exclusive.", False),  # a statement
    ("termination for convenience by the customer", False),  # more than four words
])
def test_a_few_words_naming_a_topic_are_a_keyword(typed, keyword):
    assert is_keyword(typed) is keyword


@pytest.mark.parametrize("typed, asked", [
    ("- Which law governs?", "Which law governs?"),
    ("• who signed for ICML", "Who signed for ICML?"),
    ("3. Can the agreement be assigned?", "Can the agreement be assigned?"),
    ("(b) Is there a cap on liability?", "Is there a cap on liability?"),
    ("iv) How long is the term?", "How long is the term?"),
    ("Q3: Which law governs?", "Which law governs?"),
    ("2.1 how long do the warranties last", "How long do the warranties last?"),
    ('"Which law governs?"', "Which law governs?"),
    ("“Hi, could you tell me which law governs?”", "Which law governs?"),
    ("[Which law governs?]", "Which law governs?"),
    ("(Which law governs?)", "Which law governs?"),
    ("1. Governing Law", "Governing Law"),
    ('- Highlight the parts (if any) of this contract related to "Insurance" that should be reviewed by a lawyer.',
     "Insurance"),
])
def test_a_checklists_mark_or_quotes_around_a_question_are_taken_off(typed, asked):
    assert without_framing(typed) == asked


@pytest.mark.parametrize("typed", [
    "2.5 percent of net sales?",  # a number, not a section's mark
    "12 months' notice?",
    '"Affiliate" means what?',  # quotes around a word, not the question
    "- ?",
])
def test_a_number_or_quotes_that_belong_to_the_question_stay(typed):
    assert without_framing(typed) == typed


@pytest.mark.parametrize("typed, asked", [
    ('Highlight the parts (if any) of this contract related to "Governing Law" that should be reviewed by a lawyer.',
     "Governing Law"),
    ("Highlight the parts (if any) of this contract related to “Cap On Liability” that should be reviewed by a "
     "lawyer. Details: Does the contract include a cap on liability?", "Does the contract include a cap on liability?"),
    ("Identify any provisions relating to insurance", "insurance"),
    ("List all sections of the agreement concerning audit rights, for legal review.", "audit rights"),
    ("Find the clauses pertaining to 'Non-Compete' which should be reviewed by counsel", "Non-Compete"),
    ("Extract the language regarding the termination of the agreement for convenience.",
     "the termination of the agreement for convenience"),
    ("What does this contract say about Governing Law?", "Governing Law"),
    ('Highlight the parts of this agreement related to "Governing Law" and "Venue"', "Governing Law and Venue"),
    ("Identify the provisions relating to 'licensee's affiliates'", "licensee's affiliates"),
    ('what does the agreement say about "non-compete"', "non-compete"),
])
def test_a_request_for_the_passages_about_a_topic_asks_the_topic(typed, asked):
    assert asked_topic(typed) == asked
    assert without_framing(typed) == asked[0].upper() + asked[1:]


@pytest.mark.parametrize("question", [
    "Find the clause on assigning or transferring this agreement.",
    "Show me any provision paying a percentage of sales, revenue or profits to the other party.",
    "Which provisions relate to insurance?",  # a question
    "The parts of this contract related to insurance must be reviewed.",
    "What does the agreement say about whether it renews?",  # a question of its own
    "What does the NDA say about the return of materials?",  # names the agreement it asks about
])
def test_an_order_naming_what_it_wants_is_no_request_for_a_topic(question):
    assert asked_topic(question) == ""


@pytest.mark.parametrize("typed, asked", [
    ("Is there a change of control clause?", "change of control"),
    ("Does the agreement have a non-solicitation provision?", "non-solicitation"),
    ("Show me the change-in-control provisions.", "change-in-control"),
    ("Could you find the termination clause?", "termination"),
    ("Where's the audit clause?", "audit"),
    ("Is there a most favored nation clause in this agreement?", "most favored nation"),
    ("Is there a clause on termination for convenience?", "termination for convenience"),
    ("Is there any clause about the right of first refusal?", "right of first refusal"),
    ("Is there an agreement date clause?", "agreement date"),  # "agreement" in a name
    ("What does the termination clause in this agreement say?", "termination"),
    ("Can you summarize the indemnification clause?", "indemnification"),
    ("What's the MFN clause?", "MFN"),
    ("Tell me about the insurance provisions.", "insurance"),
    # a name asked whether it is there
    ("Is there a non-compete?", "non-compete"),
    ("Any change of control?", "change of control"),
    ("Is there exclusivity?", "exclusivity"),
])
def test_a_search_for_a_clause_by_its_name_asks_the_name(typed, asked):
    assert asked_topic(typed) == asked
    assert without_framing(typed) == asked[0].upper() + asked[1:]


@pytest.mark.parametrize("typed, asked", [("pls Is there a non-compete?", "Non-compete"),
                                           ("Hi, is there a termination clause?", "Termination"),
                                           ("Quick question: what does the audit clause say? Thanks!", "Audit")])
def test_a_search_for_a_clause_by_its_name_after_a_chats_lead_in_asks_the_name(typed, asked):
    assert without_framing(typed) == asked


@pytest.mark.parametrize("question", [
    "Is there a clause 12?",  # named by number
    "Find the clause that lets us terminate",  # a question of its own
    "Is there a minimum we must buy?",  # more than whether it is there
    "Is there no cap on liability?",
    "Is there a cap on liability?",
    "Is there a non-compete or a non-solicit?",  # two names
    "Is there anything else?",
    "List the agreements with arbitration clauses",  # which agreements
    "Find the clause on assigning or transferring this agreement.",
    "Is there a termination clause in the Acme NDA?",  # names the agreement it asks about
    "Does the NDA have a non-solicit clause?",
    "Show me the exceptions to the restrictive covenants.",  # "covenants" is part of the name
    "Is there a provision for payment of interest on late payments?",  # more than five words: a question
    "What does the clause say?",  # no name
    "What is the term of the agreement?",
    "What does the termination clause say about notice?",  # a question of its own
])
def test_a_search_naming_no_clause_or_naming_an_agreement_is_no_name_alone(question):
    assert asked_topic(question) == ""


@pytest.mark.parametrize("typed, plain", [
    ("Which law governs? 🙏", "Which law governs?"),
    ("👍🏽 Which law governs?", "Which law governs?"),
    ("Which law governs? ❤️", "Which law governs?"),
    ("Who’s the licensor under the “Agreement”?", "Who's the licensor under the \"Agreement\"?"),
    ("Which\u00a0law  governs?\t", "Which law governs?"),
    ("**Which law governs?**", "Which law governs?"),
    # a pasted checklist keeps its lines; a sign that is a word's (a sum, a comparison, a section) stays
    ("  1. Which law governs?  \n  2.  How long does it run?", "1. Which law governs?\n2. How long does it run?"),
    ("Is the cap $5,000 or ≤ 2 × the fees under § 9?", "Is the cap $5,000 or ≤ 2 × the fees under § 9?"),
])
def test_a_question_typed_or_pasted_is_read_in_plain_text(typed, plain):
    assert plain_text(typed) == plain


@pytest.mark.parametrize("typed, label, asked", [
    ("URGENT: Which law governs?", "URGENT", "Which law governs?"),
    ("Re: contract review - which law governs the agreement?", "Re: contract review",
     "which law governs the agreement?"),
    ("Yes or no: is the licence exclusive?", "Yes or no", "is the licence exclusive?"),
    ("Governing Law: Which state's law governs this agreement?", "Governing Law",
     "Which state's law governs this agreement?"),
    ("Acme: who signed?", "Acme", "who signed?"),  # a label may name the agreement: the scope reads it
    ("(quick one) Which law governs?", "(quick one)", "Which law governs?"),
    ("Which law governs? (2/5)", "(2/5)", "Which law governs?"),
    ("Which law governs? [urgent]", "[urgent]", "Which law governs?"),
])
def test_a_label_before_a_question_or_an_aside_in_brackets_is_set_apart(typed, label, asked):
    assert with_label(typed) == (label, asked)


@pytest.mark.parametrize("typed", [
    "Termination: can we end it early?",  # the question points at its label
    "Section 5: what does it say?",  # the label names a clause
    "Non-compete - is there one?",
    "Is there a cap on liability: what is the amount?",  # a question before the colon is no label
    "In the Supply Agreement between Acme and Birch: which law governs?",  # a naming lead-in, the scope's
    "If a court strikes part, does the rest apply?",  # a condition, asked with its question
    "Who signed it (Jianfei Chen)?",  # a name in brackets inside the question
    "Which law governs?",
])
def test_what_is_no_label_or_aside_stays_in_the_question(typed):
    assert with_label(typed) == ("", typed)


@pytest.mark.parametrize("typed, asked", [
    ("@ClauseQA which law governs?", "Which law governs?"),  # a chat's mention of whom it asks
    ("@legal-bot: who signed?", "Who signed?"),
    ("pls which law governs?", "Which law governs?"),
    ("plz tell me which law governs", "Which law governs?"),
    ("Which law governs;", "Which law governs?"),  # a stray mark where the question mark goes
])
def test_a_mention_an_abbreviated_please_or_a_stray_mark_is_taken_off(typed, asked):
    assert without_framing(typed) == asked
