"""Word-level helpers shared by retrieval, scoping and answering."""

from __future__ import annotations

import re
from functools import lru_cache

from index.terms import content_terms, stem as _stem


def without_terms(text: str, terms: set[str] | frozenset[str]) -> str:
    """The text minus the words whose stems are in `terms` ("the ActNN paper's law" -> "the paper's law")."""
    if not terms:
        return text

    def keep(match: re.Match) -> str:
        word = match.group(0)
        stems = content_terms(word)
        return "" if stems and all(s in terms for s in stems) else word

    return re.sub(r"\s+", " ", re.sub(r"[A-Za-z0-9][\w-]*(?:['’]s)?", keep, text)).strip()


def initials(name: str) -> str:
    """"International Conference on Machine Learning" -> "ICML": its capitalised words' first letters."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


# Words a contract question and the clause that answers it use for the same thing.
_SYNONYMS = [
    "pay paid payment payments compensation compensate remuneration fee fees royalty royalties price prices salary "
    "salaries wage wages earn earns earned earnings",
    "terminate terminates termination end ends expire expires expiration cancel cancels cancellation resign resigns "
    "resignation quit quits quitting",
    "licence license licences licenses licensed licensing sublicense sublicence",
    "law laws govern governs governed governing",
    "court courts venue jurisdiction forum dispute disputes",
    "sign signs signed signature signatory signatories execute executed countersign countersigned",
    "indemnify indemnifies indemnity indemnification harmless",
    "copyright copyrights ownership own owns owner belong belongs",
    "keep keeps kept retain retains retained",
    "paper papers article articles manuscript manuscripts",
    "amend amended amendment modify modified modification change changed changes",
    "warrant warrants warranty warranties guarantee guarantees",
    "publish published publication",
    "title titled entitled",
    "author authors authorship wrote write written writer",
    "assign assigns assignment assignable transfer transfers transferable",
    "confidential confidentiality nondisclosure proprietary secret secrecy",
    "renew renews renewal extend extends extension",
    "notice notify notification notices",
    "affiliate affiliates subsidiary subsidiaries",
    "compete competes competition competitive competitor competitors",
    "solicit solicits solicitation hire recruit",
    "audit audits inspect inspection examine",
    "liability liable damages",
    "loss losses lost lose",
    "exclusive exclusively exclusivity sole",
    "insurance insure insured coverage",
    "perpetual perpetually irrevocable",
    "beneficiary beneficiaries",
    "disparage disparagement disparaging",
    # spellings whose stems differ ("adviser", "advisor"), and the advisers an NDA lets the recipient tell
    "adviser advisers advisor advisors lawyer lawyers attorney attorneys counsel",
    "disclose discloses disclosed disclosing disclosure disclosures reveal reveals",
    "employee employees staff personnel",
    # what an NDA or a supply contract says in other words than the question asks in
    "request requests requested demand demands demanded ask asks asked asking",
    "remedy remedies relief injunction injunctive",
    "destroy destroys destroyed destruction",
    "copy copies copied reproduce reproduces reproduced reproduction duplicate duplicates",
    "oral orally verbal verbally spoken",
    "cite cites cited citation citations",
    "severability severable sever severed invalid invalidity unenforceable unenforceability",
    "bind binds binding bound",
    # a cap is said as what a liability "shall not exceed", its "maximum", its "ceiling"
    "cap caps capped ceiling maximum exceed exceeds",
    "increase increases increased raise raises raised",
    # what a party may do is said as what it is "permitted" to do as often as what it is "allowed"
    "allow allows allowed permit permits permitted",
    "year years yearly annual annually annum",
    # how available a service is kept, in the words people ask in
    "uptime downtime availability unavailability",
    "territory territories country countries region regions",
    "job jobs position positions",
    # what a contract says in its words and people in everyday ones: "purchase" and "buy", "commence"
    # and "start"
    "buy buys bought buying purchase purchases purchased purchasing",
    "sell sells sold selling sale sales",
    "start starts started begin begins began commence commences commenced commencement",
    # what a lease forbids as a "sublease", a tenant asks about as subletting
    "sublet sublets subletting sublease subleases subleased subleasing",
    # a verb and its noun whose stems differ ("deliver" / "delivery", "bankrupt" / "bankruptcy"), and the
    # words a lease's parties go by
    "deliver delivers delivered delivering delivery deliveries",
    "ship ships shipped shipping shipment shipments",
    "bankrupt bankruptcy insolvent insolvency",
    "maintain maintains maintained maintaining maintenance repair repairs repaired",
    "tenant tenants tenancy lessee lessees",
    "landlord landlords lessor lessors",
    # what a licence calls its "trademarks", people call a logo or a brand
    "trademark trademarks logo logos brand brands",
    # what people shorten: "info" for information
    "info information",
]


@lru_cache(maxsize=1)
def _synonym_index() -> dict[str, frozenset[str]]:
    index: dict[str, frozenset[str]] = {}
    for line in _SYNONYMS:
        group = frozenset(_stem(w) for w in line.split())
        index.update(dict.fromkeys(group, group))
    return index


def related(stem: str) -> frozenset[str]:
    """The stems that mean the same as `stem` in contracts (empty when none are listed)."""
    return _synonym_index().get(stem, frozenset())
