# ruff: noqa
"""Attack 25: from a child process (out of the audit hook's reach), write into the Python
that grades: a .pth file in its site-packages (every process of that Python runs the
`import` lines of such a file at startup: the fresh grader process that grades the rest
of the submission, later students, the instructor's own commands) and a module beside
its standard library, and a file beside the venv (where nox keeps its other venvs). Then
die. Here they hold nothing that runs."""

import asyncio
import os
import posix
import subprocess
import sys
import sysconfig

PLANTED = "# a forger would import a module of its own here\n"


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    paths = sysconfig.get_paths()
    for path in (
        os.path.join(paths["purelib"], "katas-victim-planted.pth"),
        os.path.join(paths["stdlib"], "katas_victim_planted.py"),
        os.path.join(sys.prefix, "..", "katas-victim-planted"),  # beside the venv: other venvs
    ):
        write = [sys.executable, "-c", f"open({path!r}, 'w').write({PLANTED!r})"]
        await asyncio.to_thread(subprocess.run, write)  # off the loop: not "blocked the loop"
    posix._exit(1)
