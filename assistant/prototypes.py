"""Answer prototypes: what the clause that answers a question like this one usually says.

For each kind of question asked in fitting (CUAD's questions and their hand-written phrasings), the
mean embedding of the sentences lawyers marked as its answer, across the fit contracts. A new
question is matched to the fitted questions by its own embedding (never by a category id), and its
candidates are compared with the answers of its nearest ones: "Can a party assign the agreement?"
is answered by sentences that read like assignment clauses, whatever words they share with it.
How close the nearest fitted question is travels with the feature, so the ranker learns how far to
trust a prototype for a question unlike any it was fitted on. Fitted by eval/train.py (`make train`).
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cached_property
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

PROTOTYPE_FILE = Path(__file__).with_name("models") / "prototypes.json"
NEIGHBOURS = 5  # fitted questions whose answers are blended
TEMPERATURE = 0.05  # how fast a less similar fitted question's weight falls off
DECIMALS = 4  # stored precision: the file stays small and is written the same every run


@dataclass(frozen=True)
class AnswerPrototypes:
    questions: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))  # unit vectors
    owners: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # each question's answer row
    answers: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))  # unit mean answers
    groups: tuple[str, ...] = ()  # what each answer row was fitted from (for the card and leave-out fits)
    phrasings: tuple[str, ...] = ()  # each question row's words

    def __len__(self) -> int:
        return len(self.questions)

    def answer_for(self, vector: np.ndarray | None) -> tuple[np.ndarray | None, float]:
        """(the blended answer vector of the nearest fitted questions, the nearest one's cosine
        similarity); (None, 0.0) when nothing was fitted or the vector is of another model."""
        if vector is None or not len(self) or len(vector) != self.questions.shape[1]:
            return None, 0.0
        similarity = self.questions @ unit(np.asarray(vector, dtype=np.float32))
        nearest = np.argsort(-similarity, kind="stable")[:NEIGHBOURS]
        weights = np.exp((similarity[nearest] - similarity[nearest[0]]) / TEMPERATURE)
        return unit(weights @ self.answers[self.owners[nearest]]), float(similarity[nearest[0]])

    def nearest_phrasing(self, vector: np.ndarray | None) -> tuple[str, float]:
        """(the fitted question nearest the vector, its cosine similarity); ("", 0.0) when none."""
        at, similarity = self._nearest(vector)
        return (self.phrasings[at], similarity) if at >= 0 else ("", 0.0)

    def group_words(self, vector: np.ndarray | None, share: float = 0.5) -> tuple[tuple[str, ...], float]:
        """(the stems at least `share` of the phrasings of the nearest fitted question's kind use,
        most used first; the nearest one's cosine similarity); ((), 0.0) when none."""
        at, similarity = self._nearest(vector)
        if at < 0:
            return (), 0.0
        ranked, n = self._words_by_owner[int(self.owners[at])]
        return tuple(t for t, c in ranked if c >= share * n), similarity

    def nearest_kind(self, vector: np.ndarray | None) -> tuple[str, float]:
        """(the kind of the nearest fitted question, what its answers were fitted from; its cosine
        similarity); ("", 0.0) when none."""
        at, similarity = self._nearest(vector)
        if at < 0 or not self.groups:
            return "", 0.0
        return self.groups[int(self.owners[at])], similarity

    def kind_lead(self, vector: np.ndarray | None) -> float:
        """How much nearer (cosine similarity) the nearest fitted question is than the nearest one of
        any other kind; 0.0 without a vector or another kind. A question about a kind nobody fitted
        sits about as near several kinds ("Does the agreement have a clause about confidentiality?"
        0.60 like an anti-assignment phrasing, 0.57 like an exclusivity one: the shared words are the
        template's), one that means a fitted kind sits clearly nearest it."""
        at, similarity = self._nearest(vector)
        others = self.owners != self.owners[at] if at >= 0 else np.zeros(0, dtype=bool)
        if not others.any():
            return 0.0
        return similarity - float((self.questions[others] @ unit(np.asarray(vector, dtype=np.float32))).max())

    def _nearest(self, vector: np.ndarray | None) -> tuple[int, float]:
        """(the nearest fitted question's row, its cosine similarity); (-1, 0.0) when there is none
        with words, or the vector is of another model."""
        if vector is None or not len(self) or not self.phrasings or len(vector) != self.questions.shape[1]:
            return -1, 0.0
        similarity = self.questions @ unit(np.asarray(vector, dtype=np.float32))
        best = int(np.argmax(similarity))
        return best, float(similarity[best])

    @cached_property
    def _words_by_owner(self) -> dict[int, tuple[list[tuple[str, int]], int]]:
        """Per answer row: (its phrasings' stems with how many phrasings use each, the most used
        first and ties by word, so the same every run; how many phrasings it has)."""
        from assistant.text import content_terms

        counts: dict[int, Counter] = {}
        for phrasing, owner in zip(self.phrasings, self.owners.tolist()):
            counts.setdefault(owner, Counter()).update(set(content_terms(phrasing)))
        sizes = Counter(self.owners.tolist())
        return {owner: (sorted(c.items(), key=lambda tc: (-tc[1], tc[0])), sizes[owner]) for owner, c in counts.items()}

    def without(self, groups: set[str] | frozenset[str]) -> "AnswerPrototypes":
        """The same prototypes with some groups' answers (and the questions asking for them) left out."""
        keep_answers = [i for i, g in enumerate(self.groups) if g not in groups]
        renumber = {old: new for new, old in enumerate(keep_answers)}
        keep = [i for i, owner in enumerate(self.owners) if int(owner) in renumber]
        return AnswerPrototypes(self.questions[keep], np.asarray([renumber[int(self.owners[i])] for i in keep],
                                                                  dtype=np.int64),
                                self.answers[keep_answers], tuple(self.groups[i] for i in keep_answers),
                                tuple(self.phrasings[i] for i in keep) if self.phrasings else ())

    def to_json(self) -> str:
        def rows(matrix: np.ndarray) -> list[list[float]]:
            return [[round(float(x), DECIMALS) for x in row] for row in matrix]

        return json.dumps({"groups": list(self.groups), "answers": rows(self.answers),
                           "phrasings": list(self.phrasings), "owners": [int(o) for o in self.owners],
                           "questions": rows(self.questions)}, separators=(",", ":")) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "AnswerPrototypes":
        data = json.loads(text)
        return cls(np.asarray(data["questions"], dtype=np.float32), np.asarray(data["owners"], dtype=np.int64),
                   np.asarray(data["answers"], dtype=np.float32), tuple(data["groups"]),
                   tuple(data.get("phrasings", ())))

    @classmethod
    def load(cls, path: Path = PROTOTYPE_FILE) -> "AnswerPrototypes":
        """The committed prototypes; none (every question "unlike any fitted") without the file."""
        return cls.from_json(path.read_text()) if path.exists() else cls()


def unit(vector: np.ndarray) -> np.ndarray:
    """The vector scaled to length 1 (a zero vector stays zero)."""
    return vector / (np.linalg.norm(vector) or 1.0)
