"""Checking uploaded files and copying them, under safe names, into the uploads folder."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ALLOWED_EXTENSIONS = (".txt", ".md", ".pdf", ".docx")

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def sanitize_filename(name: str) -> str:
    """A safe basename: letters, digits, dot, dash, underscore; never a path or a hidden file.

    >>> sanitize_filename("../../etc/passwd.txt")
    'passwd.txt'
    """
    # Both separators: a name made on Windows arrives with backslashes even on Linux.
    base = re.split(r"[\\/]", name)[-1]
    base = _UNSAFE.sub("_", base)
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    # Leading dots would hide the file; ".txt" alone keeps its type under a plain name.
    stem, ext = stem.strip("._-"), ext.strip("._-")
    return f"{stem or 'upload'}.{ext}" if ext else stem or "upload"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _free_name(folder: Path, name: str, source: Path) -> Path:
    """The target path; an existing different file of that name is kept and a suffix added."""
    target = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    n = 2
    while target.exists() and _sha256(target) != _sha256(source):
        target = folder / f"{stem}-{n}{suffix}"
        n += 1
    return target


@dataclass
class PreparedUploads:
    paths: list[str] = field(default_factory=list)  # copied into the uploads folder, ready to index
    rejected: list[str] = field(default_factory=list)  # plain-words lines for files not taken


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def prepare_uploads(files: Sequence[str], folder: str | os.PathLike, max_mb: float) -> PreparedUploads:
    """Check type and size of each uploaded file and copy the good ones into `folder`."""
    out = PreparedUploads()
    dest = Path(folder)
    dest.mkdir(parents=True, exist_ok=True)
    limit = int(max_mb * 1024 * 1024)
    for raw in files:
        source = Path(raw)
        original = getattr(raw, "orig_name", None) or source.name
        name = sanitize_filename(str(original))
        ext = Path(name).suffix.lower()
        if ext not in ALLOWED_EXTENSIONS:
            shown = ext or "no extension"
            out.rejected.append(f"✗ {name} — not added: {shown} files are not accepted "
                                f"(use {', '.join(ALLOWED_EXTENSIONS)})")
            continue
        try:
            size = source.stat().st_size
        except OSError as exc:
            out.rejected.append(f"✗ {name} — not added: could not read the upload ({exc.strerror})")
            continue
        if size > limit:
            out.rejected.append(f"✗ {name} — not added: {_megabytes(size)} is over the "
                                f"{max_mb:g} MB limit per file")
            continue
        target = _free_name(dest, name, source)
        if not target.exists():
            # Copy then rename, so the index never sees a half-written file.
            fd, tmp = tempfile.mkstemp(dir=dest, prefix=".partial-")
            os.close(fd)
            try:
                shutil.copyfile(source, tmp)
                os.replace(tmp, target)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        out.paths.append(str(target))
    return out
