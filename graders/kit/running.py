"""Run the learner's coroutine on a fresh event loop and turn every misbehaviour into a sentence.

``run(kata, lambda: fetch_all(ids, probe))`` starts a new loop, awaits the call and returns a
``Run`` with the value and the elapsed **loop time**. By default the loop runs on virtual time
(the ``looptime`` package): ``asyncio.sleep(10)`` takes no real time but moves the loop clock by
exactly 10.0, so concurrency is graded exactly and instantly. Real-clock runs are for threads,
subprocesses and sockets.

Around the call, ``run`` checks what a careful reviewer would:
- the code finished (a coroutine that waits forever fails at once, in real time, under a
  virtual-time guard of ``limit`` seconds);
- no single step blocked the loop (``time.sleep`` in a coroutine costs real time, not loop
  time: it is caught by timing each loop step with the real clock), and a step that never
  ends (``while True: pass``) is interrupted by a watchdog after STUCK_LIMIT seconds;
- no task was left running, no coroutine was left un-awaited, no session or transport was
  left open, and no task's exception went unretrieved.

``judge(kata, scenario, what=...)`` runs a real-clock scenario (a grader's client talking to
the learner's server, a child process) and fails with the complaint it returns first: a
scenario never waits forever, it records what it saw and returns "" or one sentence.
"""

from __future__ import annotations

import asyncio
import gc
import signal
import threading
import time
import warnings
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import looptime
import pytest

from .outcomes import fail, not_started

if TYPE_CHECKING:
    from .kata import Kata

T = TypeVar("T")

# pytest's own outcomes (a timeout, a skip) and Ctrl-C pass through: they are not the learner's.
PYTEST_OUTCOMES = (
    pytest.fail.Exception,
    pytest.skip.Exception,
    pytest.exit.Exception,
    KeyboardInterrupt,
)

# Every finished run, as (clock, loop seconds, real seconds): the report and the benchmark
# read it to show how much waiting virtual time saved.
RUNS: list[tuple[str, float, float]] = []

# One step of a virtual-time loop longer than this (real seconds) means something blocked it.
BLOCK_LIMIT = 0.3

# Errors whose plain message puzzles learners, and what they usually mean.
EXPLAIN = {
    "cannot be called from a running event loop": (
        "asyncio.run() starts a new event loop, but a coroutine already runs inside one: "
        "inside `async def`, just `await` the coroutine."
    ),
    "can't be used in 'await' expression": (
        "you awaited something that is not awaitable: await coroutines, tasks and futures, "
        "not their results."
    ),
    "a coroutine was expected": (
        "create_task()/run() take a coroutine object: call the coroutine function first, "
        "`asyncio.create_task(work())`, not `asyncio.create_task(work)`."
    ),
}


@dataclass
class Run(Generic[T]):
    """What happened when the learner's code ran."""

    value: T | None = None
    error: BaseException | None = None  # the exception the grader said to expect, if raised
    loop_time: float = 0.0  # loop seconds from the call to its return
    wall_time: float = 0.0  # real seconds from the call to its return
    longest_step: float = 0.0  # real seconds of the longest single loop step
    loop_errors: list[dict[str, Any]] = field(default_factory=list)


def expect_loop_time(
    result: Run, expected: float, what: str, *, slower: str = "", faster: str = ""
) -> None:
    """Fail unless ``result`` took exactly ``expected`` seconds of loop time.

    ``slower`` is the hint when it took longer (the classic: awaiting one by one), ``faster``
    when it took less (the classic: not waiting at all).
    """
    if abs(result.loop_time - expected) > 1e-6:
        hint = slower if result.loop_time > expected else faster
        fail(
            f"{what} took {result.loop_time:g} s of loop time; expected {expected:g} s."
            + (f" {hint}" if hint else "")
        )


