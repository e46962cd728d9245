"""What a submission folder may carry that grading ignores, and says so."""

from __future__ import annotations

from pathlib import Path

# Files a submission may carry that could steer pytest or Python if they were ever loaded.
# Submissions are loaded by path, kata module by kata module, so they never are: we say so.
IGNORED_IN_SUBMISSIONS = {
    "conftest.py",
    "pytest.ini",
    "pyproject.toml",
    "setup.cfg",
    "tox.ini",
    "sitecustomize.py",
    "usercustomize.py",
    "kit",
    "kit.py",
    "pytest.py",
    "_pytest",
    "graders",
}


def ignored_files(folder: Path) -> list[str]:
    """Files in a submission that grading ignores (see IGNORED_IN_SUBMISSIONS)."""
    found = [
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.name in IGNORED_IN_SUBMISSIONS or p.suffix == ".pth"
    ]
    return sorted(found)
