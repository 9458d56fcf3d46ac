"""Tests for the `clauseqa` index, status and ask commands through typer's CliRunner."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from index.loaders import load_document
from index.segment import segment
from ui import cli
from ui.cli import app

SAMPLE = {
    "000_7332def5b04a4bbf.txt": ["Xin Wang"],
    "001_29af6fc4e2f0617e.txt": ["Amirkeivan Mohtashami"],
    "002_bcfa04a8f03d8167.txt": ["Dan Alistarh", "Michael Goin", "Justin Kopinsky", "Mark Kurtz", "Sage Moore"],
    "003_1e1bd8ecb04b3d3e.txt": ["Yuzheng Hu", "Jiawei Jiang", "Bin Cui", "Ce Zhang", "Yihan He", "Yingxia Shao",
                                 "Fangcheng Fu"],
    "004_3d9f13f584b4be9c.txt": ["Jianfei Chen"],
}
runner = CliRunner()


def wide(monkeypatch) -> None:
    # Rich wraps at 80 columns under CliRunner; wide consoles keep every row and message on one line
    monkeypatch.setattr(cli.console, "width", 400)
    monkeypatch.setattr(cli.err, "width", 400)


@pytest.fixture(autouse=True)
def _wide_console(monkeypatch):
    wide(monkeypatch)
    monkeypatch.delenv("CLAUSEQA_INDEX_DIR", raising=False)
    monkeypatch.delenv("CLAUSEQA_MODEL", raising=False)


@pytest.fixture(scope="module")
def clause_counts(sample_dir) -> dict[str, int]:
    """What segment() makes of each sample file: what the CLI must report."""
    return {name: len(segment(load_document(sample_dir / name)).clauses) for name in SAMPLE}


@pytest.fixture(scope="module")
def total_clauses(clause_counts) -> int:
    return sum(clause_counts.values())


@pytest.fixture(scope="module")
def built(tmp_path_factory, sample_dir):
    """One index of the sample corpus built through the CLI, and that run's output."""
    index_dir = tmp_path_factory.mktemp("cli") / "index"
    with pytest.MonkeyPatch.context() as mp:
        wide(mp)
        result = runner.invoke(app, ["index", str(sample_dir), "--index", str(index_dir), "--model", "hashing"])
    assert result.exit_code == 0, result.output
    return index_dir, result


def rows(output: str) -> list[list[str]]:
    """The cells of each body row of a Rich table."""
    return [[cell.strip() for cell in line.strip("│").split("│")] for line in output.splitlines()
            if line.startswith("│")]


def test_index_prints_a_row_per_file_and_the_summary(built, clause_counts, total_clauses):
    _, result = built
    assert [r[:5] for r in rows(result.stdout)] == [
        [name, "indexed", str(len(labels)), str(clause_counts[name]), str(clause_counts[name])]
        for name, labels in SAMPLE.items()]
    # 000, 002-004 as test_segment pins them (001 waits on the empty-clause fix there)
    assert [clause_counts[n] for n in SAMPLE if not n.startswith("001")] == [14, 50, 70, 13]
    summary = result.stdout.strip().splitlines()[-1]
    assert re.fullmatch(rf"5 files, 15 agreements, {total_clauses} clauses, {total_clauses} embedded, "
                        r"0 skipped, \d+\.\d s", summary), summary


def test_reindex_embeds_nothing(built, sample_dir, total_clauses):
    index_dir, _ = built
    result = runner.invoke(app, ["index", str(sample_dir), "--index", str(index_dir), "--model", "hashing"])
    assert result.exit_code == 0, result.output
    assert [(r[0], r[1], r[4]) for r in rows(result.stdout)] == [(name, "unchanged", "0") for name in SAMPLE]
    assert result.stdout.strip().splitlines()[-1].startswith(
        f"5 files, 15 agreements, {total_clauses} clauses, 0 embedded, 0 skipped, ")


def test_status_lists_the_15_agreements(built, monkeypatch, total_clauses):
    index_dir, _ = built
    result = runner.invoke(app, ["status", "--index", str(index_dir)])
    assert result.exit_code == 0, result.output
    listed = [(r[0], r[1], r[2]) for r in rows(result.stdout)]
    assert listed == [(name, str(n), label) for name, labels in SAMPLE.items() for n, label in enumerate(labels, 1)]
    assert f"{index_dir} — model hashing-384" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == f"5 files, 15 agreements, {total_clauses} clauses"
    xin = rows(result.stdout)[0]
    assert xin[3:] == ["ICML Publication Agreement", "Parameter efficient training of deep convolutional",
                       "5/12/2019", "14"]


