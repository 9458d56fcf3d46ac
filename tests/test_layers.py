"""The arrows between packages, read from the source with `ast`: index <- assistant <- faces (ui) and eval."""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("index", "assistant", "ui", "eval")
# What each package may import from the others. ui (the web page and the CLI) and eval sit side by side on top.
ALLOWED = {"index": set(), "assistant": {"index"}, "ui": {"index", "assistant"}, "eval": {"index", "assistant"}}
# The one arrow that skips sideways: `clauseqa eval` is a face over the eval suites, so the CLI imports eval,
# but only inside a function, so that `clauseqa --help`, `status` and `ask` never load it.
LAZY_EXCEPTIONS = {("ui/cli.py", "eval")}


@dataclass(frozen=True)
class Import:
    file: str       # relative to the repository, e.g. "ui/cli.py"
    line: int
    module: str     # absolute dotted name, resolved to a module of ours where it names one
    function: str   # the enclosing function, "" at module level

    @property
    def package(self) -> str:
        return self.module.split(".")[0]

    def __str__(self) -> str:
        where = f" (in {self.function}())" if self.function else ""
        return f"{self.file}:{self.line} imports {self.module}{where}"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


SOURCES = {module_name(p): p for package in PACKAGES for p in sorted((REPO / package).rglob("*.py"))}


def resolve(name: str) -> str:
    """`from eval import metrics` names the module eval.metrics; `from eval.run import run_eval` names eval.run."""
    parent = name.rpartition(".")[0]
    return parent if name not in SOURCES and parent in SOURCES else name


def literal_import(call: ast.Call) -> str | None:
    """importlib.import_module("x") and __import__("x") with a constant name are imports too."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name in ("import_module", "__import__") and call.args and isinstance(call.args[0], ast.Constant) \
            and isinstance(call.args[0].value, str):
        return call.args[0].value
    return None


def imports_of(path: Path) -> list[Import]:
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    file = path.relative_to(REPO).as_posix()
    found: list[Import] = []

    def visit(node: ast.AST, function: str) -> None:
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            names = [f"{base}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Call) and (name := literal_import(node)):
            names = [name]
        found.extend(Import(file, node.lineno, resolve(n), function) for n in names)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            function = getattr(node, "name", "<lambda>")
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(ast.parse(path.read_text(encoding="utf-8"), filename=file), "")
    return found


IMPORTS = {module: imports_of(path) for module, path in SOURCES.items()}


def test_every_package_and_the_cli_are_read():
    assert set(PACKAGES) <= set(SOURCES)
    assert "ui.cli" in SOURCES and "assistant.cli" not in SOURCES


@pytest.mark.parametrize("package", PACKAGES)
def test_a_package_imports_only_the_layers_below_it(package):
    backwards = [str(i) for module, found in IMPORTS.items() if module.split(".")[0] == package for i in found
                 if i.package in PACKAGES and i.package != package and i.package not in ALLOWED[package]
                 and not ((i.file, i.package) in LAZY_EXCEPTIONS and i.function)]
    assert backwards == []


def test_the_cli_imports_eval_only_inside_its_eval_command():
    # Also proves the reader sees imports inside functions: the exception above is not vacuous.
    assert {(i.module, i.function) for i in IMPORTS["ui.cli"] if i.package == "eval"} == {("eval.run", "eval_command")}


def graph(package: str) -> dict[str, list[str]]:
    """Which modules of `package` each of its modules imports; lazy imports count, they are arrows too."""
    return {m: sorted({i.module for i in found if i.module.split(".")[0] == package and i.module != m})
            for m, found in IMPORTS.items() if m.split(".")[0] == package}


def cycle(edges: dict[str, list[str]]) -> list[str]:
    """One cycle of the graph, first node repeated at the end, or []."""
    state: dict[str, str] = {}  # "open" while on the current path, "done" once everything it reaches is explored

    def walk(node: str, path: list[str]) -> list[str]:
        state[node] = "open"
        path = path + [node]
        for target in edges.get(node, []):
            if state.get(target) == "open":
                return path[path.index(target):] + [target]
            if target not in state and (found := walk(target, path)):
                return found
        state[node] = "done"
        return []

    for start in edges:
        if start not in state and (found := walk(start, [])):
            return found
    return []


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_cycle_inside_a_package(package):
    # eval's suites (run, cuad, corpus, report) share helpers through eval.result, never through each other
    assert " -> ".join(cycle(graph(package))) == ""


def test_the_cycle_finder_finds_a_cycle():
    edges = {"eval.split": [], "eval.run": ["eval.report", "eval.split"], "eval.report": ["eval.cuad"],
             "eval.cuad": ["eval.run", "eval.split"]}
    assert cycle(edges) == ["eval.run", "eval.report", "eval.cuad", "eval.run"]
    assert cycle({**edges, "eval.cuad": ["eval.split"]}) == []


def test_loading_the_cli_loads_no_torch_gradio_chroma_or_eval():
    heavy = ("torch", "sentence_transformers", "gradio", "chromadb", "eval")
    code = f"import sys, ui.cli; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert done.stdout.strip() == "[]"
