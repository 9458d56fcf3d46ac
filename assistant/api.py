"""Assistant: the one entry point every face (CLI, UI, eval, Python users) calls."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path
from dataclasses import replace
from collections.abc import Iterator, Sequence
from functools import cached_property

from assistant.answer import base_clause, compose
from assistant.evidence import EvidenceSet, gather
from assistant.ranker import EvidenceModel
from assistant.signatories import asks_signer, only, signer_candidates
from assistant.retrieve import HybridRetriever, Hit
from assistant.scope import Scope, ScopeFinder
from assistant.settings import Settings
from assistant.text import content_terms, without_terms
from assistant.types import AgreementInfo, Answer
from index.build import Progress
from index.errors import EmptyQuestion, FileChanged, FileNotIndexed, IndexNotFound, LoadError
from index.types import BuildReport, IndexedFile



_CLAUSE_REF = re.compile(r"\b(?:clause|section|paragraph|article)\s+(\d{1,2}(?:\.\d{1,2})*(?:\([a-z]\))?)",
                         re.IGNORECASE)


_SIGNING = re.compile(r"\b(sign|signs|signed|signing|signature|signatory|signatories|countersign\w*)\b",
                      re.IGNORECASE)
_OPENING_FACTS = re.compile(
    r"\b(title|titled|called|name of (?:this|the) (?:agreement|contract)|parties|party to|between whom|"
    r"dated|date of (?:this|the) (?:agreement|contract)|effective date|takes? effect|entered into|commencement)\b",
    re.IGNORECASE)


class Assistant:
    """Ask questions of an index of agreements; every answer cites file, agreement and clause."""

    def __init__(self, settings: Settings, store=None, embedder=None, chat_model=None,
                 evidence_model: EvidenceModel | None = None):
        from index.store import ChromaStore

        self.settings = settings
        self.store = store or ChromaStore(settings.index_dir, settings.host, settings.port)
        self._embedder = embedder
        self._evidence_model = evidence_model
        self._chat_model = chat_model
        self._vectors: dict[str, list[float]] = {}
        self._texts: dict[str, tuple[tuple[int, int], str]] = {}  # file -> ((mtime, size), text as indexed)
        self._lock = threading.RLock()  # add_paths swaps the retriever while the UI may be asking

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, index_dir: str | None = None, **settings) -> "Assistant":
        """Open an existing index; raises IndexNotFound with the command that builds one."""
        resolved = Settings.resolve(index_dir=index_dir, **settings)
        if not resolved.host:
            from index.store import ChromaStore

            store = ChromaStore(resolved.index_dir, create=False)
            if not store.files():
                raise IndexNotFound(f"No index at {resolved.index_dir} — run: clauseqa index data/agreements "
                                    f"--index {resolved.index_dir}")
            return cls(resolved, store=store)
        return cls(resolved)

    @classmethod
    def from_paths(cls, paths: Sequence[str], index_dir: str | None = None,
                   progress: Progress | None = None, **settings) -> "Assistant":
        """Build or update the index from files/folders, then open it."""
        assistant = cls(Settings.resolve(index_dir=index_dir, **settings))
        assistant.add_paths(paths, progress=progress)
        return assistant

    @cached_property
    def evidence_model(self) -> EvidenceModel:
        """The fitted ranker and found decision, loaded on the first answer (fitting needs none)."""
        return self._evidence_model or EvidenceModel.load()

    @cached_property
    def embedder(self):
        """Loaded on first use: listing the index needs no model."""
        from index.embedders import get_embedder

        # without an explicit model, questions are embedded with the model the index was built with
        return self._embedder or get_embedder(self.settings.model or self.store.model())

    @property
    def index_dir(self) -> str:
        return self.settings.index_dir

    # -- indexing ---------------------------------------------------------------------------

    def add_paths(self, paths: Sequence[str], progress: Progress | None = None) -> BuildReport:
        """Index more files (nothing already indexed is lost); per-file errors are in the report."""
        from index.build import build_index

        with self._lock:
            report = build_index(paths, self.store, self.embedder, progress=progress)
            for name in ("retriever", "_files", "_agreements", "scope_finder"):
                self.__dict__.pop(name, None)
            self._texts.clear()
        return report

    def files(self) -> list[IndexedFile]:
        return list(self._files.values())

    def agreements(self) -> list[AgreementInfo]:
        return list(self._agreements)

    def document_text(self, file: str) -> str:
        """The loader's text of an indexed file (what citation offsets index into); read once, and
        refused with FileChanged when the file on disk is no longer the version that was indexed."""
        from index.loaders import load_document

        record = self._files.get(file)
        if record is None:
            raise FileNotIndexed(self._not_indexed_message([file]))
        try:
            stamp = Path(record.path).stat()
            stamp = (stamp.st_mtime_ns, stamp.st_size)
        except OSError:
            stamp = None
        cached = self._texts.get(file)
        if cached is not None and stamp is not None and cached[0] == stamp:  # untouched since last read
            return cached[1]
        try:
            document = load_document(record.path)
        except LoadError as exc:
            raise FileChanged(f"{file} was indexed from {record.path}, which can no longer be read ({exc.reason}) "
                              f"— re-index its folder with: clauseqa index PATH") from exc
        if document.sha256 != record.sha256:
            raise FileChanged(f"{file} changed on disk after it was indexed, so citation offsets no longer point "
                              f"into it — re-index it with: clauseqa index {record.path}")
        if stamp is not None:
            self._texts[file] = (stamp, document.text)
        return document.text

    @cached_property
    def _files(self) -> dict[str, IndexedFile]:
        return self.store.files()

    @cached_property
    def _agreements(self) -> list[AgreementInfo]:
        counts: dict[str, int] = {}
        for _, clause in self.retriever.clauses.items():
            key = f"{clause.file}#{clause.agreement}"
            counts[key] = counts.get(key, 0) + 1
        return [AgreementInfo(file=f.name, number=a.number, label=a.label, title=a.title, date=a.date,
                              kind=a.kind, clauses=counts.get(f"{f.name}#{a.number}", 0))
                for f in sorted(self._files.values(), key=lambda f: f.name) for a in f.agreements]

    @cached_property
    def retriever(self) -> HybridRetriever:
        return HybridRetriever(self.store, self.embedder, self.store.all_clauses(), embed=self._embed_cached)

    @cached_property
    def scope_finder(self) -> ScopeFinder:
        parties = {f"{f.name}#{a.number}": a.parties for f in self._files.values() for a in f.agreements}
        return ScopeFinder(self._agreements, parties, self.retriever.agreement_term_counts(),
                           self.retriever.openings())

    # -- asking -----------------------------------------------------------------------------

    def ask(self, question: str, files: Sequence[str] | None = None,
            agreements: Sequence[str] | None = None) -> Answer:
        """files: file names as indexed; agreements: AgreementInfo.key values ("file#n") or labels."""
        return self._ask(question, files, agreements, context=None)

    def stream(self, question: str, files: Sequence[str] | None = None,
               agreements: Sequence[str] | None = None) -> Iterator[str | Answer]:
        """Yields text pieces of the answer, then the final Answer."""
        answer = self.ask(question, files, agreements)
        yield from answer.pieces()
        yield answer

    def conversation(self):
        """A multi-turn chat whose follow-ups ("when did he sign?") keep their context."""
        from assistant.conversation import Conversation

        return Conversation(self)

    def retrieve(self, question: str, k: int | None = None, files: Sequence[str] | None = None,
                 agreements: Sequence[str] | None = None) -> list[Hit]:
        """The ranked clauses for a question, scope taken from the question unless given."""
        scope = self._scope(question, files, agreements)
        hits = self._named_clauses(question, scope, files) or self._hits(question, scope, files, 0)
        return hits[:k or self.settings.top_k]

    def as_retriever(self, k: int = 6):
        """The hybrid retriever as a LangChain BaseRetriever."""
        from assistant.chain import ClauseRetriever

        return ClauseRetriever(assistant=self, k=k)

    def as_runnable(self):
        """The whole pipeline (scope -> retrieve -> answer) as a LangChain runnable."""
        from assistant.chain import build_chain

        return build_chain(self)

    def _ask(self, question: str, files, agreements, context: Scope | None) -> Answer:
        started = time.perf_counter()
        question = (question or "").strip()
        if not question:
            raise EmptyQuestion("The question is empty — ask something, e.g. \"Which law governs Xin Wang's agreement?\"")
        if files:
            missing = [f for f in files if f not in self._files]
            if missing:
                raise FileNotIndexed(self._not_indexed_message(missing))
        with self._lock:
            scope = self._scope(question, files, agreements)
            standalone = question
            if context is not None and not scope.terms and not files and not agreements:
                # a follow-up ("when did he sign?") keeps the agreements the last answer cited
                scope = Scope(context.agreements, context.reason, scope.aggregate)
                standalone = f"{question.rstrip('?')} (in the agreement of {context.reason})?"
            answer = self._answer(question, scope, files)
        return replace(answer, standalone_question=standalone, seconds=round(time.perf_counter() - started, 4))

    def _scope(self, question: str, files, agreements) -> Scope:
        if agreements:
            keys = self._agreement_keys(agreements)
            return Scope(keys, ", ".join(sorted({a.label for a in self._agreements if a.key in keys})))
        return self.scope_finder.find(question, files)

    def _answer(self, question: str, scope: Scope, files) -> Answer:
        in_scope = self._in_scope(scope, files)
        searched = self._searched(scope, in_scope, files)
        if scope.unknown:
            return Answer(question=question, found=False, searched=searched,
                          text=f"Not found: no indexed agreement names {scope.unknown} "
                               f"(searched the {len(self._agreements)} indexed agreements).")
        hits, many, named = self._candidate_hits(question, scope, files, in_scope)
        if self.settings.llm or self._chat_model is not None:
            from assistant.llm import generate_answer

            return generate_answer(question, [(h.clause, h.score) for h in hits], self.chat_model, searched=searched)
        evidence = self._gather(question, scope, hits, files)
        probabilities = self.evidence_model.score(evidence)
        found_p = self.evidence_model.found_probability(evidence, probabilities)
        certain = named
        if asks_signer(question):  # "who signed for Birch?": the block line naming Birch and its name line
            keep = signer_candidates(evidence, question, dict(scope.synonyms))
            if keep:
                probabilities, certain = only(probabilities, keep), True
        # a question scoped to several agreements by a title or party answers for each of them;
        # a clause named by number ("what does clause 6.2 say?") is the answer whatever it scores
        answer = compose(without_terms(question, set(scope.terms)) or question, evidence, probabilities, found_p,
                         self.evidence_model.selection, searched, aggregate=many, every_agreement=scope.named,
                         found=True if certain else None)
        return replace(answer, question=question)

    def candidates(self, question: str, files: Sequence[str] | None = None) -> EvidenceSet:
        """The candidate evidence behind an answer with its feature rows (for fitting and debugging)."""
        scope = self._scope(question, files, None)
        hits, _, _ = self._candidate_hits(question, scope, files, self._in_scope(scope, files))
        return self._gather(question, scope, hits, files)

    def _in_scope(self, scope: Scope, files) -> list[AgreementInfo]:
        return [a for a in self._agreements if (not scope.agreements or a.key in scope.agreements)
                and (not files or a.file in files)]

    def _candidate_hits(self, question: str, scope: Scope, files,
                        in_scope: list[AgreementInfo]) -> tuple[list[Hit], bool, bool]:
        """(hits, answer per agreement?, a clause named by number?): the same path for answering
        and for fitting, so the ranker is fitted on exactly the candidates it later ranks."""
        many = scope.aggregate or len(scope.agreements) > 1
        named = self._named_clauses(question, scope, files)
        return named or self._hits(question, scope, files, len(in_scope) if many else 0), many, bool(named)

    def _hits(self, question: str, scope: Scope, files, agreements_in_scope: int) -> list[Hit]:
        k = min(60, max(self.settings.top_k, 3 * agreements_in_scope)) if agreements_in_scope else self.settings.top_k
        # inside a scope, the words that named it (a person, a title) say nothing about which clause
        focus = without_terms(question, set(scope.terms)) if scope.agreements else question
        hits = self.retriever.search(focus or question, k, scope.agreements or None, files, ignore_terms=scope.terms)
        # where an agreement says certain things is known: titles, parties and dates at the top,
        # who signed at the bottom; those chunks join the candidates whatever the wording
        structural = []
        if _OPENING_FACTS.search(question):
            structural += self.retriever.opening(focus or question, scope.agreements or None, files)
        if _SIGNING.search(question):
            structural += self.retriever.signature_blocks(focus or question, scope.agreements or None, files)
        first = {h.chunk_id for h in structural}
        return structural + [h for h in hits if h.chunk_id not in first]

    def _gather(self, question: str, scope: Scope, hits: list[Hit], files) -> EvidenceSet:
        focus = (without_terms(question, set(scope.terms)) if scope.agreements else question) or question
        terms = set(content_terms(focus)) - set(scope.terms)
        absent = self.retriever.absent_share(terms, scope.agreements or None, files)
        structural = frozenset(h.chunk_id for h in hits if h.score == 0.0)
        return gather(focus, hits, self._embed_cached, self.retriever.idf, self.retriever.extents, scope.terms,
                      synonyms=dict(scope.synonyms), expansion=scope.expansion, absent=absent, structural=structural)

    def _named_clauses(self, question: str, scope: Scope, files) -> list[Hit]:
        """"clause 6.2 of Jianfei Chen's agreement": the named clause comes first."""
        match = _CLAUSE_REF.search(question)
        if not match:
            return []
        wanted = match.group(1).lower()
        return [Hit(i, c, 1.0, 1.0, 1.0) for i, c in self.retriever.clauses.items()
                if base_clause(c.clause_id).lower() == wanted
                and (not scope.agreements or f"{c.file}#{c.agreement}" in scope.agreements)
                and (not files or c.file in files)][:20]

    def _embed_cached(self, texts: Sequence[str]) -> list[list[float]]:
        """Sentence vectors are reused across questions: clauses do not change between asks."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if missing:
            if len(self._vectors) > 100_000:
                self._vectors.clear()
            self._vectors.update(zip(missing, self.embedder.embed(missing)))
        return [self._vectors[t] for t in texts]

    @cached_property
    def chat_model(self):
        if self._chat_model is not None:
            return self._chat_model
        from assistant.llm import get_chat_model

        return get_chat_model(self.settings.llm, base_url=self.settings.llm_base_url)

    def _searched(self, scope: Scope, in_scope: list[AgreementInfo], files) -> str:
        n = len(in_scope)
        noun = "agreement" if n == 1 else "agreements"
        if scope.agreements and scope.reason:
            return f"{n} {noun} ({scope.reason})"
        if files:
            return f"{n} {noun} in {', '.join(files)}"
        return f"the {n} indexed {noun}"

    def _agreement_keys(self, agreements: Sequence[str]) -> tuple[str, ...]:
        keys = []
        for wanted in agreements:
            matches = [a.key for a in self._agreements if wanted in (a.key, a.label)]
            if not matches:
                raise FileNotIndexed(f"No indexed agreement {wanted!r} — see `clauseqa status` for the list")
            keys.extend(matches)
        return tuple(keys)

    def _not_indexed_message(self, missing: Sequence[str]) -> str:
        known = ", ".join(sorted(self._files)[:10]) or "none"
        return f"Not indexed: {', '.join(missing)} — indexed files: {known}. Add one with: clauseqa index PATH"
