"""Child processes for the real-clock subprocess graders (09_subprocesses).

- ``process_state(pid)``: "running", "zombie" (exited, never waited for) or "gone".
- ``python(code)``: a child command that runs ``code`` with this interpreter, unbuffered.
"""

from __future__ import annotations

import asyncio
import gc
import os
import subprocess
import sys


def _unwaited(pid: int) -> bool:
    """True if a Process, subprocess transport or Popen for ``pid`` has no returncode yet.

    The kernel may reap a child in a helper thread (Python 3.11's ThreadedChildWatcher) a few
    microseconds after it dies; the returncode only reaches the parent's objects when the
    parent waits (``await proc.wait()``), so this tells "waited for" apart deterministically.
    """
    kinds = (asyncio.subprocess.Process, asyncio.SubprocessTransport, subprocess.Popen)
    for obj in gc.get_objects():
        if isinstance(obj, kinds):
            try:
                same = (obj.get_pid() if hasattr(obj, "get_pid") else obj.pid) == pid
                code = obj.get_returncode() if hasattr(obj, "get_returncode") else obj.returncode
            except Exception:  # noqa: BLE001 - a closed transport has no pid: not ours
                continue
            if same and code is None:
                return True
    return False


def process_state(pid: int) -> str:
    """'running', 'zombie' (exited, never waited for) or 'gone' (exited and waited for).

    Call it right after the learner's code returns, before the loop runs again.
    """
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            state = stat.read().rsplit(")", 1)[1].split()[0]
        alive = state not in ("Z", "X")
    except FileNotFoundError:
        alive = False
    except OSError:  # no /proc (macOS): ask the kernel whether the pid exists
        try:
            os.kill(pid, 0)
            alive = True
        except ProcessLookupError:
            alive = False
        except PermissionError:
            alive = True
    if alive:
        return "running"
    return "zombie" if _unwaited(pid) else "gone"


# A process started from a shell's background job (`grade ... &`, a CI step) inherits SIGINT
# ignored, and Python then leaves it ignored: a child restores Python's default first, so what
# a SIGINT does to a grader's child (a KeyboardInterrupt) does not depend on how grading began.
SIGINT_AS_USUAL = "import signal; signal.signal(signal.SIGINT, signal.default_int_handler)\n"


def python(code: str, *args: str) -> list[str]:
    """A command running ``code`` in this interpreter, unbuffered, with ``args`` as argv[1:]
    (SIGINT raising KeyboardInterrupt in it, however this process was started)."""
    return [sys.executable, "-u", "-c", SIGINT_AS_USUAL + code, *args]
