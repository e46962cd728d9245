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


def test_solutions_copied_over_exercises_score_full_marks(tmp_path: Path) -> None:
    submission = tmp_path / "submission"
    shutil.copytree(REPO / "solutions", submission)
    proc = grade("--target", str(submission), "--strict")
    assert f"Total {TOTAL}/{TOTAL}" in proc.stdout, proc.stdout[-3000:]
    assert "still running" not in proc.stdout, "an honest grader process was flagged or killed"
    assert proc.returncode == 0


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
