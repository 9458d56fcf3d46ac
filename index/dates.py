"""Dates and durations as contracts write them, with their normal forms: "the 23rd day of September
1998", "24 OCT 2011", "February ____, 2017" (a blank left to fill in), "9/23/98"; "sixty (60) days",
"one year". Spans are found here; what a date or duration means in a clause is the catalog's job."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
         r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# OCR splits ordinals ("1 st", "20t h"); a blank ("____", "[ ]") stands for a day or month left to fill in
_ORDINAL = r"\d{1,2}(?:\s?(?:s\s?t|n\s?d|r\s?d|t\s?h))?"
_BLANK = r"(?:_{2,}|\[[\s_•·*]*\])"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
# "the 20th day of Friday, March 2020", "1st day of --- November, 2003", "20 March day of 1998": slips a
# signed contract keeps
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# a day spelled out before "day of": "made this first day of July, 2017", "the twenty-first day of May"
_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_ORDINAL_DAYS = {word: n for n, word in enumerate(
    (*_UNITS, "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
     "eighteenth", "nineteenth", "twentieth"), 1)}
_ORDINAL_DAYS.update({f"twenty-{w}": 20 + n for n, w in enumerate(_UNITS, 1)})
_ORDINAL_DAYS.update({"thirtieth": 30, "thirty-first": 31})
_ORDINAL_WORD = r"(?:(?:twenty|thirty)[\s-]?)?(?:" + "|".join(sorted(
    {w.split("-")[-1] for w in _ORDINAL_DAYS}, key=len, reverse=True)) + ")"
DATE = re.compile(
    rf"(?:\b|(?<=_))(?P<m1>{MONTH})\s+(?P<d1>{_ORDINAL}|{_BLANK})(?:\s*,\s*|\s+)(?P<y1>{_YEAR})\b"
    rf"|(?:\b|(?<=_)|(?<=\bof))(?P<d2>{_ORDINAL}|{_BLANK})\s+(?:day\s+of\s+(?:{_WEEKDAY},?\s+|-{{2,}}\s*)?)?"
    rf"(?P<m2>{MONTH}|{_BLANK})\s*,?\s+(?:day\s+of\s+)?(?P<y2>{_YEAR})\b"
    r"|\b(?P<m3>\d{1,2})(?P<sep>[/-])(?P<d3>\d{1,2})(?P=sep)(?P<y3>\d{4}|\d{2})\b"
    r"|\b(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})\b"
    rf"|(?P<b5>{_BLANK})\s*,\s*(?P<y5>{_YEAR})\b"
    rf"|\b(?P<d6>{_ORDINAL_WORD})\s+day\s+of\s+(?P<m6>{MONTH})\s*,?\s+(?P<y6>{_YEAR})\b",
    re.IGNORECASE)

_NUMBERS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                 "hundred": 100, "a": 1, "an": 1, "one-half": 0.5})
_NUMWORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|" \
           r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)"
DURATION = re.compile(
    rf"\b(?P<n>\d+(?:\.\d+)?|{_NUMWORD}(?:[\s-]+{_NUMWORD})*)(?:\s*\((?P<digits>\d+)\))?[\s-]+"
    r"(?:full\s+|calendar\s+|business\s+|working\s+|consecutive\s+)?(?P<unit>days?|weeks?|months?|years?)\b"
    r"|\b(?P<each>year|month)[\s-]+to[\s-]+(?:year|month)\b",
    re.IGNORECASE)


def date_spans(text: str) -> list[tuple[int, int]]:
    """Every date in the text, blanks included, as (start, end)."""
    return [(m.start(), m.end()) for m in DATE.finditer(text) if date_normal(m.group()) is not None]


def date_normal(text: str) -> str | None:
    """"2018-12-31", or as much as is known of a date with blanks ("2017-02", "2000"); None when
    the text names no real date."""
    m = DATE.fullmatch(text.strip())
    if not m:
        return None
    year = next(g for g in (m["y1"], m["y2"], m["y3"], m["y4"], m["y5"], m["y6"]) if g)
    month = next((g for g in (m["m1"], m["m2"], m["m3"], m["m4"], m["m6"]) if g), None)
    day = next((g for g in (m["d1"], m["d2"], m["d3"], m["d4"]) if g), None)
    y = int(year) + (0 if len(year) == 4 else 1900 if int(year) >= 50 else 2000)
    d = int(re.sub(r"\D", "", day)) if day and re.match(r"\d", day) else None
    if m["d6"]:
        d = _ORDINAL_DAYS.get(re.sub(r"[\s-]+", "-", m["d6"].lower()))
    if month and month.isdigit() and int(month) > 12 and d is not None and d <= 12:
        month, d = str(d), int(month)  # "13/07/05": day first
    mo = _month(month)
    if mo is None:
        return f"{y:04d}" if month is None or _is_blank(month) else None
    if d is None:
        return f"{y:04d}-{mo:02d}"
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def month_number(name: str) -> int:
    """1-12 for a month's name or abbreviation ("Sept." -> 9)."""
    return _MONTHS.index(name[:3].lower()) + 1


def _month(text: str | None) -> int | None:
    if not text or _is_blank(text):
        return None
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 12 else None
    return month_number(text)


def _is_blank(text: str) -> bool:
    return bool(re.fullmatch(_BLANK, text.strip()))


def duration_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in DURATION.finditer(text) if duration_normal(m.group())]


def duration_normal(text: str) -> str:
    """"sixty (60) days" -> "60 days", "one year" -> "1 year", "year-to-year" -> "1 year"; "" if none."""
    m = DURATION.fullmatch(text.strip())
    if not m:
        return ""
    if m["each"]:
        return f"1 {m['each'].lower()}"
    number = float(m["digits"]) if m["digits"] else _number(m["n"])
    if number is None:
        return ""
    unit = m["unit"].lower().rstrip("s")
    n = int(number) if number == int(number) else number
    return f"{n} {unit}{'s' if n != 1 else ''}"


def _number(words: str) -> float | None:
    if re.fullmatch(r"\d+(?:\.\d+)?", words):
        return float(words)
    total = 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word not in _NUMBERS:
            return None
        total = total * 100 if word == "hundred" else total + _NUMBERS[word]
    return float(total)


def months(normal: str) -> float | None:
    """A duration's normal form in months, so "1 year" equals "12 months"."""
    m = re.fullmatch(r"(\d+(?:\.\d+)?) (day|week|month|year)s?", normal)
    if not m:
        return None
    per = {"day": 12 / 365, "week": 12 / 52, "month": 1, "year": 12}[m[2]]
    return round(float(m[1]) * per, 2)
