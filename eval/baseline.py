"""The regression gate: suite keys, reading, recording and checking eval/baseline.json."""

from __future__ import annotations

import json
from pathlib import Path

from eval.pairs_file import PairsFileError
from eval.result import HALVES, PARTS, REPO, SuiteResult, is_score, now

DEFAULT_BASELINE = REPO / "eval" / "baseline.json"
DEFAULT_TOLERANCE = 0.02
UPDATE_HINT = ("re-record: clauseqa eval --update-baseline | clauseqa eval --suite cuad --limit 40 --update-baseline | "
               "clauseqa eval --suite cuad-corpus --limit 40 --update-baseline; tolerance = absolute drop allowed "
               "per metric; gate_categories = also gate each category")


def suite_key(suite: str, option: str, count: int | None) -> str:
    """"sample-test", "sample-test-20", "cuad-validation-10", "cuad-corpus-validation-10"."""
    return f"{suite}-{option}" + (f"-{count}" if count else "")


def parse_key(key: str) -> tuple[str, str, str, int | None] | None:
    """(suite, "--part" or "--half", its value, count) of a key suite_key made; None for keys of an
    older naming scheme ("sample", "cuad-10"), which no run produces any more."""
    words = key.split("-")
    count = int(words.pop()) if len(words) > 1 and words[-1].isdigit() else None
    if words[0] == "cuad":
        suite = "cuad-corpus" if words[1:2] == ["corpus"] else "cuad"
        rest = words[len(suite.split("-")):]
        return (suite, "--part", rest[0], count) if len(rest) == 1 and rest[0] in PARTS and count else None
    if len(words) > 1 and words[-1] in HALVES:
        return ("-".join(words[:-1]), "--half", words[-1], count)
    return None


def update_command(key: str) -> str:
    """The command that re-records this suite's baseline, e.g. for "cuad-validation-10"."""
    parsed = parse_key(key)
    if parsed is None:
        return "clauseqa eval --update-baseline"
    suite, flag, value, count = parsed
    words = ["clauseqa eval"]
    words += [] if suite == "sample" else [f"--suite {suite}"]
    words += [] if value in ("test", "validation") else [f"{flag} {value}"]  # the defaults go unsaid
    words += [f"--limit {count}"] if count else []
    return " ".join(words + ["--update-baseline"])


def read_baseline(path: str | Path) -> dict:
    path = Path(path)
    if not path.exists():
        return {"tolerance": DEFAULT_TOLERANCE, "suites": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise PairsFileError(f"{path}:{exc.lineno}: baseline is not valid JSON ({exc.msg}) — "
                             f"rewrite it with: clauseqa eval --update-baseline") from exc
    data.setdefault("tolerance", DEFAULT_TOLERANCE)
    data.setdefault("suites", {})
    return data


def write_baseline(result: SuiteResult, path: str | Path) -> list[str]:
    """Record this run as the suite's baseline, keeping the tolerance and the other current suites.

    Returns the keys of an older naming scheme it dropped: no run checks them any more, and left
    in place they would read as if they still guarded something."""
    data = read_baseline(path)
    old = data["suites"].get(result.suite, {})
    stale = sorted(k for k in data["suites"] if k != result.suite and parse_key(k) is None)
    suites = {k: v for k, v in data["suites"].items() if k not in stale}
    suites[result.suite] = {
        # CUAD has ~10 rows per category, so one row flips a category score: gate only its overall
        "gate_categories": old.get("gate_categories", not result.suite.startswith("cuad")),
        "recorded": result.meta.get("when") or now(),
        "model": result.meta.get("model"),
        "overall": result.overall,
        "categories": result.categories,
    }
    data = {"update": UPDATE_HINT, "tolerance": data["tolerance"], "suites": dict(sorted(suites.items()))}
    Path(path).write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")
    return stale


def check_baseline(result: SuiteResult, path: str | Path) -> tuple[list[str], str]:
    """(drops, note): one line per gated metric below baseline - tolerance, overall and per category.

    A suite without a baseline, or a baseline metric this run no longer measures, is noted and not
    gated, never an error: renaming a metric must not break the gate before it is re-recorded."""
    data = read_baseline(path)
    base = data["suites"].get(result.suite)
    if base is None:
        return [], (f"No baseline for {result.suite!r} in {path} — record one with: "
                    f"{update_command(result.suite)} (not gated this time)")
    tolerance = float(data["tolerance"])
    scopes = [("overall", base.get("overall", {}), result.overall)]
    if base.get("gate_categories", True):
        scopes += [(c, values, result.categories.get(c, {})) for c, values in base.get("categories", {}).items()]
    drops = []
    for scope, was, now_values in scopes:
        for name, old in was.items():
            if not is_score(name) or old is None:
                continue
            new = now_values.get(name)
            # None means nothing to measure this time (e.g. no refusals at all), which is no drop
            if new is not None and new < old - tolerance:
                drops.append(f"{scope}.{name}: {old:.3f} -> {new:.3f} ({new - old:+.3f}, tolerance {tolerance})")
    gone = sorted(n for n in base.get("overall", {}) if is_score(n) and n not in result.overall)
    note = (f"Baseline metrics this run no longer measures (not gated): {', '.join(gone)} — re-record with: "
            f"{update_command(result.suite)}") if gone else ""
    return drops, note
