"""Each report format checked against its real consumer or its specification.

- Exercism results.json v3: the field rules of Exercism's test-runner interface document
  (exercism/docs, building/tooling/test-runners/interface.md).
- GitHub Classroom: the arithmetic of classroom-resources/autograding-grading-reporter v1
  (src/helpers/test-helpers.js, console-results.js, aggregate-results.js,
  notify-classroom.js), reimplemented below, and its 128 KiB environment-variable limit.
- Gradescope: the fields of Gradescope's autograder results.json specification.
- JUnit: the Jenkins xUnit plugin's junit-10.xsd (tests/schemas) with xmlschema, and
  junitparser reading the file back.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from kit._internal import formats
from kit._internal.data import CheckRecord, KataResult, Status
from kit._internal.manifest import KataInfo, catalogue
from kit._internal.paths import REPO

CAT = catalogue()
XSD = Path(__file__).parent / "schemas" / "junit-10.xsd"
NASTY = "bell\x07 nul\x00 esc\x1b[31m formfeed\x0c lone\ud800 bidi\u202e ok é 😀"


def check(test: str, outcome: str = "passed", when: str = "call", **more: Any) -> CheckRecord:
    record: dict[str, Any] = {
        "nodeid": f"x::{test}",
        "kata": "",
        "test": test,
        "doc": "",
        "when": when,
        "outcome": outcome,
        "duration": 0.01,
        "message": "",
        "not_started": False,
        "virtual_loop_seconds": 0.0,
        "virtual_wall_seconds": 0.0,
        "output": "",
    }
    record.update(more)
    return record  # type: ignore[return-value]


def info(kata_id: str) -> KataInfo:
    found = CAT.info(kata_id)
    assert found is not None
    return found


def passed(kata_id: str, output: str = "") -> KataResult:
    return KataResult(
        info(kata_id), Status.PASS, "", [check("test_is_a_coroutine_function", output=output)]
    )


def failed(kata_id: str, message: str = "expected 2, got 3", output: str = "") -> KataResult:
    checks = [
        check("test_is_a_coroutine_function"),
        check("test_any_ids", "failed", message=message, output=output),
    ]
    return KataResult(info(kata_id), Status.FAIL, message, checks)


def unloadable(kata_id: str, message: str = "x.py:1: invalid syntax (SyntaxError).") -> KataResult:
    checks = [check("test_is_a_coroutine_function", "failed", "setup", message=message)]
    return KataResult(info(kata_id), Status.FAIL, message, checks)


# --- Exercism v3 ----------------------------------------------------------------------------


def exercism_problems(data: dict[str, Any]) -> list[str]:
    """Every rule of the interface document that ``data`` breaks (version 3)."""
    problems: list[str] = []
    if data.get("version") != 3:
        problems.append("version must be 3")
    status = data.get("status")
    if status not in ("pass", "fail", "error"):
        problems.append(f"status {status!r}")
    if status == "error":
        if not isinstance(data.get("message"), str) or not data["message"]:
            problems.append("status error needs a message")
        elif len(data["message"]) > 65535:
            problems.append("message over 65535 characters")
    elif data.get("message") is not None:
        problems.append("message must be null or absent unless status is error")
    if status in ("pass", "fail") and not isinstance(data.get("tests"), list):
        problems.append("tests required for pass and fail")
    tests = data.get("tests", [])
    statuses = [t.get("status") for t in tests]
    if status == "pass" and any(s != "pass" for s in statuses):
        problems.append("pass with a test not passing")
    if status == "fail" and not any(s in ("fail", "error") for s in statuses):
        problems.append("fail without a failing test")
    if status == "error" and tests and any(s != "error" for s in statuses):
        problems.append("error is only for when every test errored")
    for t in tests:
        where = t.get("name", "?")
        if not isinstance(t.get("name"), str):
            problems.append(f"{where}: name")
        if t.get("status") not in ("pass", "fail", "error"):
            problems.append(f"{where}: status")
        if "message" in t and t["message"] is not None and not isinstance(t["message"], str):
            problems.append(f"{where}: message")
        if "output" in t:
            if not isinstance(t["output"], str):
                problems.append(f"{where}: output must be a string (or left out)")
            elif len(t["output"]) > 500:
                problems.append(f"{where}: output over 500 characters")
        if not isinstance(t.get("test_code"), str) or not t["test_code"]:
            problems.append(f"{where}: test_code")
        if "task_id" in t and not isinstance(t["task_id"], int):
            problems.append(f"{where}: task_id must be a number")
    return problems


def nulls(value: Any) -> list[str]:
    if value is None:
        return ["null"]
    if isinstance(value, dict):
        return [f"{k}: {n}" for k, v in value.items() for n in nulls(v)]
    if isinstance(value, list):
        return [n for v in value for n in nulls(v)]
    return []


def test_exercism_v3_follows_the_interface() -> None:
    results = [
        passed("02_tasks/two_sleepers"),
        failed("02_tasks/fetch_all"),
        unloadable("02_tasks/first_k"),
        passed("13_capstone/crawler"),
    ]
    data = formats.exercism_v3(results)
    assert exercism_problems(data) == []
    assert nulls(data) == []  # absent, never null
    assert data["status"] == "fail"
    assert [t["status"] for t in data["tests"]] == ["pass", "fail", "error", "pass"]
    assert data["tests"][2]["message"].endswith("(SyntaxError).")
    # The extension GitHub Classroom reads: points.
    assert data["max_score"] == 60
    assert [(t["score"], t["max_score"]) for t in data["tests"]] == [
        (10, 10),
        (0, 10),
        (0, 10),
        (30, 30),
    ]
    json.dumps(data, ensure_ascii=False).encode("utf-8")


def test_exercism_output_is_cut_at_500_characters_with_the_spec_sentence() -> None:
    chatty = "".join(f"line {i}: debugging\n" for i in range(2000))  # about 40 KB
    data = formats.exercism_v3([failed("02_tasks/fetch_all", output=chatty)])
    output = data["tests"][0]["output"]
    assert len(output) == 500
    assert output.endswith("Output was truncated. Please limit to 500 chars")
    assert output.startswith("line 0: debugging")
    quiet = formats.exercism_v3([passed("02_tasks/fetch_all", output="hi\n")])
    assert quiet["tests"][0]["output"] == "hi\n"
    assert "output" not in formats.exercism_v3([passed("02_tasks/fetch_all")])["tests"][0]


def test_exercism_test_code_is_the_checks_code() -> None:
    data = formats.exercism_v3([failed("02_tasks/fetch_all")])
    code = data["tests"][0]["test_code"]
    # The two checks that ran, from graders/02_tasks/test_fetch_all.py, not a path.
    assert code.startswith("# test_is_a_coroutine_function\n")
    assert 'kata.get("fetch_all", "coroutine")' in code
    assert "# test_any_ids" in code
    assert not code.endswith(".py") and '"""' not in code
    assert len(code) <= formats.TEST_CODE_LIMIT


