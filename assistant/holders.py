"""Questions that ask who holds the agreements: "who has a contribution agreement for the TinyScript
paper?", "which companies have agreements with Acme?". The answer is the agreements in scope, each
by the party its opening names (the catalog's parties, cited where the agreement names them),
without the party every one of them shares: asked which authors have agreements with ICML, ICML
is not one of the answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer import base_clause, display
from assistant.catalog import CatalogRow
from assistant.groups import group, summary
from assistant.text import initials
from assistant.types import Answer, Citation, Value
from index.terms import content_terms, tokens

_HOLDERS = (r"(?:people|persons|authors|companies|parties|counterparties|organi[sz]ations|firms|entities|"
            r"vendors|customers|clients|suppliers|licensees|licensors|distributors|resellers|partners)")
_ASKS = re.compile(rf"^\s*(?:who|which\s+{_HOLDERS})\s+(?:has|have|had|holds?|held)\s+"
                   r"(?:an?\s+|any\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:agreements?|contracts?)\b", re.IGNORECASE)


def asks_holders(question: str) -> bool:
    """Whether the question asks who holds agreements, not what an agreement says."""
    return bool(_ASKS.match(question or ""))


def holders_answer(question: str, rows: Sequence[CatalogRow], searched: str) -> Answer | None:
    """Each agreement in `rows` by its own party, cited; None when no row names a party of its own."""
    # not the party the question names, by its name or by the name the agreement gives it ("Acme")
    parties = [[v for v in row.values("parties") if v.stated and not names_party(question, v.text)
                and not (v.role and names_party(question, v.role))] for row in rows]
    named = [{_norm(v.text) for v in values} for values in parties]
    shared = set.intersection(*named) if len(named) > 1 else set()
    citations: list[Citation] = []
    values: list[Value] = []
    lines = []
    for row, own in zip(rows, parties):
        own = [v for v in own if _norm(v.text) not in shared]
        if not own:
            continue
        cited = own[0].citation
        citations.append(cited)
        n = len(citations)
        values += [Value(v.text, v.start, v.end, "party", n - 1) for v in own if v.citation == cited]
        lines.append(f"- {row.agreement} (clause {base_clause(cited.clause)}): \"{display(cited.quote)}\" [{n}]")
    if not citations:
        return None
    groups = group(citations, values)
    first = summary(groups, citations, question) or "; ".join(f"{v.text} [{v.citation + 1}]" for v in values)
    return Answer(question=question, text="\n".join([first, *lines]), found=True, citations=tuple(citations),
                  searched=searched, values=tuple(values), groups=groups)


def roles_named(question: str, rows: Sequence[CatalogRow]) -> dict[str, dict[str, frozenset[str]]]:
    """Per agreement (its key), the names it gives its parties that the question uses ("who signed
    for the Customer?"), each by its own stems ("custom"; "receiv" for "Receiving Party") -> the stems
    of the party's name without its legal form ("fenwick", "hale", "retail")."""
    named: dict[str, dict[str, frozenset[str]]] = {}
    for row in rows:
        for v in row.values("parties"):
            # the role's own words, legal forms too ("the Company" is a party's name here, not its form)
            if not v.role or not set(tokens(v.role)) <= set(tokens(question)):
                continue
            own = frozenset(content_terms(" ".join(w for w in tokens(v.text) if w not in _LEGAL)))
            role = [t for t in content_terms(v.role) if t not in _ROLE_WORDS]
            if own and role:
                named.setdefault(row.key, {}).update(dict.fromkeys(role, own))
    return named


# the words a defined name shares with every other one ("Receiving Party", "Disclosing Party")
_ROLE_WORDS = {"parti"}


def names_party(question: str, name: str) -> bool:
    """Whether the question (or any text) names this party ("agreements with ICML" names the International
    Conference on Machine Learning, by its words or its initials): it is who they are with, not who holds them."""
    words = set(tokens(question))
    own = [w for w in tokens(name) if w not in _LEGAL]
    short = initials(name).lower()
    return bool(own) and set(own) <= words or len(short) > 1 and short in words


# words of a company's legal form, which a question naming the company leaves out ("Acme" for "Acme Ltd")
_LEGAL = {"inc", "ltd", "llc", "lp", "llp", "plc", "co", "corp", "corporation", "company", "limited", "gmbh", "ag",
          "sa", "the", "of", "and"}


def _norm(name: str) -> str:
    return " ".join(tokens(name))
