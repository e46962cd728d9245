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
    for part in ("exercises", "solutions", "graders", "tests/wrong", "tests/alternatives"):
        shutil.copytree(
            REPO / part, root / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
        )
    shutil.copy(REPO / "README.md", root / "README.md")
    check.fix(check.catalogue(root / "graders" / "katas.toml"), root)
    return root


def test_the_repository_mirrors_the_manifest(tmp_path: Path) -> None:
    assert check.problems(_copy(tmp_path)) == []


@pytest.mark.parametrize(
    ("orphan", "said"),
    [
        ("exercises/02_tasks/fetch_every.py", "exercises/02_tasks/fetch_every.py belongs to no"),
        ("graders/02_tasks/test_fetch_every.py", "test_fetch_every.py belongs to no kata"),
        ("tests/wrong/02_tasks/fetch_every/slow.py", "fetch_every/slow.py belongs to no kata"),
        ("graders/pytest.ini", "graders/pytest.ini belongs to no kata"),
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
