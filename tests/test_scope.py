"""The scope finder: which agreements a question names, over many contracts."""

from __future__ import annotations

from collections import Counter

from assistant.scope import ScopeFinder
from assistant.types import AgreementInfo
from index.terms import content_terms


def agreement(file: str, label: str, title: str = "") -> AgreementInfo:
    return AgreementInfo(file=file, number=1, label=label, title=title, date="", kind="", clauses=10)


GENERIC = agreement("inmode.txt", "Agreement")  # its parties were not read: a label of no name
GALAXY = agreement("galaxy.txt", "Galaxy Telecom", "Reseller Agreement")
ACME = agreement("acme.txt", "Acme Ltd", "Supply Agreement")
ZENITH = agreement("zenith.txt", "Zenith Ltd", "Services Agreement")
AGREEMENTS = [GENERIC, GALAXY, ACME, ZENITH]
PARTIES = {GALAXY.key: ("Galaxy Telecom", "Galaxy Telnet SRL"), ACME.key: ("Acme Ltd", "Widget Inc."),
           ZENITH.key: ("Zenith Ltd", "Orbit Inc.")}
CLAUSES = {GENERIC.key: "Turn-Key Manufacturing Agreement between Invasix Ltd. and Flextronics Israel Ltd. The "
                        "manufacturer shall manufacture the products.",
           GALAXY.key: "This Agreement between Galaxy Telecom and Telnet. The reseller shall resell services.",
           ACME.key: "This Agreement between Acme Ltd and Widget. The supplier shall supply widgets.",
           ZENITH.key: "This Agreement between Zenith Ltd and Orbit. The provider shall provide services."}


def finder() -> ScopeFinder:
    df = Counter(t for text in CLAUSES.values() for t in set(content_terms(text)))
    return ScopeFinder(AGREEMENTS, PARTIES, df, {k: text[:80] for k, text in CLAUSES.items()})


def test_a_label_of_words_every_agreement_uses_names_no_agreement():
    """A contract whose label was read as "Agreement" must not claim every question that says
    "agreement": the question names Galaxy's reseller agreement, so only that one is in scope."""
    scope = finder().find("In the Reseller Agreement between Galaxy Telecom and Galaxy Telnet SRL: "
                          "what date is this agreement signed?")
    assert scope.agreements == (GALAXY.key,)
    assert finder().find("Which law governs the agreement?").agreements == ()


def test_a_label_with_a_naming_word_still_scopes():
    assert finder().find("Which law governs the Acme Ltd agreement?").agreements == (ACME.key,)


def test_the_opening_wins_when_it_names_far_more_than_a_shared_suffix():
    """Read names share only "Ltd" with the question; the opening of the poorly read agreement
    names both its parties and its kind."""
    scope = finder().find("In the Turn-Key Manufacturing Agreement between Invasix Ltd. and Flextronics Israel "
                          "Ltd.: how long do the warranties last?")
    assert scope.agreements == (GENERIC.key,)


def test_the_words_of_a_naming_lead_in_are_scope_not_what_is_asked():
    """"In the <contract> between <parties>: <question>": the lead-in's words named the contract,
    so they must not count as evidence words the contract has to contain to answer."""
    from assistant.query import analyse

    scope = finder().find("In the Reseller Agreement between 695014 B.C. Ltd. dba Galaxy Telecom and Galaxy "
                          "Telnet SRL: which jurisdiction's law governs this agreement?")
    assert scope.agreements == (GALAXY.key,)
    query = analyse("In the Reseller Agreement between 695014 B.C. Ltd. dba Galaxy Telecom and Galaxy Telnet SRL: "
                    "which jurisdiction's law governs this agreement?", scope, lambda texts: [[1.0]] * len(texts))
    assert set(query.terms) == set(content_terms("which jurisdiction's law governs this agreement?"))
    # the lead-in leaves whole: what is embedded and echoed is the question as asked of the contract
    assert query.focus == query.wording == "which jurisdiction's law governs this agreement?"


