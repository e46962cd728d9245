"""What an instructor hands out: the Gradescope autograder zip, run against a fake
/autograder tree, and the students' repository, which must not carry solution code."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from kit._internal import bundles
from kit._internal.paths import REPO

from tests.test_formats import gradescope_problems


@pytest.fixture(scope="module")
def autograder_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bundles.gradescope_zip(tmp_path_factory.mktemp("zip") / "autograder.zip")


def test_the_zip_has_gradescopes_entry_points(autograder_zip: Path) -> None:
    with zipfile.ZipFile(autograder_zip) as archive:
        names = archive.namelist()
        modes = {i.filename: i.external_attr >> 16 for i in archive.infolist()}
    assert names[:2] == ["setup.sh", "run_autograder"]
    assert all(modes[n] & stat.S_IXUSR for n in ("setup.sh", "run_autograder"))
    assert "katas/graders/requirements.lock" in names and "katas/pyproject.toml" in names
    assert "katas/graders/kit/_internal/orchestrate.py" in names
    assert not [n for n in names if n.startswith(("katas/solutions", "katas/tests"))]
    assert not [n for n in names if "__pycache__" in n or "/." in n]
    setup = (bundles.DEPLOY / "setup.sh").read_text()
    assert "python3.11" in setup and "--require-hashes -r katas/graders/requirements.lock" in setup


def run_autograder(zip_path: Path, root: Path, only: str) -> dict[str, object]:
    """Unpack the zip as Gradescope does (/autograder/source) and run run_autograder."""
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(root / "source")
    proc = subprocess.run(
        ["bash", str(root / "source" / "run_autograder")],
        env={
            **os.environ,
            "AUTOGRADER_ROOT": str(root),
            "KATAS_PYTHON": sys.executable,
            "KATAS_ONLY": only,
        },
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return json.loads((root / "results" / "results.json").read_text())  # type: ignore[no-any-return]


@pytest.mark.once
@pytest.mark.timeout(600)
def test_run_autograder_grades_a_repository_with_exercises(
    autograder_zip: Path, tmp_path: Path
) -> None:
    root = tmp_path / "autograder"
    sub = root / "submission" / "exercises" / "02_tasks"
    sub.mkdir(parents=True)
    shutil.copy(REPO / "solutions" / "02_tasks" / "two_sleepers.py", sub)
    shutil.copy(REPO / "exercises" / "02_tasks" / "fetch_all.py", sub)  # the stub
    data = run_autograder(autograder_zip, root, "two_sleepers fetch_all")
    assert gradescope_problems(data) == []
    assert data["score"] == 10.0 and data["output_format"] == "md"
    tests = data["tests"]
    assert isinstance(tests, list)
    assert [t["status"] for t in tests] == ["passed", "failed"]
    assert "not implemented yet" in tests[1]["output"]


@pytest.mark.once
@pytest.mark.timeout(600)
def test_run_autograder_grades_kata_folders_at_the_top(
    autograder_zip: Path, tmp_path: Path
) -> None:
    root = tmp_path / "autograder"
    sub = root / "submission" / "02_tasks"
    sub.mkdir(parents=True)
    shutil.copy(REPO / "solutions" / "02_tasks" / "fetch_all.py", sub)
    (sub / "two_sleepers.py").write_text("def broken(:\n")
    data = run_autograder(autograder_zip, root, "two_sleepers fetch_all")
    assert gradescope_problems(data) == []
    assert data["score"] == 10.0
    tests = data["tests"]
    assert isinstance(tests, list) and "SyntaxError" in tests[0]["output"]


@pytest.mark.once
@pytest.mark.timeout(600)
def test_run_autograder_grades_kata_files_uploaded_on_their_own(
    autograder_zip: Path, tmp_path: Path
) -> None:
    """Gradescope's file upload: fetch_all.py at the top, no track folder."""
    root = tmp_path / "autograder"
    sub = root / "submission"
    sub.mkdir(parents=True)
    shutil.copy(REPO / "solutions" / "02_tasks" / "fetch_all.py", sub)
    shutil.copy(REPO / "solutions" / "02_tasks" / "two_sleepers.py", sub)
    data = run_autograder(autograder_zip, root, "two_sleepers fetch_all")
    assert gradescope_problems(data) == []
    assert data["score"] == 20.0
    assert (sub / "fetch_all.py").is_file()  # the upload itself is left as it was


