"""A commercial lease (tests/contracts_apart/lease_harrow_quay.txt): the words a lease's parties go by
and a verb's noun whose stem differs ("bankrupt", "bankruptcy") are the same to the answer."""

from __future__ import annotations

from pathlib import Path

import pytest

LEASE = Path(__file__).resolve().parent / "contracts_apart" / "lease_harrow_quay.txt"


@pytest.fixture(scope="module")
def lease(tmp_path_factory):
    from assistant import Assistant

    return Assistant.from_paths([str(LEASE)], index_dir=str(tmp_path_factory.mktemp("lease-idx")))


@pytest.mark.parametrize("question, clause, start, end, quoted", [
    # the lease says "files for bankruptcy" (it was refused: "bankrupt" and "bankruptcy" are two stems)
    ("What happens if the tenant becomes bankrupt?", "6.1", 3260, 3549,
     "(c) Tenant becomes insolvent or files for bankruptcy."),
    # its parties are "Landlord" and "Tenant", a lessor and a lessee (it was refused)
    ("Is the lessee allowed to sublet?", "4.1", 2630, 2814,
     "Tenant shall not assign this Lease or sublet all or any part"),
])
def test_a_lease_answers_in_its_own_words(lease, question, clause, start, end, quoted):
    answer = lease.ask(question)
    assert answer.found is True, answer.text
    first = answer.citations[0]
    assert (first.clause, first.start, first.end) == (clause, start, end)
    assert quoted in first.quote
    assert LEASE.read_text()[start:end] == first.quote


@pytest.mark.parametrize("question, name, start, end", [
    # "LANDLORD:" and "TENANT:" captions over each block: the tenant's caption follows the landlord's
    # name line, and the span holding both gave the landlord's signer as the tenant's
    ("Who signed for the tenant?", "Lucia Fernandez", 4230, 4312),
    ("Who signed the lease for the landlord?", "Gregory Adeyemi", 4128, 4205),
])
def test_a_role_caption_over_a_block_names_whom_its_signer_signs_for(lease, question, name, start, end):
    answer = lease.ask(question)
    assert [(v.text, v.kind) for v in answer.values] == [(name, "signer")]
    assert [(c.clause, c.start, c.end) for c in answer.citations] == [("signatures", start, end)]
    assert answer.citations[0].quote.endswith(f"Name: {name}")
    assert answer.text.splitlines()[0] == f"{name} [1]"
