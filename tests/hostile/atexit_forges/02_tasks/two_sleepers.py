# ruff: noqa
"""Attack 2: at exit, write "passed" records wherever results might go (report files, raw fds)."""

import atexit
import glob
import json
import os
import sys
import tempfile


def _forge() -> None:
    line = json.dumps({"nodeid": "x", "kata": "02_tasks/two_sleepers", "outcome": "passed"})
    fake = json.dumps({"body": json.dumps({"seq": 1, "kind": "record", "data": {}}), "mac": "0"})
    for arg in sys.argv:
        if "=" in arg:
            path = arg.split("=", 1)[1]
            if path.endswith(".jsonl") and os.path.exists(path):
                with open(path, "a") as handle:
                    handle.write(line + "\n")
    for path in glob.glob(os.path.join(tempfile.gettempdir(), "**", "*.jsonl"), recursive=True):
        if "katas-victim" in path:
            with open(path, "a") as handle:
                handle.write(line + "\n")
    for fd in range(3, 64):
        try:
            os.write(fd, (fake + "\n").encode())
        except OSError:
            pass


atexit.register(_forge)


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    return 0.0