def test_exercism_error_when_no_kata_could_run() -> None:
    data = formats.exercism_v3(
        [unloadable("02_tasks/fetch_all"), unloadable("02_tasks/first_k", "importing ...")]
    )
    assert exercism_problems(data) == []
    assert data["status"] == "error"
    assert "02_tasks/fetch_all: x.py:1: invalid syntax" in data["message"]
    empty = formats.exercism_v3([])
    assert exercism_problems(empty) == [] and empty["status"] == "error"


@pytest.mark.parametrize("selection", [["get_json"], ["aiohttp"], []])
def test_exercism_task_id_is_the_track_number_whatever_the_selection(
    selection: list[str],
) -> None:
    results = [passed(k.id) for k in CAT.select(selection)]
    ids = {t["name"].split(" — ")[0]: t["task_id"] for t in formats.exercism_v3(results)["tests"]}
    assert ids["12_aiohttp/get_json"] == 12
    assert all(task == int(kata[:2]) for kata, task in ids.items())


# --- GitHub Classroom: the reporter v1 --------------------------------------------------------


def js_number(value: float) -> str:
    """How JavaScript prints a number in a template string (`${x}`)."""
    return str(int(value)) if value.is_integer() else repr(value)


def reporter_v1(env: dict[str, str], runners_input: str) -> dict[str, Any]:
    """The autograding-grading-reporter v1, its arithmetic as its source states it.

    main.js: each runner's results are JSON.parse(base64 of env[RUNNER_RESULTS]).
    console-results.js: per runner, "Total points for R: {getTestScore.toFixed(2)}/{max}",
    where test-helpers.js's getTestScore is (tests passed / tests) x max_score.
    aggregate-results.js: the table's "Total:" row is `${sum of getTestScore}`.
    notify-classroom.js: "Points {sum of every test's score}/{sum of max_score}".
    """
    per_runner: dict[str, str] = {}
    table_total = 0.0
    notice_total, notice_max = 0, 0
    for runner in runners_input.split(","):
        results = json.loads(base64.b64decode(env[f"{runner.strip().upper()}_RESULTS"]))
        tests = results["tests"]
        max_score = results.get("max_score") or 0
        passed_tests = sum(1 for t in tests if t["status"] == "pass")
        score = (passed_tests / len(tests)) * max_score
        if max_score != 0:
            per_runner[runner] = f"{score:.2f}/{max_score}"
        table_total += score
        if results.get("max_score"):
            notice_max += results["max_score"]
            notice_total += sum(t["score"] for t in tests)
    return {
        "runners": per_runner,
        "table_total": js_number(table_total),
        "points": f"Points {notice_total}/{notice_max}",
        "console_total": table_total,
        "notice_total": notice_total,
    }