def test_index_of_a_missing_path_reports_it_skipped(tmp_path):
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["index", str(missing), "--index", str(tmp_path / "index"), "--model", "hashing"])
    assert result.exit_code == 0, result.output
    assert rows(result.stdout) == [["nope.txt", "skipped", "0", "0", "0", "no such file or folder"]]
    assert result.stdout.strip().splitlines()[-1].startswith("0 files, 0 agreements, 0 clauses, 0 embedded, 1 skipped")


def test_index_reports_a_bad_file_and_indexes_the_rest(tmp_path, sample_dir):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "000.txt").write_bytes((sample_dir / "000_7332def5b04a4bbf.txt").read_bytes())
    result = runner.invoke(app, ["index", str(folder), "--index", str(tmp_path / "index"), "--model", "hashing"])
    assert result.exit_code == 0, result.output
    assert [r[:6] for r in rows(result.stdout)] == [
        ["000.txt", "indexed", "1", "14", "14", ""],
        ["empty.txt", "skipped", "0", "0", "0", "empty file"],
    ]


def test_ask_cites_the_clause_verbatim(built, sample_dir):
    index_dir, _ = built
    result = runner.invoke(app, ["ask", "Which law governs Xin Wang's agreement?", "--index", str(index_dir),
                                 "--model", "hashing"])
    assert result.exit_code == 0, result.output
    cited = re.findall(r"\[1\] (\S+) · (.+?) · clause (\S+) · chars (\d+)-(\d+)", result.stdout)
    assert cited and cited[0][:3] == ("000_7332def5b04a4bbf.txt", "Xin Wang", "7")
    start, end = int(cited[0][3]), int(cited[0][4])
    text = (sample_dir / "000_7332def5b04a4bbf.txt").read_text(encoding="utf-8")
    assert 2889 <= start < end <= 3286  # inside clause 7
    assert "Commonwealth of Massachusetts" in text[start:end]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def error_cases(tmp: Path, index_dir: Path, port: int):
    (tmp / "afile").write_text("a file, not a folder")
    none = tmp / "none"
    blocked = tmp / "afile" / "index"
    return [
        (["ask", "", "--index", str(index_dir), "--model", "hashing"],
         "Error: The question is empty — ask something, e.g. \"Which law governs Xin Wang's agreement?\""),
        (["ask", "   ", "--index", str(index_dir), "--model", "hashing"],
         "Error: The question is empty — ask something, e.g. \"Which law governs Xin Wang's agreement?\""),
        (["ask", "Which law governs?", "--index", str(none), "--model", "hashing"],
         f"Error: No index at {none} — run: clauseqa index data/agreements --index {none}"),
        (["status", "--index", str(none)],
         f"Error: No index at {none} — run: clauseqa index data/agreements --index {none}"),
        (["index", "data/agreements", "--index", str(blocked), "--model", "hashing"],
         f"Error: Index folder {blocked} is not writable (Not a directory) — "
         "choose another with --index DIR or fix its permissions"),
        (["index", "data/agreements", "--chroma-host", "127.0.0.1", "--chroma-port", str(port), "--model", "hashing"],
         f"Error: Cannot reach the Chroma server at http://127.0.0.1:{port} — start it with: "
         f"chroma run --path DIR --host 127.0.0.1 --port {port}"),
    ]


ERROR_IDS = ["empty-question", "blank-question", "ask-no-index", "status-no-index", "index-not-writable",
             "server-down"]


@pytest.mark.parametrize("case", range(len(ERROR_IDS)), ids=ERROR_IDS)
def test_errors_exit_1_with_the_exact_message(built, tmp_path, case):
    index_dir, _ = built
    args, message = error_cases(tmp_path, index_dir, free_port())[case]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert result.stderr == message + "\n"
    assert result.stdout == ""
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback


def test_ask_about_a_file_that_is_not_indexed(built):
    index_dir, _ = built
    result = runner.invoke(app, ["ask", "Which law governs?", "--file", "nope.txt", "--index", str(index_dir),
                                 "--model", "hashing"])
    assert result.exit_code == 1
    assert result.stderr == ("Error: Not indexed: nope.txt — indexed files: " + ", ".join(SAMPLE)
                             + ". Add one with: clauseqa index PATH\n")


@pytest.fixture
def no_sentence_transformers(monkeypatch):
    """Fail loudly if anything loads a sentence-transformers model (the index was built with hashing)."""
    import index.embedders

    def refuse(spec):
        raise AssertionError(f"loaded sentence-transformers model {spec!r} for a hashing-384 index")

    monkeypatch.setattr(index.embedders, "_cached_sentence_transformer", refuse)


@pytest.mark.parametrize("args", [["status"], ["ask", "Which law governs Xin Wang's agreement?"]],
                         ids=["status", "ask"])
def test_commands_use_the_model_the_index_was_built_with(built, no_sentence_transformers, args):
    index_dir, _ = built
    result = runner.invoke(app, [*args, "--index", str(index_dir)])
    assert result.exit_code == 0, repr(result.exception)