def _find_not_implemented(exc: BaseException | None) -> bool:
    """True if ``exc`` is, wraps, or groups a NotImplementedError."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, NotImplementedError):
            return True
        if isinstance(exc, BaseExceptionGroup):
            return any(_find_not_implemented(e) for e in exc.exceptions)
        exc = exc.__cause__ or exc.__context__
    return False


def _new_loop(clock: str, debug: bool) -> asyncio.AbstractEventLoop:
    """A fresh loop: virtual time starting at 0.0, or the real clock."""
    loop: asyncio.AbstractEventLoop
    loop = looptime.new_event_loop(start=0.0) if clock == "virtual" else asyncio.new_event_loop()
    loop.set_debug(debug)
    return loop


# Loop steps in a row without the virtual clock moving before we call it spinning.
SPIN_LIMIT = 200_000
# Real seconds one loop step may run before it is interrupted: on virtual time far above
# BLOCK_LIMIT (which already fails such a step), on the real clock far above anything a
# grader waits for in one step, so only a stuck step (``while True: pass``) is cut short.
STUCK_LIMIT = 1.0
STUCK_LIMIT_REAL = 5.0


class _Spinning(BaseException):
    """Raised out of the loop when it turns without end and the clock never moves."""


class _Stuck(BaseException):
    """Raised inside a loop step that ran past STUCK_LIMIT (a ``while True: pass``)."""


class _StepTimer:
    """Times each loop step in real seconds, leaving out the time spent waiting in select(),
    and (on virtual time) notices a loop that spins without ever letting time pass.

    This wraps two private methods of asyncio's selector loop (``_run_once`` and the
    selector's ``select``); both exist unchanged from Python 3.11 to 3.14.
    """

    def __init__(self, loop: Any, virtual: bool) -> None:
        self.longest = 0.0
        self.spun = False
        self.step_started: float | None = None  # perf_counter() while a step runs
        self.selecting = False  # True while the step waits in select(): not the code's time
        self._waited = 0.0
        self._same_time = 0
        self._last = loop.time()
        run_once, select = loop._run_once, loop._selector.select

        def timed_select(timeout: float | None = None) -> Any:
            start = time.perf_counter()
            self.selecting = True
            try:
                return select(timeout)
            finally:
                self.selecting = False
                self._waited += time.perf_counter() - start

        def timed_run_once() -> None:
            self._waited = 0.0
            start = self.step_started = time.perf_counter()
            try:
                run_once()
            finally:
                self.step_started = None
            self.longest = max(self.longest, time.perf_counter() - start - self._waited)
            if virtual and not self.spun:
                now = loop.time()
                self._same_time = self._same_time + 1 if now == self._last else 0
                self._last = now
                if self._same_time > SPIN_LIMIT:
                    self.spun = True
                    raise _Spinning

        loop._selector.select = timed_select
        loop._run_once = timed_run_once

    @contextmanager
    def stuck_guard(self, limit: float) -> Iterator[list[bool]]:
        """Interrupt a step (not a wait in select) that runs longer than ``limit`` real
        seconds by raising ``_Stuck`` in it; yields a flag list that is ``[True]`` if so.

        A watchdog thread sends SIGUSR1 to the main thread, whose handler raises: pure-Python
        spins and ``time.sleep`` are interrupted at once. Off the main thread, nothing is
        guarded (and pytest-timeout still is the last guard).
        """
        fired: list[bool] = []
        if threading.current_thread() is not threading.main_thread():
            yield fired
            return
        done = threading.Event()

        def busy_for() -> float:
            started = self.step_started
            if started is None or self.selecting:
                return 0.0
            return time.perf_counter() - started - self._waited

        def interrupt(_signum: int, _frame: object) -> None:
            if busy_for() > limit and not fired:
                fired.append(True)
                raise _Stuck

        def watch() -> None:
            while not done.wait(0.1) and not fired:
                if busy_for() > limit:
                    signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGUSR1)

        previous = signal.signal(signal.SIGUSR1, interrupt)
        watchdog = threading.Thread(target=watch, name="katas-stuck-step", daemon=True)
        watchdog.start()
        try:
            yield fired
        finally:
            done.set()
            watchdog.join()
            signal.signal(signal.SIGUSR1, previous)


@contextmanager
def _watched(
    kata: Kata,
    result: Run[Any],
    raises: type[BaseException] | tuple[type[BaseException], ...],
    what: str,
) -> Iterator[list[warnings.WarningMessage]]:
    """Around learner code: record its warnings, keep the exceptions the grader expects in
    ``result.error``, let pytest's outcomes through, and turn any other error into a sentence."""
    gc.collect()  # what earlier code left behind must not be blamed on this code
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield caught
        except raises as exc:  # type: ignore[misc]
            if _find_not_implemented(exc):  # even when the grader expects Exception
                not_started(kata.where(exc))
            result.error = exc
        except PYTEST_OUTCOMES:
            raise
        except BaseException as exc:  # noqa: BLE001 - every learner error becomes a sentence
            _explain_error(kata, exc, what)
        finally:
            gc.collect()


