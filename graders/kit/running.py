"""Run the learner's coroutine on a fresh event loop and turn every misbehaviour into a sentence.

``run(kata, lambda: fetch_all(ids, probe))`` starts a new loop, awaits the call and returns a
``Run`` with the value and the elapsed **loop time**. By default the loop runs on virtual time
(the ``looptime`` package): ``asyncio.sleep(10)`` takes no real time but moves the loop clock by
exactly 10.0, so concurrency is graded exactly and instantly. Real-clock runs are for threads,
subprocesses and sockets.

``run`` drives the loop once (``_drive``), then applies ``CHECKS`` in order, each a small
function that fails with one sentence, what a careful reviewer would check:
- the code finished (a coroutine that waits forever fails at once, in real time, under a
  virtual-time guard of ``limit`` seconds);
- no single step blocked the loop (``time.sleep`` in a coroutine costs real time, not loop
  time: on virtual time each call through the kata module's ``time`` is noted, however
  short, and any blocking step is caught by timing each loop step with the real clock), and a step
  that never ends (``while True: pass``) is interrupted by a watchdog;
- the grader's own ``verdict``, then: no coroutine left un-awaited, no session or transport
  left open, no task left running (nor garbage-collected while pending, which the look for
  running tasks cannot see), and no task's exception unretrieved.

``judge(kata, scenario, what=...)`` runs a real-clock scenario (a grader's client talking to
the learner's server, a child process) and fails with the complaint it returns first: a
scenario never waits forever, it records what it saw and returns "" or one sentence.
"""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import time
import traceback
import warnings
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Literal, NoReturn, Protocol, TypedDict, TypeVar, Unpack

import looptime
import pytest

from ._internal import trace
from ._internal.clocks import loop_clock, loop_clocks, trusted
from ._internal.data import RunRecord
from ._internal.steps import (
    SPIN_LIMIT,
    STUCK_LIMIT,
    STUCK_LIMIT_REAL,
    Spinning,
    StepTimer,
    Stuck,
)
from .outcomes import GRADERS_CODE, PollingDetected, fail, not_started, plain
from .probes import Probe

T = TypeVar("T")

# pytest's own outcomes (a timeout, a skip) and Ctrl-C pass through: they are not the learner's.
PYTEST_OUTCOMES = (
    pytest.fail.Exception,
    pytest.skip.Exception,
    pytest.exit.Exception,
    KeyboardInterrupt,
)

# What the kit judges a run with, taken before any learner code runs: code that replaces
# asyncio.all_tasks (say) cannot hide the tasks it left running from the kit.
_all_tasks, _current_task, _wait = asyncio.all_tasks, asyncio.current_task, asyncio.wait
_timeout, _Runner = asyncio.timeout, asyncio.Runner

# One step of a virtual-time loop longer than this (real seconds) means something blocked it.
BLOCK_LIMIT = 0.3
WARNINGS_KEPT = 100  # warnings recorded per run of learner code
Raises = type[BaseException] | tuple[type[BaseException], ...]


