"""A fake Assistant for UI tests: canned answers with real-looking citations, recorded calls."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from assistant.types import AgreementInfo, Answer, Citation
from index.types import Agreement, BuildReport, FileReport, IndexedFile

XIN_WANG_FILE = "000_7332def5b04a4bbf.txt"

# Clause 7 of the bundled Xin Wang agreement, as the loader returns it.
CLAUSE_7 = (
    "7. This is the entire agreement between you and the publisher, and it may be modified only "
    "in writing. It will be governed by the laws of the Commonwealth of Massachusetts. It will "
    "bind and benefit our respective assigns and successors in interest, including your heirs."
)
CLAUSE_7_START = 2713  # where clause 7 starts in the file's text

SIGNATURES = "For ICML: <Signed> Andreas Krause & \"Co\", President of IMLS"
SIGNATURES_START = 5120

_STOPWORDS = set("a an the of to in on for and or is are was who what which whom does do did "
                 "with by about at as it its this that be me tell".split())


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOPWORDS}


def cite(file: str, agreement: str, clause: str, clause_text: str, clause_start: int,
         quote: str, score: float = 0.9) -> Citation:
    at = clause_text.index(quote)
    return Citation(file=file, agreement=agreement, clause=clause, quote=quote,
                    start=clause_start + at, end=clause_start + at + len(quote), score=score,
                    clause_text=clause_text, clause_start=clause_start)


def law_answer(question: str) -> Answer:
    quote = "It will be governed by the laws of the Commonwealth of Massachusetts."
    return Answer(question=question, found=True,
                  text="Xin Wang's agreement is governed by the laws of the Commonwealth of "
                       "Massachusetts [1].",
                  citations=(cite(XIN_WANG_FILE, "Xin Wang", "7", CLAUSE_7, CLAUSE_7_START, quote),),
                  searched="the 1 indexed agreement", seconds=0.01)


def signer_answer(question: str) -> Answer:
    quote = "Andreas Krause & \"Co\""
    return Answer(question=question, found=True,
                  text="Andreas Krause signed for ICML [1].",
                  citations=(cite(XIN_WANG_FILE, "Xin Wang", "signatures", SIGNATURES,
                                  SIGNATURES_START, quote),),
                  searched="the 1 indexed agreement", seconds=0.01)


class FakeConversation:
    def __init__(self, assistant: "FakeAssistant"):
        self.assistant = assistant
        self._history: list[Answer] = []

    def _rewrite(self, question: str) -> str:
        # Follow-ups ("and who signed it?") inherit the previous question's subject.
        if self._history and question.lower().startswith(("and ", "what about")):
            return f"{question} (about: {self._history[-1].standalone_question})"
        return question

    def ask(self, question: str, files: Sequence[str] | None = None,
            agreements: Sequence[str] | None = None) -> Answer:
        answer = self.assistant.ask(self._rewrite(question), files=files, agreements=agreements)
        answer = Answer(**{**answer.__dict__, "question": question,
                           "standalone_question": self._rewrite(question)})
        self._history.append(answer)
        return answer

    def stream(self, question: str, files: Sequence[str] | None = None,
               agreements: Sequence[str] | None = None) -> Iterator[str | Answer]:
        answer = self.ask(question, files=files, agreements=agreements)
        for piece in re.findall(r"\S+\s*", answer.text):
            yield piece
        yield answer

    @property
    def history(self) -> list[Answer]:
        return list(self._history)


class FakeAssistant:
    """Knows one bundled agreement and whatever .txt/.md files it is given; records every call."""

    def __init__(self, index_dir: str | None = None, delay: float = 0.0):
        if index_dir is not None:
            self.index_dir = index_dir
        self.delay = delay
        self.calls: list[tuple] = []
        self._lock = threading.Lock()
        self._docs: dict[str, tuple[str, str]] = {}  # file name -> (label, text)

    # -- asking --------------------------------------------------------------------------
    def ask(self, question: str, files: Sequence[str] | None = None,
            agreements: Sequence[str] | None = None) -> Answer:
        with self._lock:
            self.calls.append(("ask", question, files, agreements))
        if self.delay:
            time.sleep(self.delay)
        q = question.lower()
        if "<script>" in q:
            return Answer(question=question, found=True, text="Answer with <b>tags</b> & such [1].",
                          citations=(cite("a<b>.txt", "O'Brien & <Co>", "2", "<i>x</i> & y",
                                          100, "&"),))
        if "law" in q and "xin wang" in q:
            return law_answer(question)
        if "signed for icml" in q:
            return signer_answer(question)
        return self._search_uploaded(question)

    def _search_uploaded(self, question: str) -> Answer:
        wanted = _words(question)
        best = (0, None)
        for name, (label, text) in self._docs.items():
            for m in re.finditer(r"[^.\n]+[.\n]?", text):
                overlap = len(wanted & _words(m.group()))
                if overlap > best[0]:
                    best = (overlap, (name, label, text, m))
        if best[0] < 2:
            return Answer(question=question, found=False,
                          text="Not found: no clause in the indexed agreements answers this.",
                          searched=f"the {1 + len(self._docs)} indexed agreements")
        name, label, text, m = best[1]
        quote = m.group().strip()
        start = text.index(quote)
        citation = Citation(file=name, agreement=label, clause="1", quote=quote, start=start,
                            end=start + len(quote), score=0.8, clause_text=text, clause_start=0)
        return Answer(question=question, found=True, text=f"{quote} [1]", citations=(citation,))

    def stream(self, question: str, files: Sequence[str] | None = None,
               agreements: Sequence[str] | None = None) -> Iterator[str | Answer]:
        answer = self.ask(question, files=files, agreements=agreements)
        yield answer.text
        yield answer

    def conversation(self) -> FakeConversation:
        with self._lock:
            self.calls.append(("conversation",))
        return FakeConversation(self)

    # -- the index -----------------------------------------------------------------------
    def add_paths(self, paths: Sequence[str], progress=None) -> BuildReport:
        with self._lock:
            self.calls.append(("add_paths", list(paths)))
        reports = []
        for i, path in enumerate(paths):
            p = Path(path)
            if progress:
                progress(f"Indexing {p.name}", i, len(paths))
            if p.suffix.lower() not in (".txt", ".md"):
                reports.append(FileReport(path=str(p), name=p.name, status="skipped",
                                          reason="damaged PDF (could not be read)"))
                continue
            text = p.read_text(errors="replace")
            if not text.strip():
                reports.append(FileReport(path=str(p), name=p.name, status="skipped",
                                          reason="empty file"))
                continue
            status = "unchanged" if self._docs.get(p.name, ("", ""))[1] == text else "indexed"
            label = text.strip().splitlines()[0].strip("# ")[:60]
            self._docs[p.name] = (label, text)
            reports.append(FileReport(path=str(p), name=p.name, status=status, agreements=1,
                                      clauses=text.count("\n") + 1))
        if progress:
            progress("Done", len(paths), len(paths))
        return BuildReport(files=tuple(reports), seconds=0.01)

    def files(self) -> list[IndexedFile]:
        out = [IndexedFile(name=XIN_WANG_FILE, path=f"data/agreements/{XIN_WANG_FILE}",
                           sha256="0" * 64, kind="txt", clauses=12,
                           agreements=(Agreement(number=1, label="Xin Wang", start=0, end=6000),))]
        for name, (label, text) in self._docs.items():
            out.append(IndexedFile(name=name, path=name, sha256="1" * 64, kind="txt",
                                   clauses=text.count("\n") + 1,
                                   agreements=(Agreement(number=1, label=label, start=0,
                                                         end=len(text)),)))
        return out

    def agreements(self) -> list[AgreementInfo]:
        out = [AgreementInfo(file=XIN_WANG_FILE, number=1, label="Xin Wang",
                             title="Parameter efficient training of deep convolutional neural "
                                   "networks by dynamic sparse reparameterization",
                             date="", kind="ICML Publication Agreement", clauses=12)]
        for name, (label, text) in self._docs.items():
            out.append(AgreementInfo(file=name, number=1, label=label, title="", date="",
                                     kind="", clauses=text.count("\n") + 1))
        return out

    def catalog(self, files: Sequence[str] | None = None) -> list:
        """One catalog row: Xin Wang's governing law from clause 7, every other field not stated."""
        from assistant.catalog import SINGLE_FIELDS, CatalogRow, CatalogValue

        quote = "It will be governed by the laws of the Commonwealth of Massachusetts."
        citation = cite(XIN_WANG_FILE, "Xin Wang", "7", CLAUSE_7, CLAUSE_7_START, quote, score=1.0)
        at = citation.start + quote.index("Massachusetts")
        law = CatalogValue("Massachusetts", at, at + len("Massachusetts"), citation, "massachusetts")
        fields = {f: CatalogValue() for f in SINGLE_FIELDS} | {"governing_law": law}
        return [CatalogRow(file=XIN_WANG_FILE, number=1, agreement="Xin Wang", parties=(), signatures=(), **fields)]

    def document_text(self, file: str) -> str:
        return self._docs.get(file, ("", ""))[1]
