"""Assistant: the one entry point every face (CLI, UI, eval, Python users) calls."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path
from dataclasses import replace
from collections.abc import Iterator, Sequence
from functools import cached_property

from assistant.adapter import QuestionAdapter
from assistant.absence import absence_answer, asks_absence
from assistant.answer import base_clause, compose, not_found
from assistant.answer_check import check_asked
from assistant.answer_places import AnswerPlaces
from assistant.bridges import bridge_terms, searched_words
from assistant.catalog import CatalogRow
from assistant.catalog_facts import answerer as catalog_answerer
from assistant.clause_titles import asks_by_title, titled_candidates
from assistant.conversation import in_agreement_of
from assistant.definitions import asked_term, defines, lead_with_definition
from assistant.evidence import EvidenceSet, gather, join
from assistant.expiring import asks_expiring, asks_renewing, expiring_answer, renewing_answer
from assistant.features import AGREEMENT_NAME
from assistant.framing import is_keyword, plain_text, with_context, with_label, without_framing, written_as_names
from assistant.inventory import asked_kind, asks_inventory, asks_inventory_of, asks_membership, inventory_answer, \
    named_in, of_kind, with_party
from assistant.holders import asks_holders, holders_answer, roles_named
from assistant.latest import asks_latest, latest_answer, without_superlative
from assistant.query import Query, analyse
from assistant.question_parts import MAX_PARTS, merge, question_parts
from assistant.prototypes import AnswerPrototypes
from assistant.ranker import EvidenceModel
from assistant.rephrase import CONFIRM_SIMILARITY, REPHRASE_FOUND, KindQuestions, asks_beyond_its_kind
from assistant.laws import asks_laws, laws_answer, without_places
from assistant.parties import asks_parties, every_agreements_parties, parties_answer
from assistant.party_names import without_party_names
from assistant.named_topics import unaddressed
from assistant.plain_words import contract_wording
from assistant.signers import MAX_LISTED, asks_capacity, asks_signed_as, asks_signed_by_person, asks_signer_title, \
    names_no_one, no_signer_titled, signed_as_answer, signer_title_answer, signers_answer
from assistant.signed_on import signed_on_answer, signed_when
from assistant.spelling import respelt
from assistant.signatories import asks_signed_by, asks_signer, asks_signing_date, only, ranked_last, \
    signer_candidates, signing_date_candidates
from assistant.values import asks_event_time
from assistant.retrieve import HybridRetriever, Hit, candidate_source
from assistant.scope import Scope, ScopeFinder
from assistant.settings import Settings
from assistant.snapshot import Snapshot, take_snapshot
from assistant.types import AgreementInfo, Answer
from assistant.venue import VENUE_WORDS, asks_venue, venue_candidates
from assistant.work_titles import asks_title_to_property, asks_work_title, title_candidates, without_title_to_property
from assistant.whereabouts import asks_whereabouts, whereabouts_answer
from index.build import Progress
from index.errors import ClauseQAError, EmptyQuestion, FileChanged, FileNotIndexed, IndexNotFound, LoadError
from index.types import BuildReport, Clause, IndexedFile



_COMPARED = 5  # up to this many agreements named one by one are each searched as if asked alone
# chunks whose best sentence reads like the answers to the nearest fitted questions join a one-scope
# ask's hits, when the question is at least this like one of them (chosen on CUAD's fit part, asked
# in phrasings nothing was fitted on: eval/pairs/heldout_phrasings.yaml; see the model card). The
# ranker is fitted without them (eval/train.py) and weighs them like any other candidate.
ANSWER_LIKE_HITS = 3
ANSWER_LIKE_MIN_SIMILARITY = 0.5
# the "found" probability a refused question's rewording in the contract's words (plain_words.contract_wording)
# must reach: chosen on the 40 CUAD fit contracts in CUAD's words and the 13 styles, against 0.5 and 0.7 (at 0.5 it
# answered 4-8 more unanswerable questions per fitted style and nothing more rightly; at 0.7 a few fewer rightly)
CONTRACT_WORDS_FOUND = 0.6
MAX_NAMED_AGREEMENTS = 3  # a question in the parties' names is asked of their agreement, not of many
_CLAUSE_REF = re.compile(r"\b(?:clause|section|paragraph|article)\s+(\d{1,2}(?:\.\d{1,2})*(?:\([a-z]\))?)",
                         re.IGNORECASE)


_SIGNING = re.compile(r"\b(sign|signs|signed|signing|signature|signatory|signatories|countersign\w*)\b",
                      re.IGNORECASE)
# what a signature block can answer: who signed, for whom and when, who the parties are, what the
# agreement is called and the date it gives itself; for anything else its date or names are no answer
_BLOCK_ANSWERS = re.compile(r"\b(?:who|whom|whose|party|parties|sign\w*|execut\w*|countersign\w*|name[ds]?|"
                            r"title\w*|called|dated?|made|entered|effective|address\w*|behalf)\b", re.I)
_OPENING_FACTS = re.compile(
    r"\b(title|titled|called|" + AGREEMENT_NAME + r"|(?:counter)?parties|party to|between whom|"
    r"dated|date of (?:this|the) (?:agreement|contract)|effective date|takes? effect|entered into|commencement)\b",
    re.IGNORECASE)


class Assistant:
    """Ask questions of an index of agreements; every answer cites file, agreement and clause."""

    answer_like_hits = ANSWER_LIKE_HITS  # 0: retrieval's hits only (what the ranker is fitted on)

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
        self._snapshot: Snapshot | None = None
        self._writing = threading.Lock()  # one build at a time; asks never take it
        self._opening = threading.Lock()  # the first snapshot is taken once
        self._model_lock = threading.Lock()
        self._question_embedder = None

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
        """The fitted ranker and found decision, loaded on the first answer (fitting needs none).
        Over another embedding model's vectors, the question prior (read from the question's
        vector) gives its base rate."""
        model = self._evidence_model or EvidenceModel.load()
        return model if self._fitted_vectors(model) else model.without_question_prior()

    @cached_property
    def prototypes(self) -> AnswerPrototypes:
        """What answers to the fitted questions say (evidence features), loaded on the first answer;
        none over another embedding model's vectors."""
        return AnswerPrototypes.load() if self._fitted_vectors(self.evidence_model) else AnswerPrototypes()

    @cached_property
    def answer_places(self) -> AnswerPlaces:
        """Which fitted kinds of question are answered in an agreement's opening, loaded on the first answer."""
        return AnswerPlaces.load()

    @cached_property
    def kind_questions(self) -> KindQuestions:
        """Each fitted kind's own question, loaded on the first answer (over another embedding model's
        vectors no kind is near: the prototypes are empty)."""
        return KindQuestions.load()

    @cached_property
    def adapter(self) -> QuestionAdapter:
        """The question adapter (evidence features), loaded on the first answer; none over another
        embedding model's vectors (the adapted cosine is then the plain one)."""
        return QuestionAdapter.load() if self._fitted_vectors(self.evidence_model) else QuestionAdapter()

    @cached_property
    def known_words(self) -> frozenset[str]:
        """The embedding model's whole words (its vocab.txt): with an English word list, what tells a word
        from a typing slip. None for a model without one (then nothing is respelt)."""
        from index.embedders import model_folder, split_runtime

        try:
            vocabulary = model_folder(split_runtime(self.settings.model or self.store.model() or "")[0]) / "vocab.txt"
            with open(vocabulary, encoding="utf-8") as fh:
                return frozenset(w for w in (line.strip() for line in fh) if w.isalpha() and w.islower())
        except (OSError, ClauseQAError):
            return frozenset()

    def _fitted_vectors(self, model: EvidenceModel) -> bool:
        """Whether this index's vectors come from the model the evidence models were fitted on: a
        model of the same size gives vectors of the same length that mean something else."""
        return model.fitted_for(self.settings.model or self.store.model())

    @property
    def embedder(self):
        """Loaded on first use: listing the index needs no model."""
        with self._model_lock:
            if self._embedder is None:
                from index.embedders import get_embedder

                # without an explicit model, questions are embedded with the model the index was built with
                self._embedder = get_embedder(self.settings.model or self.store.model())
        return self._embedder

    @property
    def question_embedder(self):
        """What asks embed with (the question; sentences of files indexed without stored vectors):
        the index model's fp32 ONNX twin when it is cached, which spares a cold ask importing torch;
        else the model itself. An embedder given to the constructor is used for everything."""
        with self._model_lock:
            if self._question_embedder is None:
                if self._embedder is not None:
                    self._question_embedder = self._embedder
                else:
                    from index.embedders import get_question_embedder

                    self._question_embedder = get_question_embedder(self.settings.model or self.store.model())
        return self._question_embedder

    def _load_model_aside(self) -> None:
        """Start loading the model while the first snapshot is read: a cold ask needs both. Not a
        daemon: an ask answered without the model (from the catalog: "who signed on March 4,
        2024?") may end the process while it loads, and a runtime torn down under the loading
        thread aborts the process ("terminate called without an active exception", exit 134);
        the interpreter waits for it instead."""
        if self._question_embedder is None and self._snapshot is None and not self._model_lock.locked():
            threading.Thread(target=lambda: self.question_embedder, name="clauseqa-model", daemon=False).start()

    @property
    def index_dir(self) -> str:
        return self.settings.index_dir

    # -- indexing ---------------------------------------------------------------------------

    def add_paths(self, paths: Sequence[str], progress: Progress | None = None) -> BuildReport:
        """Index more files (nothing already indexed is lost); per-file errors are in the report."""
        from index.build import build_index

        with self._writing:
            report = build_index(paths, self.store, self.embedder, progress=progress)
            if self._question_embedder is None:
                from index.embedders import prepare_question_twin

                prepare_question_twin(self.embedder)  # exports once per model and machine
            # asks under way keep the snapshot they started with; files that did not change are
            # carried over from it, not read again
            self._snapshot = take_snapshot(self.store, self._snapshot)
            self._texts.clear()
        return report

    @property
    def snapshot(self) -> Snapshot:
        """The index as asks see it now."""
        snapshot = self._snapshot
        if snapshot is None:
            with self._opening:
                if self._snapshot is None:
                    self._snapshot = take_snapshot(self.store)
                snapshot = self._snapshot
        return snapshot

    def files(self) -> list[IndexedFile]:
        return list(self._files.values())

    def catalog(self, files: Sequence[str] | None = None) -> list[CatalogRow]:
        """The agreement catalog: one CatalogRow per agreement (title, parties, dates, term, renewal,
        notice, governing law, courts, assignment, termination, signatures), each value with the
        Citation of its clause or "not stated". Read from what indexing stored; nothing is asked."""
        snapshot = self.snapshot
        missing = [f for f in files or () if f not in snapshot.files]
        if missing:
            raise FileNotIndexed(self._not_indexed_message(missing))
        return self._catalog(snapshot, files or snapshot.files)

    def _catalog(self, snapshot: Snapshot, files) -> list[CatalogRow]:
        return [row for name in sorted(files) for row in snapshot.catalog_rows(self.store, name)]

    def _rows_in_scope(self, snapshot: Snapshot, in_scope: Sequence[AgreementInfo]) -> list[CatalogRow]:
        """The catalog rows of the agreements in scope (not of every agreement in their files)."""
        keys = {a.key for a in in_scope}
        return [r for r in self._catalog(snapshot, {a.file for a in in_scope}) if r.key in keys]

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

    @property
    def _files(self) -> dict[str, IndexedFile]:
        return self.snapshot.files

    @property
    def _agreements(self) -> tuple[AgreementInfo, ...]:
        return self.snapshot.agreements

    @property
    def retriever(self) -> HybridRetriever:
        return self.snapshot.retriever

    @property
    def scope_finder(self) -> ScopeFinder:
        return self.snapshot.scope_finder

    # -- asking -----------------------------------------------------------------------------

    def ask(self, question: str, files: Sequence[str] | None = None,
            agreements: Sequence[str] | None = None) -> Answer:
        """files: file names as indexed; agreements: AgreementInfo.key values ("file#n") or labels."""
        return self._ask(question, files, agreements, context=None)

    def stream(self, question: str, files: Sequence[str] | None = None,
               agreements: Sequence[str] | None = None) -> Iterator[str | Answer]:
        """Yields text pieces of the answer, then the final Answer. With a chat model the pieces are
        its tokens as it writes them, a preview: only the final Answer has passed the citation checks.
        An extractive answer comes whole and is yielded in word-sized pieces."""
        yield from self._answers(question, files, agreements, None, stream=True)

    def conversation(self):
        """A multi-turn chat whose follow-ups ("when did he sign?") keep their context."""
        from assistant.conversation import Conversation

        return Conversation(self)

    def retrieve(self, question: str, k: int | None = None, files: Sequence[str] | None = None,
                 agreements: Sequence[str] | None = None) -> list[Hit]:
        """The ranked clauses for a question, scope taken from the question unless given."""
        snapshot = self.snapshot
        question, scope = self._asked(snapshot, without_framing(plain_text(question)), files, agreements)
        query = self._analyse(snapshot, question, scope)
        hits = self._named_clauses(snapshot, query, files) or self._hits(snapshot, query, files, 0)
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
        *_, answer = self._answers(question, files, agreements, context, stream=False)
        return answer

    def _answers(self, question: str, files, agreements, context: Scope | None,
                 stream: bool) -> Iterator[str | Answer]:
        """One ask: text pieces when streaming, then the Answer."""
        started = time.perf_counter()
        as_typed = (question or "").strip()
        question = plain_text(as_typed)  # "<p>Which law governs?</p>", "**Which law governs?**", "... 🙏"
        if not question:
            raise EmptyQuestion("The question is empty — ask something, e.g. \"Which law governs Xin Wang's agreement?\"")
        question = without_framing(question)  # "Hi, could you tell me ...?" asks "...?"
        self._load_model_aside()
        snapshot = self.snapshot  # the whole ask reads this one view, whatever is indexed meanwhile
        if files:
            missing = [f for f in files if f not in snapshot.files]
            if missing:
                raise FileNotIndexed(self._not_indexed_message(missing))
        question, scope = self._asked(snapshot, question, files, agreements)
        standalone = question
        if context is not None and not scope.terms and not files and not agreements:
            # a follow-up ("when did he sign?") keeps the agreements the last answer cited
            # (and what the question's acronyms stand for: "who countersigned for ICML?")
            scope = replace(scope, agreements=context.agreements, reason=context.reason)
            standalone = in_agreement_of(question, context.reason)
        streamed = False
        parts = [] if self._generative else question_parts(question)
        if len(parts) < 2 and scope.asked and not self._generative:  # "In the X between A and B: which law
            parts = question_parts(scope.asked)  # governs it and how long does it run?": the parts of what the
            # lead-in's question asks, in that agreement
        items = (self._answer(snapshot, question, scope, files, stream) if len(parts) < 2 else
                 [self._answer_parts(snapshot, question, parts, scope, files, agreements)])
        for item in items:
            if isinstance(item, str):
                streamed = True
                yield item
                continue
            answer = replace(item, question=as_typed, standalone_question=standalone,
                             seconds=round(time.perf_counter() - started, 4))
            if stream and not streamed:
                yield from answer.pieces()
            yield answer

    @property
    def _generative(self) -> bool:
        """Whether a chat model writes the answers (it reads a two-part question whole)."""
        return bool(self.settings.llm) or self._chat_model is not None

    def _answer_parts(self, snapshot: Snapshot, question: str, parts: Sequence[str], scope: Scope, files,
                      agreements) -> Answer:
        """"Which paper is Sage Moore's agreement for, and what is its event date?": each part answered
        on its own, in the agreements it names or else those the whole question names."""
        answers = []
        for part in parts[:MAX_PARTS]:
            own = self._scope(snapshot, part, files, agreements)
            *_, answer = self._answer(snapshot, part, own if own.agreements or own.unknown else _asking(scope, part),
                                      files)
            answers.append(answer)
        return merge(question, answers, parts[MAX_PARTS:])

    def _asked(self, snapshot: Snapshot, question: str, files, agreements) -> tuple[str, Scope]:
        """(what is asked, the agreements it is asked of) for a question with its chat framing off."""
        # "We signed this deal with Acme last year. Which law governs the agreement?": what is asked is the
        # question; the scene set first names the agreement when the question names none
        label, question = with_label(question)  # "URGENT: ...", "(quick one) ...", "...? (2/5)"
        said, question = with_context(question)
        # "... Could you tell me whether ...?"
        question = without_framing(question) if said or label else question
        question = respelt(question, snapshot.retriever.chunks_holding, self.known_words)  # "jurisdcition"
        scope = self._named_scope(snapshot, question, files, agreements)
        if label and not scope.agreements and not scope.unknown:  # "Acme: who signed?"
            labelled = self._named_scope(snapshot, f"{label}: {question}", files, agreements)
            scope = labelled if labelled.agreements else scope
        # a naming lead-in's question read as a question alone is: "In the X between A and B: could you tell me
        # ...?", "...: Highlight the parts (if any) of this contract related to ..."
        asked = without_framing(scope.asked) if scope.asked else ""
        if asked != scope.asked:
            scope = replace(scope, asked=asked)
        if said and not scope.agreements and not scope.unknown:
            around = self._named_scope(snapshot, f"{said} {question}", files, agreements)
            # only a name said around the question, written as one ("with Birch"): not a word of an agreement's
            # opening ("the quarterly audit", a lease's quarterly rent) nor a word like a name ("bullet points")
            scope = around if around.terms and written_as_names(around.terms, said) else scope
        return question, scope

    def _named_scope(self, snapshot: Snapshot, question: str, files, agreements) -> Scope:
        """The agreements a question names: "which agreement was signed first?" names none by its superlative,
        nor does the place in "which agreements are governed by New York law?" (a party may be "a New York
        corporation")."""
        named_by = without_superlative(question) if asks_latest(question) else question
        return self._scope(snapshot, without_places(named_by) if asks_laws(question) else named_by, files, agreements)

    def _scope(self, snapshot: Snapshot, question: str, files, agreements) -> Scope:
        named = snapshot.scope_finder.find(question, files)
        return self._chosen(snapshot, named, agreements) if agreements else named

    def _chosen(self, snapshot: Snapshot, named: Scope, agreements: Sequence[str]) -> Scope:
        """The agreements chosen by key, with what the question's own scope (`named`) says of them."""
        keys = self._agreement_keys(agreements, snapshot)
        # words naming agreements among those chosen ("may either party assign the NDA?" asked of the
        # NDA) say which agreement, as they do unscoped: not words its clauses must hold
        terms = named.terms if named.agreements and set(named.agreements) <= set(keys) else ()
        return Scope(keys, ", ".join(sorted({a.label for a in snapshot.agreements if a.key in keys})), terms=terms,
                     expansion=named.expansion, synonyms=named.synonyms, asked=named.asked if terms else "")

    def scope_of(self, question: str, files: Sequence[str] | None = None,
                 agreements: Sequence[str] | None = None) -> Scope:
        """Which agreements a question is about (for conversations that carry scope across turns)."""
        return self._scope(self.snapshot, question, files, agreements)

    def _analyse(self, snapshot: Snapshot, question: str, scope: Scope) -> Query:
        query = analyse(question, scope, self._embed_cached)
        retriever, agreements = snapshot.retriever, scope.agreements or None
        def present(terms):
            return retriever.present(terms, agreements, None)

        bridges = bridge_terms(query.vector, (*query.terms, *scope.terms), self.prototypes, present)
        if asks_venue(question):  # what forum clauses say, searched for as bridge words are
            bridges = (*bridges, *searched_words(VENUE_WORDS, (*query.terms, *bridges), present))
        return replace(query, bridges=bridges) if bridges else query

    def _answer(self, snapshot: Snapshot, question: str, scope: Scope, files, stream: bool = False,
                rephrased: bool = False, confirming: bool = False, bar: float = REPHRASE_FOUND
                ) -> Iterator[str | Answer]:
        """The Answer, after a chat model's text pieces when it streams (extractive answers come whole);
        `rephrased`: the question is a kind's own question or the contract's words, asked for a refused one,
        and its "found" probability must reach `bar`; `confirming`: asked to confirm that a found answer's
        kind is answered at all (both assistant/rephrase.py)."""
        in_scope = self._in_scope(snapshot, scope, files)
        searched = self._searched(scope, in_scope, files)
        if scope.unknown:
            yield Answer(question=question, found=False, searched=searched,
                         text=f"Not found: no indexed agreement names {scope.unknown} "
                              f"(searched the {len(snapshot.agreements)} indexed agreements).")
            return
        if not self._generative and (asks_inventory(question) or asks_inventory_of(question)):
            rows = self._rows_in_scope(snapshot, in_scope)
            if asks_inventory(question) or scope.agreements:
                # "how many agreements are there?", "list the agreements with Acme": the catalog; asked
                # which agreements IMLS is a party to, each where its opening names IMLS
                named = with_party(rows, named_in(question)) if asks_membership(question) else {}
                yield inventory_answer(question, rows, searched, named)
                return
            # "which agreements is ICML a party to?": a party too widely shared to scope by is still theirs
            parties = with_party(rows, named_in(question))
            if parties:
                yield inventory_answer(question, [r for r in rows if r.key in parties], searched, parties)
                return
        kind = "" if self._generative else asked_kind(question)
        if kind:  # "which agreements are NDAs?": the catalog's agreements whose title is of that kind
            # the kind's words may have scoped the agreements so titled
            every = self._unscoped_by_words(snapshot, scope, in_scope, files)
            rows = of_kind(kind, self._rows_in_scope(snapshot, every))
            if rows:
                yield inventory_answer(question, rows, searched)
                return
        positive = "" if self._generative else asks_absence(question)
        if positive and len(in_scope) > 1:
            # "which agreements have no governing law clause?": each agreement asked whether it has one
            named = snapshot.scope_finder.find(positive, files)
            answers = []
            for a in in_scope:
                *_, answer = self._answer(snapshot, positive, self._chosen(snapshot, named, [a.key]), files)
                answers.append((a, answer))
            yield absence_answer(question, positive, answers, searched)
            return
        if asks_holders(question) and not self._generative:
            # "who has a contribution agreement for the TinyScript paper?": the agreements, by their parties
            answer = holders_answer(question, self._rows_in_scope(snapshot, in_scope), searched)
            if answer is not None:
                yield answer
                return
        which = "" if self._generative else asks_latest(question)
        if which:  # "which agreement was signed most recently?": the catalog's dates, not the ranker's pick
            answer = latest_answer(question, which, self._rows_in_scope(snapshot, in_scope), searched)
            if answer is not None:
                yield answer
                return
        when = "" if self._generative else signed_when(question)
        if when:  # "who signed on March 5, 2024?": the signature blocks dated then, from the catalog
            answer = signed_on_answer(question, when, self._rows_in_scope(snapshot, in_scope), searched)
            if answer is not None:
                yield answer
                return
        relation, until = ("", "") if self._generative else asks_expiring(question)
        if relation:  # "which agreements expire in 2025?": the catalog's end dates, not the ranker's pick
            answer = expiring_answer(question, relation, until, self._rows_in_scope(snapshot, in_scope), searched)
            if answer is not None:
                yield answer
                return
        if not self._generative and len(in_scope) > 1 and asks_renewing(question):
            # "which agreements renew automatically?": the catalog's renewal terms, agreement by agreement
            answer = renewing_answer(question, self._rows_in_scope(snapshot, in_scope), searched)
            if answer is not None:
                yield answer
                return
        laws = None if self._generative else asks_laws(question)
        if laws is not None:  # "which agreements are governed by New York law?": the catalog's laws
            rows = self._rows_in_scope(snapshot, in_scope)
            answer = laws_answer(question, laws, rows, searched) if len(rows) > 1 else None
            if answer is not None:
                yield answer
                return
        # of one agreement: where a name matched several, the ranker's order says which is meant
        fact = None if self._generative or laws is not None or len(in_scope) != 1 else catalog_answerer(question)
        if fact is not None:  # "whose legal system does it fall under?", "when was it made?": the catalog's
            rows = self._rows_in_scope(snapshot, in_scope)
            answer = fact.answer(question, rows[0], searched) if rows else None
            if answer is None and rows:
                answer = self._as_kind_asks(snapshot, fact.kind, question, scope, files, rephrased)
            if answer is not None:
                yield answer
                return
        title = "" if self._generative else asks_signed_as(question)
        if title and len(in_scope) <= MAX_LISTED:  # "which agreements were signed by a Managing Director?"
            rows = self._rows_in_scope(snapshot, in_scope)
            answer = signed_as_answer(question, title, rows, searched)
            if answer is None:  # "... signed by the Buyer?": the blocks signed for the party it names
                answer = signers_answer(question, rows, searched, for_party=True)
            if answer is None:  # "... signed by a Treasurer?" where every block gives another title
                answer = no_signer_titled(question, title, rows, searched)
            if answer is not None:
                yield answer
                return
        person = "" if self._generative else asks_signer_title(question)
        signer = "" if self._generative or person else asks_signed_by_person(question)
        if person or signer:
            # "what is Joost van der Berg's title?": the title line of the blocks he signed; "which agreements
            # are signed by Priya Raman?": the blocks she signed. A signer is no party, so a word of the
            # question may have scoped other agreements
            for agreements in (in_scope, self._unscoped_by_words(snapshot, scope, in_scope, files)):
                if len(agreements) > MAX_LISTED:
                    continue
                rows = self._rows_in_scope(snapshot, agreements)
                answer = (signer_title_answer(question, person, rows, searched) if person
                          else signers_answer(question, rows, searched, signed_by=signer))
                if answer is not None:
                    yield answer
                    return
        if not self._generative and len(in_scope) <= MAX_LISTED and asks_parties(question):
            # "who are the parties to the supply agreement?": each party where the opening names it;
            # "... to each agreement?": agreement by agreement
            rows = self._rows_in_scope(snapshot, in_scope)
            answer = (parties_answer(question, rows[0], searched) if len(rows) == 1
                      else every_agreements_parties(question, rows, searched) if rows else None)
            if answer is None and len(rows) == 1:
                answer = self._as_kind_asks(snapshot, "Parties", question, scope, files, rephrased)
            if answer is not None:
                yield answer
                return
        party = "" if self._generative else asks_whereabouts(question)
        if party:  # "where is Acme based?": the address its opening gives beside its name
            answer = whereabouts_answer(question, party, self._rows_in_scope(snapshot, in_scope), searched)
            if answer is not None:
                yield answer
                return
        query = self._analyse(snapshot, question, scope)
        hits, many, named = self._candidate_hits(snapshot, query, files, in_scope)
        if self._generative:
            from assistant.llm import generate_answer, stream_answer

            clauses = [(h.clause, h.score) for h in hits]
            if stream:
                yield from stream_answer(question, clauses, self.chat_model, searched=searched, aggregate=many)
            else:
                yield generate_answer(question, clauses, self.chat_model, searched=searched, aggregate=many)
            return
        evidence = self._evidence(snapshot, query, hits, files, named)
        probabilities = self.evidence_model.score(evidence)
        found_p = self.evidence_model.found_probability(evidence, probabilities)
        certain, each = named, scope.named
        if asks_signer(question):  # "who signed for Birch?": the block line naming Birch and its name line
            # "who signed for the Customer?": the block naming the party the agreement calls so, read with the
            # role's own word: "Name: Gregory Adeyemi" over a "TENANT:" caption ends the landlord's block
            roles = roles_named(question, self._rows_in_scope(snapshot, in_scope))
            keep = signer_candidates(evidence, question, dict(scope.synonyms), roles=roles or None)
            side_by_side = _side_by_side([evidence.candidates[i].text for i in keep])
            capacity = asks_capacity(question)  # "... and in what capacity?": each block through its title line
            if (not keep or side_by_side or capacity) and len(in_scope) <= MAX_LISTED:
                # "who signed the NDA?": every block naming its signer. "Who signed for Selk?" with blocks
                # side by side ("ACME, INC.      SELK B.V." over "By: ...      By: ..."), where no span holds one
                # party's caption and its signer alone: the blocks the catalog read for that party
                rows = self._rows_in_scope(snapshot, in_scope)
                for_party = side_by_side or not names_no_one(question, scope.terms, rows)
                answer = signers_answer(question, rows, searched, for_party=for_party, titled=capacity)
                if answer is not None:
                    yield answer
                    return
            if keep:  # asked of many agreements, every block naming whom the question names answers
                probabilities, certain, each = only(probabilities, keep), True, each or many
        elif asks_signed_by(question) and scope.agreements and not asks_signing_date(question) \
                and (keep := signer_candidates(evidence, question, dict(scope.synonyms))) \
                and not _side_by_side([evidence.candidates[i].text for i in keep]):
            # "which agreements are signed by Birch?": Birch's block with the name signing for it, as "who
            # signed for Birch?" reads it; only where a name scoped the question (a person's name, which
            # scopes nothing, is the ranker's to answer: "signed by Priya Raman" is no party's block)
            probabilities, certain, each = only(probabilities, keep), True, each or many
        elif asks_signing_date(question):  # "when did Priya Raman sign?": her block's lines with its one date
            keep = signing_date_candidates(evidence, scope.asked or question, dict(scope.synonyms), scope.terms)
            if keep:
                probabilities, certain = only(probabilities, keep), True
        elif not _BLOCK_ANSWERS.search(question):  # "when does it terminate?": not the date the block gives
            probabilities = ranked_last(probabilities, [c.hit.clause.clause_id == "signatures"
                                                        for c in evidence.candidates])
        if asks_event_time(question) or asks_title_to_property(question):
            # "when must the Consultant be paid?": not the date of the opening; "when does title to the
            # goods pass?": not the name it gives
            probabilities = ranked_last(probabilities, [c.hit.clause.clause_id == "preamble"
                                                        for c in evidence.candidates])
        if asks_work_title(question):  # "what paper is it for?": the line giving the work's title
            keep = title_candidates([(c.text, c.hit.agreement_key, _ends_line(c)) for c in evidence.candidates])
            if keep:  # whether the agreements say it at all stays the found decision's call
                probabilities = only(probabilities, keep)
        if asks_venue(question):  # "where would a dispute be heard?": the sentences naming a court
            keep = venue_candidates(evidence, question)
            if keep:
                probabilities, certain = only(probabilities, keep), True
        term = asked_term(question)
        if term:  # "how is Confidential Information defined?": the sentences that define it
            keep = [i for i, c in enumerate(evidence.candidates) if defines(c.text, term)]
            if keep:
                probabilities, certain = only(probabilities, keep), True
        missing = ""
        if not certain:  # "how many days' notice ...?", "what is the DOI ...?": what it names must be there
            check = check_asked(question, scope.terms, [c.text for c in evidence.candidates], probabilities, found_p,
                                searched, lambda stems: snapshot.retriever.absent_share(
                                    set(stems), query.agreements, files) == 1.0,
                                [(c.hit.clause.file, c.start, c.end) for c in evidence.candidates],
                                contract_wording(question))
            probabilities, found_p, missing = check.probabilities, check.found_probability, check.missing
        topic = None
        if not certain and not missing:  # "is there a standstill?" of agreements that never say "standstill",
            # "tender offer" or "proxy": a topic addressed only in its own words is not addressed there
            topic = unaddressed(question, lambda pattern: snapshot.retriever.says(pattern, query.agreements, files))
            if topic is not None:
                found_p, missing = 0.0, f"no clause about {topic.name} in {searched}"
        selection = self.evidence_model.selection
        titled: list[int] = []  # the candidates in a clause titled in the question's words, whatever else it names
        if not certain and not missing and topic is None and asks_by_title(query.wording):
            clauses = [(c.hit.agreement_key, c.hit.clause.clause_id, c.hit.clause.text) for c in evidence.candidates]
            titled = titled_candidates(query.wording, clauses, loose=True)
            keep = titled_candidates(query.wording, clauses) if titled and found_p < selection.threshold else []
            if keep:  # "Is there a non-compete?": "8. Post-Contractual Non-Competition"
                probabilities, certain = only(probabilities, keep), True
        # a question scoped to several agreements by a title or party answers for each of them;
        # a clause named by number ("what does clause 6.2 say?") is the answer whatever it scores;
        # a kind's own question asked for a refused one must clear a higher bar (assistant/rephrase.py)
        found = True if certain else None
        if rephrased and not certain:
            found = found_p >= max(bar, selection.threshold)
        answer = compose(query.wording, evidence, probabilities, found_p, selection, searched,
                         aggregate=many, every_agreement=each, found=found,
                         named_order=scope.agreements if scope.named else (), as_asked=question)
        if term:  # "who is the Licensee?" -> "Quillfeather Publishing Ltd", with the sentence defining it
            answer = lead_with_definition(answer, question, term)
        if missing:
            answer = replace(answer, text=f"Not found: {missing}.")
        if not (rephrased or confirming):
            if not answer.found:
                # a refusal naming a thing no clause names (the DOI, the seat of arbitration) is asked
                # again only in the words of a kind it is much like, not one it is loosely like; one
                # about a topic the agreements never name is not asked again in other words; one no kind's
                # question answers, asked again with the contract's words for its everyday phrases
                if topic is None:
                    answer = (self._in_kinds_words(snapshot, query, scope, files, loose=not missing)
                              or self._in_contract_words(snapshot, query, scope, files)
                              or self._in_parties_roles(snapshot, query, scope, files, in_scope) or answer)
            elif found is None:
                answer = self._as_its_kind(snapshot, query, scope, files, answer, searched,
                                           _cites_first(answer, [evidence.candidates[i].hit.clause for i in titled]))
        yield replace(answer, question=question)

    def _as_kind_asks(self, snapshot: Snapshot, kind: str, question: str, scope: Scope, files,
                      rephrased: bool) -> Answer | None:
        """A question a rule read as asking for a catalog fact of one agreement whose catalog holds none
        ("who's in this deal?" where no sentence of the opening names both parties) answered as its
        kind's own question (the words the ranker was fitted on), saying so: its own words lead the
        ranker to any clause naming both sides. None when the kind has no question, the question is
        it already, this is an asking again, or that question is refused too (the question is then
        answered in its own words)."""
        own = self.kind_questions.question.get(kind, "")
        if rephrased or not own or own.casefold() == question.strip().casefold():
            return None
        return self._answered_in(snapshot, own, scope, files)

    def _in_contract_words(self, snapshot: Snapshot, query: Query, scope: Scope, files) -> Answer | None:
        """A refused question that says something in everyday words, and no kind's own question answered,
        answered with the contract's words in their place ("Is there a ceiling on how much they owe us if
        they mess up?" asked as "Is there a liability cap us if they breach?"), saying which question it
        answers: the idiom's own words, which no contract holds, count against it as asked words the
        contract lacks. It must clear CONTRACT_WORDS_FOUND. None when it uses no such words or that
        question is refused too."""
        reworded = contract_wording(query.wording)
        return (self._answered_in(snapshot, reworded, scope, files, CONTRACT_WORDS_FOUND)
                if reworded != query.wording else None)

    def _in_parties_roles(self, snapshot: Snapshot, query: Query, scope: Scope, files,
                          in_scope: Sequence[AgreementInfo]) -> Answer | None:
        """A refused question naming the parties of the agreement it asks about ("Is Cardinal Ridge barred
        from poaching Brightwater personnel?") answered with "the party" and "the other party" in their
        place (assistant/party_names.py), saying which question it answers; None when it names none, it
        asks about more than MAX_NAMED_AGREEMENTS agreements, or that question is refused too."""
        if not 0 < len(in_scope) <= MAX_NAMED_AGREEMENTS:
            return None
        parties = [p for a in in_scope for agreement in snapshot.files[a.file].agreements
                   if agreement.number == a.number for p in agreement.parties]
        reworded = without_party_names(query.wording, parties)
        # the found cut, not a kind's bar: it is the same question, its names aside
        return self._answered_in(snapshot, reworded, scope, files, 0.0) if reworded != query.wording else None

    def _in_kinds_words(self, snapshot: Snapshot, query: Query, scope: Scope, files, *,
                        loose: bool) -> Answer | None:
        """A refused question's answer in the words of its kind's own question (assistant/rephrase.py),
        saying which question it answers; None when no kind is near (`loose`: or loosely near, but
        clearly nearest) or that question is refused too."""
        own = self.kind_questions.for_question(query.vector, self.prototypes, query.wording, loose=loose)
        return self._answered_in(snapshot, own, scope, files) if own else None

    def _answered_in(self, snapshot: Snapshot, own: str, scope: Scope, files,
                     bar: float = REPHRASE_FOUND) -> Answer | None:
        """The answer to `own` (a kind's own question, or the question in the contract's words) asked for a
        refused question, saying which question it answers; None when its "found" probability is under
        `bar` (or the found cut, whichever is higher)."""
        *_, answer = self._answer(snapshot, own, _asking(scope, own), files, rephrased=True, bar=bar)
        return _answered_as(answer, own) if answer.found else None

    def _as_its_kind(self, snapshot: Snapshot, query: Query, scope: Scope, files, answer: Answer,
                     searched: str, titled: bool = False) -> Answer:
        """A found answer to a question much like a fitted kind, read against that kind's own question
        (assistant/rephrase.py): "not found" when the kind's question is refused; the kind's answer,
        saying so, when it cites another clause first; unless `titled` (its first citation quotes a clause
        titled in the question's words, loosely: clause_titles.names_title), then the answer as it is when the
        kind's is refused or quotes the same top-level clause; the answer as it is when no kind is near, the
        question is its kind's own, its answer states a value it asked for ("What is the event title
        ...?" reads the EventTitle line), or quotes a rare word of it the kind's question lacks."""
        # a keyword ("Expiration Date") asks what its kind asks when loosely like it and nearer it than any other
        own = self.kind_questions.for_question(query.vector, self.prototypes, query.wording, CONFIRM_SIMILARITY,
                                               loose=is_keyword(query.wording))
        if not own:
            return answer
        retriever = snapshot.retriever

        def rarity(stems):
            return {stem: value / retriever.max_idf for stem, value in retriever.idf(stems).items()}

        if answer.citations and asks_beyond_its_kind(query.wording, own, answer.citations[0].quote, rarity):
            return answer
        *_, kinds = self._answer(snapshot, own, _asking(scope, own), files, confirming=True)
        if not kinds.found:  # unless it quotes a clause titled in the question's words: "Warranty" answered from
            # "9. WARRANTIES" stands, whether or not "How long do the warranties last?" is answered
            return answer if titled else not_found(query.wording, searched)
        if answer.values or not (kinds.citations and answer.citations) \
                or _first_clause(answer) == _first_clause(kinds):
            return answer
        if titled and _top_clause(answer) == _top_clause(kinds):  # "8.1" of "8. Post-Contractual Non-Competition"
            return answer  # for "Non-compete", not the kind's "8.2"
        return _answered_as(kinds, own)

    def candidates(self, question: str, files: Sequence[str] | None = None) -> EvidenceSet:
        """The candidate evidence behind an answer with its feature rows (for fitting and debugging)."""
        snapshot = self.snapshot
        scope = self._scope(snapshot, question, files, None)
        query = self._analyse(snapshot, question, scope)
        hits, _, named = self._candidate_hits(snapshot, query, files, self._in_scope(snapshot, scope, files))
        return self._evidence(snapshot, query, hits, files, named)

    def _evidence(self, snapshot: Snapshot, query: Query, hits: list[Hit], files, named: bool) -> EvidenceSet:
        """The candidates and their features: the same path for answering and for fitting."""
        if named or not query.scope.named or not 1 < len(query.agreements) <= _COMPARED:
            return self._gather(snapshot, query, hits, files)
        # agreements named one by one ("compare the licence in X's agreement with Y's") are each
        # searched and weighed as if asked alone: one that says more on the subject, or says it in
        # more words, cannot crowd out the others
        # in the index's order, whatever order the question names them in (the answer follows the
        # question's): the same candidates, in the same order, however the comparison is worded
        named = set(query.agreements)
        alone = [replace(query, scope=replace(query.scope, agreements=(a.key,)))
                 for a in snapshot.agreements if a.key in named]
        return join([self._gather(snapshot, q, self._hits(snapshot, q, files, 0), files) for q in alone])

    def _unscoped_by_words(self, snapshot: Snapshot, scope: Scope, in_scope: list[AgreementInfo],
                           files) -> list[AgreementInfo]:
        """Every agreement in `files` when the question's words chose `in_scope` ("matching ..."); the
        agreements chosen by name, by the caller or by a conversation otherwise."""
        return self._in_scope(snapshot, Scope(), files) if scope.reason.startswith("matching ") else in_scope

    def _in_scope(self, snapshot: Snapshot, scope: Scope, files) -> list[AgreementInfo]:
        return [a for a in snapshot.agreements if (not scope.agreements or a.key in scope.agreements)
                and (not files or a.file in files)]

    def _candidate_hits(self, snapshot: Snapshot, query: Query, files,
                        in_scope: list[AgreementInfo]) -> tuple[list[Hit], bool, bool]:
        """(hits, answer per agreement?, a clause named by number?): the same path for answering
        and for fitting, so the ranker is fitted on exactly the candidates it later ranks."""
        many = query.scope.aggregate or len(query.scope.agreements) > 1
        named = self._named_clauses(snapshot, query, files)
        return named or self._hits(snapshot, query, files, len(in_scope) if many else 0), many, bool(named)

    def _hits(self, snapshot: Snapshot, query: Query, files, agreements_in_scope: int) -> list[Hit]:
        k = min(60, max(self.settings.top_k, 3 * agreements_in_scope)) if agreements_in_scope else self.settings.top_k
        retriever = snapshot.retriever
        # one answer wanted: copies of one clause across agreements made from one form count once
        hits = retriever.search(query, k, query.agreements, files, distinct=not agreements_in_scope)
        # where an agreement says certain things is known: titles, parties and dates at the top,
        # who signed at the bottom; those chunks join the candidates whatever the wording, and so does
        # the opening for a question much like a fitted kind answered there (unless it asks who signed)
        structural = []
        signing = _SIGNING.search(query.question)
        if _OPENING_FACTS.search(without_title_to_property(query.question)) \
                or not signing and self.answer_places.answered_in_opening(query.vector, self.prototypes):
            structural += retriever.opening(query, query.agreements, files)
        if signing:
            structural += retriever.signature_blocks(query, query.agreements, files)
        term = asked_term(query.question)
        if term:  # "what does IMLS stand for?": where the agreement defines it, whatever else uses it
            structural += retriever.defining(query, query.agreements, files, lambda text: defines(text, term))
        structural = list({h.chunk_id: h for h in reversed(structural)}.values())[::-1]  # each chunk once
        first = {h.chunk_id for h in structural}
        if self.answer_like_hits and not agreements_in_scope and not structural:
            # elsewhere, chunks that read like the answers to questions like this one (a place
            # already known needs no such search: a parties question's opening is in the candidates)
            answer, similarity = self.prototypes.answer_for(query.vector)
            if answer is not None and similarity >= ANSWER_LIKE_MIN_SIMILARITY:
                hits += retriever.answer_like(query, answer, query.agreements, files, self.answer_like_hits,
                                              skip={h.chunk_id for h in hits})
        return structural + [h for h in hits if h.chunk_id not in first]

    def _gather(self, snapshot: Snapshot, query: Query, hits: list[Hit], files) -> EvidenceSet:
        retriever = snapshot.retriever
        absent = retriever.absent_share(set(query.terms), query.agreements, files)
        return gather(query, hits, candidate_source(retriever, self._embed_cached), retriever.idf(query.terms),
                      retriever.max_idf, retriever.extents, absent=absent,
                      prototype=self.prototypes.answer_for(query.vector),
                      adapted=self.adapter.adapt(query.vector), defined=retriever.defined_words)

    def _named_clauses(self, snapshot: Snapshot, query: Query, files) -> list[Hit]:
        """"clause 6.2 of Jianfei Chen's agreement": the named clause comes first."""
        match = _CLAUSE_REF.search(query.question)
        if not match:
            return []
        wanted = match.group(1).lower()
        scope = query.scope
        running = snapshot.retriever.running_lines
        return [Hit(i, c, 1.0, 1.0, 1.0, running=running(f"{c.file}#{c.agreement}"))
                for i, c in snapshot.retriever.clauses.items()
                if base_clause(c.clause_id).lower() == wanted
                and (not scope.agreements or f"{c.file}#{c.agreement}" in scope.agreements)
                and (not files or c.file in files)][:20]

    def _embed_cached(self, texts: Sequence[str]) -> list[list[float]]:
        """Sentence vectors are reused across questions: clauses do not change between asks."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if missing:
            if len(self._vectors) > 100_000:
                self._vectors.clear()
            self._vectors.update(zip(missing, self.question_embedder.embed(missing)))
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

    def _agreement_keys(self, agreements: Sequence[str], snapshot: Snapshot) -> tuple[str, ...]:
        keys = []
        for wanted in agreements:
            matches = [a.key for a in snapshot.agreements if wanted in (a.key, a.label)]
            if not matches:
                raise FileNotIndexed(f"No indexed agreement {wanted!r} — see `clauseqa status` for the list")
            keys.extend(matches)
        return tuple(keys)

    def _not_indexed_message(self, missing: Sequence[str]) -> str:
        known = ", ".join(sorted(self._files)[:10]) or "none"
        return f"Not indexed: {', '.join(missing)} — indexed files: {known}. Add one with: clauseqa index PATH"


def _ends_line(candidate) -> bool:
    """Whether a candidate span ends where its line (or its clause) does."""
    clause = candidate.hit.clause
    rest = clause.text[candidate.end - clause.start:]
    return not rest.strip(" \t") or rest.lstrip(" \t").startswith("\n")


def _side_by_side(texts: Sequence[str]) -> bool:
    """Whether signature spans set blocks side by side: two signing lines on one line of text."""
    return any(len(re.findall(rf"(?:^|\s){key}\s*:", line)) > 1 for text in texts for line in text.splitlines()
               for key in ("By", "Name", "Signature"))


def _asking(scope: Scope, reworded: str) -> Scope:
    """The scope a question asked again in other words is asked in: a naming lead-in's question ("In the
    X between A and B: <asked>") is what analysing a scope reads, so the other words take its place."""
    return replace(scope, asked=reworded) if scope.asked else scope


def _answered_as(answer: Answer, reworded: str) -> Answer:
    """An answer given in other words than the question's (its kind's, or the contract's), saying which
    question it answers."""
    return replace(answer, text=f"{answer.text}\n(Answered as \"{reworded}\")", answered_as=reworded)


def _cites_first(answer: Answer, clauses: Sequence[Clause]) -> bool:
    """Whether the answer's first citation quotes one of `clauses` (or a part of one)."""
    if not answer.citations:
        return False
    first = answer.citations[0]
    return any((c.file, c.agreement, base_clause(c.clause_id)) == (first.file, first.agreement_number,
                                                                  base_clause(first.clause)) for c in clauses)


def _top_clause(answer: Answer) -> tuple[str, int, str]:
    """The file, agreement and top-level clause number of the answer's first citation ("8" of "8.2(a)")."""
    first = answer.citations[0]
    return first.file, first.agreement_number, re.split(r"[.(\s]", first.clause, maxsplit=1)[0]


def _first_clause(answer: Answer) -> tuple[str, str, str]:
    first = answer.citations[0]
    return first.file, first.agreement, first.clause
