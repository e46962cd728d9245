"""A generated class of submissions for the gradebook: solutions, stubs, known-wrong answers
and hostile code mixed across the curriculum, with the points each student must get.

    python -m kit dev bench --batch N    generate N submissions, grade them, print time and checks
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..manifest import catalogue
from ..paths import GRADERS, REPO
from .triangle import variants

HOSTILE = {
    "hang": (
        "import asyncio\n\n\nasync def {name}(*args, **kwargs):\n    await asyncio.Event().wait()\n"
    ),
    "exit": "import os\n\n\nasync def {name}(*args, **kwargs):\n    os._exit(0)\n",
    "spin": "async def {name}(*args, **kwargs):\n    while True:\n        pass\n",
    # Attacks on the points (issue 8): a skip that once counted as a pass, a daemon.
    "skip": "import pytest\n\n\nasync def {name}(*args, **kwargs):\n    pytest.skip('no')\n",
    "daemon": (
        "import subprocess\nimport sys\n\n\nasync def {name}(*args, **kwargs):\n"
        "    subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(30)'], "
        "start_new_session=True)\n    return None\n"
    ),
}
KINDS = ("solution", "stub", "wrong", "solution")  # what an honest student hands in, in turn


def hostile_students(students: int) -> int:
    """How many of a class are hostile: one in five (four of twenty), at least one."""
    return max(1, students // 5) if students > 1 else 0


def generate(root: Path, students: int) -> dict[str, int]:
    """Write ``students`` submissions under ``root``; return the points each must get.

    Honest students hand in solutions, stubs and known-wrong answers in turn. The last fifth
    are hostile: every virtual-time coroutine kata holds one of HOSTILE in turn (a hang, an
    exit, a spin, a skip, a daemon), every other kata the solution, which must still earn
    its points (hostile code costs only itself).
    """
    cat = catalogue()
    expected: dict[str, int] = {}
    honest = students - hostile_students(students)
    for s in range(students):
        name = f"student{s:02d}"
        expected[name] = 0
        for k, entry in enumerate(cat.katas):
            dest = root / name / f"{entry.id}.py"
            dest.parent.mkdir(parents=True, exist_ok=True)
            found = {v.kind: v for v in variants(entry.id)}
            coroutine = entry.signatures.get(entry.name, "").startswith("async def")
            if s >= honest and coroutine and entry.track < "08":  # virtual-time katas
                flavour = list(HOSTILE)[(s + k) % len(HOSTILE)]
                dest.write_text(HOSTILE[flavour].format(name=entry.name), encoding="utf-8")
                continue
            kind = KINDS[(s + k) % len(KINDS)] if s < honest else "solution"
            shutil.copyfile(found.get(kind, found["stub"]).path, dest)
            if kind == "solution":
                expected[name] += entry.points
    return expected


def grade_batch(students: int) -> tuple[float, dict[str, int], dict[str, int]]:
    """Generate and grade a batch; return wall time, expected and graded totals."""
    with tempfile.TemporaryDirectory(prefix="katas-batch-") as tmp:
        root = Path(tmp) / "submissions"
        expected = generate(root, students)
        env = {**os.environ, "PYTHONPATH": str(GRADERS)}
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "kit", "gradebook", str(root), "--out", f"{tmp}/out"],
            cwd=REPO,
            capture_output=True,
            text=True,
            env=env,
            timeout=1200,
        )
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr[-3000:])
        with open(f"{tmp}/out/gradebook.csv", encoding="utf-8") as handle:
            graded = {row["student"]: int(row["total"]) for row in csv.DictReader(handle)}
    return elapsed, expected, graded


def run(students: int) -> int:
    """Grade a generated batch of ``students`` and print the figures."""
    elapsed, expected, graded = grade_batch(students)
    wrong = {
        s: (graded.get(s), points) for s, points in expected.items() if graded.get(s) != points
    }
    print(f"graded {students} generated submissions in {elapsed:.1f} s on {os.cpu_count()} cores")
    print("CSV totals: " + ("all as expected" if not wrong else f"WRONG {wrong}"))
    return 1 if wrong else 0
