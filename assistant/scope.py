"""Take the scope from the question: a person, a title, a file or a contract named in words."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace

from assistant.framing import ASKING_WORD
from assistant.text import content_terms, initials
from index.terms import tokens
from assistant.types import AgreementInfo

# Words that say "many agreements at once": gather one answer per matching agreement.
_AGGREGATE = re.compile(
    r"\b(which|what|how many|list|all|every|each|any)\s+(?:of\s+the\s+)?(?:\w+\s+){0,2}"
    r"(agreements|contracts|documents|files|authors|people|persons|parties|papers|ones|companies|"
    r"licensees|licensors|suppliers|customers|vendors|distributors|counterparties|signers|signatories)\b"
    r"|\bwho\s+(?:all|else)\b|\bwho\s+(?:has|have)\s+signed\b|\beveryone\b|\ball\s+(?:the\s+)?(?:authors|signers|signatories)\b",
    re.IGNORECASE,
)
# the first halves of hyphenated words ("non-compete", "co-branding", "sub-license") name nothing, even when
# a title holds one ("Mutual Non-Disclosure Agreement")
_PREFIXES = frozenset({"non", "co", "sub", "pre", "post", "anti", "multi", "semi", "inter", "intra", "un", "re"})
# signing words say what is asked, never which agreement: "who signed on behalf of ICML?" is not
# about the agreements whose opening says "you are signing on behalf of all authors"
_SIGNING = frozenset({"sign", "signatur", "signatori", "signer", "execut", "countersign", "behalf"})
# "Kaiming He's agreement", "the agreement of Jane Doe", "signed by Jane Doe"
_NAMED = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})(?:'s|’s)\s+(?:[\w-]+\s+){0,3}?(?:agreement|contract|paper|article)"
                    r"|\b(?:agreement|contract)\s+(?:of|with|for)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\b"
                    r"|\bsigned\s+by\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\b"
                    # a person who does what an agreement's party does: "when did Nir Shavit sign ...?"
                    r"|\b(?:did|does|do|has|have|will|can|may|must|should)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\s+"
                    r"(?:sign|agree|grant|receive|keep|get|own|assign|warrant|transfer|publish|retain)\w*\b")
_FILE = re.compile(r"\b([\w.-]+\.(?:txt|md|pdf|docx))\b", re.IGNORECASE)
# "In the Reseller Agreement between Galaxy Telecom and Galaxy Telnet SRL: which law governs?":
# a lead-in that names the contract, closed by a colon, before what is asked
_DOCUMENT_NAMED = (r"\b(?:agreement|contract|amendment|addendum|licen[cs]e|lease|nda|memorandum|mou|deed|statement|"
                   r"terms|between)\b")
_LEAD_IN_OPENS = r"^\s*(?:in|under|for|regarding|about|re|as\s+to|concerning)\s+"
_NAMING_LEAD_IN = re.compile(_LEAD_IN_OPENS + r"(?P<name>[^:?]{3,300}?"
                             + _DOCUMENT_NAMED + r"[^:?]{0,300}?):\s*(?P<rest>\S.*)$", re.IGNORECASE | re.DOTALL)
# ... or, naming it by its parties, by a comma before an asking word ("Under the Reseller Agreement between Galaxy
# Telecom, Inc. and Galaxy Telnet SRL, which law governs?": a comma in a party's name is no end of the lead-in;
# "Under the Acme NDA, what must Birch do?" names no parties there, and Birch is read with the question)
_NAMING_COMMA = re.compile(_LEAD_IN_OPENS + r"(?P<name>[^:?]{3,300}?\bbetween\b[^:?]{3,300}?),(?=\s*" + ASKING_WORD
                           + r")\s*(?P<rest>\S.*)$", re.IGNORECASE | re.DOTALL)
# the same name said after the question, in parentheses or after "in": "Which law governs? (the Reseller Agreement
# between Galaxy Telecom and Galaxy Telnet SRL)", "Which law governs in the Reseller Agreement between ... ?"
_NAMING_TAIL = re.compile(r"^\s*(?P<rest>" + ASKING_WORD + r"[^()]*?)\s*(?:\(\s*(?:in\s+)?(?P<name>(?:the\s+)?[^()]{3,300}?"
                          + _DOCUMENT_NAMED + r"[^()]{0,300}?)\s*\)|\s(?:in|under|of|for)\s+(?P<named>the\s+[^?()]{3,300}?"
                          r"\bbetween\b[^?()]{3,300}?))\s*(?P<mark>\?)?\s*$", re.IGNORECASE | re.DOTALL)

# parties' names joined as an agreement's name: "the Aldermoor-Kestrel NDA", "the Acme and Birch supply agreement",
# "the NDA between Aldermoor and Kestrel": those words say which agreement, whether or not its clauses use them
_NAME = r"[A-Z][\w&'’.]*"
_AS_ITS_NAME = re.compile(rf"(?P<before>{_NAME}(?:(?:-|\s+(?:and\s+|&\s+)?){_NAME})*)\s+"
                          r"(?i:(?:mutual\s+)?(?:non-disclosure\s+|confidentiality\s+|supply\s+|services?\s+|"
                          r"licen[cs]e\s+)?(?:nda|agreement|contract|letter|deal)s?)\b"
                          rf"|\b(?i:between)\s+(?P<after>{_NAME}(?:(?:-|\s+(?:and\s+|&\s+)?){_NAME})*)")


@dataclass(frozen=True)
class Scope:
    agreements: tuple[str, ...] = ()  # AgreementInfo keys; empty = everything
    reason: str = ""  # what in the question set the scope, for the "searched" text
    aggregate: bool = False
    terms: tuple[str, ...] = ()  # question words that named the scope: no evidence for the answer
    expansion: str = ""  # full names for acronyms in the question ("ICML" -> "International Conference ...")
    synonyms: tuple[tuple[str, frozenset[str]], ...] = ()  # acronym stem -> stems of its expansion
    unknown: str = ""  # a person or party the question names that no indexed agreement has
    named: bool = False  # the question names each agreement (a comparison): answer for every one
    asked: str = ""  # what a naming lead-in's question asks ("In the X between A and B: <asked>"), or the
    # question as typed when only its `terms` leave it ("Can either party assign the NDA?")


class ScopeFinder:
    """Matches question words against each agreement's identity (label, parties, title, kind,
    file name), weighting words by how rare they are across agreements."""

    def __init__(self, agreements: Sequence[AgreementInfo], parties: dict[str, Sequence[str]] | None = None,
                 agreement_df: Counter | None = None, openings: dict[str, str] | None = None,
                 body_terms: Callable[[str, Collection[str]], set[str]] | None = None):
        """`agreement_df`: in how many agreements each word occurs anywhere in the clauses;
        `openings`: each agreement's first few hundred characters (title, parties, date);
        `body_terms(key, terms)`: those of `terms` the agreement's clauses use beyond its opening."""
        self.agreements = list(agreements)
        parties = parties or {}
        self._body_terms = body_terms or (lambda key, terms: set())
        self._identity: dict[str, Counter] = {}  # names plus the opening words
        self._names: dict[str, frozenset[str]] = {}  # label, parties, title, kind, file name
        self._own_names: dict[str, frozenset[str]] = {}  # the same without the file name
        self._titled: dict[str, frozenset[str]] = {}  # title words that are no party's name
        self._kind_words: dict[str, frozenset[str]] = {}  # kind words that are no party's name
        self._kinds: dict[str, frozenset[str]] = {}  # every word of its kind
        self._labels: dict[str, set[str]] = {}
        self._acronyms: dict[str, str] = {}
        self._shorts: dict[str, frozenset[str]] = {}  # its kind's or title's initials ("nda", "msa")
        for a in self.agreements:
            names = [a.label, *parties.get(a.key, ())]
            self._acronyms.update(_acronyms(names))
            kind = " ".join([a.kind, *kind_acronyms(a.kind)])  # "the NDA": a Non-Disclosure Agreement's own name
            words = " ".join([*names, a.title, kind, re.sub(r"[_\-]", " ", a.file.rsplit(".", 1)[0])])
            self._names[a.key] = frozenset(content_terms(words))
            self._own_names[a.key] = frozenset(content_terms(" ".join([*names, a.title, kind])))
            # its title's words that are no party's name ("ActNN"); not its kind's: "the licence in
            # the License Agreement" asks about a licence
            self._titled[a.key] = frozenset(content_terms(a.title)) - set(content_terms(" ".join(names)))
            # the words of its kind ("Mutual Non-Disclosure Agreement", "NDA"), no party's name: what
            # the agreement is about, where a title (a paper's) or a party names it
            self._kinds[a.key] = frozenset(content_terms(kind))
            self._kind_words[a.key] = self._kinds[a.key] - set(content_terms(" ".join(names)))
            # what it goes by for short ("the CDA"): its kind's or title's initials, and "NDA" or "CDA" for any
            # agreement whose kind, title or opening says it is a confidentiality agreement
            opening_text = (openings or {}).get(a.key, "")
            shorts = [*kind_acronyms(a.kind), *kind_acronyms(a.title)]
            if _CONFIDENTIALITY_KIND.search(opening_text):
                shorts += ["NDA", "CDA"]
            self._shorts[a.key] = frozenset(t for short in shorts for t in content_terms(short))
            opening = content_terms(_LEGAL_FORM.sub(" ", opening_text))
            self._identity[a.key] = Counter(set(self._names[a.key]) | set(opening))
            self._labels[a.key] = {_norm(n) for n in names if n}
        df = Counter(t for c in self._identity.values() for t in c)
        # A word scopes only if it lives in identities, not all over the clauses: "TinyScript"
        # (a title) does, "services" (in every services contract's clauses) does not.
        # A word names agreements if few agreements use it beyond those it names: "TinyScript" (a
        # title) or "Accuray" (a party, however often its own contract repeats it), not "services".
        self._agreement_df = agreement_df or Counter()
        self._naming = {t for t, f in df.items() if self._agreement_df.get(t, 0) <= 2 * f + 1 and t not in _PREFIXES}
        # a party's short name scopes only if it names ("ICML", "Accuray"), not ("Company"), ("Bank")
        # and a name that many agreements share ("Agency Agreement", "ICML") picks none of them out;
        # an agreement's own label needs one naming word: a label read as "Agreement" would
        # otherwise claim every question that says "agreement"
        shared = Counter(label for labels in self._labels.values() for label in labels)
        self._named_label = {a.key: bool(set(content_terms(a.label)) & self._naming) for a in self.agreements}
        for a in self.agreements:
            own = _norm(a.label)
            self._labels[a.key] = {label for label in self._labels[a.key] if shared[label] <= 2
                                   and (label == own and self._named_label[a.key]
                                        or content_terms(label) and set(content_terms(label)) <= self._naming)}
        n = max(1, len(self.agreements))
        self._idf = {t: math.log((n + 1) / (f + 0.5)) for t, f in df.items()}
        self._max_idf = math.log((n + 1) / 1.5)

    def find(self, question: str, files: Sequence[str] | None = None) -> Scope:
        lead_in = _NAMING_LEAD_IN.match(question) or _NAMING_COMMA.match(question)
        tail = None if lead_in else _NAMING_TAIL.match(question)
        if tail:  # the name said after the question is read as said before it
            question = f"In {tail['name'] or tail['named']}: {tail['rest'].rstrip(' ?')}?"
            lead_in = _NAMING_LEAD_IN.match(question)
        # a lead-in ("In the Software License Agreement between D2 and Summa Four: must source code
        # be deposited in escrow?") names the contract; what follows is asked, not a name: the
        # "licensee" or "escrow" it asks about must not pull in the contracts whose party is so named
        scope = self._find(lead_in.group("name"), files) if lead_in else Scope()
        if lead_in and not scope.unknown:
            scope = self._described(lead_in.group("name"), files, scope)
            scope = self._fully_described(lead_in.group("name"), scope)
        if scope.agreements or scope.unknown:
            scope = replace(scope, aggregate=bool(_AGGREGATE.search(question)))
        else:
            scope = self._find(question, files)
        if len(scope.agreements) == 1:  # "the Aldermoor-Kestrel NDA": its parties' names, joined, say which one
            naming = {t for m in _AS_ITS_NAME.finditer(question) for names in [m["before"] or m["after"]]
                      if re.search(r"\w-\w|\s(?:and|&)\s", names) for t in content_terms(names)}
            naming &= set().union(*(self._names.get(k, ()) for k in scope.agreements))
            if naming - set(scope.terms):
                scope = replace(scope, terms=tuple(sorted(set(scope.terms) | naming)))
        if lead_in and scope.agreements:
            # the lead-in's words named the contract; those the question itself repeats stay content
            asked = set(content_terms(lead_in.group("rest")))
            naming = (set(scope.terms) | set(content_terms(lead_in.group("name")))) - asked
            scope = replace(scope, terms=tuple(sorted(naming)), asked=lead_in.group("rest").strip())
        words = set(re.findall(r"[A-Za-z][\w&-]+", question))
        used = {short: full for short, full in self._acronyms.items() if short in words}
        if not used:
            return scope
        synonyms = tuple((content_terms(short)[0], frozenset(content_terms(full))) for short, full in used.items())
        return replace(scope, expansion=" ".join(used.values()), synonyms=synonyms)

    def _find(self, question: str, files: Sequence[str] | None = None) -> Scope:
        aggregate = bool(_AGGREGATE.search(question))
        named_files = {m.group(1).lower() for m in _FILE.finditer(question)}
        if named_files:
            keys = tuple(a.key for a in self.agreements if a.file.lower() in named_files)
            if keys:
                return Scope(keys, f"file {', '.join(sorted(named_files))}", aggregate)
        candidates = [a for a in self.agreements if not files or a.file in files]
        # a name in lower case inside an indefinite phrase is asked about ("a company in Scotland"), even
        # where an agreement calls its party "the Company"
        named_only = _without_indefinite(question)
        # a person's name beats a party everyone shares ("Xin Wang's ICML agreement" is Xin Wang's)
        exact = self._exact_names(named_only, candidates, labels_only=True)
        if not exact:
            named = next((g for m in _NAMED.finditer(question) for g in m.groups() if g), "")
            if named and not self._known_words(named):
                return Scope(reason=named, aggregate=aggregate, unknown=named)
            exact = self._exact_names(named_only, candidates)
            if exact and self._common_noun_only(question, exact, candidates):
                exact = []
        if exact:
            exact = self._strongest(question, exact)
            # only a person's own name is scope and nothing else; a party ("for ICML") is content
            q = _norm(question)
            # in the order the question names them: "compare X's licence with Y's" answers X first
            exact.sort(key=lambda a: _mentioned_at(q, a.label))
            labels = [a.label for a in exact if f" {_norm(a.label)} " in f" {q} "]
            named = {t for label in labels for t in content_terms(label)}
            # so do the parties' own names that picked them when the clauses call the party by a role
            # ("what is Sofia Ruiz paid?" asks about pay, in clauses that say "the Employee"); a party
            # the clauses name ("belong to Orchid"), a role ("who is the Consultant?") and the party a
            # signing question names ("when did Birch sign?": Birch's block) are asked about
            if not set(content_terms(question)) & _SIGNING:
                for a in exact:
                    words = {t for name in self._labels[a.key] if _names_party(q, name)
                             for t in content_terms(name)}
                    named |= words - self._body_terms(a.key, words)
                # the question's other words that name the same agreement, another party or its kind's
                # initials ("what must Birch do under the Acme NDA?"), which its clauses never use: they
                # say which agreement, and as asked words they would be words its clauses lack
                rest = set(content_terms(question)) - named
                for a in exact:
                    also = rest & self._own_names[a.key]
                    named |= also - self._body_terms(a.key, also)
            keys = [a.key for a in exact]
            if len(labels) == 1:  # "the ActNN agreement versus Ce Zhang's": a title may name another one
                rest = _strip_labels(q, labels)
                titled = self._by_identity(rest, candidates, aggregate, names_only=True)
                # words that fit the named agreement too ("the Exclusive Distributor Agreement
                # between LifeUSA ...") describe it, not another agreement titled alike
                if titled.agreements and len(titled.agreements) <= 3:
                    if not set(titled.agreements) & set(keys):
                        keys += titled.agreements
                    named |= set(titled.terms)
            # the rest of the question may also give a title of the agreements it names by person
            # ("Jianfei Chen's ActNN agreement"): those words say which agreement, not what is asked
            rest = set(content_terms(_strip_labels(q, labels)))
            named |= {t for t in rest & self._naming if any(t in self._titled.get(k, ()) for k in keys)}
            reason = _describe(sorted({a.label for a in self.agreements if a.key in keys}))
            return Scope(tuple(keys), reason, aggregate, tuple(sorted(named)), named=bool(labels) and len(keys) > 1)
        # the agreement's own names (label, parties, title, kind) first, then its file name, and its
        # opening text only when no name matches: "the consulting agreement" is the one of that kind,
        # not every agreement in a file called lease_and_consulting.txt
        # ... unless a later source matches over twice the weight of the question's words ("In the
        # Turn-Key Manufacturing Agreement between Invasix Ltd. and Flextronics": names read poorly
        # share only "Ltd" with it, the opening names both parties and the kind)
        by_kind = self._named_by_kind(question, candidates, aggregate)
        if by_kind.terms:
            return by_kind
        stages = [self._identity_scope(question, candidates, aggregate, source) for source in ("own", "names", False)]
        strongest = max(score for _, score in stages)  # 0 when no source scopes: the first (empty) one
        return next(scope for scope, score in stages if score >= 0.5 * strongest)

    def _named_by_kind(self, question: str, candidates: Sequence[AgreementInfo], aggregate: bool) -> Scope:
        """The words naming the one agreement asked of (the files given pick it, or it is the only one) by what it
        goes by for short ("Does the CDA restrict recruiting?") or by its kind ("the Mutual Non-Disclosure
        Agreement"): they say which agreement, not what its clauses must hold. Read as asked, "CDA" matched the
        reference number "CDA-2024-0317" in the opening, which was quoted; "the NDA" asked of an NDA that never
        calls itself so counted as a word it lacks; the kind's words quoted the opening that holds them."""
        if len(candidates) != 1:
            return Scope(aggregate=aggregate)
        key = candidates[0].key
        used = {t for m in _CALLED_FOR_SHORT.finditer(question) for t in content_terms(m.group(1))}
        used &= self._shorts.get(key, frozenset())
        # so is it by its kind or title said whole ("How long does the Mutual Non-Disclosure Agreement run?"
        # quoted the opening, which holds those words); a word the question says again is asked ("Does the
        # Non-Disclosure Agreement allow disclosure to advisers?")
        own = self._kinds.get(key, frozenset()) | self._titled.get(key, frozenset())
        asked = question
        for m in reversed(list(_KIND_NAMED.finditer(question))):
            said = set(content_terms(m.group(1)))
            # a kind's own words, not a stretch of the question ("the parties to this agreement")
            if said and said <= own and not _LINKING.search(m.group(1)):
                used |= said - set(content_terms(question[:m.start()] + " " + question[m.end():]))
                asked = asked[:m.start(1)] + asked[m.end(1):]  # read as "the Agreement", as most questions say
        if not used:
            return Scope(aggregate=aggregate)
        # initials stay in the embedded question ("How long does the SSA run?" read as "How long does the run?"
        # was refused): only their words leave it; the scope stays what the files or the index give (and says
        # so when nothing is found)
        return Scope(aggregate=aggregate, terms=tuple(sorted(used)), asked=asked)

    def _described(self, name: str, files: Sequence[str] | None, scope: Scope) -> Scope:
        """The agreement a naming lead-in describes, read from all its words: every word of "the
        Product Development And Co-Branding Agreement between INTEGRITY INCORPORATED and TIME
        LIFE" names the contract, even words its clauses also use ("integrity" is "integration"'s
        stem) that could not name it in a question at large. It replaces the scope found from
        the naming words alone when that found none, or one that the lead-in's words describe
        less than half as well ("Pizza Fusion Holding" is not the contract whose party is "Fusion")."""
        candidates = [a for a in self.agreements if not files or a.file in files]
        terms = set(content_terms(name))
        if len(candidates) < 2 or not terms:
            return scope
        scores, best, keys = self._best_matches(terms, candidates, self._identity)
        # a description everyone fits, or one no rarer than a single shared word, describes none
        if best < self._max_idf or len(keys) == len(candidates) or len(keys) > 3:
            return scope
        if scope.agreements and max(scores.get(k, 0.0) for k in scope.agreements) >= 0.5 * best:
            return scope
        matched = sorted({t for t in terms for k in keys if t in self._identity[k]})
        return Scope(keys, "matching " + ", ".join(matched[:4]), terms=tuple(matched))

    def _fully_described(self, name: str, scope: Scope) -> Scope:
        """Of the agreements a naming lead-in's words found, those whose identity holds every word
        of it, when only some do: "the Amendment No. 3 Manufacturing Agreement between Stremicks
        Heritage Foods and Premier Nutrition" is the third amendment, not the agreement it amends
        between the same parties."""
        terms = set(content_terms(name))
        full = tuple(k for k in scope.agreements if terms <= self._identity[k].keys())
        if not full or len(full) == len(scope.agreements):
            return scope
        labels = sorted({a.label for a in self.agreements if a.key in full})
        return replace(scope, agreements=full, reason=_describe(labels))

    def _exact_names(self, question: str, candidates: Sequence[AgreementInfo],
                     labels_only: bool = False) -> list[AgreementInfo]:
        q = f" {_norm(question)} "
        if labels_only:
            return [a for a in candidates if len(_norm(a.label)) > 3 and self._named_label[a.key]
                    and f" {_norm(a.label)} " in q]
        return [a for a in candidates if any(f" {label} " in q for label in self._labels[a.key] if len(label) > 3)]

    def _common_noun_only(self, question: str, exact: list[AgreementInfo], candidates: Sequence[AgreementInfo]) -> bool:
        """Whether the agreements matched by name were matched only by a one-word name written in lower
        case ("customer lists", where one agreement calls its party the "Customer") while the question
        names another agreement's party by its own words ("Can Kestrel share Harbor's customer lists?"):
        the common noun then names nothing."""
        q = f" {_norm(question)} "
        used = {label for a in exact for label in self._labels[a.key] if len(label) > 3 and f" {label} " in q}
        if any(len(label.split()) > 1 or re.search(rf"\b{re.escape(label)}\b", question) is None
               or re.search(rf"\b{re.escape(label[:1].upper() + label[1:])}\b", question) for label in used):
            return False
        mine = {t for a in exact for t in self._identity[a.key]}
        chosen = {a.key for a in exact}
        others = {t for b in candidates if b.key not in chosen for label in self._labels[b.key]
                  for t in content_terms(label)}
        return bool(((set(content_terms(question)) & self._naming) - mine) & others)

    def _strongest(self, question: str, exact: list[AgreementInfo]) -> list[AgreementInfo]:
        """The agreements whose names in the question weigh at least half the heaviest: "between
        LifeUSA/Envision Health, Inc. and Sierra Mountain Minerals, Inc." names one contract even
        though another calls its party "Distributor", a word the question also uses."""
        q = f" {_norm(question)} "

        def weight(a: AgreementInfo) -> float:
            names = self._labels[a.key] | {_norm(a.label)}
            terms = {t for name in names if len(name) > 3 and f" {name} " in q for t in content_terms(name)}
            return sum(self._idf.get(t, 0.0) for t in terms)

        weights = {a.key: weight(a) for a in exact}
        best = max(weights.values())
        return [a for a in exact if weights[a.key] >= 0.5 * best]

    def _known_words(self, name: str) -> bool:
        """Whether every word of a name occurs in some agreement's identity (labels, parties, titles)."""
        words = content_terms(name)
        if words and all(self._agreement_df.get(w, 0) for w in words):
            return True  # named in the clauses themselves ("Stuart Shieber's model agreement")
        return bool(words) and any(all(w in identity for w in words) for identity in self._identity.values())

    def _by_identity(self, question: str, candidates: Sequence[AgreementInfo], aggregate: bool,
                     names_only: bool | str = False) -> Scope:
        return self._identity_scope(question, candidates, aggregate, names_only)[0]

    def _identity_scope(self, question: str, candidates: Sequence[AgreementInfo], aggregate: bool,
                        names_only: bool | str) -> tuple[Scope, float]:
        """(the agreements whose identity matches the question's naming words best, the best one's
        matched weight; 0 when none scopes)."""
        # a negated auxiliary names nothing: "which agreements don't mention X?" is not about the
        # paper "Don't Waste Your Bits!"
        terms = {t for t in content_terms(question) if not t.endswith("n't")}
        terms = (terms - _indefinite(question) - _SIGNING - _date_words(question)) & self._naming
        if not terms or len(candidates) < 2:
            return Scope(aggregate=aggregate), 0.0
        source = self._own_names if names_only == "own" else self._names if names_only else self._identity
        _, best, keys = self._best_matches(terms, candidates, source)
        # a rare word (a name or a title word) must match; words shared by most agreements don't scope
        if best < 0.25 * self._max_idf:
            return Scope(aggregate=aggregate), 0.0
        if len(keys) == len(candidates):
            return Scope(aggregate=aggregate), 0.0
        keys = self._of_the_kind_asked(question, terms, keys)
        matched = sorted({t for t in terms for k in keys if t in source[k]})
        # only words that name the agreements leave the question; words found in their opening text
        # ("the monthly rent for the excavator") are what is asked about
        naming = tuple(t for t in matched if any(t in self._names[k] for k in keys))
        return Scope(keys, "matching " + ", ".join(matched[:4]), aggregate, self._needed(naming, keys, candidates,
                                                                                         source)), best

    def _of_the_kind_asked(self, question: str, terms: set[str], keys: tuple[str, ...]) -> tuple[str, ...]:
        """Of the agreements matched, those of the kind the question names ("the supply agreement"),
        when others matched its words only through a party's name ("Selk Health Supplies B.V."). A
        kind is read whole: the Consulting Agreement is "the consulting agreement" though its party
        is "the Consultant", and "Kestrel Consulting Group" does not make a services agreement one."""
        phrase = _KIND_NAMED.search(question)
        asked = set(content_terms(phrase.group(1))) & terms if phrase and len(keys) > 1 else set()
        if not asked:
            return keys
        of_kind = tuple(k for k in keys
                        if asked <= self._kinds.get(k, frozenset()) | self._titled.get(k, frozenset()))
        return of_kind or keys

    def _needed(self, naming: tuple[str, ...], keys: tuple[str, ...], candidates: Sequence[AgreementInfo],
                source) -> tuple[str, ...]:
        """The naming words the scope needs: a word of the agreement's kind that the other naming
        words already pick the same agreements without is what is asked about too ("does the NDA
        allow disclosure to advisers?": "NDA" names the Mutual Non-Disclosure Agreement, and
        "disclosure" is asked). Names (parties, a paper's title) always name."""
        described = set().union(*(self._kind_words.get(k, frozenset()) for k in keys))
        needed = list(naming)
        for t in sorted(naming, key=lambda t: (-self._agreement_df.get(t, 0), t)):
            rest = set(needed) - {t}
            if t not in described or not rest:
                continue
            _, best, again = self._best_matches(rest, candidates, source)
            if set(again) == set(keys) and best >= 0.25 * self._max_idf:
                needed.remove(t)
        return tuple(needed)


    def _best_matches(self, terms: set[str], candidates: Sequence[AgreementInfo],
                      source: dict[str, frozenset[str]] | dict[str, Counter],
                      ) -> tuple[dict[str, float], float, tuple[str, ...]]:
        """(each candidate's matched weight: the rarity of the terms its `source` words hold, the
        best weight, the candidates within 0.8 of it)."""
        scores = {a.key: sum(self._idf.get(t, 0.0) for t in terms if t in source[a.key]) for a in candidates}
        best = max(scores.values())
        return scores, best, tuple(k for k, s in scores.items() if s >= 0.8 * best)