def classroom_view(results: list[KataResult]) -> dict[str, Any]:
    env = formats.classroom_env(results)
    return reporter_v1(env, env["KATAS_RUNNERS"])


def test_classroom_console_equals_points_for_every_submission() -> None:
    """Every pass/fail combination within each track (the reporter computes per runner), so
    every submission: the console's per-runner and total points equal the Points notice."""
    for track in CAT.tracks:
        katas = [k for k in CAT.katas if k.track == track]
        for outcome in itertools.product([True, False], repeat=len(katas)):
            results = [
                passed(k.id) if ok else failed(k.id) for k, ok in zip(katas, outcome, strict=True)
            ]
            view = classroom_view(results)
            earned = sum(k.points for k, ok in zip(katas, outcome, strict=True) if ok)
            assert view["console_total"] == view["notice_total"] == earned, (track, outcome)
            assert view["table_total"] == str(earned)
            (line,) = view["runners"].values()
            assert line == f"{earned:.2f}/{sum(k.points for k in katas)}"


@pytest.mark.parametrize(
    "missed",
    [[], ["13_capstone/crawler"], ["13_capstone/crawler", "02_tasks/settle", "06_sync/phased"]],
)
def test_classroom_whole_curriculum_with_the_capstone(missed: list[str]) -> None:
    results = [failed(k.id) if k.id in missed else passed(k.id) for k in CAT.katas]
    view = classroom_view(results)
    earned = sum(k.points for k in CAT.katas if k.id not in missed)
    possible = sum(k.points for k in CAT.katas)
    assert view["points"] == f"Points {earned}/{possible}"
    assert view["table_total"] == str(earned) and view["console_total"] == earned
    # What the example workflow prints itself: the reporter's two notices, word for word.
    env = formats.classroom_env(results)
    assert f"Points {env['KATAS_POINTS']}" == view["points"]
    assert env["KATAS_POINTS_SUMMARY"] == f'{{"totalPoints":{earned},"maxPoints":{possible}}}'


def test_classroom_sends_no_points_when_nothing_is_worth_any() -> None:
    """As the reporter (v1): no max_score, no notice; the workflow's step then fails."""
    free = KataInfo(id="extra/free", title="F", points=0)
    env = formats.classroom_env([KataResult(free, Status.PASS, "", [])])
    assert "KATAS_POINTS" not in env and "KATAS_POINTS_SUMMARY" not in env


