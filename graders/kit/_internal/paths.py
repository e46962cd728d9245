"""Where things are: the repository, the graders, and the target under grading (stdlib only)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
GRADERS = REPO / "graders"
# The learner's progress and backups (ignored by git); KATAS_STATE moves it (for tests).
STATE = Path(os.environ.get("KATAS_STATE") or REPO / ".katas")
TARGET_ENV = "KATAS_TARGET"


def resolve_target(value: str | None = None) -> Path:
    """Map ``exercises``, ``solutions`` or a folder path to an absolute folder."""
    value = value or os.environ.get(TARGET_ENV) or "exercises"
    if value in ("exercises", "solutions"):
        return REPO / value
    return Path(value).expanduser().resolve()


def display(path: Path) -> str:
    """A path as the learner would type it: relative to the repo when inside it."""
    try:
        return str(path.relative_to(REPO))
    except ValueError:
        return str(path)


def kata_of(nodeid: str) -> str:
    """'graders/02_tasks/test_fetch_all.py::test_x' -> '02_tasks/fetch_all'."""
    path = nodeid.split("::")[0]
    parts = Path(path).parts
    track, module = parts[-2], Path(parts[-1]).stem.removeprefix("test_")
    return f"{track}/{module}"