def test_a_lead_in_word_the_question_repeats_stays_content():
    scope = finder().find("In the Supply Agreement between Acme Ltd and Widget Inc.: what must the supplier supply?")
    assert scope.agreements == (ACME.key,)
    assert set(scope.terms) == {"acm", "inc", "ltd", "widget"}  # "supply" is asked about, not only a name


LIFEUSA = agreement("lifeusa.txt", "LifeUSA/ Envision Health, Inc. and Sierra Mountain Minerals, Inc.",
                    "Distributor Agreement")
ELECTRIC = agreement("electric.txt", "Electric City Corp. and Electric City of Illinois LLC", "Distributor Agreement")
SUMMA = agreement("summa.txt", "D2 Technologies, Inc. and Summa Four Inc.", "Software License Agreement")
ESCROW = agreement("escrow.txt", "I-Escrow, Inc.", "Co-Branding Agreement")
DISTRIBUTION = [LIFEUSA, ELECTRIC, SUMMA, ESCROW]
# the parties as the index reads them: a role ("Distributor", "Licensee") is read as a party's name
ROLES = {LIFEUSA.key: ("Sierra Mountain Minerals, Inc.",), ELECTRIC.key: ("Electric City Corp.", "Distributor"),
         SUMMA.key: ("Summa Four Inc.", "Licensee"), ESCROW.key: ("I-Escrow, Inc.", "Escrow Agent")}


def distribution_finder() -> ScopeFinder:
    texts = {a.key: f"{a.title} between {a.label}. The parties agree." for a in DISTRIBUTION}
    df = Counter(t for text in texts.values() for t in set(content_terms(text)))
    return ScopeFinder(DISTRIBUTION, ROLES, df, texts)


def test_a_contract_named_by_its_parties_is_not_joined_by_others_of_its_kind():
    """The question names LifeUSA's contract by its parties and its kind; "Distributor Agreement"
    describes that contract, so the other distributor agreement (whose party is even read as
    "Distributor") must not join the scope as if the question compared the two."""
    scope = distribution_finder().find("In the Distributor Agreement between LifeUSA/ Envision Health, "
                                       "Inc. and Sierra Mountain Minerals, Inc.: which law governs?")
    assert scope.agreements == (LIFEUSA.key,)
    scope = distribution_finder().find("In the Distributor Agreement between Electric City Corp. and Electric City "
                                       "of Illinois LLC: which law governs?")
    assert scope.agreements == (ELECTRIC.key,)


def test_words_after_a_naming_lead_in_are_asked_about_not_names():
    """"escrow" is what the question asks about; that another contract's party is I-Escrow does
    not make that contract part of the scope."""
    scope = distribution_finder().find("In the Software License Agreement between D2 Technologies, Inc. and Summa "
                                       "Four Inc.: must source code be deposited in escrow with the escrow agent?")
    assert scope.agreements == (SUMMA.key,)
    assert "escrow" not in scope.terms


def test_a_party_named_in_full_outweighs_a_role_word_read_as_another_contracts_party():
    scope = distribution_finder().find("What must Sierra Mountain Minerals, Inc. pay the Distributor?")
    assert scope.agreements == (LIFEUSA.key,)


def test_a_person_no_agreement_names_is_unknown_even_when_the_paper_is_known():
    """"When did Maria Lopez sign the Reseller Agreement?": the agreement's kind is indexed, the
    person is not, so no agreement is hers and the answer must say so rather than quote another's."""
    scope = finder().find("When did Maria Lopez sign the Reseller Agreement?")
    assert (scope.unknown, scope.agreements) == ("Maria Lopez", ())
    # a party the agreements do name is scope as before, whatever verb the question gives it
    assert finder().find("Did Galaxy Telecom sign the Reseller Agreement?").unknown == ""
    assert finder().find("Can Acme Ltd assign the Supply Agreement?").agreements == (ACME.key,)


