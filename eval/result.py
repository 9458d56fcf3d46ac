"""What a suite run returns (SuiteResult) and the small helpers every suite and report shares.

The suites (run, cuad, corpus), the baseline gate and the reports import this module; it imports
none of them, so the arrows inside eval/ run one way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from assistant import ClauseQAError
from eval.split import FIT, TEST, VALIDATION

REPO = Path(__file__).resolve().parents[1]
EXTRACTIVE = "extractive"
ALL = "all"
PARTS = (VALIDATION, FIT)  # --part of the CUAD suites; reported figures come from validation
HALVES = (TEST, FIT, ALL)  # --half of a pairs suite; the gate reads the test half
# Reported but neither gated nor plotted on the 0..1 axis: counts, machine-dependent latency, and
# cited characters, where neither more nor fewer is better on its own.
_NOT_SCORES = ("n_", "latency", "mean_cited_chars")


class EvalOptionError(ClauseQAError):
    """An eval option that does not fit the suite; the message lists the valid values."""


@dataclass(frozen=True)
class SuiteResult:
    """Everything one run measured; `overall` and `categories` are what the baseline stores."""

    suite: str  # the baseline key, e.g. "sample-test" or "cuad-validation-10"
    overall: dict
    categories: dict  # category -> metric -> value (None where undefined)
    rows: tuple = ()  # one dict per question asked
    broken: tuple = ()  # pairs whose expected citations do not exist in the index
    meta: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "SuiteResult":
        """The inverse of to_dict after a JSON round trip (lists back to tuples)."""
        return cls(**{**data, "rows": tuple(data.get("rows", ())), "broken": tuple(data.get("broken", ()))})


def is_score(name: str) -> bool:
    """A 0..1 quality metric (higher is better): the ones the gate checks and the bar chart draws."""
    return not name.startswith(_NOT_SCORES)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def setting(qa, name: str):
    """A setting of the assistant (fakes in tests may have none)."""
    return getattr(getattr(qa, "settings", None), name, None)


def cited_clauses(answer) -> list[dict]:
    """The citations of an answer as plain data for the results JSON and the failure listings."""
    return [{"file": c.file, "agreement": c.agreement, "clause": c.clause, "quote": c.quote,
             "start": c.start, "end": c.end, "clause_text": c.clause_text} for c in answer.citations]


def by_category(rows: list[dict], score: Callable[[list[dict]], dict]) -> dict[str, dict]:
    return {c: score([r for r in rows if r["category"] == c]) for c in sorted({r["category"] for r in rows})}


def generative(rows: Iterable[dict]) -> bool:
    """True when a chat model wrote any answer. Extractive answers quote the document by
    construction, so faithfulness is only worth reporting for generated ones."""
    return any(r.get("mode", EXTRACTIVE) != EXTRACTIVE for r in rows)


def faithfulness(rows: list[dict], include: bool) -> dict:
    """{"faithfulness": share of citations whose quote is the document text} or {} when not included."""
    if not include:
        return {}
    faithful, total = sum(r["faithful"] for r in rows), sum(r["citations"] for r in rows)
    return {"faithfulness": faithful / total if total else None}
