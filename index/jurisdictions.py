"""Names of jurisdictions whose law contracts choose, so a governing law is found in any casing
("THE LAWS OF THE STATE OF DELAWARE APPLICABLE TO ...") and compared by name ("English law" is the
law of England). General knowledge, not learned from any contract set."""

from __future__ import annotations

import re
from functools import lru_cache

US_STATES = (
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois "
    "Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri "
    "Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington "
    "Wisconsin Wyoming").split() + [
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Rhode Island",
    "South Carolina", "South Dakota", "West Virginia", "District of Columbia", "Puerto Rico"]
PROVINCES = ["Ontario", "Quebec", "British Columbia", "Alberta", "Manitoba", "Saskatchewan", "Nova Scotia",
             "New Brunswick", "Newfoundland", "Prince Edward Island", "New South Wales", "Victoria", "Queensland",
             "Bavaria", "Scotland", "Northern Ireland", "England and Wales", "England", "Wales", "Hong Kong",
             "Delhi", "Bermuda", "Cayman Islands", "British Virgin Islands", "Jersey", "Guernsey", "Isle of Man"]
COUNTRIES = [
    "United States of America", "United States", "Canada", "Mexico", "Brazil", "Argentina", "Chile", "Colombia", "Peru",
    "United Kingdom", "Ireland", "France", "Germany", "Italy", "Spain", "Portugal", "Netherlands", "Belgium",
    "Luxembourg", "Switzerland", "Austria", "Sweden", "Norway", "Denmark", "Finland", "Iceland", "Poland",
    "Czech Republic", "Hungary", "Greece", "Turkey", "Russia", "Russian Federation", "Ukraine", "Israel", "Egypt",
    "South Africa", "Nigeria", "Kenya", "India", "Pakistan", "Singapore", "Malaysia", "Thailand", "Indonesia",
    "Philippines", "Vietnam", "Japan", "Korea", "Republic of Korea", "Taiwan", "China", "People's Republic of China",
    "PRC", "Australia", "New Zealand", "Papua New Guinea", "Kazakhstan", "United Arab Emirates", "Saudi Arabia",
    "Qatar", "Cyprus", "Malta", "Liechtenstein", "Monaco"]
# places whose names hold "and", which a party's description may name ("incorporated in England and
# Wales"): the jurisdictions above that do, and countries a governing law rarely names
PLACES_WITH_AND = tuple(n for n in US_STATES + PROVINCES + COUNTRIES if " and " in n) + (
    "Trinidad and Tobago", "Bosnia and Herzegovina", "Antigua and Barbuda", "Turks and Caicos", "Sao Tome and Principe",
    *(f"{saint} {rest}" for saint in ("Saint", "St.", "St") for rest in ("Kitts and Nevis",
                                                                         "Vincent and the Grenadines")))
# the adjective a contract may write instead ("governed by English law")
ADJECTIVES = {"English": "England", "Scottish": "Scotland", "Swiss": "Switzerland", "German": "Germany",
              "French": "France", "Dutch": "Netherlands", "Italian": "Italy", "Spanish": "Spain", "Irish": "Ireland",
              "Israeli": "Israel", "Chinese": "China", "Japanese": "Japan", "Korean": "Korea", "Indian": "India",
              "Canadian": "Canada", "Australian": "Australia", "Swedish": "Sweden", "Danish": "Denmark",
              "Norwegian": "Norway", "Finnish": "Finland", "Belgian": "Belgium", "Austrian": "Austria",
              "Singaporean": "Singapore", "Brazilian": "Brazil", "Mexican": "Mexico"}
CANONICAL = {"prc": "china", "people's republic of china": "china", "united states of america": "united states",
             "russian federation": "russia", "republic of korea": "korea"}
FEDERAL = {"united states", "canada", "australia", "united kingdom"}


@lru_cache(maxsize=1)
def pattern() -> re.Pattern:
    names = sorted(US_STATES + PROVINCES + COUNTRIES + list(ADJECTIVES), key=len, reverse=True)
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+").replace("'", "['’]?") for n in names)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def canonical(name: str) -> str:
    """"the State of New York" -> "new york", "English" -> "england", "PRC" -> "china"."""
    text = re.sub(r"\s+", " ", name.strip()).replace("’", "'")
    for adjective, place in ADJECTIVES.items():
        if text.lower() == adjective.lower():
            text = place
    text = text.lower()
    return CANONICAL.get(text, text)
