"""What a submission folder may carry that grading ignores, and says so; loose kata files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .manifest import catalogue

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
    """Files in a submission that grading ignores (see IGNORED_IN_SUBMISSIONS), looked for
    without recursion and without following symlinks (on Python 3.11, ``rglob`` recursed: a
    folder 1500 deep ended ``grade`` with a RecursionError)."""
    found, stack = [], [folder]
    while stack:
        here = stack.pop()
        try:
            entries = list(os.scandir(here))
        except OSError:
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.name in IGNORED_IN_SUBMISSIONS or path.suffix == ".pth":
                found.append(path.relative_to(folder).as_posix())
            if entry.is_dir(follow_symlinks=False):
                stack.append(path)
    return sorted(found)


def place_loose_files(folder: Path) -> list[str]:
    """Move kata files that sit at the top of ``folder`` (``fetch_all.py``, as a file upload
    leaves them) into their track's folder (``02_tasks/fetch_all.py``), unless one is there
    already; return the ids moved. Kata names are unique across tracks."""
    moved = []
    for info in catalogue().katas:
        loose, track = folder / f"{info.name}.py", folder / info.track
        placed = track / loose.name
        if loose.is_symlink() or not loose.is_file() or track.is_symlink():
            continue  # a symlink is never followed (nor graded)
        try:
            track.mkdir(exist_ok=True)
            if not os.path.lexists(placed):
                loose.rename(placed)
                moved.append(info.id)
        except OSError:
            continue  # e.g. a file named like the track: graded as it is
    return moved


if __name__ == "__main__":  # run_autograder: python -m kit._internal.submission FOLDER
    for kata_id in place_loose_files(Path(sys.argv[1])):
        print(f"{kata_id.split('/')[1]}.py graded as {kata_id}.py")