class Learner(Protocol):
    """What running needs of a kata (``kit.Kata`` is one): where its file is, and a log."""

    path: Path
    runs: list[RunRecord]

    def where(self, exc: BaseException) -> str: ...


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
    "There is no current event loop": (
        "outside a running loop, asyncio.get_event_loop() has no loop to give (and is "
        "deprecated there): run the coroutine with `asyncio.run(coro)`, which makes a loop, "
        "runs it, and closes it."
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


class RunOptions(TypedDict, total=False):
    """The keywords of ``run`` (and ``Kata.run``); see ``Options`` for their meaning."""

    clock: Literal["virtual", "real"]
    limit: float
    raises: Raises
    what: str
    hang_hint: str
    leftover_tasks: bool
    loop_errors: bool
    block_limit: float | None
    debug: bool
    verdict: Callable[[Run[Any]], None] | None


@dataclass(frozen=True)
class Options:
    """How ``run`` runs and judges the learner's call.

    ``limit`` is the most loop seconds (real seconds on the real clock) the call may take.
    ``raises`` lists exceptions the grader expects: they end up in ``Run.error``; any other
    exception fails the check with the learner's file and line. ``leftover_tasks`` and
    ``loop_errors`` allow tasks still pending at return, and unretrieved task exceptions.
    ``block_limit`` (virtual clock only) is the longest real time one loop step may take.
    ``verdict`` is the grader's own check of the finished run: it runs before the checks for
    leaked warnings, tasks and loop errors, so the sentence naming the mistake wins over a
    side effect of it (a child left running also leaves its transport unclosed).
    """

    clock: Literal["virtual", "real"] = "virtual"
    limit: float = 3600.0
    raises: Raises = ()
    what: str = "your code"
    hang_hint: str = ""
    leftover_tasks: bool = False
    loop_errors: bool = False
    block_limit: float | None = BLOCK_LIMIT
    debug: bool = False
    verdict: Callable[[Run[Any]], None] | None = None

    @property
    def virtual(self) -> bool:
        """True on virtual loop time."""
        return self.clock == "virtual"

    @property
    def stuck_limit(self) -> float:
        """Real seconds one loop step may run before the watchdog stops it."""
        return STUCK_LIMIT if self.virtual else STUCK_LIMIT_REAL


@dataclass
class Observed:
    """What one drive of the loop saw, for the checks to judge."""

    options: Options
    result: Run[Any]
    timer: StepTimer
    stuck: bool = False
    expired: bool = False
    leftovers: list[asyncio.Task[Any]] = field(default_factory=list)
    leftover_names: set[str] = field(default_factory=set)  # read before they are cancelled
    stubborn: int = 0  # leftovers still running after being cancelled and waited for
    warnings: list[warnings.WarningMessage] = field(default_factory=list)


def expect_loop_time(
    result: Run[Any], expected: float, what: str, *, slower: str = "", faster: str = ""
) -> None:
    """Fail unless ``result`` took exactly ``expected`` seconds of loop time.

    ``slower`` is the hint when it took longer (the classic: awaiting one by one), ``faster``
    when it took less (the classic: not waiting at all).
    """
    trace.expect_time(expected)
    if abs(result.loop_time - expected) > 1e-6:
        hint = slower if result.loop_time > expected else faster
        fail(
            f"{what} took {result.loop_time:g} s of loop time; expected {expected:g} s."
            + (f" {hint}" if hint else "")
        )


def _find_not_implemented(exc: BaseException | None, seen: set[int] | None = None) -> bool:
    """True if ``exc`` is, wraps, or groups a NotImplementedError. ``seen`` is shared with
    the group members looked into: a member raised out of ``except*`` has its group as its
    context, a cycle."""
    seen = set() if seen is None else seen
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, NotImplementedError):
            return True
        if isinstance(exc, BaseExceptionGroup):
            return any(_find_not_implemented(e, seen) for e in exc.exceptions)
        exc = exc.__cause__ or exc.__context__
    return False


def _new_loop(options: Options) -> asyncio.AbstractEventLoop:
    """A fresh loop: virtual time starting at 0.0, or the real clock."""
    loop: asyncio.AbstractEventLoop
    loop = looptime.new_event_loop(start=0.0) if options.virtual else asyncio.new_event_loop()
    loop.set_debug(options.debug)
    return loop


@contextmanager
def _watched(
    kata: Learner, result: Run[Any], raises: Raises, what: str
) -> Iterator[list[warnings.WarningMessage]]:
    """Around learner code: record its warnings, keep the exceptions the grader expects in
    ``result.error``, let pytest's outcomes through, and turn any other error into a sentence."""
    gc.collect()  # what earlier code left behind must not be blamed on this code
    caught: list[warnings.WarningMessage] = []

    def keep(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: Any = None,
        line: str | None = None,
    ) -> None:
        # The first few are enough to judge; a loop that makes millions of never-awaited
        # coroutines would otherwise keep every one of them alive in this list.
        if len(caught) < WARNINGS_KEPT:
            caught.append(warnings.WarningMessage(message, category, filename, lineno, file, line))

    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = keep
        try:
            yield caught
        except raises as exc:
            if _find_not_implemented(exc):  # even when the grader expects Exception
                not_started(kata.where(exc))
            result.error = exc
        except PYTEST_OUTCOMES:
            raise
        except BaseException as exc:  # noqa: BLE001 - every learner error becomes a sentence
            _explain_error(kata, exc, what)
        finally:
            gc.collect()


