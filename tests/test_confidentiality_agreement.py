"""A confidentiality agreement titled so (tests/contracts_apart/nda_lumen_grayfield.txt) beside the
mutual NDA of tests/contracts: both are NDAs, whatever their titles spell."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.scope import kind_acronyms

TESTS = Path(__file__).resolve().parent
LUMEN = TESTS / "contracts_apart" / "nda_lumen_grayfield.txt"


@pytest.mark.parametrize("kind, short", [
    ("Mutual Non-Disclosure Agreement", ["MNDA", "NDA", "CDA"]),
    ("CONFIDENTIALITY AGREEMENT", ["NDA", "CDA"]),
    ("Nondisclosure Agreement", ["NDA", "CDA"]),
    ("Confidential Disclosure Agreement", ["CDA", "NDA"]),
    ("Master Services Agreement", ["MSA"]),
    ("Equipment Lease Agreement", ["ELA"]),
    ("Confidentiality and Invention Assignment Agreement", ["CIAA", "IAA"]),  # no confidentiality agreement
])
def test_what_an_agreement_of_a_kind_goes_by(kind, short):
    assert kind_acronyms(kind) == short


def test_a_confidentiality_agreement_is_an_nda(ndas):
    """It was left out: "NDA" was only the initials of "Non-Disclosure Agreement"."""
    answer = ndas.ask("Which agreements are NDAs?")
    assert answer.text == (
        "2 agreements in 2 files:\n"
        "- Acme Robotics, Inc. and Birch Analytics LLC (nda_acme_birch.txt, preamble): "
        '"MUTUAL NON-DISCLOSURE AGREEMENT" [1]\n'
        "- Lumen Harbor Therapeutics, Inc. and Grayfield Capital Partners, L.P. (nda_lumen_grayfield.txt, preamble): "
        '"CONFIDENTIALITY AGREEMENT" [2]')
    assert [(c.file, c.clause, c.start, c.end) for c in answer.citations] == [
        ("nda_acme_birch.txt", "preamble", 0, 31), ("nda_lumen_grayfield.txt", "preamble", 0, 25)]


@pytest.mark.parametrize("question, clause, start, end", [
    ("Is reverse engineering prohibited under the Lumen Harbor agreement?", "4", 2652, 2815),
    ("May Grayfield keep a copy of the confidential information?", "6", 3548, 3845),
])
def test_the_confidentiality_agreements_clauses(ndas, question, clause, start, end):
    answer = ndas.ask(question)
    first = answer.citations[0]
    assert (first.file, first.clause, first.start, first.end) == ("nda_lumen_grayfield.txt", clause, start, end)
    assert LUMEN.read_text()[start:end] == first.quote