def publication_finder() -> ScopeFinder:
    """Two people's agreements about two papers, of one kind: the title names a paper, the kind is shared."""
    chen = AgreementInfo(file="actnn.txt", number=1, label="Jianfei Chen", title="ActNN: Compressed Training",
                         date="", kind="Publication Agreement", clauses=9)
    fu = AgreementInfo(file="tiny.txt", number=1, label="Fangcheng Fu", title="TinyScript Activations",
                       date="", kind="Contribution Agreement", clauses=9)
    texts = {chen.key: "Publication Agreement. ActNN: Compressed Training. You agree to indemnify the publisher.",
             fu.key: "Contribution Agreement. TinyScript Activations. I promise to indemnify ICML."}
    df = Counter(t for text in texts.values() for t in set(content_terms(text)))
    return ScopeFinder([chen, fu], {chen.key: ("Jianfei Chen", "PMLR"), fu.key: ("Fangcheng Fu", "ICML")}, df, texts)


def test_a_title_beside_two_named_people_is_scope_not_what_is_asked():
    """"Jianfei Chen's ActNN agreement": once the people name the agreements, "ActNN" only repeats
    which one; left in, it pulls the title line in as the answer about indemnity."""
    scope = publication_finder().find(
        "Compare the indemnity in Jianfei Chen's ActNN agreement with the one in Fangcheng Fu's agreement.")
    assert scope.agreements == ("actnn.txt#1", "tiny.txt#1") and scope.named
    assert set(scope.terms) == {"actnn", "chen", "fangcheng", "fu", "jianfei"}


def test_the_first_half_of_a_hyphenated_word_names_no_agreement():
    """"non-compete" shares "non" with a "Mutual Non-Disclosure Agreement": that is no reason to ask
    the NDA alone (and answer "not found" from it) when every agreement may hold a non-compete."""
    nda = agreement("nda.txt", "Acme Robotics", "Mutual Non-Disclosure Agreement")
    texts = {nda.key: "Mutual Non-Disclosure Agreement between Acme Robotics and Birch. Non-public information.",
             GALAXY.key: CLAUSES[GALAXY.key], ACME.key: CLAUSES[ACME.key]}
    df = Counter(t for text in texts.values() for t in set(content_terms(text)))
    found = ScopeFinder([nda, GALAXY, ACME], {**PARTIES, nda.key: ("Acme Robotics", "Birch")}, df,
                        {k: text[:80] for k, text in texts.items()})
    assert found.find("Is there a non-compete?").agreements == ()
    assert found.find("Is there a non-compete in the Non-Disclosure Agreement?").agreements == (nda.key,)


INTEGRITY = agreement("integrity.txt", "TL", "Co-Branding Agreement")  # its parties read poorly
PIZZA = agreement("pizza.txt", "Pizza Fusion Holding, Inc. and Operating Principal", "Franchise Agreement")
FUSION = agreement("fusion.txt", "Centre for Probe Development", "Supply Agreement")
ORBIT = agreement("orbit.txt", "Orbit Ltd", "Services Agreement")
DESCRIBED = [INTEGRITY, PIZZA, FUSION, ORBIT]
DESCRIBED_PARTIES = {FUSION.key: ("Centre for Probe Development", "Fusion Pharmaceuticals Inc.", "FUSION"),
                     ORBIT.key: ("Orbit Ltd",)}
OPENINGS = {INTEGRITY.key: "Product Development and Co-Branding Agreement between Integrity Incorporated and "
                           "Time Life, Inc. (TL)",
            PIZZA.key: "Franchise Agreement. Pizza Fusion Holding, Inc. and the franchisee",
            FUSION.key: "Supply Agreement between Centre for Probe Development and Fusion Pharmaceuticals Inc.",
            ORBIT.key: "Services Agreement between Orbit Ltd and Zenith Inc."}


