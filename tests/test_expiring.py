"""Which agreements end in, before or after a period is read from the catalog's end dates."""

from __future__ import annotations

import pytest

from assistant.expiring import asks_expiring


@pytest.mark.parametrize("question, asked", [
    ("Which agreements expire in 2025?", ("in", "2025")),
    ("What ends before June 2025?", ("before", "2025-06")),
    ("Which contracts run out after 2026?", ("after", "2026")),
    ("Which agreements end on January 31, 2025?", ("in", "2025-01-31")),
    ("List the agreements expiring during 2024.", ("in", "2024")),
    ("Which agreements expire by the end of 2025?", ("by", "2025")),
    ("Which agreements expire before the end of June 2025?", ("by", "2025-06")),
    ("When does the lease expire?", ("", "")),  # one agreement's end: the ranker's
    ("Which agreements can be terminated in 30 days?", ("", "")),
    ("Which agreements were signed in 2024?", ("", "")),
    ("Which agreements expire in the territory?", ("", "")),
])
def test_a_question_of_what_ends_in_a_period(question, asked):
    assert asks_expiring(question) == asked


@pytest.mark.parametrize("question, asks", [
    ("Which agreements renew automatically?", True), ("Which contracts auto-renew?", True),
    ("List the agreements that roll over.", True), ("Which of the agreements have a renewal term?", True),
    ("What is the renewal term?", False),  # one agreement's: the ranker's
    ("Does the SaaS agreement renew?", False), ("Which agreements expire in 2025?", False),
])
def test_a_question_of_which_agreements_renew(question, asks):
    from assistant.expiring import asks_renewing

    assert asks_renewing(question) is asks
