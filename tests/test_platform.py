"""Where grading runs: a platform without SIGUSR1 (Windows), and a grader run from an IDE."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from kit._internal.paths import REPO
from kit._internal.steps import StepTimer, Stuck

SEQUENTIAL = "async def fetch_all(ids, fetch):\n    return [await fetch(i) for i in ids]\n"


@pytest.fixture
def no_sigusr1(monkeypatch: pytest.MonkeyPatch) -> None:
    """The signal module as Windows has it: no SIGUSR1, no pthread_kill."""
    monkeypatch.delattr(signal, "SIGUSR1", raising=False)
    monkeypatch.delattr(signal, "pthread_kill", raising=False)


async def spin() -> None:
    while True:  # a step that never ends: no await
        pass


@pytest.mark.usefixtures("no_sigusr1")
def test_the_watchdog_stops_a_stuck_step_without_sigusr1() -> None:
    before = signal.getsignal(signal.SIGINT)
    loop = asyncio.new_event_loop()
    timer = StepTimer(loop, virtual=False)
    try:
        with timer.stuck_guard(0.3) as fired, pytest.raises(Stuck):
            loop.run_until_complete(spin())
        assert fired == [True]
    finally:
        loop.close()
    assert signal.getsignal(signal.SIGINT) is before  # put back


@pytest.mark.usefixtures("no_sigusr1")
def test_ctrl_c_still_stops_grading_without_sigusr1() -> None:
    loop = asyncio.new_event_loop()
    try:
        with StepTimer(loop, virtual=False).stuck_guard(5.0), pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)
    finally:
        loop.close()


@pytest.mark.timeout(300)
def test_a_grader_run_from_the_ide_grades_exercises_with_the_same_sentence(
    tmp_path: Path,
) -> None:
    """`pytest graders/02_tasks/test_fetch_all.py` from the repository root, as VS Code's and
    PyCharm's test runners start it: no PYTHONPATH, no --target (KATAS_TARGET stands in for
    an exercises/ folder holding a wrong answer, so the real one is left alone)."""
    (tmp_path / "02_tasks").mkdir()
    (tmp_path / "02_tasks" / "fetch_all.py").write_text(SEQUENTIAL, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KATAS_TARGET")}
    cmd = [sys.executable, "-m", "pytest", "graders/02_tasks/test_fetch_all.py", "-q"]
    proc = subprocess.run(
        cmd,
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**env, "KATAS_TARGET": str(tmp_path)},
        timeout=300,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    sentence = (
        "fetch_all(['c', 'a', 'd', 'b'], fetch) took 10 s of loop time; expected 4 s. "
        "That is the sum of the latencies"
    )
    assert sentence in proc.stdout
    assert "Traceback" not in proc.stdout and "kit/" not in proc.stdout

    stub = subprocess.run(
        [*cmd, "-k", "test_fetches_run_concurrently"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**env, "KATAS_TARGET": str(REPO / "solutions")},
        timeout=300,
    )
    assert stub.returncode == 0, stub.stdout  # the same command passes the reference


def test_native_windows_stops_at_start_with_one_line_pointing_to_wsl(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kit._internal import cli

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delenv("KATAS_NATIVE_WINDOWS", raising=False)
    assert cli.main(["grade", "two_sleepers"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "WSL" in err


def test_the_readme_leads_with_a_first_command_that_works_under_pep_668() -> None:
    """Debian 12 / Ubuntu 24.04's Python refuses `pip install` outside a venv: the README's
    first command is pipx (or uv), and pip comes later, for a virtual environment."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme[readme.index("## Start") :]
    first = re.search(r"```console\n\$ (.+)", start)
    assert first and first[1].split("#")[0].strip() == "pipx install nox"
    assert "uv tool install nox" in start and "uvx nox -s grade" in start
    assert start.index("pipx install nox") < start.index("python3 -m pip install nox")

    system = Path("/usr/bin/python3")
    if not system.exists():
        pytest.skip("no /usr/bin/python3 here")
    marker = subprocess.run(
        [
            str(system),
            "-c",
            "import os, sysconfig; print(os.path.exists(os.path.join("
            "sysconfig.get_path('stdlib'), 'EXTERNALLY-MANAGED')))",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout.strip()
    if marker != "True":
        pytest.skip("/usr/bin/python3 is not externally managed (no PEP 668 marker)")
    pip = subprocess.run(
        [str(system), "-m", "pip", "install", "--dry-run", "nox"],
        capture_output=True,
        text=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if not k.startswith("PIP_")},
    )
    if "No module named pip" in pip.stderr:
        pytest.skip("/usr/bin/python3 has no pip")
    assert pip.returncode != 0 and "externally-managed-environment" in pip.stderr + pip.stdout
