"""ClauseQA: ask questions of agreements, get answers that cite file, agreement and clause."""

from assistant.api import Assistant
from assistant.catalog import CatalogRow, CatalogSignature, CatalogValue
from assistant.conversation import Conversation
from assistant.settings import Settings
from assistant.types import AgreementInfo, Answer, AnswerGroup, Citation, Value
from index.errors import (
    ClauseQAError,
    EmptyQuestion,
    FileChanged,
    FileNotIndexed,
    IndexNotFound,
    IndexNotWritable,
    LLMUnavailable,
    LoadError,
    MissingExtra,
    StoreUnavailable,
)

__all__ = [
    "AgreementInfo", "Answer", "AnswerGroup", "Assistant", "CatalogRow", "CatalogSignature", "CatalogValue",
    "Citation", "ClauseQAError", "Conversation",
    "EmptyQuestion", "FileChanged", "FileNotIndexed", "IndexNotFound", "IndexNotWritable", "LLMUnavailable",
    "LoadError", "MissingExtra", "Settings", "StoreUnavailable", "Value",
]