def run(
    kata: Kata,
    call: Callable[[], Awaitable[T]],
    *,
    clock: str = "virtual",
    limit: float = 3600.0,
    raises: type[BaseException] | tuple[type[BaseException], ...] = (),
    what: str = "your code",
    hang_hint: str = "",
    leftover_tasks: bool = False,
    loop_errors: bool = False,
    block_limit: float | None = BLOCK_LIMIT,
    debug: bool = False,
    verdict: Callable[[Run[T]], None] | None = None,
) -> Run[T]:
    """Await ``call()`` on a fresh loop and check how it behaved.

    ``limit`` is the most loop seconds (real seconds on the real clock) the call may take.
    ``raises`` lists exceptions the grader expects: they end up in ``Run.error``; any other
    exception fails the check with the learner's file and line. ``leftover_tasks`` and
    ``loop_errors`` allow tasks still pending at return, and unretrieved task exceptions.
    ``block_limit`` (virtual clock only) is the longest real time one loop step may take.
    ``verdict`` is the grader's own check of the finished run: it runs before the checks for
    leaked warnings, tasks and loop errors, so the sentence naming the mistake wins over a
    side effect of it (a child left running also leaves its transport unclosed).
    """
    result: Run[T] = Run()
    expired = False
    leftovers: list[asyncio.Task[Any]] = []

    async def main() -> None:
        nonlocal expired
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(lambda _loop, context: result.loop_errors.append(context))
        start_loop, start_wall = loop.time(), time.perf_counter()
        try:
            async with asyncio.timeout(limit) as scope:
                result.value = await call()
        except TimeoutError:
            if not scope.expired():
                raise
            expired = True
        finally:
            result.loop_time = round(loop.time() - start_loop, 6)
            result.wall_time = time.perf_counter() - start_wall
        me = asyncio.current_task()
        leftovers.extend(t for t in asyncio.all_tasks() if t is not me and not t.done())
        for task in leftovers:
            task.cancel()
        if leftovers:
            await asyncio.wait(leftovers, timeout=1.0)
        gc.collect()  # surface never-awaited coroutines and unretrieved exceptions now
        await asyncio.sleep(0)

    loop = _new_loop(clock, debug)
    timer = _StepTimer(loop, virtual=clock == "virtual")
    stuck_limit = STUCK_LIMIT if clock == "virtual" else STUCK_LIMIT_REAL
    with _watched(kata, result, raises, what) as caught, timer.stuck_guard(stuck_limit) as stuck:
        try:  # around the Runner too: closing it runs loop steps (cancelled tasks' cleanup)
            with asyncio.Runner(loop_factory=lambda: loop) as runner:
                runner.run(main())
        except (_Spinning, _Stuck):
            pass
    result.longest_step = timer.longest
    if stuck:
        fail(
            f"{what} blocked the event loop: one step ran for more than {stuck_limit:g} s of "
            "real time and was stopped. An endless loop with no `await` in it, or a "
            "synchronous call (time.sleep, requests) inside a coroutine, freezes every task."
        )
    if timer.spun:
        fail(
            f"{what} kept the event loop busy for {SPIN_LIMIT:,} steps while its clock never "
            "moved: a loop around `await asyncio.sleep(0)` (or another check that never waits) "
            "spins instead of waiting. Wait on an Event, a Condition or a real delay."
        )
    RUNS.append((clock, result.loop_time, result.wall_time))

    if expired:
        unit = "of loop time" if clock == "virtual" else "(real time)"
        fail(
            f"{what} never finished: still waiting after {limit:g} s {unit}. "
            + (
                hang_hint
                or "Something awaits forever: a future nobody resolves, an event "
                "nobody sets, a queue nobody feeds, or a task that is never cancelled."
            )
        )
    if clock == "virtual" and block_limit is not None and timer.longest > block_limit:
        fail(
            f"{what} blocked the event loop for {timer.longest:.2f} s of real time in one step: "
            "a synchronous call (time.sleep, requests, a busy loop) inside a coroutine freezes "
            "every other task. Use `await asyncio.sleep(...)` or other awaitable calls."
        )
    if verdict is not None:
        verdict(result)
    _check_warnings(caught, what)
    if leftovers and not leftover_tasks:
        names = ", ".join(sorted({_task_name(t) for t in leftovers}))
        fail(
            f"{what} returned while {len(leftovers)} task(s) were still running ({names}). "
            "Await (or cancel and then await) every task you start before returning."
        )
    if result.loop_errors and not loop_errors:
        ctx = result.loop_errors[0]
        exc = ctx.get("exception")
        detail = f"{type(exc).__name__}: {exc}" if exc else ctx.get("message", "")
        fail(
            f"an error in {what} went unhandled ({ctx.get('message', '')}: {detail}). "
            "Await every task and future you create so its exception reaches you."
        )
    return result


