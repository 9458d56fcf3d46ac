"""One settings object, one precedence: explicit argument > CLAUSEQA_* variable > default."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Settings:
    index_dir: str = ".clauseqa"
    model: str | None = None  # any sentence-transformers model or path, or "hashing"; None: the index's own
    host: str | None = None  # a Chroma server instead of the embedded folder
    port: int | None = None
    llm: str | None = None  # e.g. "ollama:llama3.1" or "openai:qwen2.5" (with llm_base_url)
    llm_base_url: str | None = None
    top_k: int = 10

    @classmethod
    def resolve(cls, **explicit) -> "Settings":
        unknown = set(explicit) - {f.name for f in fields(cls)}
        if unknown:
            raise TypeError(f"Unknown setting(s): {', '.join(sorted(unknown))}; "
                            f"valid: {', '.join(f.name for f in fields(cls))}")
        values = {}
        for f in fields(cls):
            env = os.environ.get(f"CLAUSEQA_{f.name.upper()}")
            if explicit.get(f.name) is not None:
                values[f.name] = explicit[f.name]
            elif env:
                values[f.name] = int(env) if f.name in ("port", "top_k") else env
        return replace(cls(), **values)
