"""How well one reading of a legacy-encoded text spells its words in the letters of some language.

Bytes above 0x7F mean different letters in each 8-bit code page: 0xE0 0xE8 are "à è" in Windows-1252,
"ŕ č" in Windows-1250. charset-normalizer picks among such readings by statistics that short texts
defeat (a French contract conclu "à Genève" comes back Hungarian, "ŕ Genčve"). A language writes a
small, known set of letters beyond ASCII, so the reading whose letters one language could have
written is the right one: "à è é" are all French, "ŕ č é" no language's together.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

# The letters beyond ASCII each language of the 8-bit Latin, Greek and Cyrillic code pages writes, in
# lower case. A foreign name's letter ("Dvořák" in Hungarian) counts against a reading without ruling
# it out: readings are compared by how many such letters they write.
_LATIN_ALPHABETS = {
    "Albanian": "çë",
    "Catalan": "àçéèíïòóúü",
    "Croatian": "čćđšž",
    "Czech": "áčďéěíňóřšťúůýž",
    "Danish/Norwegian": "æøåé",
    "Dutch": "áéèëíïóöúü",
    "Estonian": "äöõüšž",
    "Finnish/Swedish": "åäöé",
    "French": "àâæçéèêëîïôœùûüÿ",
    "German": "äöüß",
    "Hungarian": "áéíóöőúüű",
    "Icelandic": "áðéíóúýþæö",
    "Italian": "àèéìíîòóùú",
    "Latvian": "āčēģīķļņšūž",
    "Lithuanian": "ąčęėįšųūž",
    "Polish": "ąćęłńóśźż",
    "Portuguese": "áâãàçéêíóôõúü",
    "Romanian": "ăâîșşțţ",
    "Slovak": "áäčďéíĺľňóôŕšťúýž",
    "Slovene": "čćđšž",
    "Spanish": "áéíñóúü",
    "Turkish": "çğıöşüâîû\u0307",  # "İ".lower() is "i" + U+0307
}
_ALPHABETS = [frozenset(letters) for letters in _LATIN_ALPHABETS.values()] + [
    frozenset(chr(c) for c in range(0x0370, 0x0400)),  # Greek
    frozenset(chr(c) for c in range(0x0400, 0x0530)),  # Cyrillic
]

# a symbol or a superscript digit between two letters ("S¹dem", "w³a", "mo¿e"): what the letters
# of another code page ("ą", "ł", "ż") turn into when read as Windows-1252; a text never spells so.
# Not the accents typed as apostrophes ("don´t").
_SYMBOLS = frozenset(chr(c) for c in range(0x80, 0x100) if unicodedata.category(chr(c))[0] == "S"
                     or unicodedata.category(chr(c)) == "No") - {"´", "¨", "¸"} | {"¿", "¡"}
_SYMBOL_CLASS = f"[{re.escape(''.join(sorted(_SYMBOLS)))}]"
_SYMBOL_IN_WORD = re.compile(rf"(?<=[^\W\d_]){_SYMBOL_CLASS}(?=[^\W\d_])")
# a Greek or Cyrillic letter beside a Latin one in a word ("Genиve"): Latin text read in another script
_SCRIPTS_MIXED = re.compile(r"[A-Za-z](?=[\u0370-\u052f])|[\u0370-\u052f](?=[A-Za-z])")


def misspellings(text: str) -> tuple[int, int]:
    """Letters beyond ASCII that the language fitting the text best does not write, and symbols
    standing inside words or words mixing scripts: (0, 0) for a text some language could have written."""
    letters = Counter(c for c in text.lower() if ord(c) > 0x7F and (c.isalpha() or c == "\u0307"))
    foreign = min((sum(n for c, n in letters.items() if c not in alphabet) for alphabet in _ALPHABETS),
                  default=0) if letters else 0
    return foreign, len(_SYMBOL_IN_WORD.findall(text)) + len(_SCRIPTS_MIXED.findall(text))


def best_spelled(chosen: str, others: Iterable[str]) -> str:
    """`chosen`, unless another reading has fewer misspellings in all and no more foreign letters (the
    fewest; the earlier of equals). One symbol inside a word is not enough to overrule `chosen`: a
    Western "ACME®Cloud ... £100" is not the Baltic "ACMEŪCloud ... Ģ100", whose letters Latvian writes;
    two ("s¹d w³aœciwy") are Polish read as Western."""
    best, (foreign, symbols) = chosen, misspellings(chosen)
    for other in others:
        if foreign == 0 and symbols < 2:
            break
        other_foreign, other_symbols = misspellings(other)
        if other_foreign <= foreign and other_foreign + other_symbols < foreign + symbols:
            best, foreign, symbols = other, other_foreign, other_symbols
    return best
