"""Budgets of real time (issue 8, attacks 8 and 17), at scaled-down values: a hostile
submission's grade ends within its budget. Each test takes half a minute of real time, so
they live apart from test_integrity.py, to run beside the other files. The slow burn, which
sleeps, comes first, while test_kit times its watchdog (see conftest.py); then the spins,
which keep a CPU busy."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

import pytest
from kit._internal import isolation, orchestrate
from kit._internal.paths import REPO

from tests.hostile_support import HOSTILE, daemons_left, needs_namespaces, run_kit, student


@pytest.mark.timeout(200)
@pytest.mark.skipif(
    sys.version_info[:2] != (3, 11) and not os.environ.get("KATAS_ALL_SLOW"),
    reason="half-minute test runs on 3.11 only",
)
def test_a_slow_burn_arms_the_deadline(tmp_path: Path) -> None:
    """Attack 17, at budgets scaled down: every kata blocks the loop in steps each under the
    limit, for less than a kata's budget; the time its katas take in all arms the deadline
    (no kata ran over), and the submission ends within its budget."""
    kata_budget, submission_budget, arm_after = 10.0, 30.0, 15.0
    report = tmp_path / "results.json"
    names = ("hello_world", "total_price", "fetch_all", "first_k", "two_sleepers", "settle")
    start = time.perf_counter()
    submission = ["--submission", str(HOSTILE / "slow_burn"), "--jobs", "1"]
    proc = run_kit(
        ["grade", *names, *submission, "--json", str(report)],
        env={
            "KATAS_KATA_BUDGET": f"{kata_budget:g}",
            "KATAS_SUBMISSION_BUDGET": f"{submission_budget:g}",
            "KATAS_ARM_AFTER": f"{arm_after:g}",
        },
    )
    elapsed = time.perf_counter() - start
    assert proc.returncode == 0, proc.stderr[-3000:]
    messages = [t["message"] for t in json.loads(report.read_text())["tests"]]
    assert any(f"used up its {submission_budget:g} s" in m for m in messages), messages
    assert not any("more than" in m for m in messages), messages  # no kata ran over
    assert elapsed < submission_budget + orchestrate.END_GRACE + 10, f"{elapsed:.0f} s"
    assert orchestrate.ARM_AFTER < orchestrate.SUBMISSION_BUDGET


@pytest.mark.timeout(300)
@needs_namespaces
@pytest.mark.skipif(
    sys.version_info[:2] != (3, 11),
    reason="the budgets are enforced by the grading parent, whatever the Python: this "
    "half-minute test runs on 3.11 only",
)
def test_a_hostile_submission_finishes_in_its_budget(tmp_path: Path) -> None:
    """Attack 8, at budgets scaled down (the defaults work the same, and add up to under 3
    minutes: see the last lines): spins that catch BaseException or ignore signals, a hang
    in pytest's final garbage collection, deep recursion; the honest kata still passes, and
    the whole submission ends within its budget. The kata budget is a sixth of the default;
    the submission's under a third, so the honest kata still has time on a machine busy
    with other test files (nox -s tests runs them side by side; at 40 s it was cut short
    there once its grader had grown to 300-id checks)."""
    kata_budget, submission_budget = 10.0, 50.0
    mallory = tmp_path / "mallory"
    shutil.copytree(HOSTILE / "spins", mallory)
    shutil.copy(REPO / "solutions" / "02_tasks" / "fetch_all.py", mallory / "02_tasks")
    report = tmp_path / "results.json"
    names = ("hello_world", "total_price", "two_sleepers", "first_k", "fetch_all")
    start = time.perf_counter()
    proc = run_kit(
        ["grade", *names, "--submission", str(mallory), "--json", str(report), "--jobs", "1"],
        env={
            "KATAS_TEST_TIMEOUT": "5",
            "KATAS_KATA_BUDGET": f"{kata_budget:g}",
            "KATAS_SUBMISSION_BUDGET": f"{submission_budget:g}",
        },
    )
    elapsed = time.perf_counter() - start
    assert proc.returncode == 0, proc.stderr[-3000:]
    tests = {t["name"].split(" ")[0]: t for t in json.loads(report.read_text())["tests"]}
    assert tests["02_tasks/fetch_all"]["status"] == "pass", tests["02_tasks/fetch_all"]
    for name in ("01_coroutines/total_price", "02_tasks/two_sleepers", "02_tasks/first_k"):
        assert tests[name]["status"] != "pass", tests[name]
    spun = " ".join(tests[n]["message"] for n in ("02_tasks/two_sleepers", "02_tasks/first_k"))
    assert f"more than {kata_budget:g} s of real time" in spun or "used up its" in spun, spun
    # The budget, then the teardown: the end grace and the cleanup's wait, and start-up.
    assert elapsed < submission_budget + orchestrate.END_GRACE + 10, f"{elapsed:.0f} s"
    # At the defaults (60 s a kata, 160 s a submission) the same sum stays under 3 minutes.
    assert orchestrate.SUBMISSION_BUDGET + orchestrate.END_GRACE + 10 < 180
    assert not daemons_left()


@pytest.mark.timeout(300)
@pytest.mark.skipif(
    isolation.mode() != "root" or isolation.hierarchy("memory") is None,
    reason="needs root, namespaces and a cgroup hierarchy with the memory controller",
)
def test_a_memory_hog_is_stopped_at_its_limit(tmp_path: Path) -> None:
    """Attack 46, at a limit scaled down (400 MiB): a kata that takes 1 GiB (then answers
    right, so that with no limit it passes) is killed when its grader process's cgroup is
    full, fails with a sentence that says so, and the kata graded beside it (the
    reference) keeps its points."""
    mallory = student(tmp_path / "mallory", "hogs_memory")
    report = tmp_path / "results.json"
    proc = run_kit(
        [
            *("grade", "two_sleepers", "fetch_all", "--submission", str(mallory)),
            *("--jobs", "1", "--json", str(report)),
        ],
        env={"KATAS_GRADER_MEMORY_MIB": "400"},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    tests = {t["name"].split(" ")[0]: t for t in json.loads(report.read_text())["tests"]}
    hostile = tests["02_tasks/two_sleepers"]
    assert hostile["status"] != "pass", hostile
    assert "out of memory" in hostile["message"], hostile
    assert tests["02_tasks/fetch_all"]["status"] == "pass", tests["02_tasks/fetch_all"]
