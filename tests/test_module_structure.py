"""The package's shape: no module imports another in a circle, no module at the package root that
belongs to a room (content/, pages/, feeds/, mkdocs/, editor/), no engine name spelled by hand."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "plugins" / "muutostuki"


def _module_name(path: Path) -> str:
    parts = ["muutostuki", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _imports(name: str, path: Path) -> set[str]:
    """Every module of ours this one imports, anywhere in it (also inside functions and TYPE_CHECKING)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            base = f"{base}.{node.module}" if node.level and node.module else (base if node.level else node.module)
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
    return {m for m in found if m in MODULES and m != name and not name.startswith(m + ".")}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    result: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return result


def test_no_module_imports_another_in_a_circle():
    graph = {name: _imports(name, path) for name, path in MODULES.items()}
    assert graph["muutostuki.pages.registry"] >= {"muutostuki.feeds.writer"}, "the graph is read at all"
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_rooms_hold_their_modules():
    assert not (PACKAGE / "html_urls.py").exists() and (PACKAGE / "pages" / "html_urls.py").exists()
    assert not (PACKAGE / "autoescape.py").exists() and (PACKAGE / "mkdocs" / "autoescape.py").exists()


ENGINE_NAME = re.compile(r"""["'](?:mkdocs|properdocs)\.[a-z_.]+["']""")


def test_no_engine_logger_or_module_name_is_spelled_by_hand():
    """Under ProperDocs the engine's modules and loggers are `properdocs.*`: ask mkdocs/engine.py."""
    spelled = [f"{p.relative_to(ROOT)}:{n}: {line.strip()}" for p in PACKAGE.rglob("*.py")
               for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
               if ENGINE_NAME.search(line) and "mkdocs.yml" not in line]
    assert spelled == []
