"""``python -m kit dev check``: the repository and the manifest mirror each other, both ways.

- Every kata in graders/katas.toml has its stub, solution and grader, two or more hints and
  a "why"; its stub defines every name in its ``signatures``; ids are unique; every kata's
  track is a track of the manifest.
- Every file under exercises/, solutions/, graders/<track>/, tests/wrong/,
  tests/alternatives/ and tests/mutants/ belongs to a kata of the manifest (or is a track's
  README): an orphan file fails the check.
- graders/stubs.json (what ``reset`` restores) holds exactly the stubs in exercises/.
- The README's track table is the one generated from the manifest.

``--fix`` rewrites the generated parts (graders/stubs.json and the README's table).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import tomllib
from collections import Counter
from pathlib import Path

from ..manifest import Catalogue, catalogue
from ..paths import REPO

TABLE = re.compile(r"(<!-- tracks: .*? -->\n)(.*?)(\n<!-- /tracks -->)", re.DOTALL)
# Files that belong to no single kata, by folder.
SHARED = {"graders": {"conftest.py", "katas.toml", "SHA256SUMS", "stubs.json", "requirements.lock"}}


def defined_names(path: Path) -> set[str]:
    """The top-level names a Python file defines (functions, classes, assignments)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def _kata_problems(cat: Catalogue, root: Path) -> list[str]:
    problems: list[str] = []
    raw = tomllib.loads((root / "graders" / "katas.toml").read_text(encoding="utf-8"))
    for kata_id, count in Counter(k["id"] for k in raw["kata"]).items():
        if count > 1:
            problems.append(f"katas.toml: the id {kata_id} is listed {count} times")
    for info in cat.katas:
        if info.track not in cat.tracks:
            problems.append(f"katas.toml: {info.id} is in track {info.track}, not in [tracks]")
        stub = root / "exercises" / f"{info.id}.py"
        grader = info.grader_in(root / "graders")
        for path in (stub, root / "solutions" / f"{info.id}.py", grader):
            if not path.is_file():
                problems.append(f"{info.id}: {path.relative_to(root).as_posix()} is missing")
        if stub.is_file():
            missing = sorted(set(info.signatures) - defined_names(stub))
            if missing:
                problems.append(f"{info.id}: the stub defines no {', '.join(missing)}")
        if len(info.hints) < 2:
            problems.append(f"{info.id}: fewer than 2 hints in katas.toml")
        if not info.why:
            problems.append(f"{info.id}: no 'why' in katas.toml")
    return problems


def _owner(rel: Path, ids: set[str], tracks: set[str]) -> bool:
    """True if ``rel`` (relative to the repo) belongs to a kata or track of the manifest."""
    parts = rel.parts
    top = parts[0]
    if top in ("exercises", "solutions"):
        if len(parts) == 3 and parts[2] == "README.md" and top == "exercises":
            return parts[1] in tracks
        return len(parts) == 3 and rel.suffix == ".py" and f"{parts[1]}/{rel.stem}" in ids
    if top == "graders":
        if len(parts) == 2:
            return parts[1] in SHARED["graders"]
        if parts[1] == "kit":
            return True
        name = rel.stem.removeprefix("test_")
        return len(parts) == 3 and rel.name.startswith("test_") and f"{parts[1]}/{name}" in ids
    if top == "tests" and len(parts) >= 2 and parts[1] in ("wrong", "alternatives"):
        return len(parts) == 5 and rel.suffix == ".py" and f"{parts[2]}/{parts[3]}" in ids
    if top == "tests" and len(parts) >= 2 and parts[1] == "mutants":
        return len(parts) == 4 and f"{parts[2]}/{Path(parts[3]).stem}" in ids
    return True


def _orphans(cat: Catalogue, root: Path) -> list[str]:
    ids = {k.id for k in cat.katas}
    tracks = set(cat.tracks)
    folders = [
        root / "exercises",
        root / "solutions",
        root / "graders",
        root / "tests" / "wrong",
        root / "tests" / "alternatives",
        root / "tests" / "mutants",
    ]
    problems = []
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            rel = path.relative_to(root)
            if path.is_dir() or "__pycache__" in rel.parts or path.suffix == ".pyc":
                continue
            if not _owner(rel, ids, tracks):
                problems.append(f"{rel.as_posix()} belongs to no kata of graders/katas.toml")
    return problems


def stubs_now(cat: Catalogue, root: Path = REPO) -> dict[str, str]:
    """Kata id -> the stub's text, as exercises/ holds it now."""
    out = {}
    for info in cat.katas:
        path = root / "exercises" / f"{info.id}.py"
        if path.is_file():
            out[info.id] = path.read_text(encoding="utf-8")
    return out


def track_table(cat: Catalogue) -> str:
    """The README's track table, from the manifest."""
    rows = ["| # | Track | Katas |", "|---|-------|-------|"]
    for track, title in cat.tracks.items():
        katas = ", ".join(k.name for k in cat.katas if k.track == track)
        rows.append(f"| {track[:2]} | {title} | {katas} |")
    return "\n".join(rows)


def _generated_problems(cat: Catalogue, root: Path) -> list[str]:
    problems = []
    try:
        saved = json.loads((root / "graders" / "stubs.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        saved = None
    if saved != stubs_now(cat, root):
        problems.append(
            "graders/stubs.json differs from the stubs in exercises/ (after changing a stub on "
            "purpose: python -m kit dev check --fix)"
        )
    match = TABLE.search((root / "README.md").read_text(encoding="utf-8"))
    if match is None:
        problems.append("README.md has no <!-- tracks: ... --> table markers")
    elif match.group(2).strip() != track_table(cat):
        problems.append(
            "README.md's track table differs from graders/katas.toml "
            "(python -m kit dev check --fix rewrites it)"
        )
    return problems


def fix(cat: Catalogue, root: Path = REPO) -> None:
    """Rewrite graders/stubs.json and the README's track table from the repository."""
    text = json.dumps(stubs_now(cat, root), indent=1, ensure_ascii=False, sort_keys=True)
    (root / "graders" / "stubs.json").write_text(text + "\n", encoding="utf-8")
    readme = (root / "README.md").read_text(encoding="utf-8")
    readme = TABLE.sub(lambda m: m.group(1) + track_table(cat) + m.group(3), readme)
    (root / "README.md").write_text(readme, encoding="utf-8")


def problems(root: Path = REPO) -> list[str]:
    """Everything that breaks the mirror in the repository at ``root``; empty when consistent."""
    cat = catalogue(root / "graders" / "katas.toml")
    return _kata_problems(cat, root) + _orphans(cat, root) + _generated_problems(cat, root)


def command(args: argparse.Namespace) -> int:
    """Print one line per problem; exit 1 if there is any."""
    if args.fix:
        fix(catalogue())
    found = problems()
    for problem in found:
        print(problem)
    cat = catalogue()
    print(
        f"{len(cat.katas)} katas in {len(cat.tracks)} tracks: "
        + ("consistent" if not found else f"{len(found)} problem(s)")
    )
    return 1 if found else 0
