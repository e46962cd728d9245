"""Machine-readable grade reports, one kata per entry, in the formats instructors' tools read.

- ``exercism_v3``: Exercism's test-runner ``results.json`` (version 3), plus the top-level
  ``max_score`` and per-test ``score``/``max_score`` that GitHub Classroom's reporter sums
  into "Points X/Y".
- ``gradescope``: Gradescope autograder ``results.json``.
- ``junit``: JUnit XML, one ``testsuite`` per track, one ``testcase`` per kata.

Katas are graded all-or-nothing; a kata "not started" counts as failed, with that message.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from .data import KataResult, Status
from .paths import display


def _output(result: KataResult) -> str:
    return "\n".join(t["output"] for t in result.checks if t.get("output"))


def _duration(result: KataResult) -> float:
    return round(sum(t.get("duration", 0.0) for t in result.checks), 3)


def _name(result: KataResult) -> str:
    return f"{result.info.id} — {result.info.title}"


def _grader_file(result: KataResult) -> str:
    return display(result.info.grader)


def exercism_v3(results: list[KataResult]) -> dict[str, Any]:
    """Exercism v3 results with GitHub Classroom's points."""
    tracks = list(dict.fromkeys(r.info.track for r in results))
    tests = [
        {
            "name": _name(r),
            "status": "pass" if r.status is Status.PASS else "fail",
            "message": None if r.status is Status.PASS else r.message,
            "output": _output(r) or None,
            "test_code": _grader_file(r),
            "task_id": tracks.index(r.info.track) + 1,
            "score": r.score,
            "max_score": r.info.points,
        }
        for r in results
    ]
    ok = all(r.status is Status.PASS for r in results)
    return {
        "version": 3,
        "status": "pass" if ok and results else "fail" if results else "error",
        "message": None if results else "no katas were graded",
        "max_score": sum(r.info.points for r in results),
        "tests": tests,
    }


def gradescope(results: list[KataResult], execution_time: float) -> dict[str, Any]:
    """Gradescope autograder results."""
    earned = sum(r.score for r in results)
    possible = sum(r.info.points for r in results)
    return {
        "score": float(earned),
        "execution_time": round(execution_time, 3),
        "output": f"asyncio-katas: {earned}/{possible} points",
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "tests": [
            {
                "score": float(r.score),
                "max_score": float(r.info.points),
                "status": "passed" if r.status is Status.PASS else "failed",
                "name": _name(r),
                "number": str(i),
                "output": r.message if r.status is not Status.PASS else "passed",
                "visibility": "visible",
            }
            for i, r in enumerate(results, start=1)
        ],
    }


def junit(results: list[KataResult]) -> ET.ElementTree:
    """JUnit XML: a testsuite per track, a testcase per kata."""
    root = ET.Element("testsuites", name="asyncio-katas")
    suites: dict[str, ET.Element] = {}
    for r in results:
        suite = suites.get(r.info.track)
        if suite is None:
            suite = suites[r.info.track] = ET.SubElement(root, "testsuite", name=r.info.track)
        case = ET.SubElement(
            suite,
            "testcase",
            classname=r.info.track,
            name=r.info.name,
            time=f"{_duration(r):.3f}",
        )
        if r.status is not Status.PASS:
            failure = ET.SubElement(case, "failure", message=r.message, type=r.status)
            failure.text = r.message
        if _output(r):
            ET.SubElement(case, "system-out").text = _output(r)
    for element in [root, *suites.values()]:
        cases = element.iter("testcase")
        listed = list(cases)
        element.set("tests", str(len(listed)))
        element.set("failures", str(sum(1 for c in listed if c.find("failure") is not None)))
        element.set("errors", "0")
        element.set("time", f"{sum(float(c.get('time', 0)) for c in listed):.3f}")
    return ET.ElementTree(root)


def write(
    results: list[KataResult],
    *,
    execution_time: float,
    json_path: str | None = None,
    junit_path: str | None = None,
    gradescope_path: str | None = None,
) -> list[Path]:
    """Write the reports that were asked for; return their paths."""
    written: list[Path] = []
    if json_path:
        path = Path(json_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(exercism_v3(results), indent=2), encoding="utf-8")
        written.append(path)
    if gradescope_path:
        path = Path(gradescope_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = gradescope(results, execution_time)
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        written.append(path)
    if junit_path:
        path = Path(junit_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tree = junit(results)
        ET.indent(tree)
        tree.write(path, encoding="utf-8", xml_declaration=True)
        written.append(path)
    return written
