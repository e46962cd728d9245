"""Instructors' own tests (--extra-tests): plain pytest-asyncio files with looptime's marker,
graded like built-in katas and earning points in every report format."""

from __future__ import annotations

import base64
import csv
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from kit._internal import collected, extra, isolation
from kit._internal.paths import REPO

from tests.test_formats import exercism_problems, gradescope_problems, reporter_v1

EXAMPLE = REPO / "docs" / "extra-tests"

# Virtual time or nothing: a 1000-second sleep passes only if looptime's marker works (the
# grader's real-time limit is 30 s).
VIRTUAL = '''
import asyncio

import pytest


@pytest.mark.asyncio(loop_scope="function")
@pytest.mark.looptime
async def test_a_long_wait_costs_no_real_time(kata) -> None:
    """a thousand seconds of sleeping pass in virtual time"""
    loop = asyncio.get_running_loop()
    start = loop.time()
    async def slow(i):
        await asyncio.sleep(1000)
        return i
    assert await kata.fetch_all([1, 2], slow) == [1, 2]
    assert loop.time() - start == 1000
'''


@pytest.fixture
def tests_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "mine"
    shutil.copytree(EXAMPLE, folder)
    (folder / "test_fetch_all_virtual.py").write_text(VIRTUAL)
    with (folder / "points.toml").open("a") as handle:
        handle.write('\n[fetch_all_virtual]\nkata = "02_tasks/fetch_all"\npoints = 3\n')
    return folder


def _kit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kit", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": "graders"},
        timeout=600,
    )


def test_points_toml_is_checked(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "test_a.py").write_text("def test_x(kata): pass\n")
    cases = {
        "": "has no [a]",
        '[a]\nkata = "nope"\npoints = 1\n': "must name one kata",
        '[a]\nkata = "fetch_all"\npoints = "ten"\n': "whole number",
        '[a]\nkata = "fetch_all"\npoints = 1\n[b]\nkata = "fetch_all"\npoints = 1\n': "[b]",
    }
    for text, problem in cases.items():
        (folder / "points.toml").write_text(text)
        with pytest.raises(ValueError, match=problem.replace("[", r"\[")):
            extra.load(folder)
    (folder / "points.toml").write_text('[a]\nkata = "02_tasks/fetch_all"\npoints = 4\n')
    (kata,) = extra.load(folder)
    assert (kata.id, kata.points, kata.module) == ("extra/a", 4, "02_tasks/fetch_all")


