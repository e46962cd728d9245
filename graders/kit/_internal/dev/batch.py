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
from dataclasses import dataclass
from pathlib import Path

from ..manifest import catalogue
from ..paths import GRADERS, REPO, display
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


@dataclass(frozen=True)
class Handed:
    """What a student handed in for one kata, and the points it must get."""

    what: str  # "solution", "stub", "wrong tests/wrong/...py" or "hostile spin"
    points: int


def generate(root: Path, students: int) -> dict[str, dict[str, Handed]]:
    """Write ``students`` submissions under ``root``; return, per student and kata, what was
    handed in and the points it must get.

    Honest students hand in solutions, stubs and known-wrong answers in turn. The last fifth
    are hostile: every virtual-time coroutine kata holds one of HOSTILE in turn (a hang, an
    exit, a spin, a skip, a daemon), every other kata the solution, which must still earn
    its points (hostile code costs only itself).
    """
    cat = catalogue()
    expected: dict[str, dict[str, Handed]] = {}
    honest = students - hostile_students(students)
    for s in range(students):
        name = f"student{s:02d}"
        expected[name] = {}
        for k, entry in enumerate(cat.katas):
            dest = root / name / f"{entry.id}.py"
            dest.parent.mkdir(parents=True, exist_ok=True)
            found = {v.kind: v for v in variants(entry.id)}
            coroutine = entry.signatures.get(entry.name, "").startswith("async def")
            if s >= honest and coroutine and entry.track < "08":  # virtual-time katas
                flavour = list(HOSTILE)[(s + k) % len(HOSTILE)]
                dest.write_text(HOSTILE[flavour].format(name=entry.name), encoding="utf-8")
                expected[name][entry.id] = Handed(f"hostile {flavour}", 0)
                continue
            kind = KINDS[(s + k) % len(KINDS)] if s < honest else "solution"
            variant = found.get(kind, found["stub"])
            shutil.copyfile(variant.path, dest)
            what = variant.kind if variant.kind != "wrong" else f"wrong {display(variant.path)}"
            expected[name][entry.id] = Handed(what, entry.points if kind == "solution" else 0)
    return expected


def grade_batch(students: int) -> tuple[float, dict[str, int], dict[str, int], list[str]]:
    """Generate and grade a batch; return wall time, expected and graded totals, and a line
    for each kata graded otherwise than it must be (what was handed in, the points)."""
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
            rows = {row["student"]: row for row in csv.DictReader(handle)}
    totals = {s: sum(h.points for h in katas.values()) for s, katas in expected.items()}
    graded = {s: int(row["total"]) for s, row in rows.items()}
    odd = [
        f"{s} {kata}: {rows[s].get(kata)} points for {h.what} (expected {h.points})"
        for s, katas in expected.items()
        for kata, h in katas.items()
        if s in rows and rows[s].get(kata) != str(h.points)
    ]
    return elapsed, totals, graded, odd


def run(students: int) -> int:
    """Grade a generated batch of ``students`` and print the figures."""
    elapsed, expected, graded, odd = grade_batch(students)
    wrong = {
        s: (graded.get(s), points) for s, points in expected.items() if graded.get(s) != points
    }
    print(f"graded {students} generated submissions in {elapsed:.1f} s on {os.cpu_count()} cores")
    print("CSV totals: " + ("all as expected" if not wrong else f"WRONG {wrong}"))
    for line in odd:
        print(f"  {line}")
    return 1 if wrong or odd else 0