# the words of a party's legal form in an opening ("a Colorado limited liability company"): they name no
# agreement ("which agreements limit liability?" is asked of all of them)
_LEGAL_FORM = re.compile(r"\blimited\s+liability\s+(?:company|partnership)|\blimited\s+partnership", re.IGNORECASE)
# "the supply agreement", "this Distribution Agreement": the words naming an agreement's kind
_KIND_NAMED = re.compile(r"\b(?:the|this|that|its|our|their)\s+((?:[\w-]+\s+){1,3}?)(?:agreement|contract)s?\b",
                         re.IGNORECASE)
_LINKING = re.compile(r"\b(?:the|this|that|these|those|its|our|their|a|an|to|of|in|on|for|with|by|under|from|at)\b",
                      re.IGNORECASE)
# "a licence", "any licence to patents", "an exclusive distributor": a thing asked about, not an agreement named
_INDEFINITE = re.compile(r"\b(?:a|an|any|no|some|another)\s+((?:[\w-]+\s+){0,2}?[\w-]+)(?=\s*(?:to|for|of|in|on|with|from|under|that|which|[,.;:?!]|$))",
                         re.IGNORECASE)


_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec").split()
_DATE = re.compile(r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:%s)\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?(?:\s+\d{4})?\b"
                   r"|\b(?:19|20)\d{2}\b" % "|".join(_MONTHS), re.IGNORECASE)