def test_loose_kata_files_go_to_their_track(tmp_path: Path) -> None:
    from kit._internal.submission import place_loose_files

    (tmp_path / "fetch_all.py").write_text("x = 1\n")
    (tmp_path / "notes.py").write_text("x = 2\n")
    (tmp_path / "09_subprocesses").mkdir()
    (tmp_path / "09_subprocesses" / "tail.py").write_text("kept\n")
    (tmp_path / "tail.py").write_text("loose\n")
    assert place_loose_files(tmp_path) == ["02_tasks/fetch_all"]
    assert (tmp_path / "02_tasks" / "fetch_all.py").read_text() == "x = 1\n"
    assert (tmp_path / "notes.py").is_file() and (tmp_path / "tail.py").is_file()
    assert (tmp_path / "09_subprocesses" / "tail.py").read_text() == "kept\n"
    # A track folder that is a symlink is not followed: nothing is moved out of the upload.
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    elsewhere.mkdir()
    (tmp_path / "06_sync").symlink_to(elsewhere)
    (tmp_path / "account.py").write_text("x = 3\n")
    assert place_loose_files(tmp_path) == []
    assert not list(elsewhere.iterdir()) and (tmp_path / "account.py").is_file()


# --- The students' repository ----------------------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bundles.student_template(tmp_path_factory.mktemp("template") / "repo")


def test_the_template_is_what_students_need(template: Path) -> None:
    top = sorted(p.name for p in template.iterdir())
    assert top == [".github", ".gitignore", "README.md", "exercises"]
    workflow = template / ".github" / "workflows" / "classroom.yml"
    assert workflow.read_text() == (REPO / "docs" / "github-classroom.yml").read_text()
    for track in (REPO / "exercises").iterdir():
        assert (template / "exercises" / track.name / "README.md").is_file()
    stubs = sorted(p.relative_to(REPO / "exercises") for p in (REPO / "exercises").rglob("*.py"))
    assert sorted(p.relative_to(template / "exercises") for p in template.rglob("*.py")) == stubs
    assert "nox -s grade -- --submission" in (template / "README.md").read_text()


def _squashed(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _bodies(source: str) -> list[str]:
    """The code of every function and method body (docstrings left out), squashed."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body = body[1:]
            code = "\n".join(ast.unparse(statement) for statement in body)
            if code and "NotImplementedError" not in code:
                found.append(_squashed(code))
    return found


def solution_leaks(template: Path) -> list[str]:
    """Solution code found in ``template``: any function body a solution adds to its stub
    (the code the learner must write), compared as code (formatting does not hide it), or a
    solution file whole. Helpers the stub gives are the same in both; bodies of 50
    characters or less (a two-line `__init__` a README shows) are not counted."""
    texts: list[str] = []
    for path in template.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            texts.append(_squashed(text))
            if path.suffix == ".py":
                texts.extend(_bodies(text))
    haystack = "\n".join(texts)
    leaks = []
    for path in sorted((REPO / "solutions").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if _squashed(source) in haystack:
            leaks.append(f"{path.relative_to(REPO)}: the whole file")
        stub = REPO / "exercises" / path.relative_to(REPO / "solutions")
        given = set(_bodies(stub.read_text(encoding="utf-8"))) if stub.is_file() else set()
        leaks += [
            f"{path.relative_to(REPO)}: {body[:60]}"
            for body in _bodies(source)
            if body not in given and len(body) > 50 and body in haystack
        ]
    return leaks


def test_no_solution_code_leaks_into_the_template(template: Path) -> None:
    assert solution_leaks(template) == []


def test_the_leak_check_finds_a_solution_reformatted(tmp_path: Path) -> None:
    source = (REPO / "solutions" / "02_tasks" / "fetch_all.py").read_text(encoding="utf-8")
    (tmp_path / "notes.py").write_text(ast.unparse(ast.parse(source)), encoding="utf-8")
    assert any("02_tasks/fetch_all.py" in leak for leak in solution_leaks(tmp_path))


def test_the_template_can_name_the_graders(tmp_path: Path) -> None:
    sha = "0123456789abcdef0123456789abcdef01234567"
    repo = bundles.student_template(tmp_path / "repo", f"my-school/asyncio-katas@{sha}")
    workflow = (repo / ".github" / "workflows" / "classroom.yml").read_text()
    assert "repository: my-school/asyncio-katas #" in workflow and f"ref: {sha} #" in workflow
    assert not any(p in workflow for p in bundles.PLACEHOLDERS)
    with pytest.raises(ValueError):
        bundles.student_template(tmp_path / "other", "my-school/asyncio-katas@main")


def test_the_template_refuses_a_folder_in_use(template: Path) -> None:
    with pytest.raises(FileExistsError):
        bundles.student_template(template)
