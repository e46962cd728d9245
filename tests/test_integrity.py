"""Points a submission cannot forge (issue 8): every attack in tests/hostile/ ends blocked
(the kata fails, with a sentence saying why) or flagged, through ``grade --submission`` and
through ``gradebook``, and the honest students' points do not change.

Files the attacks try to damage carry ``katas-victim`` in their path (see
tests/hostile/README.md). The tests that need namespaces skip where the machine has none.
The tests that wait on real time are apart, to run beside this file: the budgets in
test_budgets.py; attacks that strike after grading, and the class gradebook, in
test_lingering.py. What they share is in hostile_support.py.
"""

from __future__ import annotations

import errno
import importlib.util
import json
import marshal
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
import uuid
from pathlib import Path

import pytest
from kit._internal import flags, integrity, isolation, orchestrate
from kit._internal.data import Status
from kit._internal.flags import COMPUTED
from kit._internal.manifest import catalogue
from kit._internal.orchestrate import Batch, Message, _decide, _judge
from kit._internal.paths import REPO

from tests.hostile_support import (
    HOSTILE,
    KINDS,
    LINGERING,
    USER_NAMESPACES,
    daemons_left,
    grade_blocks_or_flags,
    needs_namespaces,
    run_kit,
    student,
)


@pytest.mark.turns
@pytest.mark.timeout(400)
@pytest.mark.parametrize("kind", [k for k in KINDS if k not in LINGERING])
def test_grade_submission_blocks_or_flags(tmp_path: Path, kind: str) -> None:
    grade_blocks_or_flags(tmp_path, kind)


@pytest.mark.timeout(400)
def test_ugly_output_is_shown_visibly(tmp_path: Path) -> None:
    mallory = student(tmp_path / "mallory", "ugly_output")
    report = tmp_path / "results.json"
    proc = run_kit(["grade", "two_sleepers", "--submission", str(mallory), "--json", str(report)])
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "\x1b" not in proc.stdout and "\\x1b[2J" in proc.stdout
    message = json.loads(report.read_text(encoding="utf-8"))["tests"][0]["message"]
    assert "\ud800" not in message and "\x00" not in message and "\\x1b" in message


# The judge of a grader process's messages, without a process.


def _message(seq: int, kind: str, data: object) -> Message:
    return Message(0.0, {"seq": seq, "kind": kind, "data": data})


def _record(nodeid: str, outcome: str = "passed", when: str = "call") -> dict[str, object]:
    return {
        "nodeid": nodeid,
        "kata": "02_tasks/two_sleepers",
        "test": nodeid.split("::")[-1],
        "when": when,
        "outcome": outcome,
        "message": "",
    }


CHECKS = [f"graders/02_tasks/test_two_sleepers.py::test_{n}" for n in ("a", "b")]
ENTRY = catalogue().info("02_tasks/two_sleepers")


def _judged(*messages: Message, code: int = 0) -> Batch:
    batch = Batch([], "02_tasks/two_sleepers", False, code, "")
    _judge(batch, list(messages))
    return batch


def _verdict(batch: Batch) -> tuple[Status | None, str]:
    assert ENTRY is not None
    result = _decide(ENTRY, CHECKS, batch)
    return (result.status, result.message) if result else (None, "")


def test_every_expected_check_must_pass_before_the_end() -> None:
    ok = [_message(1, "record", _record(CHECKS[0])), _message(2, "record", _record(CHECKS[1]))]
    assert _verdict(_judged(*ok, _message(3, "end", None)))[0] is Status.PASS
    status, message = _verdict(_judged(ok[0], _message(2, "end", None)))
    assert status is Status.FAIL and "test_b reported no outcome" in message
    assert _verdict(_judged(ok[0]))[0] is None  # died: graded again


def test_a_skip_an_unknown_a_duplicate_and_a_forgery_fail() -> None:
    end = _message(2, "end", None)
    skipped = _message(1, "record", _record(CHECKS[0], "skipped"))
    assert "was skipped, not passed" in _verdict(_judged(skipped, end))[1]
    unknown = _message(1, "record", _record(CHECKS[0] + "_forged"))
    assert "the graders do not have" in _verdict(_judged(unknown, end))[1]
    twice = _message(2, "record", _record(CHECKS[0]))
    assert (
        "reported twice" in _verdict(_judged(_message(1, "record", _record(CHECKS[0])), twice))[1]
    )
    forged = Message(0.0, None)
    assert "not the grader's" in _verdict(_judged(forged, _message(1, "end", None)))[1]