def _date_words(question: str) -> set[str]:
    """The words of the dates a question gives: when something happened, not which agreement.
    "Which agreements were signed on 15 January 2024?" is not about the licence dated 12 January 2024."""
    return {t for m in _DATE.finditer(question) for t in content_terms(m.group())}


def _indefinite(question: str) -> set[str]:
    """The lower-case words the question uses only in an indefinite noun phrase ("does the NDA
    grant a licence?"): what it asks about, which names no agreement."""
    # lower-case words only: "a company called Acme" still names Acme
    inside = {t for m in _INDEFINITE.finditer(question) for w in m.group(1).split() if w.islower()
              for t in content_terms(w)}
    outside = set(content_terms(_INDEFINITE.sub(" ", question)))
    return inside - outside


def _without_indefinite(question: str) -> str:
    """The question without the lower-case words of its indefinite noun phrases ("which contracts
    involve a company in Scotland?" -> "which contracts involve a in Scotland?")."""
    def keep(m: re.Match) -> str:
        words = " ".join(w for w in m.group(1).split() if not w.islower())
        return m.group(0)[:m.start(1) - m.start(0)] + words
    return _INDEFINITE.sub(keep, question)


def _mentioned_at(question: str, label: str) -> int:
    """Where the normalised question names the label; past its end when it does not."""
    at = f" {question} ".find(f" {_norm(label)} ")
    return at if at >= 0 else len(question) + 1