def _drive(kata: Learner, call: Callable[[], Awaitable[Any]], options: Options) -> Observed:
    """Run ``call()`` once on a fresh loop, under the step timer and the watchdog."""
    loop = _new_loop(options)
    clock = loop_clock(loop, options.virtual)  # read as the kit reads it, not loop.time
    seen = Observed(options, Run(), StepTimer(loop, virtual=options.virtual, clock=clock))
    trace.watch_learner_sleeps(loop, kata.path)
    if not options.virtual:
        trace.watch_threads_and_processes(loop)
    seen.timer.adopt_timers()

    async def main() -> None:
        loop.set_exception_handler(lambda _loop, context: seen.result.loop_errors.append(context))
        start_loop, start_wall = clock(), time.perf_counter()
        trace.begin(options.clock, start_loop)
        try:
            async with _timeout(options.limit) as scope:
                seen.result.value = await call()
        except TimeoutError:
            if not scope.expired():
                raise
            seen.expired = True
        finally:
            if options.virtual:
                seen.timer.check_clock()
            seen.result.loop_time = round(clock() - start_loop, 6)
            seen.result.wall_time = time.perf_counter() - start_wall
            trace.finish(seen.result.loop_time)
        me = _current_task()
        seen.leftovers.extend(t for t in _all_tasks() if t is not me and not t.done())
        seen.leftover_names.update(_task_name(t) for t in seen.leftovers)
        for task in seen.leftovers:
            task.cancel()
        if seen.leftovers:
            await _wait(seen.leftovers, timeout=1.0)
        for task in seen.leftovers:
            if not task.done():  # it ignored cancel(): closing the Runner would wait forever
                seen.stubborn += 1
                _forget(task)
        with seen.timer.uncounted():  # the kit's time, not the learner's step
            gc.collect()  # surface never-awaited coroutines and unretrieved exceptions now
        await asyncio.sleep(0)

    guard = seen.timer.stuck_guard(options.stuck_limit, own_time=not options.virtual)
    # On virtual time the learner's time.monotonic() and friends read the loop's clock.
    # and its time.sleep tells the step timer of each call.
    module = getattr(kata, "module", None) if options.virtual else None
    clocks = loop_clocks(module, on_sleep=seen.timer.heard_sleep)
    with (
        _watched(kata, seen.result, options.raises, options.what) as caught,
        guard as stuck,
        clocks,
        trusted(loop, clock),
    ):
        try:  # around the Runner too: closing it runs loop steps (cancelled tasks' cleanup)
            with _Runner(loop_factory=lambda: loop) as runner:
                runner.run(main())
        except (Spinning, Stuck):
            pass
    seen.timer.queue.close()  # after the guard: its watchdog, which samples it, has ended
    seen.stuck = bool(stuck)
    seen.warnings = caught
    seen.result.longest_step = seen.timer.longest
    return seen


def _forget(task: asyncio.Task[Any]) -> None:
    """Leave a task that refuses to stop out of asyncio's registry, so that closing the
    Runner (which cancels and awaits every task it knows) does not wait on it forever."""
    unregister = getattr(asyncio.tasks, "_unregister_task", None)
    if unregister is not None:
        unregister(task)


def _check_clock(seen: Observed) -> None:
    if seen.timer.clock_changed:
        fail(
            f"{seen.options.what} changed the event loop's clock or its timers "
            f"({seen.timer.clock_changed}): the graders measure how long your code takes on the "
            "loop's own clock, and only waiting (asyncio.sleep, a timeout, I/O) may move it. "
            "Leave the loop's clock and timers alone."
        )


def _check_stuck(seen: Observed) -> None:
    if seen.stuck:
        fail(
            f"{seen.options.what} blocked the event loop: one step ran for more than "
            f"{seen.options.stuck_limit:g} s of real time and was stopped. An endless loop with "
            "no `await` in it, or a synchronous call (time.sleep, requests) inside a coroutine, "
            "freezes every task."
        )


def _check_spinning(seen: Observed) -> None:
    if seen.timer.spun:
        fail(
            f"{seen.options.what} kept the event loop busy for {SPIN_LIMIT:,} steps while its "
            "clock never moved: a loop around `await asyncio.sleep(0)` (or another check that "
            "never waits) spins instead of waiting. Wait on an Event, a Condition or a real delay."
        )


