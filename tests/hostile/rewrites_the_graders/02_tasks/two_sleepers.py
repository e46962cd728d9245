# ruff: noqa
"""Attack 23: rewrite the grading tree's copy of the graders (from a child process, out of
the audit hook's reach) so that every check reports "passed" and none is skipped, then
die: the kata is graded again in a fresh grader process, which would load what was written."""

import asyncio
import os
import posix
import subprocess
import sys

REWRITE = (
    "import os, sys\n"
    "root = sys.argv[1]\n"
    "for name, old, new in [\n"
    "    ('kit/_internal/recorder.py', 'state = report.outcome', 'state = \"passed\"'),\n"
    "    ('conftest.py', 'elif item.config.getoption(\"--kata-fail-fast\")', 'elif False'),\n"
    "]:\n"
    "    path = os.path.join(root, name)\n"
    "    text = open(path).read()\n"
    "    open(path, 'w').write(text.replace(old, new))\n"
)


def _graders() -> list[str]:
    return [f for f in os.environ.get("PYTHONPATH", "").split(os.pathsep) if f]


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    for folder in _graders():
        with open(os.path.join(folder, "conftest.py")) as handle:
            rewritten = "elif False" in handle.read()
        if rewritten:
            return 0.0  # a fresh grader process runs the rewritten graders
    for folder in _graders():
        rewrite = [sys.executable, "-c", REWRITE, folder]
        await asyncio.to_thread(subprocess.run, rewrite, capture_output=True)  # off the loop
    posix._exit(1)