def _strip_labels(question: str, labels: Sequence[str]) -> str:
    """The normalised question without the agreement labels it names."""
    for label in labels:
        question = question.replace(_norm(label), " ")
    return question


def _describe(labels: Sequence[str]) -> str:
    return ", ".join(labels) if len(labels) <= 3 else f"{', '.join(labels[:3])} and {len(labels) - 3} more"


def kind_acronyms(kind: str) -> list[str]:
    """What people call an agreement of this kind for short: "Mutual Non-Disclosure Agreement" ->
    ["MNDA", "NDA"], "Master Services Agreement" -> ["MSA"], "Statement of Work" -> ["SOW"],
    "Memorandum of Understanding" -> ["MOU"]: the initials of its words (hyphenated parts count
    apart), and those of its last words, three letters or more; "Confidentiality Agreement" -> ["NDA",
    "CDA"], what any confidentiality agreement goes by."""
    words = [w for w in re.findall(r"[A-Za-z]+", kind) if w.lower() not in {"and", "the", "a", "an"}]
    # whatever its title spells, a confidentiality agreement is an "NDA" or a "CDA" for short
    aliases = ["NDA", "CDA"] if _CONFIDENTIALITY_KIND.search(kind) else []
    if len(words) < 3 or len(words) > 6:
        return aliases
    letters = "".join(w[0].upper() for w in words)
    return list(dict.fromkeys([letters[i:] for i in range(len(letters) - 2)] + aliases))


# an agreement called by its initials: "the NDA", "this MSA", "our CDA's term"
_CALLED_FOR_SHORT = re.compile(r"\b(?i:the|this|that|our|your|their|its|each)\s+([A-Z]{2,5})(?:s|'s|’s)?\b")
_CONFIDENTIALITY_KIND = re.compile(
    r"\b(?:confidentiality|non-?disclosure|confidential\s+disclosure|secrecy)\s+agreement\b", re.IGNORECASE)


def _acronyms(names: Sequence[str]) -> dict[str, str]:
    """{"ICML": "International Conference on Machine Learning"} when both names are parties."""
    out = {}
    for short in (n for n in names if n.isupper() and 2 <= len(n) <= 8):
        for full in names:
            if full != short and initials(full) == short:
                out[short] = full
    return out


def _names_party(question: str, name: str) -> bool:
    """Whether a normalised question names a party by its own name, not by a role it gives it
    ("the consultant", "a licensee")."""
    q = f" {question} "
    return f" {name} " in q and not any(f" {article} {name} " in q for article in ("the", "a", "an"))


@lru_cache(maxsize=8192)  # agreement labels come back question after question
def _norm(text: str) -> str:
    return " ".join(tokens(re.sub(r"<[^>]+>", " ", text)))
