"""Shared by every grader: the --target option, the ``kata`` fixture and the report plugin."""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Iterator
from types import TracebackType

import kit
import kit.kata
import kit.outcomes
import kit.probes
import kit.running
import pytest
from kit._internal.manifest import catalogue
from kit._internal.paths import kata_of, resolve_target
from kit._internal.recorder import Recorder
from kit._internal.sandbox import sandbox, snapshot, tampered
from kit.kata import Kata, load


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("katas")
    group.addoption(
        "--target",
        default=None,
        help="what to grade: exercises (default), solutions, or a folder laid out like exercises/",
    )
    group.addoption(
        "--kata-channel",
        default=None,
        help="WRITE_FD,KEY_FD: report each check to the grading process over this pipe",
    )
    group.addoption(
        "--kata-fail-fast",
        action="store_true",
        help="skip a kata's remaining checks after its first failure",
    )
    group.addoption(
        "--kata-hold",
        default=None,
        help="FD: once collected, wait for a byte on this pipe before any check runs "
        "(a grader process started ahead of a save; end of file ends it)",
    )


def pytest_configure(config: pytest.Config) -> None:
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        # Inherited from a shell's background job (a CI step): every child the code under
        # grading starts would inherit it too, and ignore a SIGINT sent before its Python
        # restores the usual handler. A handler of ours becomes the default across exec.
        signal.signal(signal.SIGINT, signal.default_int_handler)
    channel = config.getoption("--kata-channel")
    if channel:
        config.pluginmanager.register(Recorder(channel, GUARDED_MODULES), "kata-channel")


def pytest_collection_finish(session: pytest.Session) -> None:
    """Move everything loaded so far (pytest, aiohttp, the graders) out of the garbage
    collector's sight: the kit calls gc.collect() around learner code to surface what it
    leaked, and then it only walks the objects made since, about 20x faster."""
    gc.freeze()
    _BASELINE.update(snapshot(GUARDED_MODULES))


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session: pytest.Session) -> None:
    """Started ahead (--kata-hold): pytest and the graders are loaded, no learner code has
    run; wait here until the grading process has copied the code and says go."""
    hold = session.config.getoption("--kata-hold")
    if hold is not None:
        fd = int(hold)
        got = os.read(fd, 1)
        os.close(fd)
        if not got:  # the grading process is gone, or did not need this one
            os._exit(0)


GUARDED_MODULES = [kit, kit.outcomes, kit.probes, kit.running, kit.kata, pytest]
_fail = kit.outcomes.fail  # kept here, out of reach of code that replaces kit.fail
_stopped: dict[str, str] = {}  # kata id -> why its remaining checks are skipped
_BASELINE: dict[str, int] = {}  # what the graders rely on, before any learner code ran
_RECURSION_LIMIT = sys.getrecursionlimit()
TRACEBACK_DEPTH = 200  # frames of a failure's traceback kept (deep recursion)


def _cut(tb: TracebackType | None) -> None:
    """Cut a traceback after TRACEBACK_DEPTH frames: pytest would format every frame of a
    recursion a million deep (after ``sys.setrecursionlimit(10**6)``) for minutes."""
    for _ in range(TRACEBACK_DEPTH):
        if tb is None:
            return
        tb = tb.tb_next
    if tb is not None:
        tb.tb_next = None


@pytest.fixture(autouse=True)
def _guarded(request: pytest.FixtureRequest) -> Iterator[None]:
    """Each test runs in the sandbox (loopback only, no writes outside the target and the
    temporary directory). Whether the code under grading replaced part of the kit, of
    pytest, of builtins, a module the grader imported, or added a pytest hook, the recorder
    checks with every report (the grading process then ends a tampered process).

    Before the check, what earlier checks left is collected, and what remains is frozen:
    the kit's gc.collect() around learner code then walks only this check's objects (in a
    process grading every kata, a collection took 0.3 ms, and a check makes about six)."""
    gc.collect()
    gc.freeze()
    with sandbox(resolve_target(request.config.getoption("--target"))):
        yield
    sys.setrecursionlimit(_RECURSION_LIMIT)
    if not request.config.getoption("--kata-channel"):  # run by hand: check here
        changed = tampered(_BASELINE, GUARDED_MODULES)
        if changed:
            _fail(
                f"the code under grading replaced part of the grader ({', '.join(changed[:4])}"
                f"{', ...' if len(changed) > 4 else ''}); "
                "graders only grade code that leaves them alone."
            )


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> bool | None:
    """In a grader process of the kit (--kata-channel), a stopped kata's checks are passed
    over without a report, but for its last one: the parent decides a kata at its first
    failure, and the last check's report still carries the tamper looks made once a kata
    is done. (A skip's setup, report and looks cost about 4 ms a check, and fail-fast
    skips most checks of wrong code.) Only between two checks of the same collector, so
    pytest's setup state needs no teardown here."""
    if (
        kata_of(item.nodeid) in _stopped
        and nextitem is not None
        and nextitem.parent is item.parent
        and kata_of(nextitem.nodeid) == kata_of(item.nodeid)
        and item.config.getoption("--kata-channel")
    ):
        return True
    return None


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Skip the other checks of a kata once one check timed out (a hostile kata must not
    cost minutes) or, with --kata-fail-fast, once one check failed: katas are graded
    all-or-nothing and the scoreboard shows the first failure."""
    reason = _stopped.get(kata_of(item.nodeid))
    if reason:
        pytest.skip(reason)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> pytest.TestReport:
    sys.setrecursionlimit(_RECURSION_LIMIT)
    if call.excinfo is not None:
        _cut(call.excinfo.tb)
    report: pytest.TestReport = yield
    kata_id = kata_of(item.nodeid)
    if report.failed and kata_id not in _stopped:
        if call.excinfo and str(call.excinfo.value).startswith("Timeout"):
            _stopped[kata_id] = "an earlier check of this kata ran out of time"
        elif item.config.getoption("--kata-fail-fast"):
            _stopped[kata_id] = "an earlier check of this kata failed"
    return report


@pytest.hookimpl(wrapper=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> object:
    """A grader's own ``@given`` check shrinks a failure for a bounded number of calls, as
    ``kit.drawn`` does (see kit.examples), and fails with the smallest failure's sentence."""
    handle = getattr(pyfuncitem.obj, "hypothesis", None)
    if handle is None:
        return (yield)
    from kit.examples import bounded_shrinking  # Hypothesis: 0.25 s to import, when needed

    with bounded_shrinking(handle, fixtures=frozenset(pyfuncitem.fixturenames)):
        return (yield)


@pytest.fixture
def kata(request: pytest.FixtureRequest) -> Kata:
    """The module of this grader's kata, loaded afresh from the target for each test."""
    kata_id = kata_of(request.node.nodeid)
    info = catalogue().info(kata_id)
    target = resolve_target(request.config.getoption("--target"))
    return load(kata_id, target, info.signatures if info else {})
