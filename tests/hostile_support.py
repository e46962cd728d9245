"""What the tests of hostile submissions share (test_integrity.py, test_budgets.py,
test_lingering.py): the attacks in tests/hostile/, a way to run the kit, a submission
built from them, and the checks that one attack ends blocked or flagged."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from kit._internal import isolation
from kit._internal.paths import REPO

HOSTILE = REPO / "tests" / "hostile"
ISOLATED = isolation.mode() != "none"
needs_namespaces = pytest.mark.skipif(
    not ISOLATED, reason="needs mount, network and PID namespaces (root or user namespaces)"
)

# kind -> (a piece of two_sleepers' sentence when isolated or None, a piece of its flags or None)
KINDS: dict[str, tuple[str | None, str | None]] = {
    "skip": ("was skipped, not passed", "importing pytest"),
    "atexit_forges": (None, "an atexit handler"),
    "daemon_rewrites_others": (None, "setsid"),
    "frame_hook": (None, "frame walking"),
    "copies_reference": ("found no reference to copy", "exec/eval of built code"),
    "daemon_rewrites_reports": (None, "fork"),
    "deletes_classmates": (None, "deleting folders"),
    "ugly_output": ("ValueError", None),
    "replaces_loop_time": ("changed the event loop's clock", None),
    "rewinds_the_clock": ("changed the event loop's clock", "private attributes"),
    "moves_timers": ("changed the event loop's clock", "private attributes"),
    "lying_float": ("returned 2.0", None),
    "claims_a_float_subclass": ("claims to be a Seconds but is a Elapsed", None),
    "says_yes_when_compared": ("a Elapsed object whose == is its own code", None),
    "patches_the_time_module": ("replaced part of the grader (time.monotonic", None),
    "hides_tasks": ("replaced part of the grader (asyncio.all_tasks", None),
    "patches_kit_class": ("replaced part of the grader (kit.kata.Kata.run", "sys.modules"),
    "swaps_grader_globals": ("test_two_sleepers.kit)", "sys.modules"),
    "shadows_builtins": ("test_two_sleepers: abs", "sys.modules"),
    "clears_checks": ("(what kit.running.CHECKS holds)", "sys.modules"),
    "patches_loop_class": ("took 15 s of loop time", None),
    "rewrites_the_graders": ("ended early (exit code 1)", "os._exit"),
    "plants_modules": ("ended early (exit code 1)", "os._exit"),
    "writes_python": ("ended early (exit code 1)", "os._exit"),
    "speeds_the_loop_clock": ("replaced part of the grader (asyncio.base_events.time)", None),
    "reads_its_memory": ("the memory of a process", None),
}
# What tests/hostile's daemons carry in their command lines. A test gives its own daemons a
# name of their own (own_mark()): test files run side by side, and one test's daemons,
# alive while it grades, must not be counted as left over by a test beside it.
MARK = "katas-hostile-daemon"
# The attacks that go on after grading (daemons, a thread that deletes): their checks wait
# for them to strike, so they are graded in test_lingering.py, beside the other files.
LINGERING = ("daemon_rewrites_others", "daemon_rewrites_reports", "deletes_classmates")


# Whether unprivileged user namespaces work here (the userns mode of isolation).
USER_NAMESPACES = shutil.which("unshare") is not None and isolation._works(
    ["unshare", "--user", "--map-root-user", *isolation.NAMESPACES, "true"]
)


def run_kit(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m kit ARGS`` from the repository, its test timeout 10 s unless ``env`` says."""
    env = {**os.environ, "PYTHONPATH": "graders", "KATAS_TEST_TIMEOUT": "10", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "kit", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        errors="surrogateescape",
        env=env,
        timeout=600,
    )


def own_mark() -> str:
    """A name for one test's daemons, in place of MARK (which it does not contain)."""
    return f"katas-hostile-{uuid.uuid4().hex}"


def student(dest: Path, kind: str | None, mark: str = MARK) -> Path:
    """A submission: the hostile ``kind`` (or the reference when None) for two_sleepers,
    its daemons named ``mark``, next to the reference's fetch_all."""
    (dest / "02_tasks").mkdir(parents=True)
    shutil.copy(REPO / "solutions" / "02_tasks" / "fetch_all.py", dest / "02_tasks")
    source = HOSTILE / kind if kind else REPO / "solutions"
    code = (source / "02_tasks" / "two_sleepers.py").read_bytes()
    (dest / "02_tasks" / "two_sleepers.py").write_bytes(code.replace(MARK.encode(), mark.encode()))
    return dest


def digest(folder: Path) -> dict[str, str]:
    """Each file under ``folder`` -> the sha256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def daemons_left(name: str = MARK) -> list[str]:
    """The pids of running processes whose command line holds ``name``."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if name.encode() in cmdline:
            found.append(entry.name)
    return found


def planted_in_python() -> list[str]:
    """The files that writes_python plants in the Python that grades (this one) and that
    are there; each is removed, so that the machine is left clean whatever happened."""
    paths = sysconfig.get_paths()
    found = []
    for path in (
        Path(paths["purelib"]) / "katas-victim-planted.pth",
        Path(paths["stdlib"]) / "katas_victim_planted.py",
        Path(sys.prefix).parent / "katas-victim-planted",
    ):
        if path.exists():
            found.append(str(path))
            path.unlink()
    return found


def grade_blocks_or_flags(tmp_path: Path, kind: str, env: dict[str, str] | None = None) -> None:
    """``grade --submission`` of the attack ``kind`` (``env`` added to its environment): its
    kata fails with its sentence or flags, the output and reports are clean, and neither a
    classmate's folder nor the reports change afterwards."""
    sentence, flag = KINDS[kind]
    victim = student(tmp_path / "class" / "katas-victim-alice", None)
    before = digest(victim)
    mark = own_mark()
    mallory = student(tmp_path / "class" / "mallory", kind, mark)
    reports = tmp_path / "katas-victim-reports"
    report, junit = reports / "results.json", reports / "junit.xml"
    proc = run_kit(
        [  # one grader process: a kata that ends it is graded again, alone, in a fresh one
            *("grade", "two_sleepers", "fetch_all", "--submission", str(mallory), "--jobs", "1"),
            *("--json", str(report), "--junit", str(junit)),
        ],
        env,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    written = report.read_bytes(), junit.read_bytes()
    results = json.loads(report.read_text(encoding="utf-8"))
    tests = {t["name"].split(" ")[0]: t for t in results["tests"]}
    hostile = tests["02_tasks/two_sleepers"]
    assert hostile["status"] != "pass" and hostile["score"] == 0, hostile
    honest = tests["02_tasks/fetch_all"]  # the reference, graded beside it or after it
    assert honest["status"] == "pass", honest
    if sentence and (ISOLATED or kind != "copies_reference"):
        assert sentence in hostile["message"], hostile["message"]
    if flag:
        assert any(flag in f for f in results["flags"]["02_tasks/two_sleepers"]), results
    assert "\x1b" not in proc.stdout and "\x00" not in proc.stdout
    ET.fromstring(junit.read_bytes())  # well-formed
    if kind.startswith("daemon") or kind == "deletes_classmates":
        time.sleep(4)  # a daemon that survived would strike now
    assert digest(victim) == before, "a classmate's folder was changed"
    assert (report.read_bytes(), junit.read_bytes()) == written, "the reports were rewritten"
    assert not planted_in_python(), "the Python that grades was written to"
    if ISOLATED:
        assert not daemons_left(mark)
