"""The learned parts: the evidence ranker (LightGBM LambdaRank), the "found" decision (a LightGBM
classifier) and the citation-selection settings, all fitted by eval/train.py (`make train`);
see models/CARD.md."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from pathlib import Path

import numpy as np

from assistant.evidence import CANDIDATE_FEATURES, EvidenceSet
from assistant.features import QUESTION_TYPES
from index.errors import ClauseQAError

MODEL_DIR = Path(__file__).with_name("models")
RANKER_FILE = MODEL_DIR / "evidence_ranker.txt"
DECISION_FILE = MODEL_DIR / "decision.json"
FOUND_FILE = MODEL_DIR / "found_model.txt"

FOUND_FEATURES: tuple[str, ...] = (
    "p1", "p2", "p_top3", "top_s_cos", "max_c_cos", "max_s_idf_cov", "top_s_cov", "absent", "n_terms",
    "top_is_preamble", "top_structural", *(f"q_{name}" for name, _ in QUESTION_TYPES),
    "max_title_cov", "top_title_cov", "top_type_match", "top_s_idf_cov", "top_c_cos", "top_hit_rank",
    "n_likely", "max_s_cov", "q_prior", "max_a_cos", "top_a_cos", "q_proto_sim",
)
_COLUMN = {name: i for i, name in enumerate(CANDIDATE_FEATURES)}
_FOUND_COLUMN = {name: i for i, name in enumerate(FOUND_FEATURES)}
# A sentence the ranker is sure of that holds every word the question asks about (weighted by rarity)
# is an answer, however few candidates stand beside it. The found model reads how many candidates
# look likely, and a short agreement's one licence clause has few: "what licence does Ce Zhang
# grant?" was refused at ranker probability 0.90. In the fit part (out of fold), 90% of questions
# whose best candidate is such a sentence have an answer, and the found model refuses 1 of 593 there.
STRONG_EVIDENCE = 0.85
FULL_COVERAGE = 0.99


@dataclass(frozen=True)
class Selection:
    """How many citations an answer gets: extras need `extra_ratio` of the first one's probability
    and at least `extra_min`; all citations together stay within `max_chars`."""

    threshold: float = 0.5  # "found" probability cut
    extra_ratio: float = 0.6
    extra_min: float = 0.2
    max_citations: int = 3
    max_chars: int = 900
    aggregate_ratio: float = 0.5  # an agreement joins a many-agreement answer at this share of the best


@dataclass(frozen=True)
class FoundModel:
    """A LightGBM binary classifier over FOUND_FEATURES: the probability that the searched scope
    states an answer at all. Without a fitted model the best candidate's probability stands in."""

    booster_text: str = ""

    @cached_property
    def _booster(self):
        return _booster(self.booster_text) if self.booster_text else None

    def probability(self, row: np.ndarray) -> float:
        if self._booster is None:
            return float(row[0])
        return float(self._booster.predict(np.asarray(row, dtype=np.float64)[None, :], num_threads=1)[0])


@dataclass(frozen=True)
class QuestionPrior:
    """How often a question like this one has an answer in a contract, read from the question alone:
    a logistic regression over its embedding, fitted on the fit part. "Is there a covenant not to
    sue?" is answered in few contracts and "who are the parties?" in all, whatever the evidence looks
    like. A vector of another size (another embedding model) gets the base rate."""

    weights: tuple[float, ...] = ()
    bias: float = 0.0
    base_rate: float = 0.5

    @cached_property
    def _weights(self) -> np.ndarray:
        return np.asarray(self.weights, dtype=np.float64)

    def probability(self, vector: np.ndarray | None) -> float:
        if vector is None or len(vector) != len(self.weights) or not self.weights:
            return self.base_rate
        return float(to_probability(self._weights @ np.asarray(vector, dtype=np.float64) + self.bias))