def test_classroom_splits_a_runner_whose_arithmetic_is_inexact() -> None:
    """Points of 10 and 100 make 11 tests of 10 in one runner, where (3 / 11) x 110 is
    30.000000000000004: such a track becomes one runner per kata, and stays exact."""
    katas = [
        KataInfo(id="extra/small", title="S", points=10),
        KataInfo(id="extra/big", title="B", points=100),
    ]
    assert not formats.exact(11, 110)
    for outcome in itertools.product([True, False], repeat=2):
        results = [
            KataResult(k, Status.PASS if ok else Status.FAIL, "" if ok else "no", [])
            for k, ok in zip(katas, outcome, strict=True)
        ]
        view = classroom_view(results)
        earned = sum(k.points for k, ok in zip(katas, outcome, strict=True) if ok)
        assert view["console_total"] == view["notice_total"] == earned
        assert view["table_total"] == str(earned)
    assert list(formats.classroom(results)) == ["extra1", "extra2"]


def test_one_runner_per_kata_list_would_disagree() -> None:
    """Why the runners are per track: one runner listing every kata (the old shape)
    shows 470/500 as 489.58 on the console (the issue's measurement)."""
    results = [failed("13_capstone/crawler")] + [
        passed(k.id) for k in CAT.katas if k.id != "13_capstone/crawler"
    ]
    old = formats.exercism_v3(results)
    env = {"KATAS_RESULTS": base64.b64encode(json.dumps(old).encode()).decode()}
    view = reporter_v1(env, "katas")
    assert view["points"] == "Points 470/500" and view["runners"]["katas"] == "489.58/500"


def test_classroom_tests_have_a_line_and_no_output() -> None:
    runners = formats.classroom([failed("02_tasks/fetch_all", output="x" * 5000)])
    (test,) = runners["tasks"]["tests"]
    assert test["line_no"] == 0  # the reporter prints no " - line" for 0
    assert "output" not in test and test["message"] == "expected 2, got 3"


def test_classroom_results_stay_under_64_kb_whatever_is_printed() -> None:
    """Every kata fails with a megabyte of message and of output, in 4-byte characters."""
    huge = "😀" * 250_000 + NASTY
    results = [failed(k.id, message=huge, output=huge) for k in CAT.katas]
    env = formats.classroom_env(results)
    size = sum(len(k) + len(v) + 2 for k, v in env.items())
    assert size < 64 * 1024
    view = reporter_v1(env, env["KATAS_RUNNERS"])
    assert view["points"] == "Points 0/500"
    for name in env["KATAS_RUNNERS"].split(","):
        data = json.loads(base64.b64decode(env[f"{name.upper()}_RESULTS"]))
        assert all(t["status"] == "fail" for t in data["tests"])


def test_classroom_runner_names_are_what_the_reporter_accepts() -> None:
    env = formats.classroom_env([passed(k.id) for k in CAT.katas])
    names = env["KATAS_RUNNERS"].split(",")
    assert len(names) == len(CAT.tracks) == len(set(names))
    assert all(n.isalnum() and n.isascii() for n in names)  # its /^([a-zA-Z0-9]+,)*.../


# --- Gradescope ------------------------------------------------------------------------------

GRADESCOPE_TOP = {
    "score",
    "execution_time",
    "output",
    "output_format",
    "test_output_format",
    "test_name_format",
    "visibility",
    "stdout_visibility",
    "extra_data",
    "tests",
    "leaderboard",
}
GRADESCOPE_TEST = {
    "score",
    "max_score",
    "status",
    "name",
    "name_format",
    "number",
    "output",
    "output_format",
    "tags",
    "visibility",
    "extra_data",
}
FORMATS = {"text", "html", "simple_format", "md", "ansi"}
VISIBILITY = {"hidden", "after_due_date", "after_published", "visible"}


def gradescope_problems(data: dict[str, Any]) -> list[str]:
    problems = [f"unknown key {k}" for k in set(data) - GRADESCOPE_TOP]
    if not isinstance(data.get("score"), float | int):
        problems.append("score")
    if data.get("output_format", "text") not in FORMATS:
        problems.append("output_format")
    for key in ("visibility", "stdout_visibility"):
        if data.get(key, "visible") not in VISIBILITY:
            problems.append(key)
    for t in data["tests"]:
        problems += [f"test: unknown key {k}" for k in set(t) - GRADESCOPE_TEST]
        if t.get("status") not in (None, "passed", "failed"):
            problems.append("test status")
        if t.get("output_format", "text") not in FORMATS:
            problems.append("test output_format")
        if t.get("visibility", "visible") not in VISIBILITY:
            problems.append("test visibility")
        if not isinstance(t.get("score"), float | int) or t["score"] > t["max_score"]:
            problems.append("test score")
        if not all(isinstance(tag, str) for tag in t.get("tags", [])):
            problems.append("tags")
    return problems


