# ruff: noqa
"""Attack 24: from a child process (out of the audit hook's reach), write a pytest.py in the
grader process's working folder (first on sys.path of `python -m pytest`) and a conftest.py
at the top of the grading tree (pytest's rootdir), then die: the fresh grader process that
grades the rest of the submission would run them before any of the grader's own code."""

import asyncio
import os
import posix
import subprocess
import sys

PLANTED = "raise SystemExit(0)  # here a forger would report every check as passed\n"


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    graders = os.environ.get("PYTHONPATH", "").split(os.pathsep)[0]
    for path in (
        os.path.join(os.getcwd(), "pytest.py"),
        os.path.join(graders, "..", "conftest.py"),
    ):
        write = [sys.executable, "-c", f"open({path!r}, 'w').write({PLANTED!r})"]
        await asyncio.to_thread(subprocess.run, write)  # off the loop: not "blocked the loop"
    posix._exit(1)