def described_finder() -> ScopeFinder:
    # every contract's clauses say "integration" (stem "integr", as "Integrity"'s), "time", "branding" ...
    df = Counter({t: len(DESCRIBED) for t in content_terms("integration time life development product branding "
                                                            "incorporated music")})
    return ScopeFinder(DESCRIBED, DESCRIBED_PARTIES, df, OPENINGS)


def test_every_word_of_a_naming_lead_in_describes_the_contract():
    """No word of this lead-in names a contract in a question at large ("integrity" shares its
    stem with every contract's integration clause); together they describe one contract."""
    scope = described_finder().find("In the Product Development And Co-Branding Agreement between INTEGRITY "
                                    "INCORPORATED and TIME LIFE, INC. d/b/a Time Life Music: which law governs?")
    assert scope.agreements == (INTEGRITY.key,)
    assert "law" not in scope.terms and "govern" not in scope.terms


def test_a_lead_in_describing_one_contract_outweighs_another_contracts_short_name():
    """"Fusion" is another contract's party's short name; the lead-in describes the franchise agreement."""
    scope = described_finder().find("In the Form Of Franchise Agreement between Pizza Fusion Holding, Inc. and the "
                                    "individual identified on the cover page: when does it expire?")
    assert scope.agreements == (PIZZA.key,)
    # without a lead-in the short name still names its own contract
    assert described_finder().find("Which law governs the agreement with FUSION?").agreements == (FUSION.key,)


BASE = agreement("heritage1.txt", "Stremicks Heritage Foods, LLC and Heritage")
AMENDMENT = agreement("heritage4.txt", "Stremicks Heritage Foods, LLC and Third Amendment")
OTHER = agreement("orbit.txt", "Orbit Ltd", "Services Agreement")


def test_a_lead_in_naming_an_amendment_scopes_the_amendment_not_the_agreement_it_amends():
    """Both agreements are between the same parties; only the amendment's identity holds every
    word of the lead-in ("Amendment No. 3", its opening "this Third Amendment (Amendment No. 3)")."""
    parties = {k: ("Stremicks Heritage Foods, LLC", "Premier Nutrition Corporation") for k in (BASE.key, AMENDMENT.key)}
    openings = {BASE.key: "THIS MANUFACTURING AGREEMENT is made between Stremicks Heritage Foods, LLC and Premier "
                          "Nutrition Corporation",
                AMENDMENT.key: "THIS THIRD AMENDMENT (Amendment No. 3) to the Manufacturing Agreement between Stremicks "
                               "Heritage Foods, LLC and Premier Nutrition Corporation",
                OTHER.key: "Services Agreement between Orbit Ltd and Zenith Inc."}
    df = Counter(t for text in openings.values() for t in set(content_terms(text)))
    found = ScopeFinder([BASE, AMENDMENT, OTHER], {**parties, OTHER.key: ("Orbit Ltd",)}, df, openings)
    lead_in = ("In the Amendment No. 3 Manufacturing Agreement between Stremicks Heritage Foods, LLC and Premier "
               "Nutrition Corporation: ")
    assert found.find(lead_in + "when does this agreement take effect?").agreements == (AMENDMENT.key,)
    # named without the amendment's words, both agreements between them stay in scope
    assert found.find("In the Manufacturing Agreement between Stremicks Heritage Foods, LLC and Premier Nutrition "
                      "Corporation: which law governs?").agreements == (BASE.key, AMENDMENT.key)


NDA = AgreementInfo(file="nda.txt", number=1, label="Acme Robotics and Birch Analytics", title="",
                    date="", kind="MUTUAL NON-DISCLOSURE AGREEMENT", clauses=11)
LICENCE = AgreementInfo(file="inkwell.md", number=1, label="Northwind and Quillfeather", title="",
                        date="", kind="Software Licence Agreement", clauses=9)
MSA = AgreementInfo(file="harbor.txt", number=1, label="Harbor Point and Kestrel", title="",
                    date="", kind="Master Services Agreement", clauses=20)