def _check_finished(seen: Observed) -> None:
    if seen.expired:
        unit = "of loop time" if seen.options.virtual else "(real time)"
        fail(
            f"{seen.options.what} never finished: still waiting after {seen.options.limit:g} s "
            f"{unit}. "
            + (
                seen.options.hang_hint
                or "Something awaits forever: a future nobody resolves, an event "
                "nobody sets, a queue nobody feeds, or a task that is never cancelled."
            )
        )


def _check_no_sleep_on_the_loop(seen: Observed) -> None:
    """On virtual time a ``time.sleep`` inside a step is evidence of blocking however short:
    a sleep under BLOCK_LIMIT (kept wide for busy machines) is still a frozen loop."""
    slept = seen.timer.slept
    if seen.options.virtual and slept:
        calls = f"time.sleep({slept[0]:g})" + (
            f" and {len(slept) - 1} more time.sleep call(s)" if len(slept) > 1 else ""
        )
        fail(
            f"{seen.options.what} blocked the event loop: it called {calls} inside a "
            "coroutine, which freezes every task for that long while the loop's clock stands "
            "still. Use `await asyncio.sleep(...)` (or run blocking work in a thread: "
            "`await asyncio.to_thread(...)`)."
        )


def _check_not_blocked(seen: Observed) -> None:
    limit = seen.options.block_limit
    if seen.options.virtual and limit is not None and seen.timer.longest > limit:
        fail(
            f"{seen.options.what} blocked the event loop for {seen.timer.longest:.2f} s of real "
            "time in one step: a synchronous call (time.sleep, requests, a busy loop) inside a "
            "coroutine freezes every other task. Use `await asyncio.sleep(...)` or other "
            "awaitable calls."
        )


def _check_verdict(seen: Observed) -> None:
    if seen.options.verdict is not None:
        seen.options.verdict(seen.result)


def _check_no_warnings(seen: Observed) -> None:
    _check_warnings(seen.warnings, seen.options.what)


def _check_no_leftovers(seen: Observed) -> None:
    if seen.leftovers and not seen.options.leftover_tasks:
        names = ", ".join(sorted(seen.leftover_names))
        stubborn = (
            f" {seen.stubborn} of them ignored cancel() and kept running: let CancelledError "
            "propagate."
            if seen.stubborn
            else ""
        )
        closing = sum(_closes_a_generator(t) for t in seen.leftovers)
        unclosed = (
            f" {closing} of them: asyncio closing an async generator that a loop left "
            "unfinished (it stopped early: a break, a return or an error). Close it yourself "
            "when you are done with it: `async with contextlib.aclosing(agen()) as items:`, "
            "then `async for item in items:`."
            if closing
            else ""
        )
        fail(
            f"{seen.options.what} returned while {len(seen.leftovers)} task(s) were still "
            f"running ({names}). Await (or cancel and then await) every task you start before "
            f"returning.{stubborn}{unclosed}"
        )


def _closes_a_generator(task: asyncio.Task[Any]) -> bool:
    """Whether ``task`` is asyncio's own, closing an async generator garbage-collected
    unfinished (its loop's finalizer hook runs ``aclose()`` in a task)."""
    return type(task.get_coro()).__name__ == "async_generator_athrow"


DESTROYED = "Task was destroyed but it is pending!"  # asyncio's words for a task collected


def _check_no_destroyed_tasks(seen: Observed) -> None:
    """A task garbage-collected while pending was left running too (it was unreachable, so
    the look for tasks still running could not see it)."""
    options = seen.options
    lost = [e["task"] for e in seen.result.loop_errors if e.get("message") == DESTROYED]
    if lost and not options.leftover_tasks and not options.loop_errors:
        names = ", ".join(sorted({_task_name(t) for t in lost}))
        fail(
            f"{options.what} left {len(lost)} task(s) still running ({names}), and they were "
            f"garbage-collected while pending (asyncio: '{DESTROYED}'): the loop keeps only weak "
            "references to tasks. Keep a reference to every task you start, and cancel and "
            "then await it before returning."
        )


def _unhandled(what: str, errors: list[dict[str, Any]], advice: str) -> NoReturn:
    """Fail with the one sentence for an error the loop saw and nobody handled."""
    fail(f"an error in {what} went unhandled ({_loop_error(errors[0])}). {advice}")


