"""Tests for index/store.py against a real `chroma run` server on 127.0.0.1 (marker: server)."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.build import build_index
from index.errors import StoreUnavailable
from index.store import ChromaStore

pytestmark = pytest.mark.server

CHROMA = Path(sys.executable).parent / "chroma"
from tests.samples import F000, F001, F004


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def chroma_server(path: Path, timeout: float = 60.0):
    """A `chroma run` subprocess; yields its port once the heartbeat answers, always stops it."""
    import chromadb
    from chromadb.config import Settings

    if not CHROMA.exists():
        pytest.skip(f"no chroma executable at {CHROMA}")
    port = free_port()
    process = subprocess.Popen([str(CHROMA), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                pytest.fail(f"chroma run exited with {process.returncode}: {process.stderr.read()[-2000:]!r}")
            try:
                chromadb.HttpClient(host="127.0.0.1", port=port,
                                    settings=Settings(anonymized_telemetry=False)).heartbeat()
                break
            except Exception:  # noqa: BLE001 - not listening yet
                if time.monotonic() > deadline:
                    pytest.fail(f"chroma run did not answer on port {port} within {timeout:.0f} s")
                time.sleep(0.2)
        yield process, port
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
        process.stderr.close()


def test_index_query_and_reindex_through_a_server(tmp_path, sample_dir, hashing_embedder):
    with chroma_server(tmp_path / "server-data") as (_, port):
        # the client's own folder (what Assistant passes as settings.index_dir): the vectors an ask reads
        # per clause live there, keyed by server, never in the working directory
        client = tmp_path / "client"
        store = ChromaStore(client, host="127.0.0.1", port=port)
        assert store.location == f"http://127.0.0.1:{port}"
        first = build_index([sample_dir], store, hashing_embedder)
        assert [f.status for f in first.files] == ["indexed"] * 5
        assert first.agreements == 15
        assert first.embedded == first.clauses == store.count() > 0
        assert store.model() == "hashing-384"
        assert [p.name for p in client.iterdir()] == [f"vectors-127.0.0.1-{port}"]

        query = hashing_embedder.embed_query("entire agreement with the publisher, modified only in writing, "
                                             "Commonwealth of Massachusetts, heirs, successors in interest")
        clauses = dict(store.all_clauses())
        top = [clauses[i] for i, _ in store.query(query, 3)]
        assert {(c.file, c.clause_id) for c in top} == {(F000, "7"), (F001, "7"), (F004, "7")}
        only = [clauses[i].file for i, _ in store.query(query, 5, files=[F001])]
        assert only == [F001] * 5

        second = build_index([sample_dir], store, hashing_embedder)
        assert [f.status for f in second.files] == ["unchanged"] * 5
        assert second.embedded == 0
        assert store.count() == first.clauses

        # a second client sees the same index: it lives in the server, not in this process
        again = ChromaStore(tmp_path / "another-client", host="127.0.0.1", port=port)
        assert (again.count(), again.model(), sorted(again.files())) == \
            (first.clauses, "hashing-384", sorted(f.name for f in first.files))


def test_server_that_stops_after_connecting(tmp_path):
    with chroma_server(tmp_path / "server-data") as (process, port):
        store = ChromaStore(tmp_path / "client", host="127.0.0.1", port=port)
        assert store.count() == 0
        process.terminate()
        process.wait(10)
        with pytest.raises(StoreUnavailable) as caught:
            store.count()
    assert f"http://127.0.0.1:{port}" in str(caught.value)
    assert "chroma run" in str(caught.value)
