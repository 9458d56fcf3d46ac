"""A question refused in its own words, asked again in its kind's own words.

The agreement says "audit Distributor's records"; "Can either side inspect the other's accounts?"
shares none of those words, its retrieval and the "found" model's coverage features read it as
asking about something the agreement never mentions, and it is refused. Yet it is 0.81 like a
fitted phrasing of the audit-rights kind (cosine of the embeddings, prototypes.AnswerPrototypes),
and that kind's own question, "Does a party have the right to audit the other's books or records?",
is answered by clause 11. So a refused question
- at least REPHRASE_SIMILARITY like a fitted phrasing (a question only loosely like one may mean
  something else: "Can the other side go after our customers?" is 0.60 like a change-of-control one),
- whose nearest kind's own question is not the question itself,
is asked again in the words of that kind's own question: CUAD's question for the category, the one
its lawyers' spans were marked for (eval/kind_questions.py, `make train`). That answer stands when
the "found" model gives it at least REPHRASE_FOUND, above the usual cut: the two questions may not
quite mean the same, and "not found" is the honest answer when in doubt. The answer says which
question it answered (`Answer.answered_as`), so a reader sees what was read.

Chosen on CUAD's fit part (40 contracts; CUAD's words and the held-out phrasing styles asked of
them), first with the nearest fitted phrasing's own words instead of its kind's question: those
gained about half as much (the nearest phrasing is often another everyday wording the agreement
does not use either). With the kind's question, the usual found cut instead of REPHRASE_FOUND cost
0.007-0.02 balanced accuracy in every style; with the nearest phrasing's words, 0.6 alike instead
of 0.65 gained a little first citation for balanced accuracy, and 0.7 lost first citation for the
same balanced accuracy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant.prototypes import AnswerPrototypes

KIND_QUESTIONS_FILE = Path(__file__).with_name("models") / "kind_questions.json"
REPHRASE_SIMILARITY = 0.65
REPHRASE_FOUND = 0.5


@dataclass(frozen=True)
class KindQuestions:
    """Per fitted kind of question, its own question: the words its answers were marked for."""

    question: dict[str, str] = field(default_factory=dict)

    def for_question(self, vector: np.ndarray | None, prototypes: AnswerPrototypes, asked: str) -> str:
        """The own question of the kind a question (its embedding; `asked`, its words) is much like;
        "" when it is like no fitted phrasing that much, or already is its kind's own question."""
        kind, similarity = prototypes.nearest_kind(vector)
        own = self.question.get(kind, "")
        if similarity < REPHRASE_SIMILARITY or own.casefold() == asked.strip().casefold():
            return ""
        return own

    @classmethod
    def load(cls, path: Path = KIND_QUESTIONS_FILE) -> "KindQuestions":
        """The committed questions; none (nothing is asked again) without the file."""
        if not path.exists():
            return cls()
        return cls({str(k): str(v) for k, v in json.loads(path.read_text())["question"].items()})
