"""The learner's commands: nox -s grade (python -m kit grade) on stubs, solutions, bad names."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from kit._internal.data import KataResult, Status
from kit._internal.manifest import catalogue
from kit._internal.paths import REPO
from kit._internal.scoreboard import Style, scoreboard

CATALOGUE = catalogue()
TOTAL = sum(entry.points for entry in CATALOGUE.katas)


def grade(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the scoreboard as nox does."""
    env = {**os.environ, "PYTHONPATH": "graders"}
    return subprocess.run(
        [sys.executable, "-m", "kit", "grade", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


@pytest.mark.once
def test_untouched_stubs_score_zero_with_one_line_per_kata() -> None:
    proc = grade()
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert f"Total 0/{TOTAL}" in out
    assert "Traceback" not in out + proc.stderr
    for entry in CATALOGUE.katas:
        assert re.search(rf"· {entry.name}\s", out), f"no line for {entry.name}"
    assert out.count("not started: exercises/") == len(CATALOGUE.katas)
    assert "\033[" not in out, "ANSI codes in output that is not a terminal"


@pytest.mark.once  # on every Python, the triangle grades each solution the same way
@pytest.mark.timeout(600)  # every check of the curriculum: over 60 s on a busy machine
def test_solutions_copied_over_exercises_score_full_marks(tmp_path: Path) -> None:
    submission = tmp_path / "submission"
    shutil.copytree(REPO / "solutions", submission)
    proc = grade("--target", str(submission), "--strict")
    assert f"Total {TOTAL}/{TOTAL}" in proc.stdout, proc.stdout[-3000:]
    assert "still running" not in proc.stdout, "an honest grader process was flagged or killed"
    assert proc.returncode == 0


@pytest.mark.once
def test_a_subset_by_kata_and_by_track() -> None:
    proc = grade("two_sleepers", "coroutines", "--target", "solutions")
    names = re.findall(r"✓ (\w+)", proc.stdout)
    expected = ["two_sleepers"] + [k.name for k in CATALOGUE.katas if k.track == "01_coroutines"]
    assert sorted(names) == sorted(expected)


def test_unknown_name_lists_close_matches_and_valid_names() -> None:
    proc = grade("fetchall")
    assert proc.returncode == 2
    assert "unknown kata or track: fetchall. Did you mean: fetch_all" in proc.stderr
    assert "Katas: hello_world" in proc.stderr


def test_a_crashing_kata_costs_only_itself(tmp_path: Path) -> None:
    (tmp_path / "02_tasks").mkdir()
    shutil.copy(REPO / "solutions" / "02_tasks" / "two_sleepers.py", tmp_path / "02_tasks")
    (tmp_path / "02_tasks" / "fetch_all.py").write_text(
        # posix._exit gets past the sandbox's os._exit guard: the process really ends
        "import posix\n\nasync def fetch_all(ids, fetch):\n    posix._exit(3)\n",
        encoding="utf-8",
    )
    proc = grade("fetch_all", "two_sleepers", "--target", str(tmp_path))
    assert "✓ two_sleepers" in proc.stdout
    assert "grader process ended early (exit code 3)" in proc.stdout


@pytest.mark.parametrize(
    ("tty", "no_color", "coloured"), [(True, "", True), (True, "1", False), (False, "", False)]
)
def test_colour_only_on_a_terminal_without_no_color(
    monkeypatch: pytest.MonkeyPatch, tty: bool, no_color: str, coloured: bool
) -> None:
    monkeypatch.setenv("NO_COLOR", no_color)
    monkeypatch.setenv("TERM", "xterm")

    class Stream:
        def isatty(self) -> bool:
            return tty

    entry = CATALOGUE.katas[0]
    text = scoreboard(
        [KataResult(entry, Status.FAIL, "it broke")], CATALOGUE, REPO / "exercises", Stream()
    )
    assert ("\033[" in text) is coloured
    assert Style(Stream()).on is coloured
    assert "→ it broke" in text


# --- How grading is cut into processes ---------------------------------------------------------


def test_grade_cuts_the_curriculum_into_balanced_groups() -> None:
    """As many groups as processes run at once, each about the same cost, every kata once,
    each group in catalogue order; the real-clock katas spread over the groups."""
    from kit._internal.orchestrate import REAL_CLOCK_WEIGHT, _chunks, _weight

    katas = list(CATALOGUE.katas)
    real = [k for k in katas if _weight(k) == REAL_CLOCK_WEIGHT]
    assert {k.id for k in real} >= {"09_subprocesses/run_all", "08_streams/upper_server"}
    assert _weight(CATALOGUE.info("02_tasks/fetch_all")) == 1  # type: ignore[arg-type]
    groups = _chunks(katas, 4)
    assert len(groups) == 4
    assert sorted(k.id for g in groups for k in g) == sorted(k.id for k in katas)
    position = {k.id: i for i, k in enumerate(katas)}
    for group in groups:
        assert [position[k.id] for k in group] == sorted(position[k.id] for k in group)
    loads = [sum(_weight(k) for k in g) for g in groups]
    assert max(loads) - min(loads) <= REAL_CLOCK_WEIGHT, loads
    assert len(_chunks(katas, 1)) == 1 and len(_chunks(katas[:2], 4)) == 2
    (waits,) = _chunks(katas, 1, waits_first=True)
    assert [_weight(k) for k in waits] == sorted((_weight(k) for k in katas), reverse=True)


def test_instructors_tests_get_a_process_of_their_own() -> None:
    """Their process loads pytest fully (assertion rewriting); the built-in katas stay lean."""
    from kit._internal.manifest import KataInfo
    from kit._internal.orchestrate import _chunks

    own = KataInfo(id="extra/test_mine", title="mine", points=5)
    groups = _chunks([*CATALOGUE.katas[:3], own], 1)
    assert groups == [list(CATALOGUE.katas[:3]), [own]]


def test_the_gradebook_estimates_the_cost_of_a_submission(tmp_path: Path) -> None:
    """Stubs cost nothing (they fail at once), a real-clock kata the most."""
    from kit._internal.orchestrate import REAL_CLOCK_WEIGHT, estimated_cost

    katas = [CATALOGUE.info(k) for k in ("02_tasks/fetch_all", "09_subprocesses/run_all")]
    entries = [k for k in katas if k is not None]
    assert estimated_cost(entries, tmp_path) == 0  # nothing handed in
    for entry in entries:
        (tmp_path / entry.track).mkdir()
        shutil.copy(REPO / "exercises" / f"{entry.id}.py", tmp_path / entry.track)
    assert estimated_cost(entries, tmp_path) == 0  # the untouched stubs
    shutil.copy(REPO / "solutions" / "09_subprocesses" / "run_all.py", tmp_path / "09_subprocesses")
    assert estimated_cost(entries, tmp_path) == REAL_CLOCK_WEIGHT
    shutil.copy(REPO / "solutions" / "02_tasks" / "fetch_all.py", tmp_path / "02_tasks")
    assert estimated_cost(entries, tmp_path) == REAL_CLOCK_WEIGHT + 1
    # A kata file that is not a regular file is never read (a symlink to /dev/zero would
    # never end); symlinks are not graded, so they cost nothing.
    (tmp_path / "02_tasks" / "fetch_all.py").unlink()
    (tmp_path / "02_tasks" / "fetch_all.py").symlink_to("/dev/zero")
    assert estimated_cost(entries, tmp_path) == REAL_CLOCK_WEIGHT
