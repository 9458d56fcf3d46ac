"""Tests for index/loaders.py: every supported format, every way a file can be bad, folder expansion."""

from __future__ import annotations

import io
import random
import re
import sys
from pathlib import Path

import pytest

from index.errors import ClauseQAError, LoadError
from index.loaders import SUPPORTED_EXTENSIONS, iter_input_files, load_document

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
CUAD_PDF_DIR = SHARED / "cuad" / "pdf"
CUAD_TXT_DIR = SHARED / "cuad" / "contracts"
CUAD_PDFS = sorted(CUAD_PDF_DIR.iterdir()) if CUAD_PDF_DIR.is_dir() else []

LATIN1_TEXT = "Le présent contrat est conclu à Genève entre la Société Générale et M. Müller, naïf.\n"


# --- helpers that build inputs ------------------------------------------------------------


def pdf_bytes(pages: list[str] | None = None, *, blank_pages: int = 0, password: str | None = None) -> bytes:
    """A small PDF: one Helvetica text line per entry of `pages`, or `blank_pages` empty pages."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    for line in pages or []:
        page = writer.add_blank_page(300, 100)
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 12 Tf 10 50 Td ({line}) Tj ET".encode("latin-1"))
        page.replace_contents(stream)
    for _ in range(blank_pages):
        writer.add_blank_page(72, 72)
    if password is not None:
        writer.encrypt(user_password=password, owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Services Agreement", level=1)
    document.add_paragraph("1. Term. This Agreement starts on 1 March 2024.")
    document.add_paragraph("")
    document.add_paragraph("2. Fees. The Client pays EUR 5 000 per month — net 30.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Party"
    table.cell(0, 1).text = "Signature"
    table.cell(1, 0).text = "Acme GmbH"
    table.cell(1, 1).text = "J. Müller"
    document.add_paragraph("3. Governing law: Zürich.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- error cases, as one table ------------------------------------------------------------

ERROR_CASES = [
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \r\n\t\n   \n", "empty file"),
    ("bom-only.txt", b"\xef\xbb\xbf\n", "empty file"),
    ("junk.txt", random.Random(0).randbytes(4096), "binary data, not text (is it really a .txt file?)"),
    (
        "junk-no-nul.md",
        bytes(random.Random(1).choices(range(1, 256), k=4096)),
        "binary data, not text (is it really a .md file?)",
    ),
    ("one-nul.txt", b"A contract\x00 with a NUL byte", "binary data, not text (is it really a .txt file?)"),
    (
        "junk-utf16.txt",
        b"\xff\xfe" + "\x01\x02\x03\x04 text".encode("utf-16-le") * 50,
        "binary data, not text (is it really a .txt file?)",
    ),
    ("random.pdf", random.Random(2).randbytes(2048), "corrupt or not a PDF"),
    ("text.pdf", b"This is plainly not a PDF file.\n", "corrupt or not a PDF"),
    ("truncated.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "corrupt or not a PDF"),
    (
        "locked.pdf",
        lambda: pdf_bytes(blank_pages=1, password="secret"),
        "encrypted PDF: it needs a password to open; save an unprotected copy and index that",
    ),
    (
        "scanned.pdf",
        lambda: pdf_bytes(blank_pages=3),
        "no text layer (scanned PDF?): needs OCR before it can be indexed",
    ),
    (
        # Encrypted only against editing: opens with an empty password, so we get to the pages.
        "restricted.pdf",
        lambda: pdf_bytes(blank_pages=1, password=""),
        "no text layer (scanned PDF?): needs OCR before it can be indexed",
    ),
    ("random.docx", random.Random(3).randbytes(2048), "corrupt .docx (not a Word document python-docx can open)"),
    ("old-word.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "corrupt .docx (not a Word document python-docx can open)"),
    ("sheet.xlsx", b"PK\x03\x04", "unsupported file type .xlsx (supported: .txt, .md, .pdf, .docx)"),
    ("notes.TXT.bak", b"hello", "unsupported file type .bak (supported: .txt, .md, .pdf, .docx)"),
    ("Makefile", b"all:\n", "unsupported file type (no extension) (supported: .txt, .md, .pdf, .docx)"),
]


@pytest.mark.parametrize("name, content, reason", ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_bad_inputs_raise_load_error_with_plain_reason(tmp_path, name, content, reason):
    data = content() if callable(content) else content
    path = write(tmp_path, name, data)
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert info.value.reason == reason
    assert info.value.path == str(path)
    assert str(info.value) == f"{path}: {reason}"


def test_missing_path_and_folder(tmp_path):
    with pytest.raises(LoadError) as info:
        load_document(tmp_path / "nope.txt")
    assert info.value.reason == "no such file or folder"
    with pytest.raises(LoadError) as info:
        load_document(tmp_path)
    assert info.value.reason == "is a folder, not a file"


def test_docx_with_broken_xml_is_corrupt(tmp_path):
    import zipfile

    good = io.BytesIO(docx_bytes())
    broken = io.BytesIO()
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, b"<w:document><unclosed" if item.filename == "word/document.xml" else data)
    path = write(tmp_path, "broken.docx", broken.getvalue())
    with pytest.raises(LoadError, match=r"corrupt \.docx"):
        load_document(path)


@pytest.mark.parametrize(
    "module, name, content, reason",
    [
        ("pypdf", "a.pdf", b"%PDF-1.4", "reading .pdf files needs pypdf — run: pip install pypdf"),
        (
            "docx",
            "a.docx",
            b"PK",
            "reading .docx files needs python-docx — run: pip install python-docx",
        ),
    ],
)
def test_missing_library_names_the_fix(tmp_path, monkeypatch, module, name, content, reason):
    monkeypatch.setitem(sys.modules, module, None)  # makes `import module` raise ImportError
    with pytest.raises(ClauseQAError) as info:
        load_document(write(tmp_path, name, content))
    assert info.value.reason == reason


# --- plain text ---------------------------------------------------------------------------


def test_latin1_text_keeps_its_accents(tmp_path):
    doc = load_document(write(tmp_path, "contrat.txt", LATIN1_TEXT.encode("latin-1")))
    assert doc.text == LATIN1_TEXT


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Café\n", "latin-1"),  # too short for detection: the Windows-1252 fallback decides
        ("Résumé: façade, déjà vu, Zürich, São Paulo\n", "latin-1"),
        ("The fee is 100 € – “net” of taxes… § 4\n", "cp1252"),
        ("12.3 Le Fournisseur indemnise le Client — déjà vu, à Genève.\n" * 50, "cp1252"),
        ("The Supplier pays 500 € to Señor Núñez at the office in München.\n", "cp1252"),
        ("Niniejsza umowa została zawarta między stronami w Łodzi, dnia 5 maja.\n", "cp1250"),
        ("Tato smlouva se uzavírá mezi smluvními stranami v Brně dne 5. května.\n", "cp1250"),
        # read as Western first ("S¹dem w³aœciwym"): the reading that spells its words in letters wins
        ("Umowa podlega prawu polskiemu. Sądem właściwym jest sąd w Warszawie.\n", "cp1250"),
        ("Zmluva sa riadi slovenským právom. Ľubovoľný spor, ktorýkoľvek z nich, rozhodne súd v Bratislave, "
         "ak sa strany veľmi skoro nedohodnú.\n", "cp1250"),
        # and a Western text with symbols beside letters keeps its reading
        ("The Licensee won´t resell the ACME®Cloud service; fees are £100 (½ upfront).\n", "cp1252"),
        ("¿Quién paga? ¡El comprador! Precio: 3.000 € más IVA; ¾ al contado.\n", "cp1252"),
        # charset-normalizer's language is wrong; the reading whose letters one language writes wins
        ("Contrat de services entre la Société Générale et M. Müller.\n\n1. Le présent contrat est conclu à "
         "Genève pour une durée d'un an.\n2. Il est régi par le droit suisse; le for est à Genève.\n", "latin-1"),
        ("Detta avtal regleras av svensk rätt. Tvister avgörs av Stockholms tingsrätt; "
         "avtalet gäller i två år.\n", "cp1252"),
        ("Bu sözleşme Türk hukukuna tabidir. Taraflar arasındaki uyuşmazlıklarda İstanbul mahkemeleri "
         "yetkilidir; ödeme süresi otuz gündür.\n", "cp1254"),
        ("Niniejsza umowa podlega prawu polskiemu; spory rozstrzyga sąd właściwy dla siedziby Zleceniodawcy "
         "w Poznaniu.\n", "cp1250"),
        ("Настоящий договор заключён между сторонами о нижеследующем.\n", "cp1251"),
        ("Η παρούσα σύμβαση συνάπτεται μεταξύ των συμβαλλομένων μερών.\n", "cp1253"),
    ],
    ids=[
        "latin1-short",
        "latin1-mixed-languages",
        "cp1252-symbols",
        "cp1252-french",
        "cp1252-spanish-german",
        "cp1250-polish",
        "cp1250-czech",
        "cp1250-polish-read-as-western-first",
        "cp1250-slovak-read-as-western-first",
        "cp1252-symbols-beside-letters",
        "cp1252-spanish-marks",
        "latin1-french-read-as-hungarian",
        "cp1252-swedish-read-as-central-european",
        "cp1254-turkish-read-as-slovak",
        "cp1250-polish-with-oe-read-as-western",
        "cp1251-russian",
        "cp1253-greek",
    ],
)
def test_legacy_encodings_are_detected(tmp_path, text, encoding):
    assert load_document(write(tmp_path, "a.txt", text.encode(encoding))).text == text


def test_latin1_without_charset_normalizer(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "charset_normalizer", None)
    doc = load_document(write(tmp_path, "contrat.md", LATIN1_TEXT.encode("latin-1")))
    assert doc.text == LATIN1_TEXT


def test_text_is_kept_exactly_so_offsets_match_the_file(tmp_path):
    raw = "1. Term\r\n\r\nThe term is   five years.\r\n2. Fees\rOld Mac line.\n"
    path = write(tmp_path, "crlf.txt", b"\xef\xbb\xbf" + raw.encode("utf-8"))
    doc = load_document(path)
    assert doc.text == raw  # BOM dropped, "\r\n" and "\r" kept, spaces untouched
    with open(path, encoding="utf-8-sig", newline="") as handle:
        assert doc.text == handle.read()
    start = doc.text.index("five")
    assert doc.text[start : start + 10] == "five years"


def test_utf16_with_bom(tmp_path):
    text = "Vertrag über Lieferungen\n§ 1 Gegenstand\n"
    doc = load_document(write(tmp_path, "v.txt", b"\xff\xfe" + text.encode("utf-16-le")))
    assert doc.text == text


def test_document_fields_and_sha256(tmp_path):
    import hashlib

    raw = "# Agreement\n\nBetween A and B.\n".encode("utf-8")
    doc = load_document(str(write(tmp_path, "Deal.MD", raw)))
    assert (doc.name, doc.kind, doc.path) == ("Deal.MD", "md", str(tmp_path / "Deal.MD"))
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()


def test_duplicate_files_share_sha256(tmp_path):
    raw = "1. Confidentiality. Each party keeps the other's information secret.\n".encode()
    first = load_document(write(tmp_path, "a.txt", raw))
    second = load_document(write(tmp_path / "", "copy of a.txt", raw))
    other = load_document(write(tmp_path, "b.txt", raw + b"\n"))
    assert first.sha256 == second.sha256 != other.sha256
    assert first.name != second.name


def test_twenty_megabyte_text_loads(tmp_path):
    line = "12.3 The Supplier shall indemnify the Customer against all losses — déjà vu.\n"
    count = 20_000_000 // len(line.encode("utf-8")) + 1
    path = write(tmp_path, "big.txt", (line * count).encode("utf-8"))
    assert path.stat().st_size >= 20_000_000
    doc = load_document(path)
    assert len(doc.text) == len(line) * count
    assert doc.text.endswith(line)


# --- PDF and DOCX -------------------------------------------------------------------------


def test_pdf_pages_are_joined_by_blank_lines(tmp_path):
    path = write(tmp_path, "Two.PDF", pdf_bytes(["1. Term of the Agreement", "2. Governing law"]))
    doc = load_document(path)
    assert doc.text == "1. Term of the Agreement\n\n2. Governing law"
    assert (doc.kind, doc.name) == ("pdf", "Two.PDF")


def test_docx_text_keeps_paragraphs_tables_and_empty_lines(tmp_path):
    doc = load_document(write(tmp_path, "services.docx", docx_bytes()))
    assert doc.kind == "docx"
    assert doc.text == (
        "Services Agreement\n"
        "1. Term. This Agreement starts on 1 March 2024.\n"
        "\n"
        "2. Fees. The Client pays EUR 5 000 per month — net 30.\n"
        "Party\tSignature\n"
        "Acme GmbH\tJ. Müller\n"
        "3. Governing law: Zürich."
    )


def test_empty_docx_is_empty(tmp_path):
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    with pytest.raises(LoadError) as info:
        load_document(write(tmp_path, "empty.docx", out.getvalue()))
    assert info.value.reason == "empty file"


@pytest.mark.skipif(
    not CUAD_PDFS,
    reason=f"CUAD sample PDFs not found at {CUAD_PDF_DIR} (CI clones shared/ beside the repo)",
)
@pytest.mark.parametrize("pdf", CUAD_PDFS, ids=[p.stem[:40] for p in CUAD_PDFS])
def test_real_pdfs_match_their_text_twins(pdf):
    doc = load_document(pdf)
    twin = CUAD_TXT_DIR / f"{pdf.stem}.txt"
    expected = set(re.findall(r"[a-z]{5,}", twin.read_text(encoding="utf-8").lower()))
    found = set(re.findall(r"[a-z]{5,}", doc.text.lower()))
    assert len(expected & found) >= 0.8 * len(expected)


# --- folders ------------------------------------------------------------------------------


def test_iter_input_files_expands_folders_and_reports_problems(tmp_path):
    corpus = tmp_path / "corpus"
    for rel in [
        "b.txt",
        "a.md",
        "sub/c.PDF",
        "sub/deeper/d.docx",
        "README.md",  # describes the corpus: skipped inside a folder
        "sub/readme.MD",
        ".hidden.txt",
        ".git/config.txt",
        "~$lock.docx",
        "sheet.xlsx",  # unsupported inside a folder: silently skipped
    ]:
        path = corpus / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    explicit_readme = corpus / "README.md"
    files, problems = iter_input_files(
        [corpus, explicit_readme, corpus / "b.txt", corpus / "sheet.xlsx", tmp_path / "missing"]
    )
    assert files == [
        corpus / "a.md",
        corpus / "b.txt",
        corpus / "sub" / "c.PDF",
        corpus / "sub" / "deeper" / "d.docx",
        explicit_readme,  # named explicitly, so it is taken
    ]
    assert problems == [
        (str(corpus / "sheet.xlsx"), "unsupported file type .xlsx (supported: .txt, .md, .pdf, .docx)"),
        (str(tmp_path / "missing"), "no such file or folder"),
    ]


def test_iter_input_files_accepts_a_single_path(tmp_path):
    path = write(tmp_path, "one.txt", "One clause.")
    assert iter_input_files(str(path)) == ([path], [])


def test_bundled_corpus_loads():
    files, problems = iter_input_files([REPO / "data" / "agreements"])
    assert problems == []
    assert [f.name for f in files] == sorted(f.name for f in files)
    assert len(files) == 5 and all(f.suffix == ".txt" for f in files)
    for f in files:
        doc = load_document(f)
        assert doc.kind == "txt" and "Agreement" in doc.text


def test_supported_extensions():
    assert SUPPORTED_EXTENSIONS == (".txt", ".md", ".pdf", ".docx")
