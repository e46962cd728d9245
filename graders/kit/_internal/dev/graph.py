"""The kit's import graph, from the source (``python -m kit dev graph``): fails on a cycle.

Imports under ``if TYPE_CHECKING:`` are left out: they never run. Imports inside functions
are kept: they run when the function does.
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

KIT = Path(__file__).resolve().parents[2]


def module_name(path: Path) -> str:
    """``kit._internal.cli`` for graders/kit/_internal/cli.py."""
    parts = path.relative_to(KIT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, here: str, package: bool, modules: set[str]) -> set[str]:
    """The kit modules imported by a module's code, resolved to full names."""
    found: set[str] = set()
    base = here.split(".") if package else here.split(".")[:-1]

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "kit")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                stem = base[: len(base) - node.level + 1]
                mod = ".".join([*stem, *(node.module.split(".") if node.module else [])])
            else:
                mod = node.module or ""
            if mod.split(".")[0] == "kit":
                subs = {f"{mod}.{a.name}" for a in node.names}
                found.update(subs & modules)
                if subs - modules:  # names from the module itself, not submodules
                    found.add(mod)
        for inner in ast.iter_child_nodes(node):
            visit(inner)

    visit(tree)
    return found


def graph() -> dict[str, list[str]]:
    """Module -> the kit modules it imports (only names that are modules)."""
    paths = {module_name(p): p for p in sorted(KIT.rglob("*.py")) if "__pycache__" not in p.parts}
    edges: dict[str, list[str]] = {}
    for name, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        imported = _imports(tree, name, path.name == "__init__.py", set(paths))
        edges[name] = sorted(m for m in imported if m in paths and m != name)
    return edges


def cycles(edges: dict[str, list[str]]) -> list[list[str]]:
    """Every import cycle, each once, as a list of module names (first repeated last)."""
    found: list[list[str]] = []
    seen: set[frozenset[str]] = set()

    def walk(node: str, path: list[str]) -> None:
        for nxt in edges.get(node, []):
            if nxt in path:
                cycle = [*path[path.index(nxt) :], nxt]
                key = frozenset(cycle)
                if key not in seen:
                    seen.add(key)
                    found.append(cycle)
            elif len(path) < 50:
                walk(nxt, [*path, nxt])

    for start in edges:
        walk(start, [start])
    return found


def command(args: argparse.Namespace) -> int:
    """Print the graph, one module a line with what it imports; exit 1 on a cycle."""
    edges = graph()
    for name, targets in edges.items():
        short = [t.removeprefix("kit.") for t in targets]
        print(
            f"{name.removeprefix('kit.') or 'kit'} -> {', '.join(short) or '(nothing of the kit)'}"
        )
    found = cycles(edges)
    for cycle in found:
        print("CYCLE: " + " -> ".join(cycle))
    print(f"{len(edges)} modules, {sum(map(len, edges.values()))} imports, {len(found)} cycles")
    return 1 if found else 0
