"""Where the answers to a kind of question sit: learned per fitted kind, read by a question's nearest
fitted phrasing.

An agreement names itself, its parties and its date in its opening, and a question asking for those
is answered there whatever its words. Words that say so ("title", "parties", "dated") send a question
to the opening (`api._OPENING_FACTS`); "What sort of contract are we looking at here?" or "Which
companies are bound by this contract?" say none of them, and the opening's chunks, sharing few words
with the question, were not among the candidates. So the opening joins the candidates of a question
that is
- at least OPENING_KIND_SIMILARITY like a fitted phrasing (its embedding, prototypes.AnswerPrototypes):
  a question only loosely like one ("How can the agreement be amended?" is 0.5 like a phrasing asking
  for the agreement's date) keeps its own candidates, the opening being an attractor;
- of a kind whose answers sit in the opening for at least OPENING_SHARE of the fit part's answerable
  questions (eval/answer_places.py, `make train`): titles, parties and the agreement's date, not the
  effective date (70%: "This Agreement shall commence on ..." in a term clause) nor licences or caps;
- not asking who signed or when (the signature blocks are its place).
Chosen on CUAD's fit part (40 contracts) and the pairs' fit half: at 0.5 or 0.6 alike the pairs' fit
half lost first lines to preamble quotes; with the effective date's kind in, "How long is the contract
in place for?" (0.71 like an effective-date phrasing) quoted the opening instead of the term.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant.prototypes import AnswerPrototypes

PLACES_FILE = Path(__file__).with_name("models") / "answer_places.json"
OPENING_SHARE = 0.75
OPENING_KIND_SIMILARITY = 0.7


@dataclass(frozen=True)
class AnswerPlaces:
    """Per fitted kind of question, the share of its answers that sit in an agreement's opening."""

    opening_share: dict[str, float] = field(default_factory=dict)

    def answered_in_opening(self, vector: np.ndarray | None, prototypes: AnswerPrototypes) -> bool:
        """Whether a question (its embedding) is much like a fitted phrasing of a kind answered in the opening."""
        kind, similarity = prototypes.nearest_kind(vector)
        return similarity >= OPENING_KIND_SIMILARITY and self.opening_share.get(kind, 0.0) >= OPENING_SHARE

    @classmethod
    def load(cls, path: Path = PLACES_FILE) -> "AnswerPlaces":
        """The committed shares; none (no kind answered in the opening) without the file."""
        if not path.exists():
            return cls()
        return cls({str(k): float(v) for k, v in json.loads(path.read_text())["opening_share"].items()})
