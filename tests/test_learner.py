"""The learner's commands: hints, reset, solution, --list, watch mode and friendly errors."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from kit._internal.manifest import catalogue
from kit._internal.paths import REPO

ENTRY = catalogue().info("02_tasks/two_sleepers")


def kit_cmd(*args: str, state: Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(cwd / "graders"), "KATAS_STATE": str(state)}
    return subprocess.run(
        [sys.executable, "-m", "kit", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_hints_come_one_more_at_a_time(tmp_path: Path) -> None:
    assert ENTRY is not None and len(ENTRY.hints) >= 2
    outputs = [kit_cmd("hint", "two_sleepers", state=tmp_path).stdout for _ in ENTRY.hints]
    for i, out in enumerate(outputs, start=1):
        assert out.startswith(f"Hint {i}/{len(ENTRY.hints)} for two_sleepers")
        assert ENTRY.hints[i - 1] in out
    assert "That was the last hint" in outputs[-1]
    again = kit_cmd("hint", "two_sleepers", state=tmp_path).stdout
    assert again.startswith(f"Hint {len(ENTRY.hints)}/{len(ENTRY.hints)}")


def test_unknown_kata_gets_close_matches(tmp_path: Path) -> None:
    proc = kit_cmd("hint", "two_sleeper", state=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("unknown kata: two_sleeper. Did you mean: two_sleepers")


def test_solution_unlocks_when_the_kata_passes(tmp_path: Path) -> None:
    locked = kit_cmd("solution", "two_sleepers", state=tmp_path)
    assert locked.returncode == 1 and "unlocks once your kata passes" in locked.stderr
    forced = kit_cmd("solution", "two_sleepers", "--force", state=tmp_path)
    assert forced.returncode == 0 and "async def two_sleepers" in forced.stdout
    (tmp_path / "progress.json").write_text(json.dumps({"status": {ENTRY.id: "pass"}}))
    shown = kit_cmd("solution", "two_sleepers", state=tmp_path)
    assert shown.returncode == 0 and "Why this works:" in shown.stdout


def test_list_shows_the_last_grades(tmp_path: Path) -> None:
    (tmp_path / "progress.json").write_text(json.dumps({"status": {ENTRY.id: "pass"}}))
    out = kit_cmd("grade", "--list", "tasks", state=tmp_path).stdout
    assert "✓ two_sleepers" in out and "· fetch_all" in out and "Next: fetch_all" in out


def test_reset_restores_the_stub_and_keeps_a_backup(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True, timeout=120)
    stub = clone / "exercises" / "02_tasks" / "two_sleepers.py"
    original = stub.read_text()
    stub.write_text("# my attempt\n")
    proc = kit_cmd("reset", "two_sleepers", state=tmp_path / "state", cwd=clone)
    assert proc.returncode == 0, proc.stderr
    assert "two_sleepers: restored exercises/02_tasks/two_sleepers.py" in proc.stdout
    assert stub.read_text() == original
    backups = list((tmp_path / "state" / "backups").glob("02_tasks__two_sleepers.*.py"))
    assert [b.read_text() for b in backups] == ["# my attempt\n"]
    again = kit_cmd("reset", "two_sleepers", state=tmp_path / "state", cwd=clone)
    assert "already the original stub" in again.stdout
    nothing = kit_cmd("reset", state=tmp_path / "state", cwd=clone)
    assert nothing.returncode == 2 and "--all" in nothing.stderr


def _grade_one(target: Path, name: str, tmp_path: Path) -> str:
    """The scoreboard with wrapped lines joined again."""
    return " ".join(kit_cmd("grade", name, "--target", str(target), state=tmp_path).stdout.split())


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("async def two_sleepers(a=10.0, b=5.0)\n    pass\n", "two_sleepers.py:1: expected ':'"),
        ("def two_sleepers(a=10.0, b=5.0):\n    return 10.0\n", "is a plain `def` function"),
        ("async def two_sleeper(a=10.0, b=5.0):\n    return 10.0\n", "(found `two_sleeper`"),
        (
            "import asyncio\n\nasync def two_sleepers(a=10.0, b=5.0):\n"
            "    await asyncio.sleep(max(a, b))\n    return 'ten'\n",
            "returned 'ten'; it should return the elapsed loop time",
        ),
    ],
    ids=["syntax-error", "plain-def", "misspelled", "wrong-type"],
)
def test_friendly_errors_are_one_line(tmp_path: Path, source: str, expected: str) -> None:
    (tmp_path / "t" / "02_tasks").mkdir(parents=True)
    (tmp_path / "t" / "02_tasks" / "two_sleepers.py").write_text(source)
    out = _grade_one(tmp_path / "t", "two_sleepers", tmp_path)
    assert expected in out, out
    assert "Traceback" not in out
    assert "(graded 1 kata in " in out, out


class Watcher:
    """Runs ``python -m kit watch`` and reads its output as it comes."""

    def __init__(self, target: Path, state: Path, *names: str) -> None:
        env = {
            **os.environ,
            "PYTHONPATH": "graders",
            "KATAS_STATE": str(state),
            "PYTHONUNBUFFERED": "1",
        }
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kit",
                "watch",
                *names,
                "--poll",
                "--interval",
                "0.1",
                "--target",
                str(target),
            ],
            cwd=REPO,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            # Ctrl-C must reach watch even when these tests run in a background job (where
            # the shell starts everything with SIGINT ignored).
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen = ""
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)

    def wait_for(self, text: str, timeout: float = 120.0, times: int = 1) -> str:
        deadline = time.monotonic() + timeout
        while self.seen.count(text) < times:
            try:
                self.seen += self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(
                    f"watch never printed {text!r}; it printed:\n{self.seen}"
                ) from None
        return self.seen


@pytest.mark.once
def test_watch_regrades_on_save_moves_on_and_stops_cleanly(tmp_path: Path) -> None:
    target = tmp_path / "exercises"
    shutil.copytree(REPO / "exercises" / "02_tasks", target / "02_tasks")
    watcher = Watcher(target, tmp_path / "state", "two_sleepers", "fetch_all")
    try:
        watcher.wait_for("two_sleepers: Two sleepers")
        watcher.wait_for("not started")
        watcher.wait_for("Save the file to grade it again")
        time.sleep(0.3)
        shutil.copy(REPO / "solutions" / "02_tasks" / "two_sleepers.py", target / "02_tasks")
        watcher.wait_for("✓ two_sleepers passes! Moving on to fetch_all.")
        watcher.wait_for("fetch_all: Fan out")
        watcher.wait_for("Save the file to grade it again", times=2)
        watcher.proc.send_signal(signal.SIGINT)
        assert watcher.proc.wait(timeout=60) == 0
        watcher.wait_for("Stopped watching.")
    finally:
        if watcher.proc.poll() is None:
            watcher.proc.kill()


# Watch mode answers a save with a grader process started ahead (orchestrate.prepare).

SOLVED = (REPO / "solutions" / "02_tasks" / "two_sleepers.py").read_text(encoding="utf-8")


def _exercises(tmp_path: Path) -> Path:
    target = tmp_path / "exercises"
    shutil.copytree(REPO / "exercises" / "02_tasks", target / "02_tasks")
    return target


def test_a_process_started_ahead_grades_the_code_as_saved_after_it(tmp_path: Path) -> None:
    """It was started on the stub; the learner then saved a solution: the solution is graded,
    and no code from the folder ran before the release (its import would leave a mark)."""
    from kit._internal import orchestrate
    from kit._internal.data import Status

    assert ENTRY is not None
    target = _exercises(tmp_path)
    kata = target / "02_tasks" / "two_sleepers.py"
    kata.write_text("open('imported-early', 'w').close()\n" + kata.read_text(encoding="utf-8"))
    orchestrate.prepare([ENTRY], target)
    try:
        started = orchestrate._prepared["next"][1]
        time.sleep(3)  # pytest and the grader are loaded by now
        assert started.proc.poll() is None, "the process started ahead did not wait"
        assert not (started.box.root / "home" / "imported-early").exists()
        kata.write_text(SOLVED, encoding="utf-8")
        result = orchestrate.grade([ENTRY], target)[0]
    finally:
        orchestrate.discard()
    assert result.status is Status.PASS, result.message
    assert "next" not in orchestrate._prepared, "a prepared process is used once"
    assert started.proc.poll() is not None


def test_a_process_started_ahead_for_another_kata_is_ended(tmp_path: Path) -> None:
    from kit._internal import orchestrate
    from kit._internal.data import Status

    assert ENTRY is not None
    other = catalogue().info("02_tasks/fetch_all")
    assert other is not None
    target = _exercises(tmp_path)
    orchestrate.prepare([ENTRY], target)
    started = orchestrate._prepared["next"][1]
    result = orchestrate.grade([other], target)[0]
    assert result.status is Status.NOT_STARTED
    assert started.proc.wait(timeout=30) is not None
    assert not started.box.root.exists(), "its sandbox is removed with it"
