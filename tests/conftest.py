"""Shared fixtures: the repo and corpus folders, a deterministic embedder and a throwaway index."""

from __future__ import annotations

import os

# Before anything imports chromadb or huggingface_hub: tests never reach for the network.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"

import atexit  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

# ONNX exports of the model (the question twin, the int8 runtime) go to a cache of this run only
MODEL_CACHE = tempfile.mkdtemp(prefix="clauseqa-model-cache-")
os.environ["CLAUSEQA_MODEL_CACHE"] = MODEL_CACHE
atexit.register(shutil.rmtree, MODEL_CACHE, ignore_errors=True)

import pytest  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def sample_dir(repo_root: Path) -> Path:
    """The bundled corpus: 5 files, 15 agreements."""
    return repo_root / "data" / "agreements"


@pytest.fixture(scope="session")
def shared_dir(repo_root: Path) -> Path:
    """The team's shared folder (CUAD contracts etc.); absent outside the dev machine."""
    path = repo_root.parent / "shared"
    if not path.is_dir():
        pytest.skip(f"shared data folder {path} is absent")
    return path


@pytest.fixture(scope="session")
def hashing_embedder():
    """Bag-of-words hashing: deterministic, no model files, similarity means shared words."""
    from index.embedders import get_embedder

    return get_embedder("hashing")


@pytest.fixture
def tmp_index(tmp_path: Path):
    """A fresh embedded Chroma index in this test's temp folder."""
    from index.store import ChromaStore

    return ChromaStore(tmp_path / "index")


@pytest.fixture(scope="session")
def ndas(tmp_path_factory):
    """One index of the two hand-written NDAs: the confidentiality agreement of tests/contracts_apart
    and the mutual NDA of tests/contracts (read by test_confidentiality_agreement and test_plain_words)."""
    from assistant import Assistant

    tests = REPO_ROOT / "tests"
    paths = [tests / "contracts_apart" / "nda_lumen_grayfield.txt", tests / "contracts" / "nda_acme_birch.txt"]
    return Assistant.from_paths([str(p) for p in paths], index_dir=str(tmp_path_factory.mktemp("ndas-idx")))
