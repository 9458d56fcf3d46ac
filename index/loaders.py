"""Read agreement files (.txt .md .pdf .docx) into a LoadedDocument whose text every offset indexes."""

from __future__ import annotations

import hashlib
import io
import os
import re
from collections.abc import Iterable
from functools import partial
from itertools import chain
from pathlib import Path

from index.alphabets import best_spelled
from index.errors import LoadError
from index.types import LoadedDocument

SUPPORTED_EXTENSIONS = (".txt", ".md", ".pdf", ".docx")

NO_SUCH_PATH = "no such file or folder"
EMPTY = "empty file"
PDF_ENCRYPTED = "encrypted PDF: it needs a password to open; save an unprotected copy and index that"
PDF_CORRUPT = "corrupt or not a PDF"
PDF_NO_TEXT = "no text layer (scanned PDF?): needs OCR before it can be indexed"
DOCX_CORRUPT = "corrupt .docx (not a Word document python-docx can open)"

# A share of C0 control bytes this high never happens in real text; random bytes give ~9%.
_MAX_CONTROL_SHARE = 0.05
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xef\xbb\xbf", "utf-8"),
)

# charset-normalizer tells Latin-script code pages apart poorly (it reads French cp1252 as
# Baltic cp1257 and calls "Café" Urdu). So when Windows-1252 is among its plausible readings
# we take Windows-1252, unless it recognised a language that Western code pages cannot spell.
_CP1252_CANNOT_SPELL = frozenset(
    {"Croatian", "Czech", "Estonian", "Hungarian", "Lithuanian", "Polish", "Romanian",
     "Slovak", "Slovene", "Turkish", "Vietnamese"}
)


def _unsupported_reason(suffix: str) -> str:
    shown = suffix or "(no extension)"
    return f"unsupported file type {shown} (supported: {', '.join(SUPPORTED_EXTENSIONS)})"


def load_document(path: str | Path) -> LoadedDocument:
    """Read one file into a LoadedDocument, or raise LoadError with a plain reason.

    `text` is what the index's offsets point into, so it is returned exactly as decoded:
    .txt/.md keep their newlines as written ("\\r\\n" stays "\\r\\n", i.e. the text Python
    reads with `open(path, newline="")`), only a leading byte-order mark is dropped. PDF pages
    are joined with "\\n\\n"; .docx paragraphs with "\\n" (empty ones kept, table rows as
    tab-separated cells). `sha256` is of the raw file bytes, so identical files share it.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if not p.exists():
        raise LoadError(str(p), NO_SUCH_PATH)
    if p.is_dir():
        raise LoadError(str(p), "is a folder, not a file")
    if suffix not in SUPPORTED_EXTENSIONS:
        raise LoadError(str(p), _unsupported_reason(p.suffix))
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise LoadError(str(p), f"cannot be read ({exc.strerror or exc})") from exc
    if suffix == ".pdf":
        text = _pdf_text(p, data)
    elif suffix == ".docx":
        text = _docx_text(p, data)
    else:
        text = _plain_text(p, data)
    return LoadedDocument(
        path=str(p),
        name=p.name,
        text=text,
        kind=suffix[1:],
        sha256=hashlib.sha256(data).hexdigest(),
    )


def iter_input_files(
    paths: str | Path | Iterable[str | Path],
) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand files and folders into the files to index, plus (path, reason) problems.

    Folders are walked recursively in sorted order. Inside a folder we skip, silently:
    hidden files and folders (name starts with "."), Office lock files ("~$..."), files
    with unsupported extensions, and any file named README.md (case-insensitive) — a corpus
    folder's README describes the corpus (data/agreements/README.md does) rather than being
    an agreement. A file named explicitly is always taken if its extension is supported, a
    README.md included. Missing paths and explicitly named unsupported files are problems.
    Each file appears once, at its first mention.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    seen: set[Path] = set()

    def add(f: Path) -> None:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            files.append(f)

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in _walk_folder(p):
                add(f)
        elif p.is_file():
            if p.suffix.lower() in SUPPORTED_EXTENSIONS:
                add(p)
            else:
                problems.append((str(p), _unsupported_reason(p.suffix)))
        else:
            problems.append((str(p), NO_SUCH_PATH))
    return files, problems


def _walk_folder(root: Path) -> list[Path]:
    found: list[Path] = []
    for folder, dirs, names in os.walk(root):
        # Pruning in place keeps os.walk out of .git, .venv and the like.
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith((".", "~$")) or name.lower() == "readme.md":
                continue
            if os.path.splitext(name)[1].lower() in SUPPORTED_EXTENSIONS:
                found.append(Path(folder) / name)
    return sorted(found)


# --- plain text -------------------------------------------------------------------------


def _plain_text(p: Path, data: bytes) -> str:
    if not data:
        raise LoadError(str(p), EMPTY)
    binary = f"binary data, not text (is it really a {p.suffix} file?)"
    text = _decode_bom(data)
    if text is None:
        # Outside UTF-16/32 a NUL byte never occurs in text, and C0 control bytes are never
        # part of a multi-byte character in the ASCII-compatible encodings we detect.
        if b"\x00" in data:
            raise LoadError(str(p), binary)
        controls = len(data.translate(None, _NOT_CONTROL_BYTES))
        if controls > _MAX_CONTROL_SHARE * len(data):
            raise LoadError(str(p), binary)
        text = _decode_guess(data)
    elif "\x00" in text or len(_CONTROL_CHARS.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise LoadError(str(p), binary)
    if not text or text.isspace():
        raise LoadError(str(p), EMPTY)
    return text


def _decode_bom(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _decode_guess(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        matches = []
    else:
        matches = list(from_bytes(data))
    readings = chain(map(str, matches), map(partial(_decode_or_none, data), _LATIN_CODE_PAGES))
    return best_spelled(_detected(data, matches), (text for text in readings if text is not None))


# the Windows code pages of Latin-script languages: a reading charset-normalizer may not offer
_LATIN_CODE_PAGES = ("cp1252", "cp1250", "cp1254", "cp1257")


def _decode_or_none(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _detected(data: bytes, matches: list) -> str:
    """charset-normalizer's reading, Windows-1252 where that is among its plausible ones."""
    best = matches[0] if matches else None
    if best is not None:
        western = any("cp1252" in m.could_be_from_charset for m in matches)
        if not western or best.language in _CP1252_CANNOT_SPELL:
            return str(best)
    try:
        western_text = data.decode("cp1252")
    except UnicodeDecodeError:
        # Latin-1 cannot fail; it only runs without charset-normalizer.
        return str(best) if best is not None else data.decode("latin-1")
    return western_text


