"""The agreement catalog: values read at index time from the clauses (exact text, clause, offsets and
quote), "not stated" where an agreement says nothing, extracted once per file version, and shown by
the API, the `clauseqa catalog` command and the UI's Agreements tab."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from typer.testing import CliRunner

from assistant import Assistant, CatalogRow, CatalogValue
from assistant.catalog import FIELDS, NOT_STATED, SINGLE_FIELDS
from index import catalog as index_catalog
from index.dates import date_normal, duration_normal
from tests.samples import F000, F001, F002
from tests.ui_fakes import FakeAssistant
from ui import app as ui_app
from ui import catalog_view, cli

NDA, LICENCE, TWO = "nda_acme_birch.txt", "licence_northwind_quill.md", "lease_and_consulting.txt"
runner = CliRunner()


@pytest.fixture(scope="module")
def indexed(tmp_path_factory, sample_dir, repo_root):
    """The bundled agreements and three test contracts, in one index with the hashing model."""
    index_dir = tmp_path_factory.mktemp("catalog") / "index"
    contracts = repo_root / "tests" / "contracts"
    qa = Assistant.from_paths([str(sample_dir)] + [str(contracts / n) for n in (NDA, LICENCE, TWO)],
                              index_dir=str(index_dir), model="hashing")
    return qa, index_dir


@pytest.fixture(scope="module")
def qa(indexed) -> Assistant:
    return indexed[0]


def row(qa: Assistant, file: str, number: int = 1) -> CatalogRow:
    return next(r for r in qa.catalog() if r.file == file and r.number == number)


# -- exact values on the bundled and test agreements --------------------------------------------

@pytest.mark.parametrize("file, number, field, text, clause, start, end, normal", [
    (F000, 1, "title", "ICML Publication Agreement", "preamble", 5, 31, ""),
    (F000, 1, "governing_law", "Massachusetts", "7", 3047, 3060, "massachusetts"),
    (F000, 1, "agreement_date", "5/12/2019", "signatures", 3527, 3536, "2019-05-12"),  # only when signed
    (F001, 1, "agreement_date", "21 Feb 2022", "signatures", 3512, 3523, "2022-02-21"),
    (F002, 1, "title", "Final Contribution Agreement", "preamble", 5, 33, ""),
    (F002, 1, "agreement_date", "Sep 23, 2020", "preamble", 153, 165, "2020-09-23"),  # "as of", not "Date: Jul 15"
    (F002, 1, "effective_date", "Sep 23, 2020", "preamble", 153, 165, "2020-09-23"),
    (F002, 1, "governing_law", "California", "7", 2726, 2736, "california"),
    (F002, 1, "courts", "County of San Diego, California", "7", 2925, 2956, "county of san diego california"),
    (F002, 2, "governing_law", "California", "7", 6357, 6367, "california"),
    (NDA, 1, "term", "two (2) years", "7", 2125, 2138, "2 years"),
    (NDA, 1, "expiry", "two (2) years from the Effective Date", "7", 2125, 2162, "2026-03-04"),
    (NDA, 1, "assignment", "Neither Party may assign this Agreement without the prior written consent of the other "
                           "Party", "8", 2365, 2457, "with consent"),
    (NDA, 1, "termination", "Either Party may terminate it earlier on thirty (30) days' written notice", "7", 2164,
     2237, "30 days"),
    (NDA, 1, "courts", "Wilmington, Delaware", "10", 2896, 2916, "wilmington delaware"),
    (LICENCE, 1, "renewal", "successive one-year", "6.1", 1893, 1912, "successive 1 year"),
    (LICENCE, 1, "notice_period", "ninety (90) days", "6.1", 1956, 1972, "90 days"),
    (LICENCE, 1, "governing_law", "England and Wales", "9.1", 2777, 2794, "england and wales"),
    (TWO, 1, "expiry", "January 31, 2025", "2", 455, 471, "2025-01-31"),
    (TWO, 2, "expiry", "one (1) year from 3 June 2024", "4.1", 2528, 2557, "2025-06-03"),
    (TWO, 2, "governing_law", "Ontario", "5.2", 2836, 2843, "ontario"),
])
def test_values_are_exact_spans_with_their_clause(qa, file, number, field, text, clause, start, end, normal):
    value = getattr(row(qa, file, number), field)
    assert (value.text, value.citation.clause, value.start, value.end, value.normal) == (
        text, clause, start, end, normal)
    document = qa.document_text(file)
    assert document[value.start:value.end] == text
    assert document[value.citation.start:value.citation.end] == value.citation.quote


def test_quote_is_the_sentence_that_states_the_value(qa):
    law = row(qa, F000).governing_law
    assert law.citation.quote == "It will be governed by the laws of the Commonwealth of Massachusetts."
    assert (law.citation.start, law.citation.end, law.citation.agreement) == (2992, 3061, "Xin Wang")


def test_parties_with_the_names_the_agreement_gives_them(qa):
    assert [(p.text, p.role) for p in row(qa, F002).parties] == [
        ("Dan Alistarh", ""), ("International Conference on Machine Learning", "ICML")]
    assert [(p.text, p.role, p.start) for p in row(qa, NDA).parties] == [
        ("Acme Robotics, Inc.", "Acme", 162), ("Birch Analytics LLC", "Birch", 283)]
    assert [(p.text, p.role) for p in row(qa, TWO, 2).parties] == [
        ("Orchid Biotech Ltd", "Orchid"), ("Dr. Helena Marsh", "Consultant"),
        ("Maple Ridge Ventures Inc.", "Maple Ridge")]
    # "(1) Northwind Software Limited, a company incorporated in England and Wales ... (the "Licensor")":
    # a place named with "and" is no second party standing between a name and the name it is given
    assert [(p.text, p.role, p.start) for p in row(qa, LICENCE).parties] == [
        ("Northwind Software Limited", "Licensor", 74), ("Quillfeather Publishing Ltd", "Licensee", 263)]


def sig(block) -> tuple:
    return tuple(v.text for v in (block.signer, block.party, block.date))


def test_signatures_say_who_signed_for_whom_and_when(qa):
    assert [sig(b) for b in row(qa, F002).signatures] == [
        ("Dan Alistarh", "Speaker", "Sep 23, 2020"),
        ("David Blei", "International Conference on Machine Learning", NOT_STATED)]
    nda = row(qa, NDA).signatures
    assert [sig(b) for b in nda] == [("Daniel Okafor", "ACME ROBOTICS, INC.", "March 4, 2024"),
                                     ("Priya Raman", "BIRCH ANALYTICS LLC", "March 5, 2024")]
    assert (nda[0].signer.role, nda[0].signer.citation.clause, nda[0].signer.start) == (
        "Chief Operating Officer", "signatures", 3249)
    assert [sig(b) for b in row(qa, LICENCE).signatures] == [
        ("Thomas Avery", "Northwind Software Limited", "12 January 2024"),  # "Signed for and on behalf of ..."
        ("Grace Whitlock", "Quillfeather Publishing Ltd", "15 January 2024")]
    assert [sig(b) for b in row(qa, F000).signatures] == [(NOT_STATED, "Corresponding Author", "5/12/2019")]


def test_every_stated_value_lies_in_its_quote_and_its_clause(qa):
    checked = 0
    for r in qa.catalog():
        document = qa.document_text(r.file)
        for field in FIELDS:
            for value in r.values(field):
                if not value.stated:
                    assert (value.text, value.start, value.citation) == (NOT_STATED, -1, None)
                    continue
                c = value.citation
                assert document[value.start:value.end] == value.text
                assert c.start <= value.start < value.end <= c.end and document[c.start:c.end] == c.quote
                assert c.clause_text[c.start - c.clause_start:c.end - c.clause_start] == c.quote
                assert (c.file, c.agreement_number) == (r.file, r.number)
                checked += 1
    assert len(qa.catalog()) == 15 + 4 and checked > 150


# -- "not stated" --------------------------------------------------------------------------------

NOTHING = "MEETING NOTES\n\nThe parties met on a Tuesday and discussed the weather and the harvest.\n"
DECOY = (
    "SUPPLY AGREEMENT\n\nThis Supply Agreement is entered into by Alder Mills LLC, a limited liability company "
    "organized under the laws of the State of Delaware and governed by its operating agreement (\"Supplier\"), "
    "and Birchwood Foods Corp. (\"Buyer\").\n\n"
    "1. Supply. Supplier shall deliver flour within thirty (30) days of each order.\n\n"
    "2. Price. Buyer shall pay the price in the Supplier's price list.\n")


def catalog_of(tmp_path, name: str, text: str) -> list[CatalogRow]:
    (tmp_path / name).write_text(text)
    return Assistant.from_paths([str(tmp_path / name)], index_dir=str(tmp_path / "i"), model="hashing").catalog()


def test_an_agreement_that_says_nothing_is_not_stated(tmp_path):
    (r,) = catalog_of(tmp_path, "notes.txt", NOTHING)
    assert {f: getattr(r, f).text for f in SINGLE_FIELDS} == {f: NOT_STATED for f in SINGLE_FIELDS}
    assert (r.parties, r.signatures) == ((), ())


def test_look_alikes_are_not_values(tmp_path):
    (r,) = catalog_of(tmp_path, "supply.txt", DECOY)
    assert r.governing_law.text == NOT_STATED  # where Supplier is organised is no governing law
    assert (r.term.text, r.expiry.text, r.agreement_date.text) == (NOT_STATED, NOT_STATED, NOT_STATED)  # 30 days
    assert [(p.text, p.role) for p in r.parties] == [("Alder Mills LLC", "Supplier"),
                                                     ("Birchwood Foods Corp.", "Buyer")]
    assert r.title.text == "SUPPLY AGREEMENT"


OTHER_LAW = (
    "ESCROW SERVICES AGREEMENT\n\nThis Escrow Services Agreement is made as of June 1, 2021 by and between Larch "
    "Escrow Inc. (\"Agent\") and Sable Homes LLC (\"Client\").\n\n"
    "1. Services. Agent shall hold the deposits in trust. Should any term of this Agreement conflict with the Nevada "
    "Escrow Law, its rules or regulations, which govern Agent's business practices, the Nevada Escrow Law shall "
    "prevail.\n\n"
    "2. Fees. Client shall pay the fees in Schedule A.\n\n"
    "3. Miscellaneous. This Agreement shall be governed by and construed under the laws of the State of Utah.\n")
EARLIER_DOCUMENT = (
    "CABLE MAINTENANCE AGREEMENT\n\nThis Cable Maintenance Agreement is made on the 2nd day of May 2004 by and "
    "between Tern Telecom Ltd (\"Tern\") and Wren Networks Co. (\"Wren\").\n\n"
    "WHEREAS, the parties signed a Memorandum of Understanding to plan the cable effective from 16th June 1999 "
    "(the \"MOU\"); and WHEREAS, the MOU continues until this agreement is signed;\n\n"
    "NOW, THEREFORE, the parties agree as follows:\n\n"
    "1. Duration. This Agreement shall become effective on the date first above written.\n")


def test_the_law_governing_the_agreement_not_a_law_governing_something_else(tmp_path):
    (r,) = catalog_of(tmp_path, "escrow.txt", OTHER_LAW)
    law = r.governing_law
    assert (law.text, law.start, law.normal) == ("Utah", OTHER_LAW.index("Utah"), "utah")
    assert law.citation.clause == "3"


def test_a_date_a_recital_gives_another_document_is_not_the_effective_date(tmp_path):
    (r,) = catalog_of(tmp_path, "cable.txt", EARLIER_DOCUMENT)
    assert (r.agreement_date.text, r.agreement_date.start) == ("2nd day of May 2004",
                                                               EARLIER_DOCUMENT.index("2nd day of May 2004"))
    # "effective on the date first above written": the agreement's own date, not the MOU's
    assert (r.effective_date.text, r.effective_date.start) == ("2nd day of May 2004",
                                                               EARLIER_DOCUMENT.index("2nd day of May 2004"))


DEFINED = ("CONTENTS\n\n1. Appointment\n2. Term\n\nDISTRIBUTOR AGREEMENT\n\nDISTRIBUTOR AGREEMENT (the \"Agreement\") "
           "is made as of the 1st day of January, 1996 by and between Oak Software Inc. (\"Licensor\") and Pine "
           "Systems Ltd. (\"Distributor\").\n\n1. Appointment. Licensor appoints Distributor for Canada.\n\n"
           "2. Term. This Agreement runs for two (2) years.\n")
SIGNED_BEFORE_SCHEDULE = (
    "HOSTING AGREEMENT\n\nThis Hosting Agreement is between Quill Media Inc. (\"Client\") and Reed Hosting LLC "
    "(\"Host\").\n\n1. Services. Host shall host the Client's site.\n\n2. Fees. Client shall pay the fees "
    "below.\n\nTHUS DONE AND SIGNED at Pretoria on this 31st day of March 2001     For and on behalf of QUILL MEDIA "
    "INC. /s/ Ann Lee     For and on behalf of REED HOSTING LLC /s/ Bo Chan\n\n"
    "SERVICES AND FEES\n\n" + "The monthly fee is $100. " * 120 + "\nThe setup fee of $500 is due on March 1, 2001.\n")


def test_the_sentence_defining_the_agreement_dates_it(tmp_path):
    (r,) = catalog_of(tmp_path, "distributor.txt", DEFINED)
    assert (r.agreement_date.text, r.agreement_date.normal) == ("1st day of January, 1996", "1996-01-01")
    assert r.agreement_date.start == DEFINED.index("1st day of January, 1996")  # in the opening, not the contents
    assert "DISTRIBUTOR AGREEMENT (the \"Agreement\") is made as of the 1st day" in r.agreement_date.citation.quote


def test_an_undated_agreement_is_dated_by_its_signature_block_even_before_a_schedule(tmp_path):
    (r,) = catalog_of(tmp_path, "hosting.txt", SIGNED_BEFORE_SCHEDULE)
    date = r.agreement_date
    assert (date.text, date.normal) == ("31st day of March 2001", "2001-03-31")
    assert date.start == SIGNED_BEFORE_SCHEDULE.index("31st day of March 2001")
    assert "THUS DONE AND SIGNED at Pretoria" in date.citation.quote


MONTH_WITH_A_PERIOD = ("SERVICE AGREEMENT\n\nThis Service Agreement (\"Agreement\") is entered into on April. 1st 2019 "
                       "(\"Effective Date\") by and between Lark Ltd (\"Lark\") and Moss LLC (\"Moss\").\n\n"
                       "1. Services. Moss shall maintain Lark's servers.\n")
FORM = ("ENDORSEMENT AGREEMENT\n\nTHIS ENDORSEMENT AGREEMENT is made and entered into effective this day of "
        "___________________, 19__, by and between Wren, Inc. (the \"Company\") and _____________ (\"Athlete\").\n\n"
        "1. Endorsement. Athlete shall endorse the Company's shoes.\n")


def test_a_month_written_with_a_period_dates_the_agreement(tmp_path):
    (r,) = catalog_of(tmp_path, "service.txt", MONTH_WITH_A_PERIOD)
    assert (r.agreement_date.text, r.agreement_date.normal) == ("April. 1st 2019", "2019-04-01")
    assert r.agreement_date.start == MONTH_WITH_A_PERIOD.index("April. 1st 2019")
    assert r.agreement_date.citation.quote.endswith("and Moss LLC (\"Moss\").")  # "April." ends no sentence


def test_a_form_left_undated_states_its_blank(tmp_path):
    (r,) = catalog_of(tmp_path, "form.txt", FORM)
    assert (r.agreement_date.text, r.agreement_date.normal) == ("this day of ___________________, 19__", "")
    assert r.agreement_date.start == FORM.index("this day of ___")


DROPPED_BLANK = ("BUSINESS DEVELOPMENT AGREEMENT\n\nTHIS BUSINESS DEVELOPMENT AGREEMENT (the \"Agreement\") is "
                 "effective as of , 2020 (the \"Effective Date\"), by and between Kestrel Metals Inc. (\"Kestrel\") and "
                 "Lynx Partners LLC (\"Lynx\").\n\n1. Services. Lynx shall introduce buyers to Kestrel.\n")
TITLE_BLANK = ("Exhibit 1.2\n\nHERON BANCORP  up to    Shares  COMMON SHARES  AGENCY AGREEMENT   , 2009\n\n"
               "Keefe Capital, Inc. 787 Seventh Avenue New York, New York\n\nLadies and Gentlemen:\n\n"
               "Heron Bancorp (the \"Company\") confirms its agreement with Keefe Capital, Inc. (the \"Agent\") "
               "as follows.\n\n1. Appointment. The Company appoints the Agent as its agent for the offering.\n")
SIGNED_UNDER_SEAL = ("COOPERATION AGREEMENT\n\nParty A: Fenwick County Council\nParty B: Osprey Solar Co., Ltd.\n\n"
                     "1. Project. Party B shall build a solar plant in the county.\n\n"
                     "2. Support. Party A shall grant the permits the project needs.\n\n"
                     "Party A: Fenwick County Council (seal) Ann Rao (signature) June 25, 2014   "
                     "Party B: Osprey Solar Co., Ltd. (seal) Bo Min (signature) June 25, 2014\n")


def test_a_blank_the_filing_dropped_still_gives_the_year(tmp_path):
    """"effective as of , 2020": the day and month were left blank and the filing dropped the line."""
    (r,) = catalog_of(tmp_path, "development.txt", DROPPED_BLANK)
    assert (r.agreement_date.text, r.agreement_date.normal) == (", 2020", "2020")
    assert r.agreement_date.start == DROPPED_BLANK.index(", 2020")


def test_a_title_dated_with_a_blank_gives_the_year(tmp_path):
    (r,) = catalog_of(tmp_path, "agency.txt", TITLE_BLANK)
    assert (r.agreement_date.text, r.agreement_date.normal) == (", 2009", "2009")
    assert r.agreement_date.start == TITLE_BLANK.index(", 2009")


def test_a_date_written_after_a_signature_dates_an_undated_agreement(tmp_path):
    (r,) = catalog_of(tmp_path, "cooperation.txt", SIGNED_UNDER_SEAL)
    assert (r.agreement_date.text, r.agreement_date.normal) == ("June 25, 2014", "2014-06-25")
    assert r.agreement_date.start in {m.start() for m in __import__("re").finditer("June 25, 2014", SIGNED_UNDER_SEAL)}


CONTENTS_FIRST = ("FRANCHISE AGREEMENT\n\nTABLE OF CONTENTS\n\n"
                  + "".join(f"Provision on {topic} and its schedules . . . . . . . . . . . . . {n}\n"
                            for n, topic in enumerate(["fees", "territory", "training", "marks", "audits"] * 50, 1))
                  + "\nFRANCHISE AGREEMENT\n\nThis Franchise Agreement is made as of the 2nd day of May, 1997 by and "
                  "between Pretzel Oak, Inc. (\"Franchisor\") and Tom Birch (\"Franchisee\").\n\n"
                  "1. Grant. Franchisor grants Franchisee a franchise.\n")


def test_a_long_table_of_contents_does_not_hide_the_opening(tmp_path):
    assert CONTENTS_FIRST.index("This Franchise") > 10000
    (r,) = catalog_of(tmp_path, "franchise.txt", CONTENTS_FIRST)
    assert (r.agreement_date.text, r.agreement_date.normal) == ("2nd day of May, 1997", "1997-05-02")
    assert r.agreement_date.start == CONTENTS_FIRST.index("2nd day of May, 1997")


# -- computed at index time, once per file version -----------------------------------------------

LAW = "This Agreement is governed by the laws of the State of {}."
FILE_A = ("SERVICES AGREEMENT\n\nThis Services Agreement is made as of May 1, 2023 by and between Cobalt Ltd "
          "(\"Cobalt\") and Dune LLC (\"Dune\").\n\n1. Services. Dune shall clean the offices.\n\n"
          "2. Law. " + LAW + "\n")
FILE_B = ("LEASE AGREEMENT\n\nThis Lease Agreement is made as of June 2, 2022 by and between Elm Ltd (\"Lessor\") "
          "and Fir LLC (\"Lessee\").\n\n1. Rent. Lessee shall pay rent monthly.\n\n2. Law. " + LAW + "\n")


@pytest.fixture
def counted(monkeypatch):
    """The names of the files whose agreements the build extracts catalog entries from."""
    seen: list[str] = []
    real = index_catalog.extract

    def extract(agreements, clauses):
        seen.append(clauses[0].file if clauses else "")
        return real(agreements, clauses)

    monkeypatch.setattr(index_catalog, "extract", extract)
    return seen


def test_unchanged_files_are_not_extracted_again_and_changed_ones_are(tmp_path, counted):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(FILE_A.format("Oregon"))
    (folder / "b.txt").write_text(FILE_B.format("Texas"))
    qa = Assistant.from_paths([str(folder)], index_dir=str(tmp_path / "index"), model="hashing")
    assert sorted(counted) == ["a.txt", "b.txt"]
    assert [r.governing_law.text for r in qa.catalog()] == ["Oregon", "Texas"]

    counted.clear()
    report = qa.add_paths([str(folder)])
    assert [f.status for f in report.files] == ["unchanged", "unchanged"] and counted == []

    (folder / "a.txt").write_text(FILE_A.format("Vermont"))
    report = qa.add_paths([str(folder)])
    assert counted == ["a.txt"] and [f.status for f in report.files] == ["updated", "unchanged"]
    assert [r.governing_law.text for r in qa.catalog()] == ["Vermont", "Texas"]
    # a fresh process reads what the build stored, extracting nothing
    counted.clear()
    assert [r.governing_law.text for r in Assistant.open(str(tmp_path / "index")).catalog()] == ["Vermont", "Texas"]
    assert counted == []


def test_new_catalog_rules_re_extract_from_stored_clauses_without_segmenting(tmp_path, counted, monkeypatch):
    (tmp_path / "a.txt").write_text(FILE_A.format("Oregon"))
    qa = Assistant.from_paths([str(tmp_path / "a.txt")], index_dir=str(tmp_path / "index"), model="hashing")
    stored = next((tmp_path / "index" / "vectors").glob("*/catalog-*.json"))
    assert json.loads(stored.read_text())["version"] == index_catalog.version()
    counted.clear()
    monkeypatch.setattr(index_catalog, "version", lambda: "newer-rules")
    report = qa.add_paths([str(tmp_path / "a.txt")])
    assert [f.status for f in report.files] == ["unchanged"] and counted == ["a.txt"]
    assert not stored.exists()  # the old rules' entries are gone
    newer = stored.with_name("catalog-newer-rules.json")
    assert json.loads(newer.read_text())["version"] == "newer-rules"


def test_a_missing_catalog_is_read_from_the_clauses(tmp_path, counted):
    (tmp_path / "b.txt").write_text(FILE_B.format("Idaho"))
    Assistant.from_paths([str(tmp_path / "b.txt")], index_dir=str(tmp_path / "index"), model="hashing")
    for stored in (tmp_path / "index" / "vectors").glob("*/catalog-*.json"):
        stored.unlink()  # an index built before the catalog existed
    counted.clear()
    assert [r.governing_law.text for r in Assistant.open(str(tmp_path / "index")).catalog()] == ["Idaho"]
    assert counted == ["b.txt"]


# -- the command ----------------------------------------------------------------------------------

@pytest.fixture
def wide(monkeypatch):
    monkeypatch.setattr(cli.console, "width", 600)
    monkeypatch.setattr(cli.err, "width", 400)


def test_cli_csv_has_every_field_with_clause_offsets_and_quote(indexed, wide):
    _, index_dir = indexed
    result = runner.invoke(cli.app, ["catalog", "--index", str(index_dir), "--format", "csv", "--file", NDA])
    assert result.exit_code == 0, result.output
    (line,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert (line["agreement"], line["governing_law"], line["governing_law_clause"], line["governing_law_offsets"],
            line["governing_law_normal"]) == ("Acme Robotics, Inc. and Birch Analytics LLC", "Delaware", "10",
                                              "2808-2816", "delaware")
    assert line["governing_law_quote"].startswith("This Agreement is governed by the laws of the State of Delaware")
    assert line["parties_offsets"] == "162-181; 283-302" and line["renewal"] == NOT_STATED
    assert line["signatures"] == ("Daniel Okafor for ACME ROBOTICS, INC. on March 4, 2024; "
                                  "Priya Raman for BIRCH ANALYTICS LLC on March 5, 2024")


def test_cli_json_is_the_rows_as_data(indexed, wide):
    _, index_dir = indexed
    result = runner.invoke(cli.app, ["catalog", "--index", str(index_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data) == 19 and data[0]["key"] == f"{F000}#1"
    law = data[0]["governing_law"]
    assert (law["text"], law["start"], law["citation"]["clause"], law["citation"]["start"]) == (
        "Massachusetts", 3047, "7", 2992)
    assert data[0]["effective_date"] == {"text": NOT_STATED, "start": -1, "end": -1, "citation": None, "normal": "",
                                         "role": ""}


def test_cli_table_shows_values_with_their_clauses(indexed, wide):
    _, index_dir = indexed
    result = runner.invoke(cli.app, ["catalog", "--index", str(index_dir), "--file", F000])
    assert result.exit_code == 0, result.output
    assert "Agreement catalog — 1 agreement" in result.stdout
    body = [[c.strip() for c in line.strip("│").split("│")] for line in result.stdout.splitlines()
            if line.startswith("│")]
    assert body[0][:4] == ["Xin Wang", f"{F000} #1", "ICML Publication Agreement (preamble)",
                           "Xin Wang; PMLR (“publisher”); IMLS; ICML"]
    assert body[0][catalog_view.HEADERS.index("Governing law")] == "Massachusetts (clause 7)"


def test_cli_table_in_a_narrow_terminal_is_a_field_per_line(indexed, monkeypatch):
    """An 80-column terminal cannot hold 15 columns: each agreement becomes its own field/value table."""
    monkeypatch.setattr(cli.console, "width", 80)
    _, index_dir = indexed
    result = runner.invoke(cli.app, ["catalog", "--index", str(index_dir), "--file", F000])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:2] == ["Agreement catalog — 1 agreement", f"Xin Wang — {F000} #1".ljust(80)]
    body = {cells[0]: cells[1] for cells in ([c.strip() for c in line.strip("│").split("│")]
                                             for line in lines if line.startswith("│")) if cells[0]}
    assert body["Governing law"] == "Massachusetts (clause 7)"
    assert body["Title"] == "ICML Publication Agreement (preamble)"
    assert body["Courts / venue"] == "not stated"
    assert max(len(line) for line in lines) <= 80


@pytest.mark.parametrize("args, error", [
    (["--format", "xml"], "Error: Unknown format 'xml' — use table, csv or json"),
    (["--file", "nope.txt"], "Error: Not indexed: nope.txt — indexed files:"),
])
def test_cli_errors(indexed, wide, args, error):
    _, index_dir = indexed
    result = runner.invoke(cli.app, ["catalog", "--index", str(index_dir), *args])
    assert result.exit_code == 1 and result.stderr.startswith(error), result.output


# -- the UI's Agreements tab ----------------------------------------------------------------------

def test_ui_catalog_table_opens_the_clause_of_a_clicked_value():
    cells, rows = ui_app.catalog_table(FakeAssistant())
    law_column = catalog_view.HEADERS.index("Governing law")
    assert cells[0][:2] == ["Xin Wang", f"{F000} #1"] and cells[0][law_column] == "Massachusetts (clause 7)"
    panel = ui_app.catalog_source_for_cell(rows, [0, law_column])
    assert "<mark>It will be governed by the laws of the Commonwealth of <strong class=\"cqa-value\">Massachusetts" \
           "</strong>.</mark>" in panel and "clause 7" in panel
    assert "this cell says “not stated”" in ui_app.catalog_source_for_cell(rows, [0, law_column + 1])
    assert ui_app.catalog_source_for_cell(rows, None) == catalog_view.SOURCE_PLACEHOLDER


def test_ui_agreements_tab_has_the_catalog():
    import gradio as gr

    demo = ui_app.build_app(FakeAssistant())
    grids = [b for b in demo.blocks.values() if isinstance(b, gr.Dataframe) and b.elem_id == "cqa-catalog"]
    assert len(grids) == 1 and grids[0].headers == catalog_view.HEADERS
    assert any(getattr(b, "elem_id", None) == "cqa-catalog-source" for b in demo.blocks.values())


def test_ui_panel_marks_every_party(qa):
    rows = qa.catalog(files=[NDA])
    panel = catalog_view.source_panel(rows, 0, catalog_view.HEADERS.index("Parties"))
    assert panel.count('<strong class="cqa-value">') == 2 and "Birch Analytics LLC</strong>" in panel


# -- shapes --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, normal", [
    ("23rd day of September 1998", "1998-09-23"), ("1 st  day of May 2006", "2006-05-01"),
    ("24 OCT 2011", "2011-10-24"), ("February ____, 2017", "2017-02"), ("[___], 2020", "2020"),
    ("9/23/98", "1998-09-23"), ("13/07/05", "2005-07-13"), ("Feb 30, 2020", None),
    ("20th day of Friday, March 2020", "2020-03-20"), ("1st day of    --- November, 2003", "2003-11-01"),
    ("20 March day of 1998", "1998-03-20"), ("April. 1st 2019", "2019-04-01"),
    ("first day of July, 2017", "2017-07-01"), ("Twenty First day of May, 2003", "2003-05-21"),
    ("thirty-first day of June, 2020", None),
])
def test_dates_as_contracts_write_them(text, normal):
    assert date_normal(text) == normal


@pytest.mark.parametrize("text, normal", [
    ("sixty (60) days", "60 days"), ("one year", "1 year"), ("twenty-four (24) months", "24 months"),
    ("year-to-year", "1 year"), ("ninety-five days", "95 days"),
])
def test_durations(text, normal):
    assert duration_normal(text) == normal


def test_catalog_value_defaults_to_not_stated():
    assert (CatalogValue().text, CatalogValue().stated) == (NOT_STATED, False)


def test_missing_clause_folder_is_not_created(tmp_path, sample_dir):
    (tmp_path / "x.txt").write_text(FILE_B.format("Utah"))
    qa = Assistant.from_paths([str(tmp_path / "x.txt")], index_dir=str(tmp_path / "index"), model="hashing")
    record = next(iter(qa.files()))
    shutil.rmtree(next((tmp_path / "index" / "vectors").iterdir()))
    assert qa.store.write_catalog(record, ()) is False  # never a folder holding only a catalog
    assert not any((tmp_path / "index" / "vectors").iterdir())


DRAFT_STAMPED = ("EXHIBIT 10.16\n\nDRAFT (Americas) 1/12/00 (Rev 1)          SUPPORT AND MAINTENANCE AGREEMENT\n\n"
                 "This Support and Maintenance Agreement (\"Agreement\") is entered into and is effective as of the "
                 "____ day of _______________2000 by and between Tern Systems, Inc. (\"Tern\") and Vole Corp. "
                 "(\"Vole\").\n\n1. Support. Tern shall support Vole's licensed software.\n")
LABELS_AFTER = ("STRATEGIC ALLIANCE AGREEMENT\n\nThis Strategic Alliance Agreement is between Kite Inc. (\"Kite\") and "
                "Perch Ltd. (\"Perch\").\n\n1. Alliance. Kite and Perch shall market each other's products.\n\n"
                + "".join(f"{n}. Duty {n}. Perch shall keep duty {n} of the plan.\n\n" for n in range(2, 16))
                + "In Witness Whereof, the Parties have executed this Agreement as of the date below.\n\n"
                "Kite Inc.     JOHN DOE     Signature     John Doe     Name     Chief Executive     Title     "
                "Toronto, ON 24 OCT 2011     Place Date\n")
YEARLESS = ("DISTRIBUTOR AGREEMENT\n\nTHIS AGREEMENT, made as of the 1st day of December, (the \"Effective Date\") "
            "by and between Finch Paints Ltd (\"Finch\") and Gull Trading Co (\"Gull\").\n\n"
            "1. Appointment. Finch appoints Gull as its distributor.\n")
MONTH_AND_YEAR = ("Heron Energy Co., Ltd.   Lark Gas Supply Co., Ltd.\n\nPROJECT COOPERATION AGREEMENT   July 2013\n\n"
                  "Party A: Heron Energy Co., Ltd.\nParty B: Lark Gas Supply Co., Ltd.\n\n"
                  "1. Project. Party A shall build the heat recovery plant.\n")
EFFECTIVE_ON_THE_COVER = ("DISTRIBUTOR AGREEMENT\n\nAgreement Number: N115          Effective Date: March 1, 1996\n\n"
                          "This Distributor Agreement is between Vireo Networks, Inc. (\"Vireo\") and Shrike Micro "
                          "Inc. (\"Shrike\").\n\n1. Appointment. Vireo appoints Shrike as a distributor.\n\n"
                          + "".join(f"{n}. Duty {n}. Shrike shall keep duty {n} of the price list.\n\n" for n in range(2, 16))
                          + "VIREO NETWORKS, INC.     SHRIKE MICRO INC.\nBy: /s/ Ann Lee     By: /s/ Bo Chan\n"
                          "Name: Ann Lee     Name: Bo Chan\nDate: October 16, 1996     Date: November 5, 1996\n")


SPELLED_DAY = ("MANUFACTURING AGREEMENT\n\nTHIS MANUFACTURING AGREEMENT (the \"Agreement\") is made this first day of "
               "July, 2017 (the \"Effective Date\") between Stork Foods, LLC (\"Stork\") and Egret Nutrition "
               "Corporation (\"Egret\").\n\n1. Term. The term ends on December 31, 2022.\n")
FILLED_BLANK = ("EXCLUSIVE DISTRIBUTOR AGREEMENT\n\nTHIS EXCLUSIVE DISTRIBUTOR AGREEMENT (the \"Agreement\") shall be "
                "effective as of _Dec. 8, 2005 (hereinafter \"Effective Date\"), by and between Ibis Health, Inc. "
                "(\"IBIS\") and Crane Pharma (\"CRANE\").\n\n1. Appointment. Ibis appoints Crane.\n")
ADDRESS_ABBREVIATIONS = ("Reseller Agreement\n\nThis Agreement is made and entered into by and between 695014 B.C. Ltd. "
                         "dba Plover Telecom, having a principal office at 200 Water Street, Vancouver (\"Plover\") and "
                         "Plover Net SRL, having a principal office at Aleea Malinului, Nr. 11, Bl. D, Apt. 43, "
                         "Constanta, Romania (\"Net\") as of the 1s t day of June, 2004.\n\n"
                         "WHEREAS: Plover sells telephony services.\n\n1. Appointment. Plover appoints Net.\n")
AMENDMENT = ("AMENDMENT 1 TO DEVELOPMENT AGREEMENT\n\nThis is the First Amendment (\"First Amendment\") to the "
             "Development Agreement (\"Development Agreement\") entered into on April 15, 2010, by and between Rail, "
             "Inc. (\"Rail\") and Coot S.A.S. (\"Coot\").\n\nRail and Coot agree as follows:\n\n"
             + "".join(f"{n}. Change {n}. Section {n} of the Development Agreement is deleted.\n\n" for n in range(1, 16))
             + "RAIL, INC.     COOT S.A.S.\nBy: /s/ Jack Hart     By: /s/ Jim Mills\n"
             "Date: July 14, 2011     Date: July 18, 2011\n")


@pytest.mark.parametrize("text, date, normal", [
    # a day spelled out: "made this first day of July, 2017"
    (SPELLED_DAY, "first day of July, 2017", "2017-07-01"),
    # a form's blank filled in after its underscore: "effective as of _Dec. 8, 2005"
    (FILLED_BLANK, "Dec. 8, 2005", "2005-12-08"),
    # an address's "B.C.", "Nr.", "Bl.", "Apt." split the opening before it dates the agreement
    (ADDRESS_ABBREVIATIONS, "1s t day of June, 2004", "2004-06-01"),
    # "the Development Agreement ... entered into on April 15, 2010" dates the amended agreement, not this
    # amendment: its signatures date it
    (AMENDMENT, "July 18, 2011", "2011-07-18"),
    # the cover's "DRAFT ... 1/12/00 (Rev 1)" dates the draft; the preamble left its date blank
    (DRAFT_STAMPED, "the ____ day of _______________2000", "2000"),
    # an undated agreement, its signature line labelled after its values ("24 OCT 2011     Place Date")
    (LABELS_AFTER, "24 OCT 2011", "2011-10-24"),
    # a date whose year the form left out is stated without one
    (YEARLESS, "the 1st day of December", ""),
    # a month and year beside the title
    (MONTH_AND_YEAR, "July 2013", "2013-07"),
])
def test_the_agreement_date_as_forms_and_filings_write_it(tmp_path, text, date, normal):
    (r,) = catalog_of(tmp_path, "agreement.txt", text)
    assert (r.agreement_date.text, r.agreement_date.normal) == (date, normal)
    assert r.agreement_date.start == text.index(date)


def test_a_covers_effective_date_gives_way_to_the_signatures(tmp_path):
    """"Effective Date: March 1, 1996" on the cover says when it takes effect; it was made when signed."""
    (r,) = catalog_of(tmp_path, "distributor.txt", EFFECTIVE_ON_THE_COVER)
    assert (r.agreement_date.text, r.agreement_date.normal) == ("November 5, 1996", "1996-11-05")
    assert r.agreement_date.start == EFFECTIVE_ON_THE_COVER.index("November 5, 1996")
    assert (r.effective_date.text, r.effective_date.normal) == ("March 1, 1996", "1996-03-01")


def test_a_covers_effective_date_dates_an_agreement_nothing_else_dates(tmp_path):
    unsigned = EFFECTIVE_ON_THE_COVER[:EFFECTIVE_ON_THE_COVER.index("VIREO NETWORKS, INC.")]
    (r,) = catalog_of(tmp_path, "distributor.txt", unsigned)
    assert (r.agreement_date.text, r.agreement_date.normal) == ("March 1, 1996", "1996-03-01")
    assert r.agreement_date.start == unsigned.index("March 1, 1996")
