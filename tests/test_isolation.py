"""Hostile submissions: each misbehaving kata fails with a one-line reason, the kata beside it
is still graded, and the report is still written."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import pytest
from kit._internal import isolation
from kit._internal import sandbox as guard
from kit._internal.paths import REPO

CANARY_DIR = REPO / ".katas"

# Each hostile two_sleepers, and a piece of the sentence its grade must carry.
HOSTILE = {
    "hangs_forever": (
        "import asyncio\n\nasync def two_sleepers(a=10.0, b=5.0):\n"
        "    await asyncio.Event().wait()\n",
        "never finished",
    ),
    "spins_the_cpu": (
        "async def two_sleepers(a=10.0, b=5.0):\n    while True:\n        pass\n",
        "one step ran for more than 1 s of real time and was stopped",
    ),
    "calls_os_exit": (
        "import os\n\nasync def two_sleepers(a=10.0, b=5.0):\n    os._exit(0)\n",
        "called os._exit(0), which would end the grader",
    ),
    "exits_past_the_guard": (
        "import posix\n\nasync def two_sleepers(a=10.0, b=5.0):\n    posix._exit(0)\n",
        "ended early (exit code 0)",
    ),
    "raises_system_exit": (
        "async def two_sleepers(a=10.0, b=5.0):\n    raise SystemExit(3)\n",
        "raised SystemExit",
    ),
    "segfaults": (
        "import ctypes\n\nasync def two_sleepers(a=10.0, b=5.0):\n    ctypes.string_at(0)\n",
        "SIGSEGV",
    ),
    "blocks_the_loop": (
        "import time\n\nasync def two_sleepers(a=10.0, b=5.0):\n"
        "    time.sleep(1)\n    return 10.0\n",
        "blocked the event loop",
    ),
    "replaces_the_kit": (
        "import kit.outcomes\n\nkit.outcomes.fail = lambda message: None\n\n"
        "async def two_sleepers(a=10.0, b=5.0):\n    return 0.0\n",
        "replaced part of the grader",
    ),
    "deletes_files_outside": (
        "import os\n\nasync def two_sleepers(a=10.0, b=5.0):\n    os.remove({canary!r})\n",
        "tried to delete",
    ),
}


def grade(
    target: Path,
    *args: str,
    names: tuple[str, ...] = ("two_sleepers", "fetch_all"),
    tmp: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python -m kit grade NAMES ARGS --submission TARGET``, its temporary files in ``tmp``."""
    env = {**os.environ, "PYTHONPATH": "graders", "KATAS_TEST_TIMEOUT": "3"}
    if tmp is not None:
        env["TMPDIR"] = str(tmp)
    return subprocess.run(
        [sys.executable, "-m", "kit", "grade", *names, *args, "--submission", str(target)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


@pytest.mark.turns
@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_kata_fails_alone_and_the_report_is_written(tmp_path: Path, kind: str) -> None:
    source, sentence = HOSTILE[kind]
    CANARY_DIR.mkdir(exist_ok=True)
    canary = CANARY_DIR / f"canary-{uuid.uuid4().hex}"
    canary.write_text("keep me")
    # Not under tmp_path: a grader process's uid must reach its sandbox in there.
    temporary = Path(tempfile.mkdtemp(prefix="katas-test-"))
    temporary.chmod(0o755)
    try:
        submission = tmp_path / "submission"
        (submission / "02_tasks").mkdir(parents=True)
        shutil.copy(REPO / "solutions" / "02_tasks" / "fetch_all.py", submission / "02_tasks")
        (submission / "02_tasks" / "two_sleepers.py").write_text(source.format(canary=str(canary)))
        report = tmp_path / "results.json"
        proc = grade(submission, "--json", str(report), tmp=temporary)
        assert canary.exists(), "the hostile kata deleted a file outside its sandbox"
        left = sorted(p.name for p in temporary.iterdir())
        assert not left, f"grading left {left} in its temporary folder"
    finally:
        canary.unlink(missing_ok=True)
        shutil.rmtree(temporary, ignore_errors=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "✓ fetch_all" in proc.stdout, proc.stdout
    results = {t["name"].split(" ")[0]: t for t in json.loads(report.read_text())["tests"]}
    hostile = results["02_tasks/two_sleepers"]
    assert hostile["status"] in ("fail", "error")
    assert sentence in hostile["message"], hostile["message"]
    assert "\n" not in hostile["message"]
    assert results["02_tasks/fetch_all"]["status"] == "pass"


def test_a_spin_outside_the_virtual_loop_is_stopped_by_the_test_timeout(tmp_path: Path) -> None:
    """Plain ``def`` code runs outside any loop we watch: pytest-timeout is the guard."""
    (tmp_path / "01_coroutines").mkdir()
    reference = (REPO / "solutions" / "01_coroutines" / "run_it.py").read_text()
    (tmp_path / "01_coroutines" / "run_it.py").write_text(
        reference + "\n\ndef main(name: str) -> str:\n    while True:\n        pass\n"
    )
    report = tmp_path / "results.json"
    proc = grade(tmp_path, "--json", str(report), names=("run_it",))
    assert proc.returncode == 0, proc.stderr[-2000:]
    message = json.loads(report.read_text())["tests"][0]["message"]
    assert "ran for more than 3 s of real time and was stopped" in message, message


def test_ten_megabytes_of_output_are_capped(tmp_path: Path) -> None:
    (tmp_path / "02_tasks").mkdir()
    (tmp_path / "02_tasks" / "two_sleepers.py").write_text(
        (REPO / "solutions" / "02_tasks" / "two_sleepers.py").read_text()
        + "\nprint('x' * 10_000_000)\n"
    )
    report = tmp_path / "results.json"
    proc = grade(tmp_path, "--json", str(report))
    assert proc.returncode == 0
    hostile = json.loads(report.read_text())["tests"][0]
    assert hostile["status"] == "pass"
    assert len(hostile.get("output", "")) < 50_000


# Writes 256 MiB (a real attack: gigabytes) where the grading process reads: its result
# channel, without a newline (WHERE "channel"), or the copy of its stdout that pytest keeps
# while it captures (WHERE "stdout", an unlinked file outside the grader's own tmpfs).
FLOOD = """
import os, sys, tempfile
WHERE = {where!r}
def _targets():
    if WHERE == "channel":
        for arg in sys.argv:
            if arg.startswith("--") and arg.count(",") == 1 and "=" in arg:
                yield int(arg.split("=")[1].split(",")[0])
        return
    here = os.stat(tempfile.gettempdir()).st_dev
    for fd in range(3, 64):
        try:
            st = os.fstat(fd)
        except OSError:
            continue
        if st.st_nlink == 0 and st.st_dev != here and (st.st_mode & 0o170000) == 0o100000:
            yield fd
for fd in _targets():
    with open(fd, "ab" if WHERE == "stdout" else "wb", closefd=False) as out:
        for _ in range(256):
            out.write(b"x" * (1 << 20))
    if WHERE == "stdout":
        raise RuntimeError("wrote 256 MiB to the grading machine's disk")
    break

async def two_sleepers(a, b):
    raise NotImplementedError
"""


@pytest.mark.parametrize("where", ["channel", "stdout"])
def test_a_flood_costs_the_grading_process_neither_memory_nor_disk(
    tmp_path: Path, where: str
) -> None:
    """The result channel keeps no line longer than a record can be (a line of gigabytes was
    held in memory), and a grader process's output goes through a pipe of which the last
    OUTPUT_KEEP bytes are kept (a temporary file on the grading machine's disk held all)."""
    from kit._internal import orchestrate

    (tmp_path / "02_tasks").mkdir()
    (tmp_path / "02_tasks" / "two_sleepers.py").write_text(FLOOD.format(where=where))
    code = (
        "import resource, sys\n"
        "from kit._internal import cli\n"
        "try:\n    cli.main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print('peak', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    report = tmp_path / "results.json"
    args = ["grade", "two_sleepers", "--json", str(report), "--submission", str(tmp_path)]
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": "graders", "KATAS_TEST_TIMEOUT": "10"},
        timeout=300,
    )
    assert report.is_file(), proc.stderr[-3000:]
    peak_kib = int(proc.stdout.rsplit("peak", 1)[1])
    assert peak_kib < 200 * 1024, peak_kib  # 256 MiB came down its pipes
    hostile = json.loads(report.read_text())["tests"][0]
    assert hostile["status"] != "pass"
    assert "grading machine's disk" not in hostile["message"], hostile
    if where == "channel":
        assert orchestrate.LINE_LIMIT < 64 << 20
        assert "was not the grader's" in hostile["message"], hostile


@pytest.mark.parametrize("mode", ["root", "userns"])
def test_a_grader_process_may_have_nproc_processes_in_every_mode(tmp_path: Path, mode: str) -> None:
    """RLIMIT_NPROC in a user namespace too (counted there since Linux 5.14): without it, a
    kata graded by an instructor who is not root started threads and processes until the
    machine's pid_max was used up (tests/hostile has no such kata: it would take the
    machine down with the test)."""
    env = {**os.environ, "KATAS_ISOLATION": mode, "PYTHONPATH": "graders"}
    if (
        subprocess.run(
            [sys.executable, "-c", "from kit._internal import isolation; print(isolation.mode())"],
            cwd=REPO,
            capture_output=True,
            text=True,
            env=env,
        ).stdout.strip()
        != mode
    ):
        pytest.skip(f"no {mode} isolation here")
    (tmp_path / "02_tasks").mkdir()
    (tmp_path / "02_tasks" / "two_sleepers.py").write_text(
        "import resource\n"
        "raise RuntimeError('nproc %d' % resource.getrlimit(resource.RLIMIT_NPROC)[0])\n"
    )
    report = tmp_path / "results.json"
    args = ["grade", "two_sleepers", "--json", str(report), "--submission", str(tmp_path)]
    proc = subprocess.run(
        [sys.executable, "-m", "kit", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert report.is_file(), proc.stderr[-3000:]
    message = json.loads(report.read_text())["tests"][0]["message"]
    assert f"nproc {isolation.NPROC}" in message, message


class _FakeSocket:
    family = socket.AF_INET


@pytest.mark.parametrize("host", ["192.0.2.1", "2001:db8::1"])
def test_connections_beyond_loopback_are_refused(tmp_path: Path, host: str) -> None:
    """The audit hook refuses before any packet is sent (called directly: no real socket)."""
    with guard.sandbox(tmp_path), pytest.raises(PermissionError, match=r"127\.0\.0\.1 only"):
        guard._hook("socket.connect", (_FakeSocket(), (host, 80)))
    with guard.sandbox(tmp_path), pytest.raises(PermissionError, match=r"look up 'example\.com'"):
        guard._hook("socket.getaddrinfo", ("example.com", 80, 0, 0, 0, 0))


def test_loopback_and_sandbox_writes_are_allowed(tmp_path: Path) -> None:
    with guard.sandbox(tmp_path):
        guard._hook("socket.connect", (_FakeSocket(), ("127.0.0.1", 80)))
        guard._hook("socket.getaddrinfo", ("localhost", 80, 0, 0, 0, 0))
        (tmp_path / "ok.txt").write_text("fine")
        with open(os.devnull, "w") as sink:  # subprocess.DEVNULL opens it so
            sink.write("thrown away")
    with guard.sandbox(tmp_path), pytest.raises(PermissionError, match="delete"):
        guard._hook("os.remove", (os.devnull, None))
    assert (tmp_path / "ok.txt").read_text() == "fine"


def test_a_submission_with_its_own_conftest_is_told_it_is_ignored(tmp_path: Path) -> None:
    shutil.copytree(REPO / "solutions" / "02_tasks", tmp_path / "02_tasks")
    (tmp_path / "conftest.py").write_text("raise SystemExit('hijacked')\n")
    (tmp_path / "02_tasks" / "sitecustomize.py").write_text("raise SystemExit('hijacked')\n")
    proc = grade(tmp_path)
    assert "ignored in the submission: 02_tasks/sitecustomize.py, conftest.py" in proc.stdout
    assert "✓ two_sleepers" in proc.stdout and "✓ fetch_all" in proc.stdout


def test_a_grader_process_loads_only_the_plugins_it_uses(tmp_path: Path) -> None:
    """No pytest plugin but pytest-timeout in a kit kata's grader process: not pytest-xdist or
    pytest-asyncio (installed, so pytest would load them), and not Hypothesis for a grader
    that draws no examples (each costs CPU time in every grader process)."""
    (tmp_path / "01_coroutines").mkdir()
    (tmp_path / "01_coroutines" / "hello_world.py").write_text(
        "import sys\n\nasync def hello_world():\n"
        "    loaded = ('xdist', 'pytest_asyncio', 'anyio', 'hypothesis', 'pytest_timeout')\n"
        "    raise RuntimeError(sorted({m.split('.')[0] for m in sys.modules} & set(loaded)))\n",
        encoding="utf-8",
    )
    report = tmp_path / "results.json"
    proc = grade(tmp_path, "--json", str(report), names=("hello_world",))
    assert proc.returncode == 0, proc.stderr[-2000:]
    message = json.loads(report.read_text())["tests"][0]["message"]
    assert "['pytest_timeout']" in message, message


def test_a_grading_copy_loads_the_bytecode_compiled_for_it_while_its_source_matches(
    tmp_path: Path,
) -> None:
    """The grading process compiles the graders once and gives each private copy that
    bytecode (checked against the source's hash): a grader process does not compile the
    kit again, and never runs bytecode of a source that changed."""
    isolation.copy_graders(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
    env.update(PYTHONPATH=str(tmp_path / "graders"), PYTHONDONTWRITEBYTECODE="1")
    module = tmp_path / "graders" / "kit" / "outcomes.py"
    pyc = module.parent / "__pycache__" / f"outcomes.{sys.implementation.cache_tag}.pyc"
    check = [sys.executable, "-v", "-c", "import kit.outcomes as m; print(hasattr(m, 'EDITED'))"]
    proc = subprocess.run(check, env=env, capture_output=True, text=True, timeout=60)
    assert f"{pyc} matches {module}" in proc.stderr and proc.stdout == "False\n"
    module.write_text(module.read_text(encoding="utf-8") + "\nEDITED = 1\n", encoding="utf-8")
    proc = subprocess.run(check, env=env, capture_output=True, text=True, timeout=60)
    assert f"{pyc} matches" not in proc.stderr and proc.stdout == "True\n"


def test_the_isolation_is_probed_once_however_many_threads_ask(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A gradebook's threads all ask for the mode at their start: one probe answers all."""
    probes: list[object] = []
    run = isolation.subprocess.run

    def counted(*args: object, **options: object) -> object:
        probes.append(args)
        return run(*args, **options)  # type: ignore[call-overload]

    monkeypatch.setattr(isolation.subprocess, "run", counted)
    isolation._mode.cache_clear()
    try:
        answers: list[str] = []
        threads = [
            threading.Thread(target=lambda: answers.append(isolation.mode())) for _ in range(8)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        isolation._mode.cache_clear()
    assert len(set(answers)) == 1 and len(answers) == 8
    assert len(probes) <= 2, probes  # root, else user namespaces: at most two probes


@pytest.mark.skipif(
    isolation.mode() != "root" or isolation.hierarchy("cpu") is None,
    reason="needs root and a cgroup hierarchy with the cpu controller",
)
def test_stale_empty_cgroups_are_swept_and_busy_or_new_ones_kept() -> None:
    """A cgroup an earlier grading left (empty, older than STALE_GROUP) is removed; a new one
    and an old one that still holds a process stay."""
    top = isolation.hierarchy("cpu")
    assert top is not None
    tag = uuid.uuid4().hex[:8]
    old, new, busy = (top / f"{isolation.CGROUP_PREFIX}test-{tag}-{n}" for n in "onb")
    sleeper = None
    try:
        for group in (old, new, busy):
            group.mkdir()
        sleeper = subprocess.Popen(["sleep", "30"])
        (busy / "cgroup.procs").write_text(str(sleeper.pid), encoding="ascii")
        past = time.time() - isolation.STALE_GROUP - 60
        for group in (old, busy):
            os.utime(group, (past, past))
        removed = isolation.sweep(top)
        assert old in removed and not old.exists()
        assert new.exists() and busy.exists() and new not in removed and busy not in removed
    finally:
        if sleeper is not None:
            sleeper.kill()
            sleeper.wait()
        for group in (old, new, busy):
            for _ in range(50):
                try:
                    group.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    time.sleep(0.1)
