"""The offline extractive answerer: quote the evidence the ranker trusts, cite it, or say not found;
a value the quotes state (a date, a law, a name ...) or a plain yes/no comes first."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from assistant.completion import completed
from assistant.evidence import CANDIDATE_FEATURES, Candidate, EvidenceSet
from assistant.features import question_types
from assistant.groups import by_agreement, group, shown, summary
from assistant.ranker import Selection
from assistant.shapes import normalise
from assistant.snippets import excerpt, snippet
from assistant.types import Answer, AnswerGroup, Citation, Value
from assistant.values import agreement_values, is_yes_no, named_in, wanted
from assistant.verdict import verdict
from index.terms import content_terms, topic_words

_IDF_COVERAGE = CANDIDATE_FEATURES.index("s_idf_cov")
# A supporting quote too long for what is left of the character budget is cited in part: its
# words, at most EXCERPT characters, that hold the most of the question's words. Before, it was
# left out: where the evidence is long sentences, a first quote of 400-1,200 characters left no
# room for any other, and the evidence the ranker trusted next was never cited. Chosen on the 40
# fit contracts (`clauseqa eval --suite cuad --part fit --limit 40`): any citation overlapping
# CUAD's span 0.808 -> 0.849 at 497 -> 566 mean cited characters (everyday phrasings 0.543 ->
# 0.565, statements 0.726 -> 0.779); first citations unchanged; the pairs' fit half 0.971 -> 0.986
# answers right, citation recall 0.975 -> 0.992. An excerpt is never of another agreement than the
# first quote's: that would be another answer, shown in part.
EXCERPT = 120


def compose(question: str, evidence: EvidenceSet, probabilities: np.ndarray, found_probability: float,
            selection: Selection, searched: str, aggregate: bool = False, every_agreement: bool = False,
            found: bool | None = None, named_order: Sequence[str] = (), as_asked: str = "") -> Answer:
    """An answer quoting the best candidates, with numbered citations; `found` overrides the
    learned decision (a clause named by number is the answer whatever it scores); `named_order`:
    agreement keys in the order the question names them (a comparison answers in that order);
    `as_asked`: the question before the words naming its scope were taken out of `question`."""
    if found is None:
        found = len(evidence) > 0 and found_probability >= selection.threshold
    if not found or len(evidence) == 0:
        return not_found(question, searched)
    order = [int(i) for i in np.argsort(-probabilities, kind="stable")]
    ranked = [(evidence.candidates[i], float(probabilities[i])) for i in order]
    if aggregate:
        coverage = [float(evidence.features[i, _IDF_COVERAGE]) for i in order]  # in `ranked` order
        chosen = _per_agreement(ranked, selection, every_agreement, coverage, alternatives(question))
        if named_order:
            at = {key: n for n, key in enumerate(named_order)}
            chosen.sort(key=lambda pair: at.get(pair[0].hit.agreement_key, len(at)))
    else:
        chosen = _supporting(ranked, selection, question)
    chosen = _completed(chosen)
    citations, lines = [], []
    for n, (candidate, probability) in enumerate(chosen, 1):
        citations.append(_citation(candidate, probability))
        clause = candidate.hit.clause
        lines.append(f"{clause.agreement_label} (clause {base_clause(clause.clause_id)}): "
                     f"\"{_shown(candidate, citations[-1])}\" [{n}]")
    if aggregate or len(lines) == 1 or len({c.hit.agreement_key for c, _ in chosen}) > 1:
        text = lines[0] if len(lines) == 1 else "\n".join(f"- {line}" for line in lines)
    else:  # one agreement, several supporting quotes: name the agreement once, with the gist of the first
        label = chosen[0][0].hit.clause.agreement_label
        gist = f"{label}: \"{snippet(citations[0].quote, question)}\" [1]"
        text = "\n".join([gist] + [f"- clause {base_clause(c.hit.clause.clause_id)}: "
                                          f"\"{_shown(c, cite)}\" [{n}]"
                                          for n, ((c, _), cite) in enumerate(zip(chosen, citations), 1)])
    values, groups, lead = short_answer(question, evidence.asked or question_types(question), citations, aggregate,
                                        as_asked)
    return Answer(question=question, text=f"{lead}\n{text}" if lead else text, found=True, citations=tuple(citations),
                  searched=searched, values=values, groups=groups)


# words a question's topic is never about: a condition's "if" (contractions are no topic words: index.terms)
_NOT_TOPICS = frozenset("if unless whether".split())


def not_found(question: str, searched: str) -> Answer:
    """"Not found", naming what the question is about and what was searched."""
    topic = ", ".join([w for w in topic_words(question) if w.casefold() not in _NOT_TOPICS][:6]) or "that"
    return Answer(question=question, found=False, searched=searched,
                  text=f"Not found: no clause about {topic} in {searched}.")


def short_answer(question: str, asked: tuple[float, ...], citations: list[Citation],
                 aggregate: bool = False, as_asked: str = "") -> tuple[tuple[Value, ...], tuple[AnswerGroup, ...], str]:
    """(values, groups, first line): what the cited quotes state that the question asks for, the
    agreements grouped by it when several are cited, and the line that says so ("" for none)."""
    agreements = by_agreement(citations)
    kinds = wanted(question, asked)
    values = tuple(v for indexes in agreements.values()
                   for v in agreement_values(question, kinds, citations, indexes, aggregate))
    if len(agreements) > 1:
        groups = group(citations, values)
        return values, groups, summary(groups, citations, question)
    if is_yes_no(question):
        # "can the client terminate on notice?" asks for a yes, not the notice period; a value
        # answers a yes/no question only when the question names one to confirm ("... Delaware law?")
        indexes = next(iter(agreements.values()))
        values = (tuple(v for v in values if v.kind in named_in(question, kinds))
                  or _signers_named(question, citations, indexes))
        if values:
            return values, (), _values_line(question, values)
        said = verdict(question, citations, indexes, as_asked)
        if said:  # the verdict with the words that state it
            gist = snippet(citations[said.citation].quote, question)
            return (said,), (), f"{said.kind.capitalize()}: \"{gist}\" [{said.citation + 1}]"
        first = citations[indexes[0]]
        return (), (), (f"{_clause_name(first.clause)} addresses this, without a plain yes or no: "
                        f"\"{snippet(first.quote, question)}\" [{indexes[0] + 1}]")
    if values:
        return values, (), _values_line(question, values)
    return (), (), ""


def _signers_named(question: str, citations: list[Citation], indexes: list[int]) -> tuple[Value, ...]:
    """"Was the NDA signed by Daniel Okafor?", "Did Priya Raman sign it?": the signers the question
    names, each stated by a cited signature block of the agreement (a value the question
    names is otherwise its premise). Empty when the question names someone else too ("... and John
    Smith?": a yes would then be for half of it) or asks for whom they signed."""
    if not re.search(r"\b(?:counter)?sign", question, re.I):
        return ()
    if re.search(r"\b(?:for|on\s+behalf\s+of)\b", question, re.I):
        return ()  # "Did Daniel Okafor sign for Birch?" asks whose block it is, not only whether he signed
    asked = f" {normalise(question, 'text')} "
    named: dict[str, Value] = {}
    for i in indexes:
        for value in agreement_values(question, ("signer",), citations, [i], aggregate=True):
            if f" {normalise(value.text, 'text')} " in asked:
                named.setdefault(normalise(value.text, "text"), value)
    rest = question
    for value in named.values():
        rest = re.sub(re.escape(value.text), " ", rest, flags=re.I)
    # the words naming the agreement ("the Acme NDA") are no one else's name
    own = {w.casefold() for i in indexes for w in re.findall(r"[\w'’-]+", citations[i].agreement)}
    words = [w.strip("?.,!:;") for w in rest.split()]
    rest = " ".join(w for w in words if w.casefold() not in own and not w.isupper())
    return () if re.search(r"\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+", rest) else tuple(named.values())


def _values_line(question: str, values: tuple[Value, ...]) -> str:
    """"Delaware [1]"; values of one citation share its marker ("Acme Robotics, Inc.; Birch Analytics LLC [1]");
    "Yes: Massachusetts [1]" when a yes/no question names the very value the quote states."""
    parts: list[str] = []
    for n, value in enumerate(values):
        last = n + 1 == len(values) or values[n + 1].citation != value.citation
        parts.append(shown(value.text) + (f" [{value.citation + 1}]" if last else ""))
    line = "; ".join(parts)
    asked = f" {normalise(question, 'text')} "
    if is_yes_no(question) and all(f" {normalise(v.text, 'text')} " in asked for v in values):
        line = f"Yes: {line}"
    return line


def _clause_name(clause: str) -> str:
    if clause[:1].isdigit():
        return f"Clause {clause}"
    named = {"signatures": "The signature block", "preamble": "The preamble"}
    return named.get(clause, clause[:1].upper() + clause[1:])


def _supporting(ranked: list[tuple[Candidate, float]], selection: Selection,
                question: str) -> list[tuple[Candidate, float]]:
    """The best candidate, then up to max_citations - 1 more that the ranker also trusts (a second
    sentence, a related sub-clause, a definition), never overlapping and within the character
    budget: one too long for what is left is cited in part (see EXCERPT), and so is a best candidate
    longer than the whole budget (a 900-character sentence: its words holding the question's, at most
    max_chars of them)."""
    first, p1 = ranked[0]
    if first.end - first.start > selection.max_chars:  # longer than the whole budget: the part holding the
        first = _excerpt(first, question, selection.max_chars) or first  # question's words
    chosen = [(first, p1)]
    chars = first.end - first.start
    for candidate, p in ranked[1:]:
        if len(chosen) >= selection.max_citations or p < max(selection.extra_min, selection.extra_ratio * p1):
            break
        if any(_overlaps(candidate, c) for c, _ in chosen):
            continue
        if chars + candidate.end - candidate.start > selection.max_chars:
            if candidate.hit.agreement_key != first.hit.agreement_key:
                continue  # another agreement's answer is not shown in part
            candidate = _excerpt(candidate, question)
            if candidate is None:
                continue
        chosen.append((candidate, p))
        chars += candidate.end - candidate.start
    return chosen


def _excerpt(candidate: Candidate, question: str, limit: int = EXCERPT) -> Candidate | None:
    """The words of the candidate, at most `limit` characters, that hold the most of the question's
    words; None when it holds none of them."""
    span = excerpt(candidate.text, question, limit)
    if span is None:
        return None
    return replace(candidate, start=candidate.start + span[0], end=candidate.start + span[1],
                   cut_from=(candidate.start, candidate.end))


def _completed(chosen: list[tuple[Candidate, float]]) -> list[tuple[Candidate, float]]:
    """Each quote finished where it stops mid-phrase (an excerpt stays as cut); a later one the
    longer quote now covers goes."""
    out: list[tuple[Candidate, float]] = []
    for candidate, p in chosen:
        if candidate.cut_from is None:
            candidate = completed(candidate)
        if not any(_overlaps(candidate, c) for c, _ in out):
            out.append((candidate, p))
    return out


def _shown(candidate: Candidate, citation: Citation) -> str:
    """The quote as the answer shows it, with "…" where an excerpt cuts its sentence."""
    text = display(citation.quote)
    if candidate.cut_from is None:
        return text
    whole_start, whole_end = candidate.cut_from
    return ("…" if candidate.start > whole_start else "") + text + ("…" if candidate.end < whole_end else "")


def _per_agreement(ranked: list[tuple[Candidate, float]], selection: Selection, every_agreement: bool,
                   coverage: list[float], options: tuple[frozenset[str], ...] = ()) -> list[tuple[Candidate, float]]:
    """Each agreement's best quote; an agreement joins when the ranker trusts its quote nearly as
    much as the best one and the quote says what the best one says: "governed by California law"
    is not answered by a Massachusetts clause, however alike the two sentences are. Where the
    question offers alternatives ("California or Massachusetts law"), a quote stating another of
    them says as much as the best one."""
    top, top_coverage = ranked[0][1], coverage[0]
    top_options = _options_stated(ranked[0][0], options)

    def says_as_much(candidate: Candidate, cover: float) -> bool:
        if cover >= top_coverage - 0.05:
            return True
        # one option for another, nothing else missing
        return bool(options) and cover >= top_coverage - 0.5 \
            and len(_options_stated(candidate, options)) >= len(top_options)

    def joins(candidate: Candidate, p: float, cover: float) -> bool:
        return every_agreement and p > 0 or (p >= selection.aggregate_ratio * top and says_as_much(candidate, cover))

    # each agreement's best quote that joins: "Client may terminate this Agreement for any reason" ranks
    # above "Termination for Convenience. Client may terminate ...", and only the second says as much
    first: dict[str, tuple[Candidate, float]] = {}
    best: dict[str, tuple[Candidate, float]] = {}
    for (candidate, p), cover in zip(ranked, coverage):
        key = candidate.hit.agreement_key
        first.setdefault(key, (candidate, p))
        if key not in best and joins(candidate, p, cover):
            best[key] = (candidate, p)
    return [best[key] for key in first if key in best] or ranked[:1]


_ALTERNATIVES = re.compile(r"\b(\w+(?:\s*,\s*\w+)*),?\s+or\s+(\w+)", re.IGNORECASE)


def alternatives(question: str) -> tuple[frozenset[str], ...]:
    """The words a question offers as alternatives, each group as stems: "California or
    Massachusetts law" -> ({california, massachusett},); "Delaware, Texas or Ohio" -> one group of three."""
    groups = []
    for match in _ALTERNATIVES.finditer(question):
        words = [w for part in re.split(r"\s*,\s*", match.group(1)) for w in content_terms(part.split()[-1])]
        words += content_terms(match.group(2))
        if len(set(words)) > 1:
            groups.append(frozenset(words))
    return tuple(groups)


def _options_stated(candidate: Candidate, options: tuple[frozenset[str], ...]) -> set[int]:
    """Which alternative groups of the question the candidate's quote names one option of."""
    words = set(content_terms(candidate.text))
    return {n for n, group in enumerate(options) if group & words}


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.hit.clause.file == b.hit.clause.file and a.start < b.end and b.start < a.end


def _citation(candidate: Candidate, probability: float) -> Citation:
    clause = candidate.hit.clause
    quote = candidate.text
    return Citation(file=clause.file, agreement=clause.agreement_label, clause=base_clause(clause.clause_id),
                    quote=quote, start=candidate.start, end=candidate.end, score=round(probability, 4),
                    agreement_number=clause.agreement, clause_text=clause.text, clause_start=clause.start)


def base_clause(clause_id: str) -> str:
    """"12 (part 2)" and "5 (continued)" cite clause "12" and "5"."""
    return re.sub(r"\s*\((?:part \d+|continued)\)|\s*\[\d+\]", "", clause_id).strip()


def display(quote: str) -> str:
    return shown(quote)