# --- PDF ----------------------------------------------------------------------------------


def _pdf_text(p: Path, data: bytes) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError
    except ImportError as exc:
        raise LoadError(str(p), "reading .pdf files needs pypdf — run: pip install pypdf") from exc
    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception as exc:  # pypdf raises many types on damaged input
        raise LoadError(str(p), PDF_CORRUPT) from exc
    try:
        # Many PDFs are encrypted only to restrict printing; they open with an empty password.
        if encrypted and not reader.decrypt(""):
            raise LoadError(str(p), PDF_ENCRYPTED)
        pages = reader.pages
        texts = []
        for number, page in enumerate(pages, start=1):
            try:
                texts.append(page.extract_text() or "")
            except DependencyError:
                raise
            except Exception as exc:
                raise LoadError(str(p), f"{PDF_CORRUPT} (page {number} could not be read)") from exc
    except DependencyError as exc:
        raise LoadError(
            str(p),
            "encrypted PDF (AES): reading it needs the cryptography package — "
            "run: pip install cryptography",
        ) from exc
    except LoadError:
        raise
    except Exception as exc:
        raise LoadError(str(p), PDF_ENCRYPTED if encrypted else PDF_CORRUPT) from exc
    text = "\n\n".join(texts)
    if not text or text.isspace():
        raise LoadError(str(p), PDF_NO_TEXT)
    return text


# --- DOCX ---------------------------------------------------------------------------------


def _docx_text(p: Path, data: bytes) -> str:
    try:
        import docx
    except ImportError as exc:
        raise LoadError(
            str(p), "reading .docx files needs python-docx — run: pip install python-docx"
        ) from exc
    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_docx_lines(document.element.body, document))
    except Exception as exc:  # bad zip, missing parts, broken XML all mean the same to a person
        raise LoadError(str(p), DOCX_CORRUPT) from exc
    text = "\n".join(lines)
    if not text or text.isspace():
        raise LoadError(str(p), EMPTY)
    return text


def _docx_lines(container, parent) -> Iterable[str]:
    """Body paragraphs and tables in reading order, descending into content controls."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, parent).text
        elif child.tag == qn("w:tbl"):
            for row in Table(child, parent).rows:
                cells, last = [], None
                for cell in row.cells:
                    # A merged cell is returned once per grid column it spans.
                    if cell._tc is not last:
                        cells.append(cell.text)
                        last = cell._tc
                yield "\t".join(cells)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _docx_lines(content, parent)
