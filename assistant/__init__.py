"""ClauseQA: ask questions of agreements, get answers that cite file, agreement and clause."""

from assistant.api import Assistant
from assistant.conversation import Conversation
from assistant.settings import Settings
from assistant.types import AgreementInfo, Answer, Citation
from index.errors import (
    ClauseQAError,
    EmptyQuestion,
    FileChanged,
    FileNotIndexed,
    IndexNotFound,
    IndexNotWritable,
    LLMUnavailable,
    LoadError,
    StoreUnavailable,
)

__all__ = [
    "AgreementInfo", "Answer", "Assistant", "Citation", "ClauseQAError", "Conversation", "EmptyQuestion",
    "FileChanged", "FileNotIndexed", "IndexNotFound", "IndexNotWritable", "LLMUnavailable", "LoadError", "Settings",
    "StoreUnavailable",
]
