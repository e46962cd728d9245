"""Machine-readable grade reports, one kata per entry, in the formats instructors' tools read.

- ``exercism_v3``: Exercism's test-runner ``results.json``, version 3, as its interface
  document specifies (``output`` at most 500 characters, ``test_code`` the checks' code,
  ``task_id`` the track number, ``status: "error"`` when no kata could run). Extension, for
  GitHub Classroom: a top-level ``max_score`` and per-test ``score`` and ``max_score``.
- ``classroom``: the results GitHub Classroom's ``autograding-grading-reporter`` (v1) reads,
  one runner per track, written as ``<RUNNER>_RESULTS=<base64>`` lines to a GitHub
  environment file (see ``write_classroom``).
- ``gradescope``: Gradescope autograder ``results.json`` (Markdown output).
- ``junit``: JUnit XML, one ``testsuite`` per track, one ``testcase`` per kata; ``<error>``
  when the kata could not run, ``<failure>`` when a check failed.

Katas are graded all-or-nothing; a kata "not started" counts as failed, with that message.
A kata "could not run" (an error, not a failure) when its module did not load (syntax or
import error, missing file), its grader process died, or it ran out of time.
"""

from __future__ import annotations

import ast
import base64
import json
import math
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Any

from .data import KataResult, Status
from .hygiene import for_xml, json_safe
from .paths import display

# Exercism: "The output must be limited to 500 chars", truncated with this sentence.
EXERCISM_OUTPUT_LIMIT = 500
EXERCISM_TRUNCATED = "Output was truncated. Please limit to 500 chars"
EXERCISM_MESSAGE_LIMIT = 65535  # the top-level message's documented limit
TEST_CODE_LIMIT = 4000  # characters of grader code per kata in test_code
# GitHub Classroom: all runners' base64 results together stay below this (an environment
# variable above 128 KiB stops the reporter from starting).
CLASSROOM_LIMIT = 64 * 1024
TIMED_OUT = "your code ran for more than"  # how every out-of-time sentence starts


def _name(result: KataResult) -> str:
    return f"{result.info.id} — {result.info.title}"


def _duration(result: KataResult) -> float:
    return round(sum(t.get("duration", 0.0) for t in result.checks), 3)


def could_not_run(result: KataResult) -> bool:
    """True when the kata did not fail a check but could not be graded: its module did not
    load (setup failed), its process died or it found no test (no failed check), or it
    ran out of time."""
    if result.status is not Status.FAIL:
        return False
    failed = [c for c in result.checks if c.get("outcome") == "failed"]
    return (
        not failed
        or result.message.startswith(TIMED_OUT)
        or any(c.get("when") == "setup" for c in failed)
    )


def user_output(result: KataResult) -> str:
    """What the submission printed while its checks ran (each distinct text once)."""
    texts = dict.fromkeys(t.get("output", "") for t in result.checks)
    return "\n".join(t for t in texts if t)


def truncate(text: str, limit: int, note: str) -> str:
    """``text`` if it fits in ``limit`` characters, else its start and ``note`` in exactly
    ``limit`` characters."""
    if len(text) <= limit:
        return text
    return text[: max(limit - len(note) - 1, 0)] + "\n" + note


def _status(result: KataResult) -> str:
    if result.status is Status.PASS:
        return "pass"
    return "error" if could_not_run(result) else "fail"


@cache
def _functions(grader: Path) -> dict[str, str]:
    """Test function name -> its body's source (docstring left out), from a grader file."""
    try:
        source = grader.read_text(encoding="utf-8")
        tree = ast.parse(source)
    except (OSError, SyntaxError):
        return {}
    lines = source.splitlines()
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith(
            "test"
        ):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body = body[1:]  # the docstring
            if not body:
                continue
            start, end = body[0].lineno, body[-1].end_lineno or body[-1].lineno
            chunk = lines[start - 1 : end]
            indent = min(len(s) - len(s.lstrip()) for s in chunk if s.strip())
            found[node.name] = "\n".join(s[indent:] for s in chunk)
    return found


def checks_code(result: KataResult) -> str:
    """The code of the kata's checks that ran (every check of the grader when none ran),
    each headed by its name: the graders' own source, never the submission's."""
    source = getattr(result.info, "source", None)  # an instructor's extra test file
    grader = source if isinstance(source, Path) else result.info.grader
    code = _functions(grader)
    ran = [c.get("test", "").split("[")[0] for c in result.checks if c.get("outcome") != "skipped"]
    names = [n for n in dict.fromkeys(ran) if n in code] or list(code)
    if not names:
        return display(grader)
    text = "\n\n".join(f"# {n}\n{code[n]}" for n in names)
    return truncate(text, TEST_CODE_LIMIT, f"# ... (the rest is in {display(grader)})")


def task_id(result: KataResult) -> int | None:
    """The track's number ("02_tasks" -> 2), whatever was selected; None if it has none."""
    head = result.info.track.split("_")[0]
    return int(head) if head.isdigit() else None


