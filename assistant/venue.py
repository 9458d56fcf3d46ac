"""Where disputes are heard: "which courts have jurisdiction?", "where would a dispute be heard?",
"where can a party sue?" are answered by the sentences that name a court or an arbitral seat, in any
contract and however the question is worded. The learned ranker was fitted on CUAD, which labels no
forum clauses, and a question that says "heard" or "sue" shares no word with "the courts of
England and Wales have exclusive jurisdiction"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.shapes import court_spans
from index.terms import content_terms

if TYPE_CHECKING:
    from assistant.evidence import EvidenceSet

# "which courts ...", "what venue ...", "the forum for claims", "where would it be heard?", "where can
# a party sue?", "where are disputes resolved?"; not "which jurisdiction's law applies?" (the
# governing law) and not "if a court strikes down a provision ..." (a court, not where one sits)
_ASKS_VENUE = re.compile(
    r"\b(?:which|what)\s+(?:[\w'’-]+\s+){0,2}?(?:courts?|venues?|forums?|fora|tribunals?)\b"
    r"|\bvenues?\b|\bforums?\b|\bseat\s+of\s+(?:the\s+)?arbitration\b|\bjurisdiction\b"
    r"|\bwhere\b.{0,80}?\b(?:heard|sue[ds]?|suing|lawsuits?|litigat\w*|brought|tried|resolved|decided|adjudicat\w*"
    r"|disputes?|arbitrat\w*|courts?)\b",
    re.IGNORECASE | re.DOTALL)
_ASKS_LAW = re.compile(r"\blaws?\b|\bgovern\w*", re.IGNORECASE)
_ARBITRATION = re.compile(r"\barbitra\w*", re.IGNORECASE)


def asks_venue(question: str) -> bool:
    """The question asks where disputes are heard (and not which law governs)."""
    return bool(_ASKS_VENUE.search(question)) and not _ASKS_LAW.search(question)


# what forum clauses say, searched for beside a venue question's own words ("where can a party sue?"
# shares none with "the courts located in New York County"), as bridges.bridge_terms' words are
VENUE_WORDS = tuple(content_terms("courts jurisdiction venue arbitration"))


def venue_candidates(evidence: "EvidenceSet", question: str) -> list[int]:
    """The candidates that name a court or an arbitral body in a sentence about disputes or
    jurisdiction; for a question about arbitration, only those that speak of arbitration. Empty
    when none do (then the ranker's choice and the found decision stand)."""
    arbitration = bool(_ARBITRATION.search(question))
    return [i for i, c in enumerate(evidence.candidates)
            if court_spans(c.text) and (not arbitration or _ARBITRATION.search(c.text))]