@pytest.mark.once(on=(3, 12))
@pytest.mark.timeout(600)
def test_extra_tests_earn_points_in_every_report(tests_dir: Path, tmp_path: Path) -> None:
    env_file = tmp_path / "env"
    proc = _kit(
        *("grade", "fetch_all", "--target", "solutions", "--extra-tests", str(tests_dir)),
        *("--json", str(tmp_path / "r.json"), "--junit", str(tmp_path / "j.xml")),
        *("--gradescope", str(tmp_path / "g.json"), "--classroom", str(env_file)),
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "fetch_all_repeats" in proc.stdout and "fetch_all_virtual" in proc.stdout
    exercism = json.loads((tmp_path / "r.json").read_text())
    assert exercism_problems(exercism) == []
    mine = {t["name"].split(" — ")[0]: t for t in exercism["tests"]}
    assert (
        mine["extra/fetch_all_repeats"]["status"],
        mine["extra/fetch_all_repeats"]["score"],
    ) == (
        "pass",
        5,
    )
    assert mine["extra/fetch_all_virtual"]["score"] == 3
    assert "kata.fetch_all" in mine["extra/fetch_all_repeats"]["test_code"]
    cases = {c.get("name"): c for c in ET.parse(tmp_path / "j.xml").getroot().iter("testcase")}
    assert len(cases["fetch_all_repeats"]) == 0 and len(cases["fetch_all_virtual"]) == 0
    gradescope = json.loads((tmp_path / "g.json").read_text())
    assert gradescope_problems(gradescope) == []
    scores = {t["name"].split(" — ")[0]: t["score"] for t in gradescope["tests"]}
    assert scores["extra/fetch_all_repeats"] == 5.0 and scores["extra/fetch_all_virtual"] == 3.0
    env = dict(line.split("=", 1) for line in env_file.read_text().splitlines())
    assert "extra" in env["KATAS_RUNNERS"].split(",")
    runner = json.loads(base64.b64decode(env["EXTRA_RESULTS"]))
    assert runner["max_score"] == 8 and all(t["status"] == "pass" for t in runner["tests"])
    view = reporter_v1(env, "extra")
    assert view["table_total"] == "8" and view["points"] == "Points 8/8"


@pytest.mark.skipif(isolation.mode() == "none", reason="no disk cache without isolation")
def test_extra_tests_are_collected_once_per_content(
    tests_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A later grading (another process: nothing in memory) reads what an earlier one
    collected from .katas/collected/; changed tests are collected again."""
    entries = [*extra.load(tests_dir)]
    first = extra.expected(entries)
    assert first and all(first.values()), first
    monkeypatch.setattr(collected, "_memory", {})

    def collect(extras: list[extra.ExtraKata]) -> dict[str, list[str]]:
        raise AssertionError("collected again")

    monkeypatch.setattr(extra, "_collect", collect)
    assert extra.expected(entries) == first
    (tests_dir / "test_fetch_all_virtual.py").write_text(VIRTUAL + "\n# changed\n")
    with pytest.raises(AssertionError, match="collected again"):
        extra.expected([*extra.load(tests_dir)])


@pytest.mark.once(on=(3, 13))
@pytest.mark.timeout(600)
def test_extra_tests_fail_like_katas(tests_dir: Path, tmp_path: Path) -> None:
    """A stub is "not started"; code that awaits one fetch after another fails the virtual-
    time check with the assertion's own words; a syntax error is reported, not a crash."""
    sub = tmp_path / "sub" / "02_tasks"
    sub.mkdir(parents=True)
    (sub / "fetch_all.py").write_text(
        "async def fetch_all(ids, fetch):\n    return [await fetch(i) for i in ids]\n"
    )
    proc = _kit(
        *("grade", "fetch_all", "--submission", str(tmp_path / "sub")),
        *("--extra-tests", str(tests_dir), "--json", str(tmp_path / "wrong.json")),
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    tests = {
        t["name"].split(" — ")[0]: t
        for t in json.loads((tmp_path / "wrong.json").read_text())["tests"]
    }
    repeats = tests["extra/fetch_all_repeats"]
    assert repeats["status"] == "fail" and repeats["score"] == 0
    assert repeats["message"].startswith(
        "ten fetches of 10 s each take 10 s in all, not 100: assert"
    )
    assert tests["extra/fetch_all_virtual"]["message"].startswith(
        "a thousand seconds of sleeping pass in virtual time: assert (2000.0 - 0.0) == 1000"
    )
    (sub / "fetch_all.py").write_text("def fetch_all(:\n")
    proc = _kit(
        *("grade", "fetch_all", "--submission", str(tmp_path / "sub")),
        *("--extra-tests", str(tests_dir), "--json", str(tmp_path / "broken.json")),
    )
    data = json.loads((tmp_path / "broken.json").read_text())
    broken = [t for t in data["tests"] if t["name"].startswith("extra/")]
    assert len(broken) == 2 and {t["status"] for t in broken} == {"error"}
    assert all("(SyntaxError)" in t["message"] for t in broken)
    proc = _kit(
        *("grade", "fetch_all", "--extra-tests", str(tests_dir), "--json", str(tmp_path / "s.json"))
    )
    stub = {
        t["name"].split(" — ")[0]: t for t in json.loads((tmp_path / "s.json").read_text())["tests"]
    }
    assert stub["extra/fetch_all_repeats"]["message"].startswith("not implemented yet")


@pytest.mark.once
@pytest.mark.timeout(600)
def test_the_gradebook_takes_extra_tests(tests_dir: Path, tmp_path: Path) -> None:
    subs = tmp_path / "class"
    shutil.copytree(REPO / "solutions" / "02_tasks", subs / "ada" / "02_tasks")
    shutil.copytree(REPO / "exercises" / "02_tasks", subs / "bob" / "02_tasks")
    proc = _kit(
        *("gradebook", str(subs), "fetch_all", "--extra-tests", str(tests_dir)),
        *("--out", str(tmp_path / "out")),
    )
    assert proc.returncode == 0, proc.stderr
    rows = {r["student"]: r for r in csv.DictReader((tmp_path / "out" / "gradebook.csv").open())}
    assert (
        rows["ada"]["extra/fetch_all_repeats"] == "5"
        and rows["bob"]["extra/fetch_all_repeats"] == "0"
    )
    assert rows["ada"]["possible"] == "18"
