"""A question adapter: a linear map of the question's embedding toward how its answers read.

A question and the clause that answers it are phrased differently ("Can a party assign the
agreement?" against "Neither party may transfer its rights hereunder without consent"); the
embedding model was trained on neither. The adapter is one matrix W, fitted so that the cosine
of W·q with the answering sentence beats its cosine with the other sentences of the same contract
(a softmax over the contract's candidates). It reads the question's embedding only, never a
category id: fitted on some kinds of question, it also moves questions of other kinds toward
clause language (fitted without a quarter of CUAD's kinds, the plain cosine ranked the answering
sentence of the held-out kinds first 0.28 of the time, the adapted one 0.45). The ranker gets
each candidate's adapted cosine as a feature and learns how far to trust it. Fitted by
eval/adapter_fit.py within `make train`; stored as W - I in half precision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ADAPTER_FILE = Path(__file__).with_name("models") / "question_adapter.npy"


@dataclass(frozen=True)
class QuestionAdapter:
    matrix: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))  # W, d x d

    def __len__(self) -> int:
        return len(self.matrix)

    def adapt(self, vector: np.ndarray | None) -> np.ndarray | None:
        """The question's vector mapped and normalised; None without an adapter or for a vector of
        another model's size (then the adapted features read as the plain cosine's)."""
        if vector is None or not len(self) or len(vector) != len(self.matrix):
            return None
        mapped = np.asarray(vector, dtype=np.float32) @ self.matrix
        norm = float(np.linalg.norm(mapped))
        return mapped / norm if norm > 0 else None

    def save(self, path: Path = ADAPTER_FILE) -> None:
        delta = (self.matrix - np.eye(len(self.matrix), dtype=np.float32)).astype(np.float16)
        with open(path, "wb") as fh:
            np.save(fh, delta, allow_pickle=False)

    @classmethod
    def load(cls, path: Path = ADAPTER_FILE) -> "QuestionAdapter":
        if not path.exists():
            return cls()
        delta = np.load(path, allow_pickle=False).astype(np.float32)
        return cls(delta + np.eye(len(delta), dtype=np.float32))