def kinds_finder() -> ScopeFinder:
    texts = {NDA.key: "The Recipient shall keep Confidential Information secret. Nothing grants any licence.",
             LICENCE.key: "The Licensor grants the Licensee a licence to use the Software.",
             MSA.key: "The Consultant shall perform the Services for the Client."}
    df = Counter(t for text in texts.values() for t in set(content_terms(text)))
    return ScopeFinder([NDA, LICENCE, MSA], {}, df, {})


def test_an_agreement_is_named_by_the_initials_of_its_kind():
    """"the NDA" is the Mutual Non-Disclosure Agreement, "the MSA" the Master Services Agreement,
    though neither title says so."""
    assert kinds_finder().find("How long does the NDA last?").agreements == (NDA.key,)
    assert kinds_finder().find("Who may end the MSA early?").agreements == (MSA.key,)


def test_a_thing_asked_about_with_a_or_any_names_no_agreement():
    """"Does the NDA grant any licence to patents?" asks the NDA about a licence: the Software Licence
    Agreement is not in scope, and "licence" stays a word to look for."""
    for question in ("Does the NDA grant any licence to patents?", "Does the NDA grant a licence?"):
        scope = kinds_finder().find(question)
        assert scope.agreements == (NDA.key,) and scope.terms == ("nda",)
    assert kinds_finder().find("Which agreements grant a licence?").agreements == ()
    # a name stays a name inside one: "a company called Quillfeather" names the licence's party
    assert kinds_finder().find("Is there an agreement with a company called Quillfeather?").agreements == (LICENCE.key,)
    assert kinds_finder().find("Can the licensee sublicense under the licence?").agreements == (LICENCE.key,)


def test_signing_words_name_no_agreement_even_where_an_opening_uses_them():
    """Two publication forms open with "you are signing on behalf of all authors"; "who signed on
    behalf of ICML?" asks about signing, so "behalf" must not scope the question to those two."""
    forms = [agreement(f"form{n}.txt", name, "Publication Agreement") for n, name in enumerate(["Ann Lee", "Bo Chen"])]
    others = [agreement(f"icml{n}.txt", name, "Contribution Agreement")
              for n, name in enumerate(["Cy Diaz", "Di Evans", "Ed Fox"])]
    openings = {**{a.key: "By signing this form you are signing on behalf of all authors for ICML" for a in forms},
                **{a.key: "Contribution agreement with ICML" for a in others}}
    df = Counter(t for text in openings.values() for t in set(content_terms(text)))
    scoped = ScopeFinder(forms + others, {}, df, openings)
    assert scoped.find("Who signed on behalf of ICML?").agreements == ()
    assert scoped.find("Who executed the contribution agreement on behalf of ICML?").agreements == tuple(
        a.key for a in others)
    # the words still scope when they are not signing words: the forms are the ones about all authors
    assert set(scoped.find("Which forms speak for all authors?").agreements) == {a.key for a in forms}


def test_parties_joined_as_the_agreements_name_say_which_agreement():
    """"the Acme-Birch NDA" names the NDA by its parties: "Acme" and "Birch" are no words an answer
    must hold, though its clauses use them. Named on their own they stay asked about."""
    texts = {NDA.key: "Acme Robotics shall keep Birch Analytics' Confidential Information secret.",
             LICENCE.key: "The Licensor grants the Licensee a licence to use the Software.",
             MSA.key: "The Consultant shall perform the Services for the Client."}
    df = Counter(t for text in texts.values() for t in set(content_terms(text)))
    found = ScopeFinder([NDA, LICENCE, MSA], {NDA.key: ("Acme Robotics", "Birch Analytics", "Acme", "Birch")}, df, {},
                        body_terms=lambda key, terms: set(terms))
    for question in ("How long does the Acme-Birch NDA last?", "How long does the NDA between Acme and Birch last?",
                     "How long does the Acme and Birch agreement last?"):
        scope = found.find(question)
        assert scope.agreements == (NDA.key,) and {"acm", "birch"} <= set(scope.terms), question
    scope = found.find("What must Acme keep secret for Birch under the NDA?")
    assert scope.agreements == (NDA.key,) and not {"acm", "birch"} & set(scope.terms)


