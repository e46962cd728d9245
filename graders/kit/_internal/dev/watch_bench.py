"""How fast watch answers a save: from writing a virtual-time kata to its new screen.

Starts ``python -m kit watch two_sleepers`` on a copy of the stub (file system events, as a
learner runs it), then saves two wrong answers in turn and times each save until the screen
shows that answer's sentence. The target is under 1 s.
"""

from __future__ import annotations

import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from ..paths import REPO

TARGET = 1.0  # seconds from save to screen
ANSWERS = [  # (source, what its screen says)
    (
        "import asyncio\n\n\nasync def two_sleepers(a=10, b=5):\n"
        "    start = asyncio.get_running_loop().time()\n"
        "    await asyncio.sleep(a)\n    await asyncio.sleep(b)\n"
        "    return asyncio.get_running_loop().time() - start\n",
        "took 15 s of loop time",
    ),
    (
        "import asyncio\n\n\nasync def two_sleepers(a=10, b=5):\n"
        "    start = asyncio.get_running_loop().time()\n"
        "    await asyncio.sleep(a + b + 1)\n"
        "    return asyncio.get_running_loop().time() - start\n",
        "took 16 s of loop time",
    ),
]


def save_to_screen(repeat: int = 4, timeout: float = 60.0) -> list[float]:
    """Seconds from each save to the screen that grades it."""
    work = Path(tempfile.mkdtemp(prefix="katas-watch-bench-"))
    shutil.copytree(REPO / "exercises" / "02_tasks", work / "exercises" / "02_tasks")
    kata = work / "exercises" / "02_tasks" / "two_sleepers.py"
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO / "graders"),
        "KATAS_STATE": str(work / "state"),
        "PYTHONUNBUFFERED": "1",
    }
    cmd = [sys.executable, "-m", "kit", "watch", "two_sleepers", "--target", str(kata.parents[1])]
    proc = subprocess.Popen(
        cmd,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    lines: queue.Queue[tuple[float, str]] = queue.Queue()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put((time.perf_counter(), line))

    def until(text: str) -> float:
        deadline = time.perf_counter() + timeout
        while True:
            at, line = lines.get(timeout=max(0.01, deadline - time.perf_counter()))
            if text in line:
                return at

    threading.Thread(target=read, daemon=True).start()
    took: list[float] = []
    try:
        until("Save the file to grade it again")
        time.sleep(0.5)  # let the watcher settle
        for n in range(repeat):
            source, says = ANSWERS[n % len(ANSWERS)]
            saved = time.perf_counter()
            kata.write_text(source, encoding="utf-8")
            until(says)
            took.append(until("Save the file to grade it again") - saved)
            time.sleep(0.3)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    return took


def report(repeat: int = 4) -> float:
    """Print the save-to-screen figure; returns the median."""
    took = save_to_screen(repeat)
    median = statistics.median(took)
    verdict = "under" if median < TARGET else "OVER"
    load = (
        f"; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        if hasattr(os, "getloadavg")
        else ""
    )
    print(
        f"  watch, save to screen (two_sleepers, virtual time, file events): median "
        f"{median:.2f} s, worst {max(took):.2f} s of {len(took)} saves; {verdict} the "
        f"{TARGET:g} s target{load}"
    )
    return median
