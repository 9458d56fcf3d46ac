"""The LangChain tutorial baseline (eval/tutorial.py) builds, reopens and answers over the sample files."""

from __future__ import annotations

import pytest

pytest.importorskip("langchain_chroma", reason="the tutorial baseline needs the dev extra: pip install -e '.[dev]'")
pytest.importorskip("langchain_text_splitters", reason="pip install -e '.[dev]'")


@pytest.mark.slow
def test_tutorial_store_answers_a_governing_law_question(tmp_path, sample_dir):
    from eval.tutorial import TutorialPipeline, minilm_embeddings

    files = sorted(p for p in sample_dir.iterdir() if p.suffix == ".txt")
    embeddings = minilm_embeddings()
    built = TutorialPipeline.build(tmp_path / "tutorial", files, embeddings=embeddings)
    assert built.info["state"] == "done" and built.files == [p.name for p in files]

    reopened = TutorialPipeline.open(tmp_path / "tutorial", embeddings=embeddings)
    assert reopened.chunks == built.chunks > 0
    docs = reopened.ask("Which law governs Xin Wang's agreement?")
    assert len(docs) == 4
    assert {d.metadata["source"] for d in docs} <= {p.name for p in files}
    assert all(isinstance(d.metadata["start_index"], int) for d in docs)

    scoped = reopened.ask("Which law governs this agreement?", file=files[0].name)
    assert scoped and {d.metadata["source"] for d in scoped} == {files[0].name}