def _check_loop_errors(seen: Observed) -> None:
    if seen.result.loop_errors and not seen.options.loop_errors:
        _unhandled(
            seen.options.what,
            seen.result.loop_errors,
            "Await every task and future you create so its exception reaches you.",
        )


# The checks of a finished run, in the order their sentences win.
CHECKS: list[Callable[[Observed], None]] = [
    _check_clock,
    _check_stuck,
    _check_spinning,
    _check_finished,
    _check_no_sleep_on_the_loop,
    _check_not_blocked,
    _check_verdict,
    _check_no_warnings,
    _check_no_leftovers,
    _check_no_destroyed_tasks,
    _check_loop_errors,
]


def run(kata: Learner, call: Callable[[], Awaitable[T]], **options: Unpack[RunOptions]) -> Run[T]:
    """Await ``call()`` on a fresh loop and check how it behaved (see ``Options``)."""
    seen = _drive(kata, call, Options(**options))
    result: Run[T] = seen.result
    result.value = plain(result.value, seen.options.what)  # a float that lies is a float
    kata.runs.append(RunRecord(seen.options.clock, result.loop_time, result.wall_time))
    for check in CHECKS:
        check(seen)
    return result


def call(
    kata: Learner, fn: Callable[[], T], *, raises: Raises = (), what: str = "your code"
) -> Run[T]:
    """Call plain (non-async) learner code with the same error and warning checks as ``run``.

    For katas whose entry point is a plain ``def`` (one that calls ``asyncio.run`` itself).
    """
    result: Run[T] = Run()
    start = time.perf_counter()
    with _watched(kata, result, raises, what) as caught:
        result.value = fn()
    result.value = plain(result.value, what)
    result.wall_time = time.perf_counter() - start
    _check_warnings(caught, what)
    return result


def _task_name(task: asyncio.Task[Any]) -> str:
    """A task as the learner knows it: its coroutine's name, or for one of the grader's the
    name the grader gave it (``__qualname__`` set on the function), the call a Probe stands
    for, or else a plain phrase: never a name of ours."""
    coro = task.get_coro()
    code = getattr(coro, "cr_code", None)
    named = getattr(coro, "__qualname__", None)
    if code is not None and code.co_filename.startswith(GRADERS_CODE) and named == code.co_qualname:
        frame = getattr(coro, "cr_frame", None)
        probe = frame.f_locals.get("self") if frame is not None else None
        if isinstance(probe, Probe) and probe.name != "call":
            return f"a {probe.name}() call"
        return "one of the calls it was given"
    return named or task.get_name()


def _loop_error(context: dict[str, Any]) -> str:
    """'message: Type: text' for an error the loop's exception handler received."""
    exc = context.get("exception")
    detail = f"{type(exc).__name__}: {exc}" if exc else context.get("message", "")
    return f"{context.get('message', '')}: {detail}"


def _leaves(exc: BaseException) -> list[BaseException]:
    """The leaf exceptions of a (possibly nested) exception group, or ``[exc]``."""
    if isinstance(exc, BaseExceptionGroup):
        return [leaf for sub in exc.exceptions for leaf in _leaves(sub)]
    return [exc]


def _explain_error(kata: Learner, exc: BaseException, what: str) -> None:
    if os.environ.get("KATAS_VERBOSE"):  # -v: the whole traceback, in the check's output
        traceback.print_exception(exc, file=sys.stderr)
    if _find_not_implemented(exc):
        not_started(kata.where(exc))
    if isinstance(exc, asyncio.CancelledError):
        fail(
            f"{what} raised CancelledError nobody asked for (at {kata.where(exc)}). Awaiting "
            "a task that was cancelled raises its CancelledError in the code that awaits it "
            "(`await task`, or asyncio.gather() without return_exceptions=True): wait for "
            "cancelled tasks with `await asyncio.wait(tasks)`. Or a task cancelled its caller, "
            "or a stray cancel() hit the task running your code."
        )
    if isinstance(exc, BaseExceptionGroup):
        leaves = _leaves(exc)
        shown = "; ".join(
            f"{type(leaf).__name__}: {leaf} (at {kata.where(leaf)})" for leaf in leaves[:3]
        )
        more = f"; and {len(leaves) - 3} more" if len(leaves) > 3 else ""
        fail(
            f"{what} raised {type(exc).__name__} with {len(leaves)} error(s) inside: {shown}{more}."
        )
    if isinstance(exc, PollingDetected):  # the grader's own sentence: no class name of ours
        fail(f"{what}: {exc} (at {kata.where(exc)}).")
    message = str(exc)
    for needle, explanation in EXPLAIN.items():
        if needle in message:
            fail(f"{what} raised {type(exc).__name__} at {kata.where(exc)}: {explanation}")
    fail(f"{what} raised {type(exc).__name__}: {message} (at {kata.where(exc)}).")