@dataclass(frozen=True)
class EvidenceModel:
    booster_text: str = ""
    found: FoundModel = field(default_factory=FoundModel)
    selection: Selection = field(default_factory=Selection)
    prior: QuestionPrior = field(default_factory=QuestionPrior)
    embedding_model: str = ""  # the model whose vectors the features were fitted on ("" when unknown)

    def fitted_for(self, model: str | None) -> bool:
        """Whether vectors of `model` are the ones fitted on: the same model by name, whatever its
        runtime ("all-MiniLM-L6-v2@onnx-int8") or folder ("/models/all-MiniLM-L6-v2"). Another
        model's vectors may have the same size and mean something else entirely."""
        return not model or not self.embedding_model or _model_name(model) == _model_name(self.embedding_model)

    def without_question_prior(self) -> "EvidenceModel":
        """The same models with the question prior at its base rate (for another embedding model)."""
        return replace(self, prior=QuestionPrior(base_rate=self.prior.base_rate))

    @classmethod
    def load(cls, ranker: Path = RANKER_FILE, decision: Path = DECISION_FILE,
             found: Path = FOUND_FILE) -> "EvidenceModel":
        """The committed artifacts; without them, a plain similarity score ranks (and says so nowhere
        else: the eval figures would show it)."""
        booster = ranker.read_text() if ranker.exists() else ""
        if not decision.exists():
            return cls(booster)
        data = json.loads(decision.read_text())
        if tuple(data.get("candidate_features", ())) != CANDIDATE_FEATURES \
                or tuple(data.get("found_features", ())) != FOUND_FEATURES:
            raise ClauseQAError(f"{decision} was fitted on other features than this code computes — "
                                "refit with: make train")
        unknown = set(data.get("selection", {})) - {f.name for f in fields(Selection)}
        if unknown:
            raise ClauseQAError(f"{decision} sets citation settings this code does not know "
                                f"({', '.join(sorted(unknown))}) — refit with: make train")
        found_model = FoundModel(found.read_text() if found.exists() else "")
        prior = data.get("question_prior") or {}
        return cls(booster, found_model, Selection(**data["selection"]),
                   QuestionPrior(tuple(prior.get("weights", ())), prior.get("bias", 0.0), prior.get("base_rate", 0.5)),
                   data.get("embedding_model", ""))

    @cached_property
    def _booster(self):
        return _booster(self.booster_text) if self.booster_text else None

    def score(self, evidence: EvidenceSet) -> np.ndarray:
        """Probability that each candidate states (part of) the answer."""
        if len(evidence) == 0:
            return np.zeros(0, dtype=np.float64)
        if self._booster is None:
            x = evidence.features
            return np.clip(0.5 * x[:, _COLUMN["s_cos"]] + 0.5 * x[:, _COLUMN["c_cos"]]
                           + 0.35 * x[:, _COLUMN["s_cov"]], 0.0, 1.0)
        return to_probability(self._booster.predict(evidence.features, num_threads=1))

    def found_probability(self, evidence: EvidenceSet, probabilities: np.ndarray) -> float:
        """The found model's probability, raised to the cut for strong evidence (see STRONG_EVIDENCE)."""
        prior = self.prior.probability(evidence.question_vector)
        row = found_features(evidence, probabilities, prior)
        probability = self.found.probability(row)
        if row[_FOUND_COLUMN["p1"]] >= STRONG_EVIDENCE and row[_FOUND_COLUMN["top_s_idf_cov"]] >= FULL_COVERAGE:
            return max(probability, self.selection.threshold)
        return probability


def _model_name(spec: str) -> str:
    """"all-MiniLM-L6-v2@onnx-int8" and "/models/all-MiniLM-L6-v2/" -> "all-minilm-l6-v2"."""
    return spec.split("@", 1)[0].rstrip("/\\").replace("\\", "/").rsplit("/", 1)[-1].lower()


# Packages LightGBM imports only for its scikit-learn, pandas and dask wrappers, if installed.
# Prediction from a model string uses none of them, and scikit-learn alone takes over a second
# to import: a third of a cold `clauseqa ask`.
_WRAPPED = ("sklearn", "pandas", "dask", "datatable", "pyarrow", "graphviz", "matplotlib")


def _import_lightgbm():
    """lightgbm for prediction, without importing the packages of its wrappers when nothing in
    this process has imported them yet (they are hidden from it during its import only)."""
    import sys

    if "lightgbm" in sys.modules:
        return sys.modules["lightgbm"]
    hidden = [name for name in _WRAPPED if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # import of it raises ImportError
    try:
        import lightgbm
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
    return lightgbm


def _booster(model_text: str):
    try:
        lightgbm = _import_lightgbm()
    except (ImportError, OSError) as exc:  # OSError: libgomp missing on a bare system
        raise ClauseQAError(f"The evidence models need LightGBM ({exc}) — run: pip install lightgbm "
                            "(on Debian/Ubuntu also: apt-get install libgomp1)") from exc
    return lightgbm.Booster(model_str=model_text)


def to_probability(scores) -> np.ndarray:
    """The ranker is fitted to order candidates (LambdaRank); its scores map to (0, 1) for the
    found decision and the citation settings, which are fitted on these same values."""
    return 1.0 / (1.0 + np.exp(-np.clip(np.asarray(scores, dtype=np.float64), -50.0, 50.0)))


def found_features(evidence: EvidenceSet, probabilities: np.ndarray, prior: float = 0.5) -> np.ndarray:
    """One row of FOUND_FEATURES: how strong the best evidence is, how much of the question the
    scope does not mention at all, and how often a question like it has an answer (`prior`)."""
    if len(evidence) == 0:
        return np.asarray([0.0] * 7 + [evidence.absent, 0.0, 0.0, 0.0, *evidence.asked] + [0.0] * 8 + [prior]
                          + [0.0] * 3, dtype=np.float64)
    x = evidence.features
    order = np.argsort(-probabilities, kind="stable")
    top = order[0]
    p = probabilities[order]
    return np.asarray([
        p[0], p[1] if len(p) > 1 else 0.0, float(p[:3].mean()), x[top, _COLUMN["s_cos"]],
        x[:, _COLUMN["c_cos"]].max(), x[:, _COLUMN["s_idf_cov"]].max(), x[top, _COLUMN["s_cov"]],
        evidence.absent, x[top, _COLUMN["n_terms"]], x[top, _COLUMN["is_preamble"]], x[top, _COLUMN["structural"]],
        *evidence.asked,
        x[:, _COLUMN["title_cov"]].max(), x[top, _COLUMN["title_cov"]], x[top, _COLUMN["type_match"]],
        x[top, _COLUMN["s_idf_cov"]], x[top, _COLUMN["c_cos"]], x[top, _COLUMN["hit_rank"]],
        float((probabilities > 0.3).sum()), x[:, _COLUMN["s_cov"]].max(), prior,
        x[:, _COLUMN["a_cos"]].max(), x[top, _COLUMN["a_cos"]], x[top, _COLUMN["q_proto_sim"]],
    ], dtype=np.float64)
