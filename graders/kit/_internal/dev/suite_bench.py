"""Where the project's own test suite spends its time: ``nox -s bench -- --suite``.

Runs ``pytest tests`` once (on this Python, with the options ``nox -s tests`` uses, given
in KATAS_SUITE_OPTIONS) with a JUnit report, then prints the wall time, the time per test
file and the slowest tests, so a speed-up starts from figures. Times per file add up to
more than the wall time when files run side by side.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from ..paths import GRADERS, REPO

TARGET = 60.0  # seconds per Python on 2 cores (issue #9)


def durations(junit: Path) -> list[tuple[str, str, float]]:
    """(file, test, seconds) of each test case in a JUnit report."""
    found: list[tuple[str, str, float]] = []
    for case in ET.parse(junit).iter("testcase"):
        module = case.get("classname", "").split(".")
        file = "/".join(module[:2]) + ".py" if len(module) >= 2 else case.get("classname", "")
        found.append((file, case.get("name", ""), float(case.get("time", "0") or 0)))
    return found


def table(cases: list[tuple[str, str, float]], wall: float, slowest: int = 12) -> list[str]:
    """The lines of the report: per file, then the slowest tests."""
    per_file: dict[str, list[float]] = {}
    for file, _, seconds in cases:
        per_file.setdefault(file, []).append(seconds)
    lines = [f"  {'seconds':>8}  {'share':>5}  {'tests':>5}  file"]
    for file, times in sorted(per_file.items(), key=lambda kv: -sum(kv[1])):
        share = sum(times) / wall if wall else 0.0
        lines.append(f"  {sum(times):8.1f}  {share:5.0%}  {len(times):5d}  {file}")
    lines.append("  slowest tests:")
    for file, test, seconds in sorted(cases, key=lambda c: -c[2])[:slowest]:
        lines.append(f"  {seconds:8.1f}  {file}::{test}")
    return lines


def report(extra: list[str]) -> int:
    """Run the suite once and print where its time went; returns pytest's exit code."""
    with tempfile.TemporaryDirectory(prefix="katas-suite-") as tmp:
        junit = Path(tmp) / "suite.xml"
        env = {**os.environ, "PYTHONPATH": str(GRADERS)}
        start = time.perf_counter()
        # The options of nox -s tests (pytest-xdist: files side by side), which sets them.
        options = [*os.environ.get("KATAS_SUITE_OPTIONS", "").split(), f"--junitxml={junit}"]
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "tests", "-q", *options, *extra],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
        )
        wall = time.perf_counter() - start
        cases = durations(junit) if junit.is_file() else []
    python = ".".join(map(str, sys.version_info[:2]))
    verdict = "under" if wall <= TARGET else "OVER"
    print(
        f"test suite on Python {python}: {len(cases)} tests in {wall:.0f} s on "
        f"{os.cpu_count()} cores ({verdict} the {TARGET:g} s target); pytest exit code "
        f"{proc.returncode}"
    )
    print("\n".join(table(cases, wall)))
    return proc.returncode