def test_katas_that_end_their_process_at_once_cost_a_process_each_and_arm_the_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A submission whose every kata segfaults on import spent no time in katas: it took 96
    grader processes (each kata's, then the kata again alone) and 11 minutes, its deadline
    never armed. The first kata of a fresh process is decided where it died, and the whole
    life of a grader process that never reached its end counts towards KATAS_ARM_AFTER (an
    honest process is charged its katas' time only, its start-up not)."""
    entries = [e for e in catalogue().katas if e.id.startswith("02_tasks/")]
    expected = {e.id: [f"graders/{e.id}.py::test_a"] for e in entries}
    runs: list[list[str]] = []

    def dies_at_once(pending, box, verbose, deadline):  # type: ignore[no-untyped-def]
        runs.append([e.id for e in pending])
        return Batch([], pending[0].id, False, -11, "", katas=1)

    monkeypatch.setattr(orchestrate, "_run", dies_at_once)
    deadline = orchestrate.Deadline(time.monotonic() + 3600)
    results = orchestrate._grade_group(entries, None, expected, False, deadline)  # type: ignore[arg-type]
    assert len(runs) == len(entries), runs
    assert all("SIGSEGV" in r.message for r in results), results
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(0.5)"])
    orchestrate._watch(proc, [], orchestrate.threading.Lock(), deadline)
    assert deadline.spent >= 0.4  # no kata started in it: its time still counts
    honest = orchestrate.Deadline(time.monotonic() + 3600)
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(0.5)"])
    ended = [orchestrate.Message(time.monotonic(), {"kind": "end"})]
    orchestrate._watch(proc, ended, orchestrate.threading.Lock(), honest)
    assert honest.spent == 0.0  # it reached its end and ran no kata: nothing to charge


def test_a_sandbox_that_fails_before_any_kata_is_tried_once_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A sandbox that could not be set up (seen once in CI, under load) is the machine's
    problem: the katas are tried once more in a fresh process, and a second failure is
    reported with the sandbox's own reason."""
    entries = [e for e in catalogue().katas if e.id.startswith("02_tasks/")][:2]
    expected = {e.id: [f"graders/{e.id}.py::test_a"] for e in entries}
    runs: list[list[str]] = []
    said = "katas sandbox: cannot hide /somewhere: Device or resource busy"

    def no_sandbox(pending, box, verbose, deadline):  # type: ignore[no-untyped-def]
        runs.append([e.id for e in pending])
        return Batch([], None, False, isolation.SANDBOX_FAILED, said)

    monkeypatch.setattr(orchestrate, "_run", no_sandbox)
    deadline = orchestrate.Deadline(time.monotonic() + 3600)
    results = orchestrate._grade_group(entries, None, expected, False, deadline)  # type: ignore[arg-type]
    assert runs[:2] == [[e.id for e in entries]] * 2, runs  # tried twice, every kata
    assert "cannot hide /somewhere: Device or resource busy" in results[0].message, results


def test_records_after_the_end_do_not_count() -> None:
    late = [_message(2, "record", _record(CHECKS[0])), _message(3, "record", _record(CHECKS[1]))]
    batch = _judged(_message(1, "end", None), *late)
    assert batch.late and not batch.records
    assert "after the grader process had ended" in _verdict(batch)[1]


def test_garbage_after_the_end_is_noted_not_judged() -> None:
    """An atexit handler of a later kata writes garbage on every fd: the katas whose checks
    all passed before the end keep their grade (the garbage is noted); before the end,
    garbage fails the kata that was running."""
    ok = [_message(1, "record", _record(CHECKS[0])), _message(2, "record", _record(CHECKS[1]))]
    batch = _judged(*ok, _message(3, "end", None), Message(0.0, None))
    assert batch.noise and not batch.forged and not batch.late
    assert _verdict(batch)[0] is Status.PASS
    batch = _judged(ok[0], Message(0.0, None), _message(2, "record", _record(CHECKS[1])))
    assert "not the grader's" in _verdict(batch)[1]


def test_a_failure_decides_and_later_skips_are_the_kits() -> None:
    failed = _record(CHECKS[0], "failed")
    failed["message"] = "took 0 s"
    skip = _message(2, "record", _record(CHECKS[1], "skipped"))
    status, message = _verdict(_judged(_message(1, "record", failed), skip))
    assert status is Status.FAIL and message == "took 0 s"


# Attack 10: tamper evidence.


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(
        REPO / "graders", root / "graders", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(REPO / "pyproject.toml", root)
    sums = integrity.sums(root)
    (root / "graders" / "SHA256SUMS").write_text(
        "".join(f"{h}  {p}\n" for p, h in sorted(sums.items())), encoding="utf-8"
    )
    return root


def test_verify_refuses_planted_files(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    clean = integrity.verify(root=root)
    assert not [p for p in clean if "SHA256SUMS" in p or "changed" in p], clean
    (root / "graders" / "kit" / "__pycache__").mkdir()
    (root / "graders" / "kit" / "__pycache__" / "outcomes.cpython-311.pyc").write_bytes(b"x")
    (root / "graders" / "pytest.ini").write_text("[pytest]\naddopts = -p evil\n")
    (root / "graders" / "02_tasks" / "conftest.py").write_text("")
    problems = integrity.verify(root=root)
    for planted in ("kit/__pycache__/outcomes.cpython-311.pyc", "pytest.ini", "02_tasks/conftest"):
        assert any(planted in p and "not in SHA256SUMS" in p for p in problems), problems


def test_verify_against_a_pinneddigest(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    pinned = integrity.digest(integrity.sums(root))
    assert not [p for p in integrity.verify(pinned, root) if "sha256" in p]
    (root / "graders" / "SHA256SUMS").write_text("")  # the list in the tree is no witness
    (root / "graders" / "katas.toml").write_text("# edited\n")
    assert any(pinned in p for p in integrity.verify(pinned, root))


def test_start_up_code_in_the_grading_python_is_refused(tmp_path: Path) -> None:
    site = tmp_path / "site-packages"
    site.mkdir()
    (site / "paths.pth").write_text("/some/folder\n")
    (site / "distutils-precedence.pth").write_text(
        "import os; var = 'SETUPTOOLS_USE_DISTUTILS'; enabled = os.environ.get(var)\n"
    )
    assert integrity.python_problems([site]) == []
    (site / "evil.pth").write_text("import os; os.environ['X'] = '1'\n")
    (site / "sitecustomize.py").write_text("")
    problems = integrity.python_problems([site])
    assert any("evil.pth" in p for p in problems) and any("sitecustomize" in p for p in problems)


@pytest.mark.timeout(300)
def test_grade_refuses_a_digest_it_does_not_match(tmp_path: Path) -> None:
    folder = student(tmp_path / "alice", None)
    proc = run_kit(["grade", "fetch_all", "--submission", str(folder), "--verify-graders=00ff"])
    assert proc.returncode == 3 and "not 00ff" in proc.stderr, proc.stderr


def _bytecode_of_its_source(graders: Path) -> list[str]:
    """The modules under ``graders`` whose bytecode is missing or not of their source."""
    tag = sys.implementation.cache_tag
    wrong = []
    for module in graders.rglob("*.py"):
        pyc = module.parent / "__pycache__" / f"{module.stem}.{tag}.pyc"
        header = pyc.read_bytes()[:16] if pyc.is_file() else b""
        if header[8:] != importlib.util.source_hash(module.read_bytes()):
            wrong.append(str(module.relative_to(graders)))
    return wrong


def test_grading_reads_no_bytecode_from_graders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bytecode planted in graders/ (with the hash of its source) is not copied: the
    private graders hold bytecode compiled by the grading process from their own source,
    none is written, and a grader process that could write into them (no uid of its own)
    reads bytecode from elsewhere."""
    graders = tmp_path / "graders"
    shutil.copytree(REPO / "graders", graders, ignore=shutil.ignore_patterns("__pycache__"))
    source = (graders / "kit" / "outcomes.py").read_bytes()
    planted = graders / "kit" / "__pycache__" / f"outcomes.{sys.implementation.cache_tag}.pyc"
    planted.parent.mkdir()
    header = importlib.util.MAGIC_NUMBER + (0b11).to_bytes(4, "little")
    planted.write_bytes(
        header
        + importlib.util.source_hash(source)
        + marshal.dumps(compile("PLANTED = 1", "x", "exec"))
    )
    monkeypatch.setattr(isolation, "GRADERS", graders)
    box = isolation.sandbox(student(tmp_path / "alice", None))
    try:
        copy = box.root / "graders"
        assert _bytecode_of_its_source(copy) == []
        env = {k: v for k, v in box.env().items() if k != "PYTHONPYCACHEPREFIX"}
        probe = "import kit.outcomes as m; print(hasattr(m, 'PLANTED'))"
        run = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
        assert run.stdout == "False\n", run.stderr
        env = box.env()
        assert env["PYTHONDONTWRITEBYTECODE"] == "1"
        assert env["PYTHONHASHSEED"] == "0"  # the same code, the same grade
        if box.group is None:
            prefix = Path(env["PYTHONPYCACHEPREFIX"])
            assert not prefix.is_relative_to(box.root / "graders")
        else:  # its own uid cannot write the root-owned copy: site-packages' bytecode is used
            assert "PYTHONPYCACHEPREFIX" not in env
            assert copy.stat().st_uid != box.group
            assert not copy.stat().st_mode & 0o022
    finally:
        box.remove()


def test_the_clean_collection_reads_no_bytecode_from_graders(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The collection that says which checks must pass runs on a copy of graders/ with the
    bytecode of its own source only, writes none, and finds every kata's checks."""
    seen: dict[str, object] = {}
    run = subprocess.run

    def spy(cmd: list[str], **options: object) -> subprocess.CompletedProcess[str]:
        copy = Path(str(options["cwd"]))
        seen.update(cwd=copy, cmd=cmd, env=options["env"])
        seen["bytecode"] = _bytecode_of_its_source(copy / "graders")
        return run(cmd, **options)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(orchestrate.subprocess, "run", spy)
    found = orchestrate._collect(sorted(REPO.glob("graders/*/test_*.py")))
    copy = Path(str(seen["cwd"]))
    assert not copy.is_relative_to(REPO) and seen["bytecode"] == []
    env = seen["env"]
    assert isinstance(env, dict) and env["PYTHONDONTWRITEBYTECODE"] == "1"
    assert "PYTHONPYCACHEPREFIX" not in env and env["PYTHONPATH"] == str(copy / "graders")
    assert all(a.startswith(str(copy)) for a in seen["cmd"] if str(a).endswith(".py"))  # type: ignore[attr-defined]
    assert set(found) == {e.id for e in catalogue().katas}


# The sandbox itself.


def probe_the_sandbox(tmp_path: Path) -> tuple[list[str], list[Path]]:
    """What a process in a sandbox sees and may write: its output lines, and what it left
    in its home folder."""
    box = isolation.sandbox(student(tmp_path / "alice", None))
    site = Path(sysconfig.get_paths()["purelib"])
    victim = f"katas-victim-probe-{uuid.uuid4().hex}"
    anywhere = [Path("/tmp") / victim, Path("/var/tmp") / victim, Path.home() / victim]
    probe = (
        "import os, socket, sys\n"
        f"print(sorted(os.listdir({str(REPO / 'solutions')!r})))\n"
        f"print(os.path.exists({str(box.original)!r} + '/02_tasks'))\n"
        "print(os.getuid())\n"
        "try:\n"
        "    socket.create_connection(('192.0.2.1', 80), timeout=2)\n"
        "except OSError as exc:\n"
        "    print('blocked', exc.errno)\n"
        "mounts = {m.split()[1]: m.split()[2] for m in open('/proc/self/mounts')}\n"
        "print([mounts.get(os.environ['TMPDIR']), mounts.get(os.getcwd())])\n"
        "for path in ['conftest.py', 'graders/conftest.py', 'graders/kit/x.py', 'home/../x',\n"
        f"             {str(REPO / victim)!r}, {str(site / victim)!r},\n"
        f"             *{[str(p) for p in anywhere]!r}]:\n"
        "    try:\n"
        f"        open(os.path.join({str(box.root)!r}, path), 'a').close()\n"
        "        print('wrote', path)\n"
        "    except OSError:\n"
        "        pass\n"
        f"open({str(box.target / '02_tasks' / 'new.txt')!r}, 'w').close()\n"
        "open('in-home.txt', 'w').close()\n"
        "print('done')\n"
    )
    try:
        proc = isolation.start([sys.executable, "-c", probe], box, stdout=subprocess.PIPE)
        out, _ = proc.communicate(timeout=60)
        home = list((box.root / "home").iterdir())
    finally:
        box.remove()
        for probe_file in (REPO / victim, site / victim, *anywhere):
            probe_file.unlink(missing_ok=True)
    return out.decode().splitlines(), home


@needs_namespaces
def test_the_sandbox_hides_the_project_and_the_network(tmp_path: Path) -> None:
    """Nor can a grader process write the project or Python's folders (where a later
    process would run what it wrote), nor anywhere else outside its copy, home and
    temporary folder: not /tmp, not the grading user's home."""
    lines, home = probe_the_sandbox(tmp_path)
    assert lines[0] == "[]" and lines[1] == "False", lines
    assert (lines[2] != "0") == (isolation.mode() == "root"), lines
    assert lines[3].startswith("blocked"), lines
    # a temporary folder and a home (its working folder) of its own, in memory, gone with it
    assert lines[4] == "['tmpfs', 'tmpfs']" and home == [], (lines, home)
    assert lines[5:] == ["done"], lines  # nothing written in the tree but the submission


@pytest.mark.skipif(not USER_NAMESPACES, reason="no unprivileged user namespaces here")
def test_in_a_user_namespace_nothing_outside_the_sandbox_is_writable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the grading user (who owns its home, the project and maybe Python), a grader
    process writes only its copy, home and temporary folder."""
    monkeypatch.setattr(isolation, "mode", lambda: "userns")
    lines, home = probe_the_sandbox(tmp_path)
    assert lines[0] == "[]" and lines[1] == "False" and lines[2] == "0", lines
    assert lines[4] == "['tmpfs', 'tmpfs']" and home == [], (lines, home)
    assert lines[5:] == ["done"], lines


@pytest.mark.skipif(not USER_NAMESPACES, reason="no unprivileged user namespaces here")
def test_the_root_of_a_user_namespace_cannot_unmount_what_hides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Grading as an ordinary user (userns mode), a submission runs as uid 0 of a user
    namespace: with its capabilities it could unmount the empty folder over solutions/."""
    monkeypatch.setattr(isolation, "mode", lambda: "userns")
    box = isolation.sandbox(student(tmp_path / "alice", None))
    hidden = str(REPO / "solutions")
    probe = (
        "import ctypes, os\n"
        "libc = ctypes.CDLL(None, use_errno=True)\n"
        f"print(libc.umount2({hidden!r}.encode(), 2), ctypes.get_errno())\n"
        f"print(sorted(os.listdir({hidden!r})))\n"
    )
    try:
        proc = isolation.start([sys.executable, "-c", probe], box, stdout=subprocess.PIPE)
        out, _ = proc.communicate(timeout=60)
    finally:
        box.remove()
    assert out.decode().splitlines() == [f"-1 {errno.EPERM}", "[]"], out


@pytest.mark.timeout(400)
@pytest.mark.skipif(not USER_NAMESPACES, reason="no unprivileged user namespaces here")
@pytest.mark.parametrize("kind", ["rewrites_the_graders", "plants_modules", "writes_python"])
def test_in_a_user_namespace_the_grading_tree_is_read_only(tmp_path: Path, kind: str) -> None:
    """Grading as an ordinary user, a submission runs as that user, who owns the grading
    tree: a kata that wrote graders or a conftest.py there, then ended its process, would be
    graded again by what it wrote (attacks 23 and 24); it also owns the Python that grades,
    where a .pth file runs in every later process of that Python (attack 25)."""
    grade_blocks_or_flags(tmp_path, kind, {"KATAS_ISOLATION": "userns"})


@needs_namespaces
def test_nothing_outlives_its_grader_process(tmp_path: Path) -> None:
    box = isolation.sandbox(student(tmp_path / "alice", None))
    name = f"katas-daemon-{uuid.uuid4().hex}"  # this test's own: other runs may go on beside it
    daemon = (
        "import os, subprocess, sys, time\n"
        "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)', "
        f"{name!r}], start_new_session=True)\n"
        "time.sleep(0.5)\n"
    )
    try:
        proc = isolation.start([sys.executable, "-c", daemon], box)
        proc.wait(timeout=60)
        isolation.kill(proc)
        time.sleep(0.5)
        box.cleanup_processes(proc)
        assert not daemons_left(name)
    finally:
        box.remove()


def test_the_reference_copied_is_flagged() -> None:
    solution = REPO / "solutions" / "13_capstone" / "crawler.py"
    renamed = solution.read_text().replace("crawl", "walk_the_web").replace("seen", "visited")
    reference = flags.shape(solution.read_text())
    words = flags.shape(renamed)
    assert words and reference and flags.alike(words, reference) >= flags.SIMILAR


@pytest.mark.timeout(240)  # 1,200 files: 7 s of CPU, and CI's workers share 2 cores
def test_honest_code_is_not_flagged() -> None:
    for path in [*REPO.glob("tests/alternatives/*/*/*.py"), *REPO.glob("tests/wrong/*/*/*.py")]:
        assert flags.scan_source(path.read_text(encoding="utf-8")) == [], path


def test_values_that_lie_about_their_type_are_compared_as_what_they_hold() -> None:
    """A class that says it is builtins.list, an object whose __class__ says float, a float
    whose subtraction lies: plain values, an impostor, or a failure."""
    import operator
    import types

    import kit.outcomes

    module = types.ModuleType("kata_02_tasks__fake")
    exec(
        "import operator\n"
        "class Yes(list):\n    __module__ = 'builtins'\n    __eq__ = operator.is_not\n"
        "class Liar(float):\n    def __sub__(self, other):\n        return 0.0\n"
        "class Fake:\n    __class__ = property(lambda self: float)\n",
        module.__dict__,
    )
    assert operator.is_not  # what Yes compares with: no code of the submission's file
    with pytest.raises(pytest.fail.Exception, match="a Yes object defined in your code"):
        kit.outcomes.expect_equal(module.Yes([9]), [1, 2], "fetch_all")
    value = kit.outcomes.plain([module.Liar(2.0), {"k": module.Liar(1.0)}])
    assert value == [2.0, {"k": 1.0}] and type(value[0]) is float and type(value[1]["k"]) is float
    honest = [1.0, {"k": (2, "x")}]
    assert kit.outcomes.plain(honest) is honest
    with pytest.raises(pytest.fail.Exception, match="claims to be a float"):
        kit.outcomes.plain(module.Fake(), "two_sleepers(10, 5)")


def test_objects_whose_equality_is_not_a_plain_values_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """A grader compares what came back with ==, which asks the object: a class whose
    __eq__ says yes (its own code, a partial or builtin with no code, placed in a real
    module), or a dataclass or UserList holding one, or whose field is a property, or a
    UserList of its own, fails; a dataclass of plain values and the objects of the
    installed Python do not."""
    import asyncio
    import collections
    import types

    import kit.outcomes

    module = types.ModuleType("kata_02_tasks__fake")
    monkeypatch.setitem(sys.modules, module.__name__, module)  # dataclasses looks it up
    exec(
        "import dataclasses, functools, operator, string\n"
        "Yes = type('Yes', (), {'__module__': 'string', '__hash__': None,\n"
        "    '__eq__': functools.partial(operator.is_not, None)})\n"
        "string.Yes = Yes\n"
        "class Len:\n    __eq__ = len\n    __hash__ = None\n"
        "class Ne:\n    __eq__ = object.__ne__\n"
        "class Own:\n    def __eq__(self, other):\n        return True\n"
        "@dataclasses.dataclass\nclass Ok:\n    value: object\n"
        "@dataclasses.dataclass\nclass Sly:\n    value: object\n"
        "Sly.value = property(lambda self: 1, lambda self, v: None)\n"
        "import collections\n"
        "class Mine(collections.UserList):\n    pass\n"
        "class Seconds(float):\n    pass\n"
        "class Claims:\n    __class__ = property(lambda self: Seconds)\n",
        module.__dict__,
    )
    for liar in (
        module.Yes(),
        module.Len(),
        module.Ne(),
        [1, {"k": (module.Own(),)}],
        module.Ok([module.Own()]),
        module.Sly(1),
        collections.UserList([module.Own()]),  # its __eq__ compares what it holds
        module.Mine([1.0]),  # a class of the submission's with an __eq__ it inherits
    ):
        with pytest.raises(pytest.fail.Exception, match="whose == is its own code"):
            kit.outcomes.plain(liar, "fetch_all")
    with pytest.raises(pytest.fail.Exception, match="claims to be a Seconds"):
        kit.outcomes.plain(module.Claims(), "two_sleepers(10, 5)")
    honest = [
        module.Ok([1, "x"]),
        ValueError("x"),
        asyncio.Event(),
        module.Ok(module.Ok(2)),
        collections.UserList([1.0]),
    ]
    assert kit.outcomes.plain(honest) is honest


def test_code_that_looks_for_the_grading_is_flagged() -> None:
    """Code that is right only when it sees it is graded (a variable pytest sets, a module
    of the grading): flagged for a human; a grader's behaviour cannot tell."""
    for source, sign in (
        ("import os\nif os.environ.get('PYTEST_CURRENT_TEST'):\n    pass\n", "'PYTEST'"),
        ("import os\nx = 'KATAS_TARGET' in os.environ\n", "'KATAS_'"),
        ("import importlib.util\nx = importlib.util.find_spec('looptime')\n", "'looptime'"),
    ):
        found = flags.scan_source(source)
        assert any(f.startswith(f"looking for signs of the grading ({sign})") for f in found), (
            source,
            found,
        )


def test_private_state_and_computed_names_are_flagged() -> None:
    found = flags.scan_source(
        "import asyncio\n"
        "class Box:\n    def __init__(self):\n        self._lock = asyncio.Lock()\n"
        "    async def both(self, other):\n        async with other._lock:\n            pass\n"
        "async def f(loop):\n    return getattr(loop, '_sch' + 'eduled')\n"
    )
    assert "attributes by a computed name (line 9)" in found, found
    assert not any("line 6" in f for f in found), found  # its own _lock: not flagged
    assert flags.scan_source("def f(loop):\n    loop._scheduled.clear()\n") == [
        "private attributes of objects it did not define (line 2)"
    ]
    assert flags.scan_source("def f(loop):\n    n = '_when'\n    return getattr(loop, n)\n")
    # pytest's reports patched through an import no import statement names
    found = flags.scan_source("import builtins\nr = builtins.__import__('_pytest.reports')\n")
    assert "dynamic imports (line 2)" in found, found


def test_sys_modules_reached_another_way_is_flagged() -> None:
    """Attacks 18 to 21 reach the kit without an import statement: sys.modules through
    another module's name for sys, or by getattr; attack 45 through `inspect.getmodule` of a
    class whose `__module__` is the name of the module wanted (`kit._internal.recorder`,
    `_pytest.debugging`: any loaded module, unflagged)."""
    for source in (
        "import asyncio\nk = asyncio.events.sys.modules['kit']\n",
        "import os\nk = os.sys.modules['kit']\n",
        "import asyncio\nk = getattr(asyncio.events.sys, 'modules')\n",
        # attack 45: inspect.getmodule of a class whose __module__ names the module wanted
        "import inspect\nk = inspect.getmodule(type('X', (), {'__module__': 'kit'}))\n",
    ):
        assert flags.scan_source(source) == ["sys.modules (line 2)"], source


def test_names_built_at_run_time_are_flagged() -> None:
    """Attack 26 reaches frames, the plugin manager and os.write by getattr with a name
    built at run time (in a variable, so no word the scan knows is written): a name a getter
    is given is flagged unless every string it can hold is written in the file, and then
    each is judged as if written as an attribute. So are getters under another name,
    imports that bring sys.modules or frame functions in by their own names, and modules
    that run code no scan reads."""
    for source, flag in (
        ("import sys\nG = chr(95) + 'getframe'\nf = getattr(sys, G)\n", COMPUTED),
        ("import sys\ndef f(n):\n    return getattr(sys, n)\nf(chr(95) + 'getframe')\n", COMPUTED),
        ("import sys\ng = getattr\nf = g(sys, 'x')\n", COMPUTED),
        ("import operator\nn = input()\nb = operator.attrgetter(n)\n", COMPUTED),
        ("from operator import attrgetter\nb = attrgetter('f_back')\n", "frame walking"),
        ("import inspect\nm = inspect.getmembers(1)\n", COMPUTED),
        ("def f(x):\n    for n in ('real', '_when'):\n        getattr(x, n)\n", "private"),
        ("from sys import modules as m\nk = m['kit']\n", "sys.modules"),
        ("from sys import *\nk = modules['kit']\n", "sys.modules"),
        ("from inspect import *\nf = currentframe()\n", "frame walking"),
        ("import runpy\nrunpy.run_path('helper.txt')\n", "dynamic imports"),
        ("import pickle\n", "unpickling"),
    ):
        assert any(flag in f for f in flags.scan_source(source)), source
    source = (HOSTILE / "forges_the_channel" / "02_tasks" / "two_sleepers.py").read_text()
    assert any(COMPUTED in f for f in flags.scan_source(source))
    # names a getter is given that the file spells out: judged as written, not flagged
    for source in (
        "def f(x, n):\n    return getattr(x, n)\nf(1, 'real')\n",
        "def f(x):\n    for n in ('real', 'imag'):\n        getattr(x, n)\n",
        "import functools\ndef s(f, m, v):\n    getattr(f, m)(v)\n"
        "a = functools.partial(s, 1, 'set_result')\n",
    ):
        assert flags.scan_source(source) == [], source


@pytest.mark.timeout(400)
def test_a_forged_channel_is_flagged(tmp_path: Path) -> None:
    """Attack 26 signs every check's report with the recorder's key: what a process can do
    to itself (README: still needs a container), so its points stand, but not unseen."""
    mallory = student(tmp_path / "mallory", "forges_the_channel")
    report = tmp_path / "results.json"
    proc = run_kit(
        [
            *("grade", "two_sleepers", "fetch_all", "--submission", str(mallory)),
            *("--jobs", "1", "--json", str(report)),
        ]
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(report.read_text(encoding="utf-8"))
    assert any(COMPUTED in f for f in results["flags"]["02_tasks/two_sleepers"]), results


@pytest.mark.timeout(400)
def test_code_run_from_a_string_is_flagged(tmp_path: Path) -> None:
    """Attack 47: attack 26 written as a string that `timeit.timeit` ran: the scan never read
    it, and every check of its grader process passed, unflagged. What runs a string as
    Python (or finds an object by a dotted name in one) is flagged now, and a string that
    parses as Python is scanned as code."""
    source = (HOSTILE / "runs_a_string" / "02_tasks" / "two_sleepers.py").read_text()
    found = flags.scan_source(source)
    assert any("exec/eval of built code" in f for f in found), found
    assert any("frame walking (in code written as a string)" in f for f in found), found
    for source, what in (
        ("import timeit\ntimeit.Timer(code).timeit(1)\n", "exec/eval"),
        ("from timeit import timeit\n", "exec/eval"),
        ("import pdb\n", "exec/eval"),
        ("import bdb\n", "exec/eval"),
        ("import cProfile\ncProfile.run(code)\n", "exec/eval"),
        ("import doctest\n", "exec/eval"),
        ("import trace\n", "exec/eval"),
        ("breakpoint()\n", "exec/eval"),
        ("import typing\ntyping.get_type_hints(f)\n", "exec/eval"),
        ("import inspect\ninspect.signature(f, eval_str=True)\n", "exec/eval"),
        ("f.__annotations__['x'] = code\n", "exec/eval"),
        ("import pydoc\npydoc.locate(name)\n", "computed name"),
        ("from unittest import mock\nmock.patch(name).get_original()\n", "computed name"),
        ("from logging import config\nconfig.dictConfig(c)\n", "computed name"),
        ("import string\nstring.Formatter().get_field(f, a, k)\n", "computed name"),
        ("import site\nsite.addpackage(d, n, None)\n", "sys.path"),
        ("import threading\nthreading.setprofile_all_threads(f)\n", "tracing hooks"),
        ("import sys\nsys.monitoring.register_callback(1, 1, f)\n", "tracing hooks"),
        ("n = 'sys._getframe'\n", "frame walking (in code written as a string)"),
        ("c = 'import os\\nos.write(3, b\"\")'\n", "raw file descriptors (in code written"),
        ("def f(x: 'inspect.stack()'): pass\n", "frame walking (in code written as a string)"),
    ):
        assert any(what in f for f in flags.scan_source(source)), source
    for source in ("x = 'hello'\ny = 'Hello, {name}!'\n", "s = 'GET /items?page=2'\n"):
        assert flags.scan_source(source) == [], source
    mallory = student(tmp_path / "mallory", "runs_a_string")
    report = tmp_path / "results.json"
    proc = run_kit(
        [
            *("grade", "two_sleepers", "fetch_all", "--submission", str(mallory)),
            *("--jobs", "1", "--json", str(report)),
        ]
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(report.read_text(encoding="utf-8"))
    found = results["flags"]["02_tasks/two_sleepers"]
    assert any("exec/eval of built code" in f for f in found), results


CHILD_READS_MEMORY = '''
import os
import subprocess
import sys
import tempfile

CHILD = """
import os
path = "/" + "proc/" + str(os.getppid()) + "/mem"
try:
    with open(path, "rb") as memory:
        start = open(path[:-3] + "maps").readline().split("-")[0]
        memory.seek(int(start, 16))
        print("READ", len(memory.read(4096)))
except OSError as exc:
    print("REFUSED", exc)
"""
SAID = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True).stdout
HERE = tempfile.mkdtemp()  # a link made by a child, opened relative to its folder
subprocess.run(["ln", "-s", "/" + "proc/self/mem", HERE + "/x"])
try:
    os.open("x", os.O_RDONLY, dir_fd=os.open(HERE, os.O_RDONLY))
    SAID += " OPENED"
except OSError as exc:
    SAID += " REFUSED " + str(exc)


async def two_sleepers(a=10, b=5):
    raise RuntimeError(SAID)
'''


@needs_namespaces
@pytest.mark.timeout(400)
def test_no_code_reads_the_grader_processs_memory(tmp_path: Path) -> None:
    """Attack 48: the recorder's key read out of /proc/self/mem (the one 32-byte bytes object
    that signs a sealed line still in memory), every check of two_sleepers signed as passed:
    10/10 for the stub, no flag; a child process read the grader process's memory too (same
    uid). The audit hook refuses a process's ``mem`` (and a /proc folder of a process, a base
    to open it from), the grader process is not dumpable (no other process reads it), and
    symlinks are not followed where it may write (a child's link to /proc/self/mem, opened
    with dir_fd: the audit hook sees the link's name alone)."""
    from kit._internal import sandbox

    for path in ("/proc/self/mem", "/proc/thread-self/mem", "/proc/1/task/1/mem", "mem"):
        assert sandbox._process_memory(path), path
    for path in ("/proc/self", "/proc", "/proc/self/root/proc/self/mem", b"/proc/self/mem"):
        assert sandbox._process_memory(path), path
    for path in ("/proc/self/status", "/proc/self/fd", "/tmp/memo", 3, None, "notes/mem.txt"):
        assert not sandbox._process_memory(path), path
    assert not sandbox._state["active"]  # between checks too: a thread runs on
    with pytest.raises(PermissionError, match="the memory of a process"):
        sandbox._hook("open", ("/proc/self/mem", "rb", 0))
    mallory = student(tmp_path / "mallory", None)
    (mallory / "02_tasks" / "two_sleepers.py").write_text(CHILD_READS_MEMORY)
    report = tmp_path / "results.json"
    proc = run_kit(
        [
            *("grade", "two_sleepers", "--submission", str(mallory)),
            *("--jobs", "1", "--json", str(report)),
        ]
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(report.read_text(encoding="utf-8"))
    message = results["tests"][0]["message"]
    assert message.count("REFUSED") == 2, message
    assert "READ" not in message and "OPENED" not in message, message


@pytest.mark.timeout(400)
def test_closures_read_through_inspect_are_flagged(tmp_path: Path) -> None:
    """Attack 43: `inspect.getclosurevars(signal.getsignal(signal.SIGALRM))` handed over
    pytest-timeout's item, and from it the recorder: every check of its grader process
    passed, and nothing the scan knew was written. Both calls are flagged now."""
    for source in (
        "import inspect\ninspect.getclosurevars(print)\n",
        "from inspect import getclosurevars as g\ng(print)\n",
        "import signal\nh = signal.getsignal(signal.SIGALRM)\n",
        "import asyncio\nasyncio.events.signal.getsignal(14)\n",
    ):
        assert flags.scan_source(source), source
    mallory = student(tmp_path / "mallory", "reads_closures")
    report = tmp_path / "results.json"
    proc = run_kit(
        [
            *("grade", "two_sleepers", "fetch_all", "--submission", str(mallory)),
            *("--jobs", "1", "--json", str(report)),
        ]
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(report.read_text(encoding="utf-8"))
    found = results["flags"]["02_tasks/two_sleepers"]
    assert any("closures of other code" in f for f in found), results
    assert any("a signal handler" in f for f in found), results


@pytest.mark.timeout(400)
def test_a_helper_on_the_import_path_is_flagged(tmp_path: Path) -> None:
    """Attack 27: a kata file with nothing the scan knew but sys.path, importing a file of the
    submission that no scan reads, which forges the channel: every check of its grader
    process passed (470/500 with one such file), unflagged. The kata file is flagged now."""
    source = (HOSTILE / "imports_a_helper" / "02_tasks" / "two_sleepers.py").read_text()
    assert any("sys.path" in f for f in flags.scan_source(source))
    for source in (
        "import os\nos.sys.path.append('.')\n",
        "from sys import path as p\np.insert(0, '.')\n",
        "import sys\ngetattr(sys, 'path').append('.')\n",
        "import sys\nsys.meta_path.clear()\n",
        "import site\nsite.addsitedir('.')\n",
    ):
        assert any("sys.path" in f for f in flags.scan_source(source)), source
    assert flags.scan_source("import os\nos.path.join('a', 'b')\n") == []
    # graders.conftest and an instructor's graders.extra.test_<name> are in sys.modules under
    # these names: a plain import reached the live conftest (and its `kit`) unflagged
    for source in ("import graders.conftest as c\n", "from graders.extra import test_x\n"):
        assert any("grading kit" in f for f in flags.scan_source(source)), source
    mallory = student(tmp_path / "mallory", "imports_a_helper")
    helper = HOSTILE / "imports_a_helper" / "02_tasks" / "sleepy_helpers.py"
    shutil.copy(helper, mallory / "02_tasks")
    report = tmp_path / "results.json"
    proc = run_kit(
        [
            *("grade", "two_sleepers", "--submission", str(mallory)),
            *("--jobs", "1", "--json", str(report)),
        ]
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(report.read_text(encoding="utf-8"))
    assert any("sys.path" in f for f in results["flags"]["02_tasks/two_sleepers"]), results


@pytest.mark.timeout(400)
@pytest.mark.parametrize("isolation", ["root", "userns", "none"])
def test_a_submission_named_like_a_module_is_not_imported(tmp_path: Path, isolation: str) -> None:
    """Attack 28: a submission folder named `kit` holding an `__init__.py` was imported in
    place of the kit (the grading tree's root was on sys.path, ahead of graders/) and made
    every check pass with the stubs. The tree's root is off sys.path now: the stub earns
    nothing, the honest kata beside it its points."""
    if isolation == "userns" and not USER_NAMESPACES:
        pytest.skip("no unprivileged user namespaces here")
    if isolation == "root" and (sys.platform != "linux" or os.geteuid() != 0):
        pytest.skip("grading as root only")
    kit_folder = student(tmp_path / "kit", None)
    shutil.copytree(HOSTILE / "shadows_kit", kit_folder, dirs_exist_ok=True)
    report = tmp_path / "results.json"
    proc = run_kit(
        [
            *("grade", "two_sleepers", "fetch_all", "--submission", str(kit_folder)),
            *("--jobs", "1", "--json", str(report)),
        ],
        env={"KATAS_ISOLATION": isolation},
    )
    assert proc.returncode in (0, 1), proc.stderr[-3000:]
    scores = {
        t["name"].split(" ")[0]: t["score"]
        for t in json.loads(report.read_text(encoding="utf-8"))["tests"]
    }
    assert scores == {"02_tasks/two_sleepers": 0, "02_tasks/fetch_all": 10}, scores


def test_what_graders_hold_is_watched() -> None:
    """Attacks 18 to 21 in one process: a method of a kit class, a name in a grader's module
    replaced, a name added ahead of a builtin, a list of the kit emptied in place; each is
    named, and putting it back is nothing."""
    import types

    from kit._internal.settled import Settled

    grader = types.ModuleType("kit.fake")
    exec(
        "CHECKS = [abs, len]\nclass Kata:\n    def run(self):\n        return 1\n"
        "import json as kit\n_cache = {}\n",
        grader.__dict__,
    )
    settled = Settled([grader])
    assert settled.changed() == []
    honest_run, honest_kit = grader.Kata.run, grader.kit
    grader._cache["x"] = 1  # private state the graders keep: not watched
    assert settled.changed() == []
    grader.Kata.run = lambda self: 2
    assert settled.changed() == ["kit.fake.Kata.run"]
    grader.Kata.run = honest_run
    grader.kit = types.SimpleNamespace()
    assert settled.changed() == ["kit.fake.kit"]
    grader.kit = honest_kit
    grader.abs = lambda number: 0
    assert settled.changed() == ["kit.fake: abs"]
    del grader.abs
    grader.CHECKS.clear()
    assert settled.changed() == ["what kit.fake.CHECKS holds"]
    grader.CHECKS.extend([abs, len])
    grader.memo = {}  # a new name, not a builtin's: nothing
    assert settled.changed() == []
    del grader._cache
    grader.min = max  # a name gone and a builtin's come: as many names as before
    assert settled.changed() == ["kit.fake: min"]


def test_a_graders_module_is_looked_at_with_its_own_checks() -> None:
    """After a check, the kit's modules and that check's grader are looked at; another
    grader's module only in a whole look (the recorder's, once a kata's last check ran)."""
    import types

    from kit._internal.settled import Settled

    def module(name: str, file: str) -> types.ModuleType:
        made = types.ModuleType(name)
        made.__file__ = file
        exec("import json as kit\n", made.__dict__)
        return made

    mine = module("test_mine", "/graders/01_x/test_mine.py")
    other = module("test_other", "/graders/01_x/test_other.py")
    shared = module("kit.fake", "/graders/kit/fake.py")
    settled = Settled([mine, other, shared])
    other.kit = None
    assert settled.changed(mine) == []
    assert settled.changed(other) == ["test_other.kit"]
    assert settled.changed() == ["test_other.kit"]
    other.kit, shared.kit = mine.kit, None
    assert settled.changed(mine) == ["kit.fake.kit"]


class _Impostor:
    """An object that says it equals anything, and a name that says it is any name."""

    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = object.__hash__


class _AnyName(str):
    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = str.__hash__


def test_impostors_that_say_they_are_equal_are_changes() -> None:
    """The fast looks compare by identity: an object whose ``__eq__`` says yes, or a name of
    a str subclass that does, is a change all the same."""
    import types

    from kit._internal.settled import Settled

    grader = types.ModuleType("kit.fake")
    exec("def run():\n    return 1\nCHECKS = [abs]\n_last = 1\n", grader.__dict__)
    settled = Settled([grader])
    honest = grader.run
    grader.run = _Impostor()
    assert settled.changed() == ["kit.fake.run"]
    grader.run = honest
    grader.CHECKS[0] = _Impostor()
    assert settled.changed() == ["what kit.fake.CHECKS holds"]
    grader.CHECKS[0] = abs
    del grader._last  # the last name gone, and a builtin's come in its place...
    grader.__dict__[_AnyName("abs")] = lambda number: 0  # ...as a name equal to any
    assert settled.changed() == ["kit.fake: abs"]


def test_the_recorders_watch_sees_impostors_and_hooks() -> None:
    """``Watch`` (the recorder's look after every check): a function replaced by an impostor,
    a hook implementation's function, a hook caller of pytest's relay; each is named."""
    import types

    import pluggy
    from kit._internal.sandbox import Watch

    spec, impl = pluggy.HookspecMarker("demo"), pluggy.HookimplMarker("demo")

    class Spec:
        @spec
        def ping(self) -> None: ...

    class Plugin:
        @impl
        def ping(self) -> int:
            return 1

    manager = pluggy.PluginManager("demo")
    manager.add_hookspecs(Spec)
    manager.register(Plugin(), "mine")
    kit_like = types.ModuleType("kit.fake")
    exec("def fail():\n    raise AssertionError\n", kit_like.__dict__)
    watch = Watch([kit_like], manager)
    assert watch.changed() == []
    honest = kit_like.fail
    kit_like.fail = _Impostor()
    assert watch.changed() == ["kit.fake.fail", "kit.fake.fail.__code__"]
    kit_like.fail = honest
    hook = manager.hook.ping.get_hookimpls()[0]
    hook.function, real = (lambda: 2), hook.function
    assert watch.changed() == ["pytest hook ping of mine"]
    hook.function = real
    caller = manager.hook.ping
    manager.hook.ping = _Impostor()
    assert "pytest's hook relay .ping" in watch.changed()
    manager.hook.ping = caller
    assert watch.changed() == []


def test_replaced_builtins_do_not_blind_the_looks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Code that first makes every comparison come out the same (builtins.id, map, all,
    len and sorted, operator.is_), then replaces part of the kit, is seen all the same: the
    looks use what they were given when the kit was imported."""
    import builtins
    import operator
    import types

    from kit._internal.sandbox import Watch
    from kit._internal.settled import Settled

    grader = types.ModuleType("kit.fake")
    exec("def run():\n    return 1\n", grader.__dict__)
    settled, watch = Settled([grader]), Watch([grader], process_wide=False)
    for name, blind in {
        "id": lambda obj: 0,
        "map": lambda fn, *its: iter(()),
        "all": lambda items: True,
        "len": lambda items: 0,
        "sorted": lambda items, **how: [],
    }.items():
        monkeypatch.setattr(builtins, name, blind)
    monkeypatch.setattr(operator, "is_", lambda a, b: True)
    grader.run = lambda: 2
    seen = settled.changed(), watch.changed()
    monkeypatch.undo()
    assert seen[0] == ["kit.fake.run"]
    assert {"kit.fake.run", "kit.fake.run.__code__", "builtins.id"} <= {*seen[1]}, seen[1]


def test_results_of_a_type_the_submission_defined_are_not_equal() -> None:
    import types

    import kit.outcomes

    module = types.ModuleType("kata_02_tasks__fake")
    exec(
        "class Yes(float):\n"
        "    def __eq__(self, other):\n        return True\n"
        "    def __ne__(self, other):\n        return False\n"
        "    __hash__ = float.__hash__\n",
        module.__dict__,
    )
    yes = module.Yes(0.0)
    with pytest.raises(pytest.fail.Exception, match="a Yes object defined in your code"):
        kit.outcomes.expect_equal(yes, 10.0, "two_sleepers(10, 5)")
    with pytest.raises(pytest.fail.Exception, match="a Yes object"):
        kit.outcomes.expect_equal([1.0, yes], [1.0, 2.0], "the list")
    kit.outcomes.expect_equal(10, 10.0, "an int for a float")  # plain values: by value


def test_results_of_a_class_placed_in_a_real_module_or_lying_through_its_metaclass() -> None:
    """A class the submission built from a string and placed in a real module as
    ``string.Yes`` (where its ``__module__`` says it is), and a class whose metaclass says
    its ``__flags__`` and ``__module__`` are the interpreter's: both are the submission's."""
    import string
    import types
    from collections import Counter, OrderedDict
    from fractions import Fraction

    import kit.outcomes

    module = types.ModuleType("kata_02_tasks__fake")
    exec(
        "import string\n"
        "class Yes:\n    __module__ = 'string'\n"
        "    def __eq__(self, other):\n        return True\n"
        "    def __ne__(self, other):\n        return False\n"
        "string.Yes = Yes\n"
        "class Meta(type):\n    __flags__ = property(lambda cls: 0)\n"
        "    __module__ = 'builtins'\n"
        "class Also(metaclass=Meta):\n    def __eq__(self, other):\n        return True\n",
        module.__dict__,
    )
    try:
        with pytest.raises(pytest.fail.Exception, match="a Yes object defined in your code"):
            kit.outcomes.expect_equal(module.Yes(), [1, 2], "fetch_all")
        with pytest.raises(pytest.fail.Exception, match="a Also object defined in your code"):
            kit.outcomes.expect_equal(module.Also(), 3, "two_sleepers")
    finally:
        del string.Yes  # type: ignore[attr-defined]
    # the standard library's own classes are compared by value
    kit.outcomes.expect_equal(Fraction(3, 2), 1.5, "a Fraction for a float")
    kit.outcomes.expect_equal(Counter(a=1), {"a": 1}, "a Counter for a dict")
    kit.outcomes.expect_equal(OrderedDict(a=1), {"a": 1}, "an OrderedDict for a dict")


def test_a_grader_process_killed_under_unshare_is_said_to_be_killed() -> None:
    """util-linux 2.38's unshare exits 1 with a line of its own when its child is SIGKILLed:
    the sentence names the kill, not os._exit."""
    out = "graders/09_subprocesses/test_run_cmd.py ...unshare: sigprocmask unblock failed: "
    code = orchestrate.exit_code(1, out + "Invalid argument\n")
    assert "SIGKILL" in orchestrate._died(code)
    assert orchestrate.exit_code(1, "unshare: sigprocmask unblock failed\nlater\n") == 1
    assert orchestrate.exit_code(3, "") == 3


def test_a_grader_process_killed_by_sigbus_is_told_of_mmap() -> None:
    """SIGBUS is what an mmap ends in when the mapped file has nothing to give (cut short,
    or a hole in a full tmpfs): the sentence names mmap, not just 'a signal'."""
    assert "mmap" in orchestrate._died(-signal.SIGBUS)


def test_no_two_folders_share_a_name_in_the_gradebook() -> None:
    """Attack 29: a folder named ``'@carol`` was shown as ``@carol`` neutralised for the CSV
    (``'@carol``): two rows of the same name, and one report folder that the student graded
    later overwrote. Each folder now has a name of its own; so has one whose name is not UTF-8
    (it was shown with U+FFFD, as a folder named with U+FFFD is)."""
    from kit._internal.gradebook import safe_name

    names = [
        *("@carol", "'@carol", "''@carol", "=x", "'=x", "index.html", "'index.html"),
        *("a\x1bb", "a\\x1bb", "a\\\\x1bb", "a\\b", "plain", "'plain", "\tt", "\\tt"),
        # not UTF-8 (b"bob\xff" as os.listdir gives it), U+FFFD, and the escapes written out
        *("bob\udcff", "bob\ufffd", "bob\\udcff", "bob\\xff", "bob\xff", "bob\x85", "bob\udc85"),
    ]
    shown = [safe_name(n) for n in names]
    assert len(set(shown)) == len(names), list(zip(names, shown, strict=True))
    assert safe_name("@carol") == "'@carol" and safe_name("plain") == "plain"
    assert safe_name("index.html") == "'index.html"


def test_the_scan_reads_what_python_runs() -> None:
    """Attack 30: a kata file declaring ``coding: utf-7`` held attack 26 in what UTF-8 shows
    as a comment; Python decodes by the cookie and ran it (470/500, no flag). The scan now
    decodes as Python does, and flags an encoding other than UTF-8."""
    folder = HOSTILE / "utf7_cookie"
    found = flags.scan(folder, ["02_tasks/two_sleepers"])["02_tasks/two_sleepers"]
    assert any("utf-7" in f for f in found), found
    assert any(COMPUTED in f for f in found), found  # the code it hid, read as Python reads it
    assert flags.scan(REPO / "solutions", ["02_tasks/two_sleepers"]) == {}


@pytest.mark.timeout(400)
def test_code_too_deep_for_the_scan_is_flagged(tmp_path: Path) -> None:
    """Attack 31: attack 26 with an attribute chain of 1200 links, which Python compiles and
    the scan recursed on until RecursionError: ``grade`` ended with a traceback and wrote no
    report. It is graded now, and flagged as not scanned."""
    mallory = student(tmp_path / "mallory", "deep_attributes")
    report = tmp_path / "results.json"
    proc = run_kit(
        [
            *("grade", "two_sleepers", "--submission", str(mallory)),
            *("--jobs", "1", "--json", str(report)),
        ]
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(report.read_text(encoding="utf-8"))
    assert any("nested too deeply" in f for f in results["flags"]["02_tasks/two_sleepers"])


def test_modules_under_other_names_are_flagged() -> None:
    """Attack 32: attack 26 with no word the scan knew: `m = inspect; m.stack()` and
    `m.getargvalues(frame).locals` walked the frames, `o = os; o.write(fd, ...)` wrote the
    channel, the recorder reached through `item.config.hook...get_hookimpls()` (470/500, no
    flag). A module bound to another name, reached through another module, or by getattr
    with a name written out, is judged as the name it stands for."""
    source = (HOSTILE / "aliased_modules" / "02_tasks" / "two_sleepers.py").read_text()
    found = flags.scan_source(source)
    assert any("frame walking" in f for f in found), found
    assert any("raw file descriptors" in f for f in found), found
    for source in (
        "import inspect\nn = m = inspect\nk = n\nk.currentframe()\n",
        "import asyncio\nasyncio.coroutines.inspect.stack()\n",
        "import asyncio\nasyncio.base_events.os.write(1, b'')\n",
        "import inspect\ngetattr(inspect, 'stack')()\n",
    ):
        assert flags.scan_source(source), source
    for source in (
        "import asyncio\nloop = asyncio.get_running_loop()\nloop.time()\n",
        "import re\nr = re.compile('x')\n",
        "import os\np = os.path\np.join('a')\n",
    ):
        assert flags.scan_source(source) == [], source