def exercism_v3(results: list[KataResult]) -> dict[str, Any]:
    """Exercism v3 results, with GitHub Classroom's points as an extension."""
    tests: list[dict[str, Any]] = []
    for r in results:
        test: dict[str, Any] = {"name": _name(r), "status": _status(r)}
        if r.status is not Status.PASS:
            test["message"] = r.message
        output = user_output(r)
        if output:
            test["output"] = truncate(output, EXERCISM_OUTPUT_LIMIT, EXERCISM_TRUNCATED)
        test["test_code"] = checks_code(r)
        number = task_id(r)
        if number is not None:
            test["task_id"] = number
        test["score"] = r.score
        test["max_score"] = r.info.points
        tests.append(test)
    data: dict[str, Any] = {"version": 3}
    if not results:
        data["status"] = "error"
        data["message"] = "no katas were graded"
    elif all(t["status"] == "error" for t in tests):
        data["status"] = "error"
        lines = [f"{r.info.id}: {r.message}" for r in results]
        data["message"] = truncate(
            "No kata could run:\n" + "\n".join(lines), EXERCISM_MESSAGE_LIMIT, "..."
        )
    else:
        data["status"] = "pass" if all(t["status"] == "pass" for t in tests) else "fail"
    data["max_score"] = sum(r.info.points for r in results)
    data["tests"] = tests
    flagged = {r.info.id: r.flags for r in results if r.flags}
    if flagged:  # an extension: what an instructor should review (never changes points)
        data["flags"] = flagged
    return json_safe(data)  # type: ignore[no-any-return]


def runner_name(track: str) -> str:
    """A track's runner name for the Classroom reporter: letters only ("02_tasks" -> "tasks");
    the reporter reads its results from the environment variable ``<NAME>_RESULTS``."""
    name = "".join(c for c in track.split("_", 1)[-1] if c.isalnum()).lower()
    return name or "katas"


def _units(points: list[int]) -> int:
    """The points every test of a runner is worth: their greatest common divisor."""
    return math.gcd(*points) or 1