def test_gradescope_results_follow_the_specification() -> None:
    results = [passed("02_tasks/two_sleepers"), failed("02_tasks/fetch_all", "a ``` b", "hi")]
    data = formats.gradescope(results, execution_time=1.5)
    assert gradescope_problems(data) == []
    assert data["score"] == 10.0 and data["output_format"] == "md"
    body = data["tests"][1]["output"]
    assert "````\na ``` b\n````" in body  # a fence longer than any run of backticks inside
    json.dumps(data, ensure_ascii=False).encode("utf-8")


# --- JUnit -----------------------------------------------------------------------------------


def test_junit_is_valid_for_any_text(tmp_path: Path) -> None:
    import junitparser
    import xmlschema

    results = [
        passed("02_tasks/two_sleepers", output=NASTY),
        failed("02_tasks/fetch_all", message=NASTY, output=NASTY),
        unloadable("02_tasks/first_k", message=NASTY),
        KataResult(info("13_capstone/crawler"), Status.FAIL, "the grader process died", []),
    ]
    path = tmp_path / "junit.xml"
    formats.write(results, execution_time=1.0, junit_path=str(path))
    ET.parse(path)  # well-formed
    xmlschema.XMLSchema(XSD).validate(path)
    xml = junitparser.JUnitXml.fromfile(str(path))
    cases = {case.name: case for suite in xml for case in suite}
    kinds = {name: [type(r).__name__ for r in case.result] for name, case in cases.items()}
    assert kinds == {
        "two_sleepers": [],
        "fetch_all": ["Failure"],
        "first_k": ["Error"],
        "crawler": ["Error"],
    }
    assert "esc#x1B[31m" in cases["fetch_all"].result[0].message
    root = ET.parse(path).getroot()
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "1", "2")


# --- End to end: a real submission through the command line ----------------------------------


@pytest.mark.timeout(600)
def test_a_broken_and_chatty_submission_end_to_end(tmp_path: Path) -> None:
    import xmlschema

    sub = tmp_path / "sub"
    (sub / "02_tasks").mkdir(parents=True)
    (sub / "01_coroutines").mkdir()
    (sub / "02_tasks" / "two_sleepers.py").write_text("def broken(:\n")
    hello = (REPO / "solutions" / "01_coroutines" / "hello_world.py").read_text()
    (sub / "01_coroutines" / "hello_world.py").write_text(
        hello + "\nprint('\\x1b[2J spam ' * 20000)\n"
    )
    env_file = tmp_path / "github_env"
    env_file.write_text("EXISTING=1\n")
    proc = subprocess.run(
        [
            *(sys.executable, "-m", "kit", "grade", "two_sleepers", "hello_world"),
            *("--submission", str(sub), "--json", str(tmp_path / "r.json")),
            *("--junit", str(tmp_path / "j.xml"), "--gradescope", str(tmp_path / "g.json")),
            *("--classroom", str(env_file)),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": "graders"},
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = json.loads((tmp_path / "r.json").read_text())
    assert exercism_problems(data) == []
    by_kata = {t["name"].split(" — ")[0]: t for t in data["tests"]}
    assert by_kata["02_tasks/two_sleepers"]["status"] == "error"
    assert by_kata["01_coroutines/hello_world"]["status"] == "pass"
    assert len(by_kata["01_coroutines/hello_world"]["output"]) == 500
    xmlschema.XMLSchema(XSD).validate(tmp_path / "j.xml")
    assert gradescope_problems(json.loads((tmp_path / "g.json").read_text())) == []
    lines = env_file.read_text().splitlines()
    assert lines[0] == "EXISTING=1"
    env = dict(line.split("=", 1) for line in lines[1:])
    assert sum(len(line) + 1 for line in lines[1:]) < 64 * 1024
    view = reporter_v1(env, env["KATAS_RUNNERS"])
    assert view["points"] == "Points 10/20" and view["table_total"] == "10"
