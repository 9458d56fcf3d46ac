"""LangChain faces of the pipeline: a BaseRetriever and a runnable question -> Answer."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableLambda


class ClauseRetriever(BaseRetriever):
    """Hybrid clause retrieval with scope from the question, as LangChain Documents."""

    assistant: Any
    k: int = 6

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [Document(page_content=h.clause.text, id=h.chunk_id, metadata={
            "file": h.clause.file, "agreement": h.clause.agreement_label, "agreement_number": h.clause.agreement,
            "clause": h.clause.clause_id, "start": h.clause.start, "end": h.clause.end,
            "score": h.score, "dense": h.dense}) for h in self.assistant.retrieve(query, self.k)]


def build_chain(assistant) -> Runnable:
    """Input: a question string or {"question", "files"?, "agreements"?}; output: an Answer."""

    def normalise(value) -> dict:
        return {"question": value} if isinstance(value, str) else dict(value)

    def answer(inputs: dict):
        return assistant.ask(inputs["question"], files=inputs.get("files"), agreements=inputs.get("agreements"))

    return (RunnableLambda(normalise) | RunnableLambda(answer)).with_config(run_name="clauseqa")
