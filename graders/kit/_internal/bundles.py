"""What an instructor hands out: the Gradescope autograder zip and the students' repository.

- ``gradescope_zip``: ``setup.sh`` and ``run_autograder`` at the top (from ``deploy/``),
  and under ``katas/`` the graders, the kit, the manifest, the lock file and pytest's
  settings (``pyproject.toml``): everything grading reads, nothing of solutions/ or tests/.
- ``student_template``: exercises/ (stubs and track READMEs), the Classroom workflow at
  ``.github/workflows/classroom.yml``, a student README and a .gitignore.

Both use the standard library only (``nox -s gradescope`` and ``nox -s template`` need no
packages).
"""

from __future__ import annotations

import argparse
import shutil
import string
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

from . import integrity
from .paths import GRADERS, REPO

DEPLOY = Path(__file__).resolve().parent / "deploy"
EXECUTABLE = 0o100755 << 16  # a zip entry's Unix mode: a regular file, rwxr-xr-x
REGULAR = 0o100644 << 16
FIXED_TIME = (2024, 1, 1, 0, 0, 0)  # the same zip for the same files


def _skipped(path: Path) -> bool:
    """Caches and hidden files (a .mypy_cache, an editor's swap file) are not shipped."""
    inside = path.relative_to(REPO).parts
    return any(p.startswith(".") or p == "__pycache__" for p in inside) or path.suffix in (
        ".pyc",
        ".pyo",
    )


def grading_files() -> Iterator[tuple[Path, str]]:
    """(file, name in the zip) for everything grading reads."""
    for path in sorted(GRADERS.rglob("*")):
        if path.is_file() and not _skipped(path) and DEPLOY not in path.parents:
            yield path, f"katas/{path.relative_to(REPO).as_posix()}"
    yield REPO / "pyproject.toml", "katas/pyproject.toml"


def _add(archive: zipfile.ZipFile, name: str, data: bytes, mode: int) -> None:
    entry = zipfile.ZipInfo(name, FIXED_TIME)
    entry.external_attr = mode
    entry.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(entry, data)


def gradescope_zip(out: Path) -> Path:
    """Write the Gradescope autograder zip to ``out``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w") as archive:
        for script in ("setup.sh", "run_autograder"):
            _add(archive, script, (DEPLOY / script).read_bytes(), EXECUTABLE)
        for path, name in grading_files():
            _add(archive, name, path.read_bytes(), REGULAR)
    return out


PLACEHOLDERS = ("YOUR-ORG/asyncio-katas", "PINNED-COMMIT-SHA")


def student_template(out: Path, graders: str | None = None) -> Path:
    """Write the repository students get (a GitHub Classroom template) to ``out``;
    ``graders`` ("ORG/REPO@SHA") fills in the workflow's graders repository and commit."""
    workflow = (REPO / "docs" / "github-classroom.yml").read_text(encoding="utf-8")
    if graders:
        repository, sep, ref = graders.partition("@")
        if not sep or "/" not in repository or len(ref) != 40 or ref.strip(string.hexdigits):
            raise ValueError(f"--graders wants ORG/REPO@FULL-COMMIT-SHA, not {graders!r}")
        for placeholder, value in zip(PLACEHOLDERS, (repository, ref), strict=True):
            workflow = workflow.replace(placeholder, value)
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty")
    shutil.copytree(
        REPO / "exercises", out / "exercises", ignore=shutil.ignore_patterns("__pycache__")
    )
    workflows = out / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "classroom.yml").write_text(workflow, encoding="utf-8")
    shutil.copy(DEPLOY / "STUDENT_README.md", out / "README.md")
    (out / ".gitignore").write_text("__pycache__/\n*.py[cod]\n.venv/\n.katas/\n", "utf-8")
    return out


def command(args: argparse.Namespace) -> int:
    """``python -m kit bundle gradescope OUT.zip`` and ``python -m kit bundle template OUT``."""
    out = Path(args.out).expanduser().resolve()
    if args.what == "gradescope":
        problems = integrity.verify()
        if problems:
            print(
                f"warning: {len(problems)} grading files differ from graders/SHA256SUMS, "
                f"e.g. {problems[0]} (`python -m kit dev sums` lists them)",
                file=sys.stderr,
            )
        gradescope_zip(out)
        print(f"wrote {out}: upload it as the autograder of a Gradescope programming assignment")
    else:
        try:
            student_template(out, getattr(args, "graders", None))
        except (FileExistsError, ValueError) as exc:
            print(exc, file=sys.stderr)
            return 2
        print(f"wrote {out}: push it as your GitHub Classroom assignment's template repository")
        if not getattr(args, "graders", None):
            print("set the graders' repository and commit in .github/workflows/classroom.yml")
    print(f"graders sha256 {integrity.digest()}")
    return 0
