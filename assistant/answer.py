"""The offline extractive answerer: quote the sentences that answer, cite them, or say not found."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.retrieve import Hit
from assistant.text import content_terms, related, topic_words
from assistant.types import Answer, Citation
from index.clean import clean_for_embedding
from index.sentences import sentence_spans

CALIBRATION_FILE = Path(__file__).with_name("calibration.json")
DENSE_CHARS = 600  # candidates are embedded by at most this many characters

# Cues that make a sentence an answer to a kind of question (what kind of words answer it).
_CUES: list[tuple[re.Pattern, re.Pattern]] = [
    (re.compile(r"\b(law|laws|governs?|governed|governing|jurisdiction of law)\b", re.I),
     re.compile(r"\bgoverned by\b|\blaws? of\b|\bgoverning law\b", re.I)),
    (re.compile(r"\b(court|courts|venue|jurisdiction|disputes?)\b", re.I),
     re.compile(r"\bcourts?\b|\bjurisdiction\b|\bvenue\b", re.I)),
    (re.compile(r"\b(who|whom)\b.*\b(sign|signed|signs|signature|signator(y|ies))\b|\bsign(ed)? (for|on behalf)\b"
                r"|\bsignator(y|ies)\b", re.I),
     re.compile(r"Name \(Print\)|Signature:|\bSigned\b|\bBy:", re.I)),
    (re.compile(r"\b(when|date|dated|what day)\b", re.I),
     re.compile(r"\b(19|20)\d\d\b|\d{1,2}/\d{1,2}/\d{2,4}", re.I)),
    (re.compile(r"\bhow long\b|\bperiod\b|\bwithin\b|\bafter\b.*\blong\b|\bdays?\b|\bmonths?\b|\byears?\b", re.I),
     re.compile(r"\b(\d+|one|two|three|six|sixty|thirty|ninety)\s+(days?|months?|years?)\b", re.I)),
    (re.compile(r"\b(where|address|located|location)\b", re.I),
     re.compile(r"\blocated at\b|\b\d{3,5}\s+[A-Z][a-z]+|\bRoad\b|\bStreet\b", re.I)),
    (re.compile(r"\b(title|titled|entitled|called|name of (this|the) (agreement|contract))\b"
                r"|\b(which|what) (papers?|manuscripts?|articles?)\b|\bpapers? (is|are) listed\b", re.I),
     re.compile(r"\b(?i:entitled)\b|(?i:EventTitles?):|^[#*\s]*[A-Z][A-Z ,&-]{6,}AGREEMENT\b", re.M)),
    (re.compile(r"\b(who wrote|author|authors|wrote)\b", re.I),
     re.compile(r"\bcorresponding author\b|\bparties to this agreement are\b|\bby and between\b|^I, ", re.I | re.M)),
    (re.compile(r"\b(parties|party to|between whom|counterpart(y|ies))\b|\bwho (has|have|is)\b"
                r"|\bwhich (people|persons|authors|contributors)\b", re.I),
     re.compile(r"\bby and between\b|\bparties to this agreement\b|\bbetween\b.*\band\b", re.I)),
]
_DANGLING = re.compile(r"(?::|\b(?:entitled|are|between|of|to|the|a|an|and|or|by))\s*$", re.IGNORECASE)
_LEADING_NUMBER = re.compile(r"^[\s#*>•-]*(?:(?:Section|ARTICLE)\s+)?(?:\d{1,2}(?:\.\d{1,2})*\s?[.)]?|\([a-z]{1,3}\))?\s*")
_MARKUP = re.compile(r"</?u>|</?sup>|\*\*|\$[^$\n]{0,40}\$|^#+\s*")


FEATURES = ("sentence_cosine", "clause_cosine", "sentence_coverage", "clause_coverage", "cue", "asks_cue",
            "absent_terms")


@dataclass(frozen=True)
class Calibration:
    """When evidence counts as an answer: a logistic model over the evidence features, fitted on
    data by eval/calibrate.py (`weights`, `bias`); below `threshold` probability means not found."""

    threshold: float = 0.5
    weights: tuple[float, ...] = ()
    bias: float = 0.0
    lexical_weight: float = 0.35  # ranking only: how much shared words count next to cosines
    cue_weight: float = 0.45

    def confidence(self, features: Sequence[float]) -> float:
        if not self.weights:  # uncalibrated: the ranking score stands in
            return min(1.0, max(0.0, 0.5 * features[0] + 0.5 * features[1] + self.lexical_weight * features[2]))
        z = self.bias + sum(w * f for w, f in zip(self.weights, features))
        return 1.0 / (1.0 + math.exp(-z))

    @classmethod
    def load(cls) -> "Calibration":
        try:
            data = json.loads(CALIBRATION_FILE.read_text())
        except (FileNotFoundError, json.JSONDecodeError):
            return cls()
        values = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        values["weights"] = tuple(values.get("weights", ()))
        return cls(**values)


@dataclass(frozen=True)
class Evidence:
    hit: Hit
    start: int  # absolute offsets in the file's text
    end: int
    score: float  # ranks evidence
    features: tuple[float, ...] = ()  # what the calibrated "found" decision reads
    confidence: float = 0.0


def best_evidence(question: str, hits: Sequence[Hit], embed: Callable[[Sequence[str]], list[list[float]]],
                  calibration: Calibration,
                  per_hit: int = 1, ignore_terms: Sequence[str] = (), max_sentences: int = 48,
                  per_hit_candidates: int = 4, synonyms: dict[str, frozenset[str]] | None = None,
                  expansion: str = "", absent: float = 0.0) -> list[Evidence]:
    """Score the sentences of the hits; return the best per hit, best first.
    `synonyms` lets an acronym count as present when its expansion is ("ICML" ~ "International
    Conference on Machine Learning"); `expansion` is added to the question for the cosine only."""
    if not hits:
        return []
    candidates: list[tuple[Hit, int, int]] = []
    for hit in hits:
        for s, e, width in _sentences(hit.clause.text):
            candidates.append((hit, s, e, width))
    texts = [clean_for_embedding(h.clause.text[s:e]) or h.clause.text[s:e] for h, s, e, _ in candidates]
    # the model's cost grows with length: a long candidate is compared by its opening words
    dense_texts = [t if len(t) <= DENSE_CHARS else t[:t.rfind(" ", 0, DENSE_CHARS) + 1 or DENSE_CHARS]
                   for t in texts]
    terms = set(content_terms(question)) - set(ignore_terms)
    cues = [answer for asks, answer in _CUES if asks.search(question)]

    acronyms = synonyms or {}

    def coverage_of(words: set[str]) -> float:
        found = sum(1 for t in terms if t in words or related(t) & words
                    or (t in acronyms and acronyms[t] <= words))
        return found / len(terms) if terms else 0.0

    def cue_of(text: str) -> float:
        return sum(1 for c in cues if c.search(text)) / len(cues) if cues else 0.0

    def shape(text: str, width: int) -> float:
        """Penalties for quotes that cannot be answers, or are longer than they need be."""
        penalty = 0.04 * (width - 1)  # the shortest quote that answers is the best citation
        if (len(text.split()) < 5 and not re.search(r"\d", text)) or _DANGLING.search(text):
            penalty += 0.3  # a heading or lead-in ("currently entitled", "warrant that:") is no answer
        return -penalty

    def cheap(i: int) -> float:
        coverage = coverage_of(set(content_terms(texts[i])) | candidates[i][0].context)
        return (candidates[i][0].dense + calibration.lexical_weight * coverage
                + calibration.cue_weight * cue_of(texts[i]) + shape(texts[i], candidates[i][3]))

    # embedding every sentence of 60 clauses is slow: only each clause's most promising few,
    # and at most max_sentences in all, are compared densely
    cheap_scores = [cheap(i) for i in range(len(candidates))]
    by_hit: dict[str, list[int]] = {}
    for i in sorted(range(len(candidates)), key=cheap_scores.__getitem__, reverse=True):
        by_hit.setdefault(candidates[i][0].chunk_id, []).append(i)
    shortlist = [i for picks in by_hit.values() for i in picks[:per_hit_candidates]]
    order = sorted(shortlist, key=cheap_scores.__getitem__, reverse=True)[:max_sentences]
    candidates = [candidates[i] for i in order]
    texts = [texts[i] for i in order]
    vectors = embed([f"{question} ({expansion})" if expansion else question, *(dense_texts[i] for i in order)])
    qv, svs = vectors[0], vectors[1:]
    scored: dict[str, list[Evidence]] = {}
    for (hit, s, e, width), text, sv in zip(candidates, texts, svs):
        cosine = sum(a * b for a, b in zip(qv, sv))
        coverage = coverage_of(set(content_terms(text)) | hit.context)
        cue = cue_of(text)
        score = (0.5 * cosine + 0.5 * hit.dense + calibration.lexical_weight * coverage
                 + calibration.cue_weight * cue + shape(text, width))
        features = (cosine, hit.dense, coverage, hit.lexical, cue, 1.0 if cues else 0.0, absent)
        scored.setdefault(hit.chunk_id, []).append(Evidence(hit, hit.clause.start + s, hit.clause.start + e, score,
                                                            features, calibration.confidence(features)))
    best = [sorted(v, key=lambda ev: ev.score, reverse=True)[:per_hit] for v in scored.values()]
    return sorted((ev for group in best for ev in group), key=lambda ev: ev.score, reverse=True)


def compose(question: str, evidence: Sequence[Evidence], calibration: Calibration, searched: str,
            aggregate: bool = False, every_agreement: bool = False, found: bool | None = None) -> Answer:
    """An answer quoting the evidence above threshold, with numbered citations; `found` overrides
    the calibrated decision."""
    if found is None:
        found = bool(evidence) and max(ev.confidence for ev in evidence) >= calibration.threshold
    if not found or not evidence:
        topic = ", ".join(topic_words(question)[:6]) or "that"
        return Answer(question=question, found=False, searched=searched,
                      text=f"Not found: no clause about {topic} in {searched}.")
    kept = list(evidence)
    if aggregate:
        per_agreement: dict[str, Evidence] = {}
        for ev in kept:
            per_agreement.setdefault(ev.hit.agreement_key, ev)
        top = max(ev.score for ev in kept)
        chosen = [ev for ev in per_agreement.values() if every_agreement
                  or (ev.score >= top - 0.12 and ev.confidence >= calibration.threshold)] or kept[:1]
    else:
        chosen = kept[:1]
    citations, lines = [], []
    for n, ev in enumerate(chosen, 1):
        clause = ev.hit.clause
        quote = clause.text[ev.start - clause.start:ev.end - clause.start]
        citations.append(Citation(
            file=clause.file, agreement=clause.agreement_label, clause=base_clause(clause.clause_id),
            quote=quote, start=ev.start, end=ev.end, score=round(ev.confidence, 4), agreement_number=clause.agreement,
            clause_text=clause.text, clause_start=clause.start))
        lines.append(f"{clause.agreement_label} (clause {base_clause(clause.clause_id)}): \"{display(quote)}\" [{n}]")
    text = lines[0] if len(lines) == 1 else "\n".join(f"- {line}" for line in lines)
    return Answer(question=question, text=text, found=True, citations=tuple(citations), searched=searched)


def base_clause(clause_id: str) -> str:
    """"12 (part 2)" and "5 (continued)" cite clause "12" and "5"."""
    return re.sub(r"\s*\((?:part \d+|continued)\)|\s*\[\d+\]", "", clause_id).strip()


def display(quote: str) -> str:
    return re.sub(r"\s+", " ", _MARKUP.sub("", quote)).strip()


def _sentences(text: str) -> list[tuple[int, int, int]]:
    """(start, end, how many sentences): sentences, with line breaks also ending one (signature
    blocks and headers are lines), and windows of adjacent ones; each trimmed of its leading
    clause number so quotes read cleanly."""
    spans = []
    for s, e in sentence_spans(text):
        for line in re.finditer(r"[^\n]+", text[s:e]):
            if line.group().strip():
                spans.append((s + line.start(), s + line.end()))
    # an answer often spans two sentences or lines: a title under "currently entitled", a name
    # under its role in a signature block, a date under an event title
    widths = (1, 2) if len(spans) > 2 and sum(e - s for s, e in spans) / len(spans) < 80 else (1,)
    singles = spans
    spans = [(s, e, 1) for s, e in singles]
    spans += [(singles[i][0], singles[i + w][1], w + 1) for w in widths for i in range(len(singles) - w)]
    if 2 not in widths:  # a short line between two ("The parties are:" / "Xin Wang" / "(...), PMLR")
        spans += [(singles[i][0], singles[i + 2][1], 3) for i in range(len(singles) - 2)
                  if singles[i + 1][1] - singles[i + 1][0] < 40]
    out = []
    for s, e, width in spans:
        skip = _LEADING_NUMBER.match(text, s, e)
        s2 = skip.end() if skip and skip.end() < e else s
        while e > s2 and text[e - 1].isspace():
            e -= 1
        if len(re.findall(r"[A-Za-z]", text[s2:e])) >= 3:
            out.append((s2, e, width))
    return out