def call(
    kata: Kata,
    fn: Callable[[], T],
    *,
    raises: type[BaseException] | tuple[type[BaseException], ...] = (),
    what: str = "your code",
) -> Run[T]:
    """Call plain (non-async) learner code with the same error and warning checks as ``run``.

    For katas whose entry point is a plain ``def`` (one that calls ``asyncio.run`` itself).
    """
    result: Run[T] = Run()
    start = time.perf_counter()
    with _watched(kata, result, raises, what) as caught:
        result.value = fn()
    result.wall_time = time.perf_counter() - start
    _check_warnings(caught, what)
    return result


def _task_name(task: asyncio.Task[Any]) -> str:
    coro = task.get_coro()
    return getattr(coro, "__qualname__", None) or task.get_name()


def _explain_error(kata: Kata, exc: BaseException, what: str) -> None:
    if _find_not_implemented(exc):
        not_started(kata.where(exc))
    if isinstance(exc, asyncio.CancelledError):
        fail(
            f"{what} raised CancelledError nobody asked for: something cancelled the task "
            "running your code (a task cancelling its caller, or a stray cancel())."
        )
    message = str(exc)
    for needle, explanation in EXPLAIN.items():
        if needle in message:
            fail(f"{what} raised {type(exc).__name__} at {kata.where(exc)}: {explanation}")
    fail(f"{what} raised {type(exc).__name__}: {message} (at {kata.where(exc)}).")


def _check_warnings(caught: list[warnings.WarningMessage], what: str) -> None:
    for w in caught:
        text = str(w.message)
        if issubclass(w.category, RuntimeWarning) and "was never awaited" in text:
            name = text.split("'")[1] if "'" in text else "a coroutine"
            fail(
                f"{what} created the coroutine {name}() but never awaited it, so it never ran. "
                "Put `await` in front of the call (or hand it to asyncio.create_task)."
            )
        if issubclass(w.category, ResourceWarning):
            if "client session" in text.lower() or "connector" in text.lower():
                fail(
                    f"{what} left an aiohttp ClientSession open. Use "
                    "`async with aiohttp.ClientSession() as session:` so it is always closed."
                )
            fail(f"{what} left a resource open ({text.splitlines()[0]}). Close what you open.")


def until(predicate: Callable[[], bool], timeout: float = 5.0) -> Callable[[], Awaitable[bool]]:
    """A grader helper: a call that polls ``predicate`` on the loop until true or ``timeout``."""

    async def poll() -> bool:
        deadline = asyncio.get_running_loop().time() + timeout
        while not predicate():
            if asyncio.get_running_loop().time() > deadline:
                return False
            await asyncio.sleep(0.01)
        return True

    return poll


def judge(
    kata: Kata,
    scenario: Callable[[], Awaitable[str]],
    *,
    what: str,
    limit: float = 20.0,
    hang_hint: str = "",
    unclosed: str = "",
) -> None:
    """Run ``scenario()`` under ``kata.run`` on the real clock; fail with what it returns.

    A scenario returns "" or one teaching sentence. A broken submission usually also leaves
    stray errors (a handler's ConnectionResetError) or warnings (an unclosed writer) behind;
    those are reported only when the scenario found nothing, so the sentence naming the
    mistake wins. ``unclosed`` is the sentence for a ResourceWarning (an unclosed writer or
    transport) seen while the scenario ran; the warning's text is appended to it.
    """

    async def main() -> str:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            problem = await scenario()
            gc.collect()  # a dropped, unclosed writer warns now, inside this record
        leaks = [w for w in caught if issubclass(w.category, ResourceWarning)]
        if not problem and leaks and unclosed:
            return f"{unclosed} (ResourceWarning: {str(leaks[0].message).splitlines()[0]})"
        if not problem:
            for w in caught:
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        return problem

    def verdict(result: Run[str]) -> None:
        if result.value:
            fail(result.value)

    result = run(
        kata,
        main,
        clock="real",
        limit=limit,
        what=what,
        hang_hint=hang_hint,
        loop_errors=True,
        verdict=verdict,
    )
    if result.loop_errors:
        ctx = result.loop_errors[0]
        exc = ctx.get("exception")
        detail = f"{type(exc).__name__}: {exc}" if exc else ctx.get("message", "")
        fail(
            f"an error in {what} went unhandled ({ctx.get('message', '')}: {detail}). "
            "A client may vanish at any time: catch ConnectionError in the handler, and await "
            "every task you create so its exception reaches you."
        )