def test_an_agreement_asked_of_alone_and_called_by_its_initials_is_named_by_them():
    """Asked of one agreement, "the CDA" was read as a word its clauses must hold, and matched the reference
    number "CDA-2024-0317" in its opening. Its initials (its title's, and "NDA" or "CDA" for a confidentiality
    agreement) name it; a word in capitals that is no initials of it ("the FDA") is asked."""
    cda = agreement("cda.txt", "Calloway State University", "Research Materials Evaluation Agreement")
    texts = {cda.key: "CSU Agreement No. CDA-2024-0317. This Confidential Disclosure Agreement between Calloway "
                      "State University and Veridane Therapeutics, Inc.",
             ACME.key: CLAUSES[ACME.key]}
    df = Counter(t for text in texts.values() for t in set(content_terms(text)))
    found = ScopeFinder([cda, ACME], {cda.key: ("Calloway State University", "Veridane Therapeutics, Inc.")}, df,
                        {k: text[:200] for k, text in texts.items()})
    for question, initials in [("Does the CDA restrict either party from recruiting?", ("cda",)),
                               ("Can either party assign the NDA?", ("nda",)),
                               ("What does this RMEA say about publication?", ("rmea",))]:
        scope = found.find(question, files=["cda.txt"])
        assert (scope.agreements, scope.terms, scope.asked) == ((), initials, question)
    assert found.find("Must the recipient tell the FDA?", files=["cda.txt"]).terms == ()
    assert found.find("Can either party assign the NDA?", files=["acme.txt"]).terms == ()  # no NDA


def test_an_agreement_asked_of_alone_and_called_by_its_kind_is_asked_of_as_the_agreement():
    """Its kind's words, read as asked, quoted the opening that holds them; a word the question says again
    is asked ("... allow disclosure ...")."""
    nda = AgreementInfo(file="nda.txt", number=1, label="Acme Robotics", title="", date="",
                        kind="Mutual Non-Disclosure Agreement", clauses=10)
    texts = {nda.key: "Mutual Non-Disclosure Agreement between Acme Robotics and Birch.", ACME.key: CLAUSES[ACME.key]}
    df = Counter(t for text in texts.values() for t in set(content_terms(text)))
    found = ScopeFinder([nda, ACME], {nda.key: ("Acme Robotics", "Birch")}, df, texts)
    scope = found.find("How long does the Mutual Non-Disclosure Agreement run?", files=["nda.txt"])
    assert (scope.terms, scope.asked) == (tuple(sorted(content_terms("Mutual Non-Disclosure"))),
                                          "How long does the Agreement run?")
    scope = found.find("Does the Non-Disclosure Agreement allow disclosure to advisers?", files=["nda.txt"])
    assert (scope.terms, scope.asked) == (("non",), "Does the Agreement allow disclosure to advisers?")
    assert found.find("How long does the Supply Agreement run?", files=["nda.txt"]).terms == ()  # not its kind


def test_a_stretch_of_the_question_before_agreement_is_no_kind():
    """"the parties to this agreement" is no kind's name, even of an agreement whose title was read as "Parties"."""
    odd = AgreementInfo(file="odd.txt", number=1, label="Customer and EIT", title="Parties to this agreement",
                        date="", kind="Outsourcing Agreement", clauses=10)
    texts = {odd.key: "This Outsourcing Agreement by and between: Parties to this agreement",
             ACME.key: CLAUSES[ACME.key]}
    df = Counter(t for text in texts.values() for t in set(content_terms(text)))
    found = ScopeFinder([odd, ACME], {odd.key: ("Customer", "EIT")}, df, texts)
    assert found.find("Who are the parties to this agreement?", files=["odd.txt"]).terms == ()
    assert found.find("Who are the parties to the Outsourcing Agreement?", files=["odd.txt"]).terms == ("outsourc",)
