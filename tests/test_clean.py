"""Tests for index/clean.py on residue copied from data/agreements/*.txt, plus what must survive."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from index.clean import clean_for_embedding, without_markup

REPO = Path(__file__).resolve().parents[1]

CASES = [
    # 000: heading hashes and bold
    ("## **ICML Publication Agreement**", "ICML Publication Agreement"),
    # 000: HTML footnote marker
    (
        'This is a publication agreement<sup>1</sup> ("this agreement") regarding',
        'This is a publication agreement ("this agreement") regarding',
    ),
    (
        "<sup>1.</sup> The language of this publication agreement is based on",
        "The language of this publication agreement is based on",
    ),
    # 001: LaTeX footnote marker
    (
        'This is a publication agreement  $^1$  ("this agreement") regarding',
        'This is a publication agreement ("this agreement") regarding',
    ),
    # 001: an escaped <sup> whose "&" the OCR wrapped in its own <sup>
    (
        "<sup>&</sup>lt;sup>1</sup>The language of this publication agreement is based on "
        "Stuart Shieber's model",
        "The language of this publication agreement is based on Stuart Shieber's model",
    ),
    # 001: a signature line drawn as a LaTeX picture
    (
        "I HAVE READ AND AGREE FULLY WITH THE TERMS OF THIS AGREEMENT.  $\\begin{picture}(100,0) "
        "\\put(0,0){\\line(0,0){100}} \\put(0,0){\\$ \n\n• Corresponding Author:",
        "I HAVE READ AND AGREE FULLY WITH THE TERMS OF THIS AGREEMENT. Corresponding Author:",
    ),
    # 001: list bullets and a numbered heading
    (
        "## 6. You further warrant that:\n\n- 1. The article is original,\n- 2. You are the sole author(s)",
        "6. You further warrant that: 1. The article is original, 2. You are the sole author(s)",
    ),
    ("- Signed:\n\n- Date: 21 Feb 2022", "Signed: Date: 21 Feb 2022"),
    # 002: underline tags keep their text; bullets mid-line go
    ("### I, <u>Dan Alistarh</u>, agree that:", "I, Dan Alistarh, agree that:"),
    (
        "Name (Print): <u>Dan Alistarh</u>\n• Accept • Decline Signature: Dan Alistarh\nDate: Sep 23, 2020",
        "Name (Print): Dan Alistarh Accept Decline Signature: Dan Alistarh Date: Sep 23, 2020",
    ),
    # 002: scribble lines between agreements vanish entirely
    ("$\\alpha$\t\t- 1\t\t\n\tne\ta\t\t•", ""),
    ("$\\sim$\t\t\n•\tpeak\tor.\n0\tvcar\t", ""),
    ("Speaker\n---------", "Speaker"),
    # 003: scribble with an <i> tag and LaTeX Greek
    ("S\tpea\tıke\tr:\n0\t$\\nu \\iota$\t117/\t<i>-</i> 1 •\n\nName (Print): <u>David Blei</u>", "Name (Print): David Blei"),
    (
        "EventTitle: <u>Don't Waste Your Bits! Squeeze Activations and Gradients for Deep Neural "
        "Networks via</u> TinyScript",
        "EventTitle: Don't Waste Your Bits! Squeeze Activations and Gradients for Deep Neural "
        "Networks via TinyScript",
    ),
    ("#### I, Yingxia Shao, agree that:", "I, Yingxia Shao, agree that:"),
    ("Speaker:\t\t\t", "Speaker:"),
    # 000: a tab-separated signature row keeps its words; a lone "V<TAB>Ces" row goes
    (
        "Signed Corresponding Author:\tV\tCes\tDate: _\t5/12/2019",
        "Signed Corresponding Author: V Ces Date: 5/12/2019",
    ),
    ("Signed Corresponding Author:\nV\tCes\nDate: 5/12/2019", "Signed Corresponding Author: Date: 5/12/2019"),
]


@pytest.mark.parametrize("raw, cleaned", CASES)
def test_residue_from_the_sample_files(raw, cleaned):
    assert clean_for_embedding(raw) == cleaned


KEPT = [
    ("The fee is $100 and the deposit $200.", "The fee is $100 and the deposit $200."),
    ("Payment due on the 5<sup>th</sup> day.", "Payment due on the 5th day."),
    ("Purchase Price:\n$1,000,000\n12.5%", "Purchase Price: $1,000,000 12.5%"),
    ("6.\n(a)\nThe Supplier\n6.2\niv)\n- 1\n*", "6. (a) The Supplier 6.2 iv)"),
    ("Fee\t$100", "Fee $100"),
    ("See [the schedule](http://x.example/s) and ![logo](logo.png) here.", "See the schedule and here."),
    ("Date: ____________ Signature: \\_\\_\\_", "Date: Signature:"),
    ("| Party | Role |\n|---|---|\n| Acme | Supplier |", "Party Role Acme Supplier"),
    ("AT&amp;T and Smith &amp; Co.", "AT&T and Smith & Co."),
    ("snake_case_name stays", "snake_case_name stays"),
    ("-5% discount\n* item one\n+ item two", "-5% discount item one item two"),
    ("Line one<br>line two", "Line one line two"),
    ("Signed by <Name of Licensee> on <span class='x'>Date</span>", "Signed by <Name of Licensee> on Date"),
    ("", ""),
]


@pytest.mark.parametrize("raw, cleaned", KEPT)
def test_content_survives(raw, cleaned):
    assert clean_for_embedding(raw) == cleaned


def test_sample_files_keep_their_words_and_lose_their_markup():
    for path in sorted((REPO / "data" / "agreements").glob("0*.txt")):
        cleaned = clean_for_embedding(path.read_text(encoding="utf-8"))
        for residue in ("<u>", "</u>", "<sup>", "$\\", "$^", "\\begin", "**", "## ", "\t", "\n", "  "):
            assert residue not in cleaned, (path.name, residue)
        assert "International Conference on Machine Learning" in cleaned or "PMLR" in cleaned


def test_fast_enough_for_every_chunk():
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "data" / "agreements").glob("0*.txt"))]
    chunks = [chunk for text in texts for chunk in text.split("\n\n")] * 20  # ~ 50 contracts' worth
    start = time.perf_counter()
    for chunk in chunks:
        clean_for_embedding(chunk)
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize("pasted, question", [
    ("**Which law governs?**", "Which law governs?"),
    ("_Is the licence exclusive?_", "Is the licence exclusive?"),
    ("Is the licence *exclusive*?", "Is the licence exclusive?"),
    ("<p>Which law &amp; which courts?</p>", " Which law & which courts? "),
    ("## Who signed the NDA?", " Who signed the NDA?"),
    ("> Who signed the NDA?", "Who signed the NDA?"),  # a quoted line, as a chat or an e-mail quotes it
    ("Is the term > 5 years?", "Is the term > 5 years?"),
    ("Does [clause 5](https://example.com/5) cap liability?", "Does clause 5 cap liability?"),
    # a pasted checklist keeps its lines and marks (assistant/question_parts.py reads them)
    ("**1.** Which law governs?\n**2.** How long does it run?", "1. Which law governs?\n2. How long does it run?"),
    # what is not markup stays: a blank naming no party, a placeholder, a product, a word with underscores
    ("In the Agreement between Acme and __________: which law governs?",
     "In the Agreement between Acme and __________: which law governs?"),
    ("Who signs as <Name of Licensee>?", "Who signs as <Name of Licensee>?"),
    ("Is the fee 5 * 2 per unit or snake_case_fee?", "Is the fee 5 * 2 per unit or snake_case_fee?"),
])
def test_a_questions_markup_is_taken_off_and_its_words_kept(pasted, question):
    assert without_markup(pasted) == question