def exact(tests: int, max_score: int) -> bool:
    """True when the reporter's (passed / tests) x max_score, in floating point, is the
    points of the passed tests for every count of passed tests."""
    return all((p / tests) * max_score == p * max_score // tests for p in range(tests + 1))


def classroom(results: list[KataResult], *, text_limit: int = 400) -> dict[str, dict[str, Any]]:
    """Runner name -> results for the Classroom reporter (v1), one runner per track.

    The reporter's "Points X/Y" notice adds the tests' ``score``; its console shows
    (tests passed / tests) x ``max_score`` per runner. Both agree only if every test of a
    runner is worth the same, so a kata worth k units (the gcd of the runner's points) is
    k tests with the kata's status; and only if that arithmetic is exact in floating point
    for every number of passed tests, so a track where it is not (never a built-in one)
    becomes one runner per kata. Katas worth no points are left out. ``line_no`` is 0:
    the reporter prints no line for 0. Messages are cut to ``text_limit`` characters; no
    output is sent (the reporter shows none).
    """
    tracks: dict[str, list[KataResult]] = {}
    for r in results:
        if r.info.points > 0:
            tracks.setdefault(r.info.track, []).append(r)
    groups: list[tuple[str, list[KataResult]]] = []
    for track, mine in tracks.items():
        unit = _units([r.info.points for r in mine])
        total = sum(r.info.points for r in mine)
        if exact(total // unit, total):
            groups.append((runner_name(track), mine))
        else:
            groups += [(f"{runner_name(track)}{i}", [r]) for i, r in enumerate(mine, 1)]
    runners: dict[str, dict[str, Any]] = {}
    for name, mine in groups:
        unit = _units([r.info.points for r in mine])
        tests: list[dict[str, Any]] = []
        for r in mine:
            parts = r.info.points // unit
            for part in range(1, parts + 1):
                test: dict[str, Any] = {
                    "name": _name(r) + (f" ({part}/{parts})" if parts > 1 else ""),
                    "status": _status(r),
                    "line_no": 0,
                    "score": unit if r.status is Status.PASS else 0,
                }
                if r.status is not Status.PASS:
                    test["message"] = truncate(r.message, text_limit, "...")
                tests.append(test)
        statuses = {t["status"] for t in tests}
        status = "error" if statuses == {"error"} else "pass" if statuses == {"pass"} else "fail"
        runners[name] = {
            "version": 3,
            "status": status,
            "max_score": sum(r.info.points for r in mine),
            "tests": tests,
        }
    return json_safe(runners)  # type: ignore[no-any-return]


def _encode(data: dict[str, Any]) -> str:
    compact = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    return base64.b64encode(compact.encode("utf-8")).decode("ascii")


def classroom_points(runners: dict[str, dict[str, Any]]) -> tuple[int, int]:
    """(points, max points) as the reporter v1 sends them to Classroom: over the runners
    with a ``max_score``, the sum of their tests' ``score`` and the sum of ``max_score``."""
    scored = [data for data in runners.values() if data.get("max_score")]
    total = sum(test["score"] for data in scored for test in data["tests"])
    return total, sum(data["max_score"] for data in scored)


def classroom_env(results: list[KataResult], limit: int = CLASSROOM_LIMIT) -> dict[str, str]:
    """Environment variables for GitHub Classroom, all together under ``limit`` bytes
    (messages are cut shorter until they fit):

    - ``<RUNNER>_RESULTS`` (base64 of compact JSON) for each runner, and ``KATAS_RUNNERS``
      (their names): the input of the Classroom reporter action, for a workflow that uses it;
    - ``KATAS_POINTS`` ("470/500") and ``KATAS_POINTS_SUMMARY``
      (``{"totalPoints":470,"maxPoints":500}``): the two notices that reporter sends to
      Classroom, which the example workflow prints itself; absent when nothing is worth points.
    """
    text_limit = 400
    while True:
        runners = classroom(results, text_limit=text_limit)
        env = {f"{name.upper()}_RESULTS": _encode(data) for name, data in runners.items()}
        env["KATAS_RUNNERS"] = ",".join(runners)
        total, most = classroom_points(runners)
        if most:
            env["KATAS_POINTS"] = f"{total}/{most}"
            summary = {"totalPoints": total, "maxPoints": most}
            env["KATAS_POINTS_SUMMARY"] = json.dumps(summary, separators=(",", ":"))
        if sum(len(k) + len(v) + 2 for k, v in env.items()) < limit or text_limit == 0:
            return env
        text_limit //= 2


def gradescope(
    results: list[KataResult], execution_time: float, *, output_format: str = "md"
) -> dict[str, Any]:
    """Gradescope autograder results; test output in Markdown (or ``"text"``)."""
    earned = sum(r.score for r in results)
    possible = sum(r.info.points for r in results)

    def block(text: str) -> str:
        if output_format != "md":
            return text
        fence = "`" * max(3, 1 + max((len(run) for run in _backtick_runs(text)), default=0))
        return f"{fence}\n{text}\n{fence}"

    def body(r: KataResult) -> str:
        if r.status is Status.PASS:
            text = "passed"
        else:
            text = block(r.message) if output_format == "md" else r.message
        output = user_output(r)
        if output:
            shown = truncate(output, 2000, "[output cut]")
            text += "\n\nYour code printed:\n\n" + block(shown)
        return text

    return json_safe(  # type: ignore[no-any-return]
        {
            "score": float(earned),
            "execution_time": round(execution_time, 3),
            "output": f"asyncio-katas: {earned}/{possible} points",
            "output_format": output_format,
            "visibility": "visible",
            "stdout_visibility": "hidden",
            "tests": [
                {
                    "score": float(r.score),
                    "max_score": float(r.info.points),
                    "status": "passed" if r.status is Status.PASS else "failed",
                    "name": _name(r),
                    "number": str(i),
                    "output": body(r),
                    "output_format": output_format,
                    "tags": [r.info.track],
                    "visibility": "visible",
                }
                for i, r in enumerate(results, start=1)
            ],
        }
    )


def _backtick_runs(text: str) -> list[str]:
    runs, current = [], ""
    for char in text:
        if char == "`":
            current += char
        elif current:
            runs.append(current)
            current = ""
    return [*runs, current] if current else runs


def junit(results: list[KataResult]) -> ET.ElementTree:
    """JUnit XML: a testsuite per track, a testcase per kata; every text made XML-safe."""
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
            tag = "error" if could_not_run(r) else "failure"
            message = for_xml(r.message)
            kind = "could not run" if tag == "error" else str(r.status)
            problem = ET.SubElement(case, tag, message=message, type=kind)
            problem.text = message
        output = user_output(r)
        if output:
            ET.SubElement(case, "system-out").text = for_xml(
                truncate(output, 10_000, "[output cut]")
            )
    for element in [root, *suites.values()]:
        listed = list(element.iter("testcase"))
        element.set("tests", str(len(listed)))
        element.set("failures", str(sum(1 for c in listed if c.find("failure") is not None)))
        element.set("errors", str(sum(1 for c in listed if c.find("error") is not None)))
        element.set("time", f"{sum(float(c.get('time', 0)) for c in listed):.3f}")
    return ET.ElementTree(root)


def _dump(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


def write(
    results: list[KataResult],
    *,
    execution_time: float,
    json_path: str | None = None,
    junit_path: str | None = None,
    gradescope_path: str | None = None,
    classroom_path: str | None = None,
) -> list[Path]:
    """Write the reports that were asked for; return their paths. ``classroom_path`` is
    appended to (it is usually ``$GITHUB_ENV``)."""
    written: list[Path] = []

    def target(name: str) -> Path:
        path = Path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        written.append(path)
        return path

    if json_path:
        target(json_path).write_text(_dump(exercism_v3(results)), encoding="utf-8")
    if gradescope_path:
        data = gradescope(results, execution_time)
        target(gradescope_path).write_text(_dump(data), encoding="utf-8")
    if junit_path:
        tree = junit(results)
        ET.indent(tree)
        tree.write(target(junit_path), encoding="utf-8", xml_declaration=True)
    if classroom_path:
        lines = "".join(f"{k}={v}\n" for k, v in classroom_env(results).items())
        with target(classroom_path).open("a", encoding="utf-8") as handle:
            handle.write(lines)
    return written
