"""The fixed fit/validation split of CUAD (by contract) and fit/test halves of the hand-written pairs.

Anything fitted (the evidence ranker, the "not found" decision) reads only the fit parts; every
reported figure and the regression gate read only the validation/test parts.

- CUAD: a contract is in the validation part when the SHA-256 of its file name, read as a
  number, is divisible by 3 (142 of the 408 developer contracts); the rest (266) are for fitting.
  Within each part, contracts are ordered by that hash, so "the first N" is a fixed, unbiased pick
  that does not favour any filer or contract type the way alphabetical order would.
- Pairs: a pair is in the test half when the SHA-256 of its id is odd; the fit half is the rest.
"""

from __future__ import annotations

import hashlib

FIT = "fit"
VALIDATION = "validation"
TEST = "test"


def _hash(text: str) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16)


def cuad_part(file: str) -> str:
    """"fit" or "validation" for a CUAD contract file name."""
    return VALIDATION if _hash(file) % 3 == 0 else FIT


def cuad_files(files, part: str, limit: int | None = None) -> list[str]:
    """The contracts of one part, in the split's fixed order; the first `limit` of them."""
    if part not in (FIT, VALIDATION):
        raise ValueError(f"Unknown CUAD part {part!r}; valid: {FIT}, {VALIDATION}")
    chosen = sorted((f for f in set(files) if cuad_part(f) == part), key=lambda f: (_hash(f) // 3, f))
    return chosen[:limit] if limit else chosen


def pair_half(pair_id: str) -> str:
    """"fit" or "test" for a hand-written pair id."""
    return TEST if _hash(pair_id) % 2 else FIT