# asyncio's own coroutines that correct code may leave never awaited: as_completed() makes one
# per item it yields, and a loop that breaks out early (the first k results) drops the rest.
# (A warning passed to showwarning no longer carries its coroutine: known by name.)
_ASYNCIO_DROPPED = (
    "coroutine 'as_completed.<locals>._wait_for_one' was never awaited",
    "coroutine '_AsCompletedIterator._wait_for_one' was never awaited",
)


def _check_warnings(caught: list[warnings.WarningMessage], what: str) -> None:
    for w in caught:
        text = str(w.message)
        if issubclass(w.category, RuntimeWarning) and "was never awaited" in text:
            if text.startswith(_ASYNCIO_DROPPED):
                continue
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


async def left_after_cancel(consume: Callable[[], Coroutine[Any, Any, Any]], at: float) -> int:
    """A grader helper, inside ``kata.run``: run ``consume()`` as a task, cancel it after
    ``at`` seconds, wait for it to end, and return how many other tasks were still running
    then (the learner's, left behind by a cancellation it did not clean up after). Those
    are cancelled and awaited here, so the grader's own sentence is the one seen."""
    task: asyncio.Task[Any] = asyncio.create_task(consume())
    await asyncio.sleep(at)
    task.cancel()
    await _wait([task])
    me = _current_task()
    left = [t for t in _all_tasks() if t is not me and not t.done()]
    for t in left:
        t.cancel()
    if left:
        await _wait(left)
    return len(left)


PROPAGATE = "let that very CancelledError propagate (a bare `raise`, or no `except` for it at all)"


async def cancelled_args(task: asyncio.Task[Any], message: str) -> tuple[Any, ...] | None:
    """A grader helper, inside ``kata.run``: cancel ``task`` with ``message`` and await it as
    its caller would; the args of the CancelledError the caller got (``(message,)`` when the
    very cancellation came out), or None when the task did not end cancelled. Any other
    exception comes out, to be reported as what the learner's code raised."""
    task.cancel(message)
    try:
        await task
    except asyncio.CancelledError as exc:
        return exc.args
    return None


def expect_the_callers_cancellation(
    args: tuple[Any, ...] | None, message: str, what: str, how: str = PROPAGATE
) -> None:
    """Fail unless the caller got the CancelledError it cancelled with (``args`` from
    ``cancelled_args``): a new one, raised in its place, loses the caller's message."""
    if args == (message,):
        return
    got = "no CancelledError" if args is None else f"CancelledError{args!r}"
    fail(
        f"{what}: the caller got {got}, not the one it was cancelled with: {how}, do not raise "
        "a new one; its message says why the caller gave up."
    )


def judge(
    kata: Learner,
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
        # An error that is no connection's (a RuntimeError, a KeyError...; not an OSError nor
        # an EOFError such as IncompleteReadError, which a vanishing peer causes) raised in
        # learner code and never handled is direct evidence: it wins over the scenario's
        # inference.
        bugs = [
            ctx
            for ctx in result.loop_errors
            if isinstance(ctx.get("exception"), Exception)
            and not isinstance(ctx.get("exception"), OSError | EOFError)
        ]
        if result.value and bugs:
            seen = result.value.split(": ", 1)[0]  # what the scenario saw, without its guess
            _unhandled(
                what,
                bugs,
                f"It stopped the code that raised it, which is likely why {seen}. Fix that "
                "error first.",
            )
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
        _unhandled(
            what,
            result.loop_errors,
            "A client may vanish at any time: catch ConnectionError in the handler, and await "
            "every task you create so its exception reaches you.",
        )
