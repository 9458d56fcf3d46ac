"""A question in the parties' own names, asked again in the contract's terms.

People ask about "Vantrel" and "Cardinal Ridge"; the letter says "you" and "the Company", the NDA "the
Receiving Party". A name the clauses never use near the answer weighs on the "not found" decision
twice: as a rare asked word the answering sentence lacks, and in the question's embedding, which a
proper name pulls away from the fitted questions ("Is Cardinal Ridge barred from poaching Brightwater
personnel?" 0.31 found; "Is the party barred from poaching the other party personnel?" is found).
A refused question naming the agreement's parties is asked again with "the party" and "the other
party" in their place (or without the name where it only names the agreement: "the Brightwater letter
agreement"), saying which question it answers.

The names are the parties' own: each full name's leading words as the question writes them
("Vantrel" of "Vantrel Performance Materials Limited", "Cardinal Ridge" of "Cardinal Ridge Capital
Partners IV, L.P."), capitalised; not a role the agreement gives a party ("the Licensee"), which is
the contract's own word already.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.shapes import name_pattern

_WORD = re.compile(r"[A-Za-z][\w&'’.-]*")
# a name used to say which agreement ("the Brightwater letter agreement", "Acme's NDA")
_NAMING = r"(?:letter|agreement|contract|nda|cda|deal|lease|licen[cs]e|mou)\b"
_POSSESSIVE = r"(?:['’]s?)?"


def party_names_in(question: str, parties: Sequence[str]) -> list[str]:
    """The parties' names as the question writes them, longest first (then in the question's order): for
    each party whose name has two words or more, the most of its leading words the question holds,
    capitalised, at least four letters."""
    found: set[str] = set()
    for party in parties:
        words = _WORD.findall(party)
        if len(words) < 2:
            continue
        for k in range(len(words), 0, -1):
            m = name_pattern(" ".join(w.rstrip(".") for w in words[:k]), re.IGNORECASE).search(question)
            if m and len(m.group()) >= 4 and m.group()[0].isupper():
                found.add(m.group())
                break
    return sorted(found, key=lambda name: (-len(name), question.find(name)))


def without_party_names(question: str, parties: Sequence[str]) -> str:
    """The question with the parties' names replaced by "the party", then "the other party" (in the order
    the question names them), and dropped where they only name the agreement; the question itself when
    it names none."""
    names = party_names_in(question, parties)
    if not names:
        return question
    pattern = re.compile(rf"(?:\bthe\s+)?\b(?P<name>{'|'.join(map(re.escape, names))})\b(?P<pos>{_POSSESSIVE})"
                         rf"(?P<naming>\s+(?=(?:\w+\s+)?{_NAMING}))?", re.IGNORECASE)
    order: list[str] = []

    def replaced(m: re.Match) -> str:
        name = m["name"].casefold()
        if m["naming"]:  # "the Brightwater letter agreement" -> "the letter agreement"
            return "the "
        if name not in order:
            order.append(name)
        role = "the party" if order.index(name) == 0 else "the other party"
        return role + ("'s" if m["pos"] else "")

    reworded = pattern.sub(replaced, question)
    return re.sub(r"\s{2,}", " ", reworded).strip()
