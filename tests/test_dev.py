"""The contributors' tools: dev check (both ways), the import graph, the CLI, reset without git."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from kit._internal.dev import check, graph
from kit._internal.paths import REPO

MODULES = sorted(graph.graph())


def _copy(tmp_path: Path) -> Path:
    """The parts of the repository that dev check reads, copied to ``tmp_path``."""
    root = tmp_path / "repo"
    for part in (
        "exercises",
        "solutions",
        "graders",
        "tests/wrong",
        "tests/alternatives",
        "tests/mutants",
    ):
        shutil.copytree(
            REPO / part, root / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
        )
    shutil.copy(REPO / "README.md", root / "README.md")
    check.fix(check.catalogue(root / "graders" / "katas.toml"), root)
    return root


def test_the_repository_mirrors_the_manifest() -> None:
    """dev check on the tree itself, nothing fixed first: stubs.json and the README's track
    table must already agree with katas.toml."""
    assert check.problems(REPO) == []


@pytest.mark.once(on=(3, 13))
def test_a_fixed_copy_mirrors_the_manifest(tmp_path: Path) -> None:
    assert check.problems(_copy(tmp_path)) == []


@pytest.mark.parametrize(
    ("orphan", "said"),
    [
        ("exercises/02_tasks/fetch_every.py", "exercises/02_tasks/fetch_every.py belongs to no"),
        ("graders/02_tasks/test_fetch_every.py", "test_fetch_every.py belongs to no kata"),
        ("tests/wrong/02_tasks/fetch_every/slow.py", "fetch_every/slow.py belongs to no kata"),
        ("graders/pytest.ini", "graders/pytest.ini belongs to no kata"),
        ("tests/mutants/02_tasks/nosuch.toml", "nosuch.toml belongs to no kata"),
    ],
)
def test_an_orphan_file_fails_the_check(tmp_path: Path, orphan: str, said: str) -> None:
    root = _copy(tmp_path)
    (root / orphan).parent.mkdir(parents=True, exist_ok=True)
    (root / orphan).write_text("x = 1\n")
    assert any(said in p for p in check.problems(root)), check.problems(root)


def test_a_duplicate_id_a_missing_name_and_a_stale_table_fail_the_check(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    manifest = root / "graders" / "katas.toml"
    text = manifest.read_text(encoding="utf-8")
    block = text[text.index('[[kata]]\nid = "02_tasks/fetch_all"') :]
    manifest.write_text(text + "\n" + block[: block.index("\n[[kata]]", 1)] + "\n")
    stub = root / "exercises" / "02_tasks" / "two_sleepers.py"
    stub.write_text(stub.read_text().replace("def two_sleepers", "def two_sleeper"))
    readme = root / "README.md"
    readme.write_text(readme.read_text().replace("| 09 | Subprocesses |", "| 09 | Processes |"))
    found = "\n".join(check.problems(root))
    assert "the id 02_tasks/fetch_all is listed 2 times" in found
    assert "02_tasks/two_sleepers: the stub defines no two_sleepers" in found
    assert "stubs.json differs" in found
    assert "track table differs" in found


def test_the_public_kit_is_what_all_names() -> None:
    """Every name in kit.__all__ resolves from ``import kit`` alone, and none of it is defined
    in kit._internal (the tools' side, which may change without notice)."""
    import kit

    for name in kit.__all__:
        value = getattr(kit, name)
        where = getattr(value, "__module__", None) or getattr(value, "__name__", "")
        assert where.startswith("kit.") and not where.startswith("kit._internal"), (name, where)


def test_the_kit_has_no_import_cycle() -> None:
    assert graph.cycles(graph.graph()) == []
    assert graph.cycles({"a": ["b"], "b": ["c"], "c": ["a"]}) == [["a", "b", "c", "a"]]


def test_the_graph_prints_and_passes() -> None:
    proc = _kit("dev", "graph")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "kit._internal" not in proc.stdout and " 0 cycles" in proc.stdout


@pytest.mark.parametrize("module", MODULES)
def test_each_module_imports_alone(module: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": "graders"},
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]


def _kit(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kit", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(cwd / "graders")},
        timeout=120,
    )


def test_one_cli_with_help_for_every_command() -> None:
    top = _kit("--help").stdout
    for command in ("grade", "watch", "hint", "reset", "solution", "gradebook", "dev"):
        assert command in top
    for tool in ("sums", "check", "graph", "triangle", "bench", "mutants"):
        assert tool in _kit("dev", "--help").stdout
    assert _kit("dev", "sums", "--help").returncode == 0
    assert "nox -s grade --" in _kit("grade", "--help").stdout


def test_reset_works_without_git(tmp_path: Path) -> None:
    """A learner who downloaded a zip (no .git) can still reset a kata."""
    clone = tmp_path / "zip"
    for part in ("exercises", "graders"):
        shutil.copytree(REPO / part, clone / part, ignore=shutil.ignore_patterns("__pycache__"))
    stubs = check.stubs_now(check.catalogue(), REPO)
    (clone / "graders" / "stubs.json").write_text(__import__("json").dumps(stubs), encoding="utf-8")
    stub = clone / "exercises" / "02_tasks" / "two_sleepers.py"
    original = stub.read_text()
    stub.write_text("# my attempt\n")
    env_state = {"KATAS_STATE": str(tmp_path / "state")}
    proc = subprocess.run(
        [sys.executable, "-m", "kit", "reset", "two_sleepers"],
        cwd=clone,
        capture_output=True,
        text=True,
        env={**os.environ, **env_state, "PYTHONPATH": str(clone / "graders")},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert stub.read_text() == original
    assert not (clone / ".git").exists()


NEW_STUB = '''"""Echo every item back, concurrently: ``await echo_all(items, echo)`` returns
``[await echo(i) for i in items]`` in input order, with every echo in flight at once."""


async def echo_all(items, echo) -> list:
    raise NotImplementedError("echo_all")
'''
NEW_SOLUTION = '''"""Echo every item back, concurrently."""

import asyncio


async def echo_all(items, echo) -> list:
    return list(await asyncio.gather(*(echo(i) for i in items)))
'''
NEW_GRADER = '''"""Grader for 02_tasks/echo_all.

| sentence | check |
|---|---|
| returns the echoes in input order, every echo in flight at once | test_concurrent_in_order |
"""

import kit


def test_concurrent_in_order(kata: kit.Kata) -> None:
    """Three echoes of 1 s take 1 s, in input order."""
    echo_all = kata.get("echo_all", "coroutine")
    probe = kit.Probe(delay=1.0)
    result = kata.run(lambda: echo_all(["a", "b", "c"], probe), what="echo_all")
    kit.expect_loop_time(result, 1.0, "echo_all", slower="Start every echo before awaiting.")
    kit.expect_equal(result.value, [("result", i) for i in "abc"], "echo_all's result")
'''
NEW_ENTRY = """
[[kata]]
id = "02_tasks/echo_all"
title = "Echo them all"
points = 10
signatures = { echo_all = "async def echo_all(items, echo) -> list" }
hints = ["Start them all first.", "asyncio.gather keeps the order."]
why = "gather runs every echo at once and keeps argument order."
"""
NEW_WRONG = {
    "one_by_one.py": (
        'EXPECT = "Start every echo before awaiting"\n\n\n'
        "async def echo_all(items, echo):\n    return [await echo(i) for i in items]\n"
    ),
    "reversed.py": (
        'EXPECT = "echo_all\'s result was"\n\nimport asyncio\n\n\n'
        "async def echo_all(items, echo):\n"
        "    return list(reversed(await asyncio.gather(*(echo(i) for i in items))))\n"
    ),
}


@pytest.mark.once
def test_adding_a_kata_takes_the_documented_files(tmp_path: Path) -> None:
    """docs/contributing.md's list of files is all a new kata needs: dev check is consistent
    after `--fix`, and the triangle grades it."""
    root = _copy(tmp_path)
    (root / "exercises/02_tasks/echo_all.py").write_text(NEW_STUB)
    (root / "solutions/02_tasks/echo_all.py").write_text(NEW_SOLUTION)
    (root / "graders/02_tasks/test_echo_all.py").write_text(NEW_GRADER)
    manifest = root / "graders" / "katas.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + NEW_ENTRY, encoding="utf-8")
    wrong = root / "tests/wrong/02_tasks/echo_all"
    wrong.mkdir(parents=True)
    for name, source in NEW_WRONG.items():
        (wrong / name).write_text(source)
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    assert "02_tasks/echo_all: the stub" not in "\n".join(check.problems(root))
    assert _kit("dev", "check", "--fix", cwd=root).returncode == 0
    triangle = _kit("dev", "triangle", "echo_all", cwd=root)
    assert triangle.returncode == 0, triangle.stdout + triangle.stderr
    assert "4 right, 0 wrong" in triangle.stdout


def test_the_repository_points_at_nothing_outside_it() -> None:
    """A clone has no sibling folders: docs, graders and tests never point at one."""
    needle = "../" + "shared"
    files = [REPO / "README.md", *(REPO / "docs").rglob("*"), *(REPO / "graders").rglob("*")]
    files += list((REPO / "tests").rglob("*"))
    found = [
        str(f.relative_to(REPO))
        for f in files
        if f.is_file()
        and f.suffix in (".py", ".md", ".toml", ".yml", ".txt")
        and needle in f.read_text(encoding="utf-8", errors="replace")
    ]
    assert not found


def test_every_environment_variable_is_in_the_one_table() -> None:
    """docs/contributing.md's table names every KATAS_* variable the tools, the nox sessions,
    CI and the example workflows read or write."""
    import re

    table = (REPO / "docs" / "contributing.md").read_text(encoding="utf-8")
    table = table[table.index("## Environment variables") :]
    files = [REPO / "noxfile.py", REPO / ".ci" / "run", *(REPO / "docs").glob("*.yml")]
    files += [f for f in (REPO / "graders" / "kit").rglob("*") if f.is_file()]
    used = set()
    for file in files:
        if "__pycache__" not in file.parts:
            text = file.read_text(encoding="utf-8", errors="replace")
            used |= set(re.findall(r"\b(KATAS_[A-Z_]+[A-Z]|AUTOGRADER_ROOT)\b", text))
    assert used and not {v for v in used if f"`{v}`" not in table}


def test_dev_mutants_takes_options_before_names() -> None:
    proc = _kit("dev", "mutants", "--list", "hello_world")
    assert proc.returncode in (0, 1), proc.stderr
    assert "unrecognized arguments" not in proc.stderr
    assert "hello_world" in proc.stdout + proc.stderr


def test_the_input_shapes_table_names_checks_that_exist() -> None:
    """docs/input-shapes.md has one row per kata, and every check it names in backquotes is a
    function of that kata's grader: the table cannot name a check that was renamed or removed."""
    import re

    table = (REPO / "docs" / "input-shapes.md").read_text(encoding="utf-8")
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    katas = {path.stem for path in (REPO / "exercises").glob("*/*.py")}
    named = {row.split("|")[1].strip(): row for row in rows[1:]}
    assert sorted(named) == sorted(katas)
    missing = []
    for kata, row in named.items():
        (grader,) = (REPO / "graders").glob(f"*/test_{kata}.py")
        source = grader.read_text(encoding="utf-8")
        defined = set(re.findall(r"^\s*(?:async\s+)?def\s+(\w+)", source, re.MULTILINE))
        checks = re.findall(r"`(\w+)`", "|".join(row.split("|")[2:]))
        missing += [f"{kata}: {name}" for name in checks if name not in defined]
    assert not missing
