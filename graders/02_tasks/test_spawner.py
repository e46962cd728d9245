"""Grader for 02_tasks/spawner: fire-and-forget tasks that are kept alive, forgotten when
done, and whose failures are logged.

Checks, with the grader dropping every reference it gets back from `spawn`:
- a spawned task whose only wake-up is a future nobody else holds survives `gc.collect()`
  (the loop keeps only weak references to tasks, so the Spawner must hold them), and so do
  150 such tasks pending at once (no size limit);
- once finished, tasks are no longer referenced (the reference set empties);
- a failed task's exception is logged on `katas.spawner` and never reported by asyncio as
  "Task exception was never retrieved"; a cancelled task is not an error;
- `drain()` waits for every pending task, including tasks spawned while draining, and tasks
  spawned after an earlier drain() returned; it does not raise their exceptions.

Docstring sentence -> the check that enforces it:

- "`spawn(coro) -> asyncio.Task` (a plain method)" -> test_spawner_is_a_class
- "start `coro` as a task right away ... and return it" -> test_spawn_returns_the_running_task
- "keep a strong reference to it ... until it is done" ->
  test_spawned_task_survives_garbage_collection (one task, then 150 pending at once)
- "When the task is done, drop the reference (the set must not grow forever)" ->
  test_finished_tasks_are_forgotten, test_failed_tasks_are_forgotten (a failed task too)
- "if the task failed, log its exception with the logger ... at ERROR level" ->
  test_failure_is_logged
- "A task that was cancelled did not fail: do not treat it as an error." ->
  test_cancelled_task_is_not_an_error (nothing logged, and the task is dropped all the same),
  test_drain_past_a_task_cancelled_meanwhile
- "`async drain()`: wait until no task this Spawner spawned is pending, including tasks that
  were spawned while draining" -> test_drain_waits_for_all (and a second drain() after more
  tasks were spawned), test_drain_with_nothing_pending,
  test_drain_waits_for_a_task_spawned_as_the_last_one_ends (a follow-up spawned in the very
  step the set emptied, before drain() woke up)
- "It never raises a task's exception" -> test_drain_does_not_raise_task_errors,
  test_drain_past_a_task_cancelled_meanwhile (nor a cancelled task's CancelledError)
- "Cancelling drain() itself makes it raise CancelledError." ->
  test_drain_lets_its_own_cancellation_out
- "wait until no task this Spawner spawned is pending" (not another Spawner's) ->
  test_spawners_are_independent
- "`async drain()`: wait until no task this Spawner spawned is pending" (every call: two
  drain() calls at once both return when the last task ends) -> test_two_drains_at_once
- "wait until no task this Spawner spawned is pending" (however long it takes: drain waits,
  it never cancels) -> test_drain_waits_for_a_slow_task
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import inspect
import logging
import weakref
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import kit
import pytest

LOGGER = "katas.spawner"


class JobError(Exception):
    """The failure of a spawned job."""


class Records(logging.Handler):
    """Keeps every log record it sees (or none, if not ``keep``: a kept record's exception
    holds its traceback, whose frames may hold the very task a check wants collected)."""

    def __init__(self, keep: bool = True) -> None:
        super().__init__(logging.DEBUG)
        self.keep = keep
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if self.keep:
            self.records.append(record)

    def about(self, exc: BaseException) -> list[logging.LogRecord]:
        """The records that carry or mention ``exc``."""
        return [
            r
            for r in self.records
            if (r.exc_info and r.exc_info[1] is exc) or str(exc) in r.getMessage()
        ]


@contextlib.contextmanager
def spawner_logs(keep: bool = True) -> Iterator[Records]:
    """Collect what is logged on the katas.spawner logger (and its children)."""
    logger = logging.getLogger(LOGGER)
    handler, level, propagate = Records(keep), logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = keep  # pytest's own log capture keeps records too
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


def spawner_class(kata: kit.Kata) -> Any:
    """The learner's Spawner class, with spawn a plain method and drain a coroutine."""
    cls = kata.get("Spawner", "class")
    spawn, drain = getattr(cls, "spawn", None), getattr(cls, "drain", None)
    kit.expect(
        callable(spawn) and callable(drain),
        "Spawner needs two methods: `spawn(self, coro)` and `async drain(self)`.",
    )
    kit.expect(
        not inspect.iscoroutinefunction(spawn),
        "Spawner.spawn is an `async def`, so calling it does nothing until awaited: make it "
        "a plain `def` that starts the task (asyncio.create_task) and returns it at once.",
    )
    kit.expect(
        inspect.iscoroutinefunction(drain),
        "Spawner.drain is a plain `def`; it must be an `async def` that awaits the tasks.",
    )
    return cls


def new_spawner(kata: kit.Kata) -> Any:
    """A new Spawner from the learner's class."""
    return spawner_class(kata)()


def scenario(
    kata: kit.Kata, body: Callable[[], Awaitable[Any]], what: str, **options: Any
) -> kit.Run[Any]:
    """Run a grader scenario; loop errors are returned for the test to explain."""
    spawner_class(kata)
    return kata.run(body, what=what, loop_errors=True, **options)


def loop_messages(result: kit.Run[Any]) -> list[str]:
    return [str(ctx.get("message", "")) for ctx in result.loop_errors]


def expect_no_loop_errors(result: kit.Run[Any], what: str) -> None:
    """Fail, explaining the first error asyncio reported about the tasks, if any."""
    for ctx in result.loop_errors:
        message = str(ctx.get("message", ""))
        exc = ctx.get("exception")
        if "never retrieved" in message:
            kit.fail(
                f"asyncio reported 'Task exception was never retrieved' ({exc!r}) {what}: "
                "nobody looked at the failed task. In the done callback, call "
                "task.exception() (after checking task.cancelled()) and log it with "
                f"logging.getLogger({LOGGER!r}).error(..., exc_info=exc)."
            )
        if isinstance(exc, asyncio.CancelledError):
            kit.fail(
                f"a done callback raised CancelledError {what}: task.exception() (and "
                "task.result()) raise CancelledError on a cancelled task. Check "
                "task.cancelled() first and return."
            )
        kit.fail(
            f"an error went unhandled {what} ({message}: {exc!r}). Done callbacks must not "
            "raise, and every failed task's exception should be retrieved and logged."
        )


async def fragile(done: list[str]) -> None:
    """A job that sleeps on a future nobody else holds: only its task keeps it alive."""
    loop = asyncio.get_running_loop()
    wake_up = loop.create_future()
    loop.call_later(1.0, _wake, weakref.ref(wake_up))
    await wake_up
    done.append("finished")


def _wake(ref: weakref.ReferenceType[asyncio.Future[None]]) -> None:
    future = ref()
    if future is not None and not future.done():
        future.set_result(None)


async def fails_after(seconds: float, exc: BaseException) -> None:
    await asyncio.sleep(seconds)
    raise exc


def test_spawner_is_a_class(kata: kit.Kata) -> None:
    """Spawner is a class with a plain spawn method and an async drain method."""
    spawner_class(kata)


def test_spawn_returns_the_running_task(kata: kit.Kata) -> None:
    """spawn(coro) starts the coroutine at once and returns its asyncio.Task."""
    probe = kit.Probe(delay=1.0)

    async def body() -> tuple[object, object]:
        spawner = new_spawner(kata)
        task = spawner.spawn(probe("job"))
        kind = type(task).__name__
        if not isinstance(task, asyncio.Task):
            return kind, None
        return kind, await task

    result = scenario(kata, body, "in spawn()")
    kind, value = result.value or (None, None)
    kit.expect(
        value is not None,
        f"spawn(coro) returned a {kind}; expected the asyncio.Task it started "
        "(`task = asyncio.create_task(coro)`, keep it, `return task`).",
    )
    kit.expect_equal(value, ("result", "job"), "Awaiting the task spawn() returned")
    expect_no_loop_errors(result, "in spawn()")


@pytest.mark.parametrize("count", [1, 150])
def test_spawned_task_survives_garbage_collection(kata: kit.Kata, count: int) -> None:
    """A spawned task nobody else holds survives gc.collect() and finishes; so do 150 of
    them pending at once."""

    async def body() -> list[str]:
        spawner = new_spawner(kata)
        done: list[str] = []
        for _ in range(count):
            spawner.spawn(fragile(done))  # the grader keeps no reference to the task
        await asyncio.sleep(0.5)
        gc.collect()
        await asyncio.sleep(1.0)
        return done

    result = scenario(kata, body, "while a spawned task waited")
    destroyed = sum("destroyed but it is pending" in m for m in loop_messages(result))
    finished = len(result.value or [])
    if count == 1 and (finished != 1 or destroyed):
        kit.fail(
            "a spawned task was garbage-collected before it finished (asyncio: 'Task was "
            "destroyed but it is pending!'): the event loop keeps only weak references to "
            "tasks. Keep each task in a set on the Spawner until it is done."
        )
    if finished != count or destroyed:
        kit.fail(
            f"of {count} spawned tasks pending at once, only {finished} finished"
            + (f" and {destroyed} were garbage-collected while pending" if destroyed else "")
            + " (asyncio: 'Task was destroyed but it is pending!'): the Spawner let go of "
            "some tasks before they were done. Keep every pending task (a set with no size "
            "limit) until it is done."
        )
    expect_no_loop_errors(result, "while a spawned task waited")


def test_finished_tasks_are_forgotten(kata: kit.Kata) -> None:
    """Once done, no spawned task is still referenced (the set empties)."""
    probe = kit.Probe(delay={0: 1.0, 1: 2.0, 2: 3.0})

    async def body() -> tuple[int, Any]:
        spawner = new_spawner(kata)
        refs = [weakref.ref(spawner.spawn(probe(i))) for i in range(3)]
        await asyncio.sleep(4.0)
        gc.collect()
        return sum(ref() is not None for ref in refs), spawner

    result = scenario(kata, body, "after the spawned tasks finished")
    held = result.value[0] if result.value else 0
    kit.expect(
        held == 0,
        f"the Spawner still holds {held} of 3 finished task(s), so its set only ever grows: "
        "remove each task when it is done, e.g. `task.add_done_callback(self._tasks.discard)`.",
    )
    expect_no_loop_errors(result, "after the spawned tasks finished")


def test_failure_is_logged(kata: kit.Kata) -> None:
    """A failed task's exception is logged on katas.spawner, never 'never retrieved'."""
    boom = JobError("job 7 failed")

    async def body() -> None:
        spawner = new_spawner(kata)
        spawner.spawn(fails_after(1.0, boom))
        await asyncio.sleep(2.0)
        gc.collect()
        await asyncio.sleep(0)

    with spawner_logs() as logs:
        result = scenario(kata, body, "after a spawned task failed")
    expect_no_loop_errors(result, "after a spawned task failed")
    records = logs.about(boom)
    kit.expect(
        bool(records),
        f"a spawned task raised {boom!r} and nothing about it was logged on {LOGGER!r}: in the "
        "done callback, when not task.cancelled() and task.exception() is not None, log it "
        f"with logging.getLogger({LOGGER!r}).error(..., exc_info=exc).",
    )
    levels = sorted({logging.getLevelName(r.levelno) for r in records})
    kit.expect(
        any(r.levelno == logging.ERROR for r in records),
        f"the failure was logged at {', '.join(levels)}; log a failed task at ERROR level "
        "(logger.error(..., exc_info=exc)).",
    )


def test_cancelled_task_is_not_an_error(kata: kit.Kata) -> None:
    """Cancelling a spawned task makes no error in its done callback."""

    async def body() -> tuple[bool, bool]:
        spawner = new_spawner(kata)
        task = spawner.spawn(asyncio.sleep(10))
        await asyncio.sleep(1.0)
        task.cancel()
        await asyncio.sleep(1.0)
        cancelled = task.cancelled()
        ref = weakref.ref(task)
        del task
        gc.collect()
        return cancelled, ref() is not None

    with spawner_logs() as logs:
        result = scenario(kata, body, "after a spawned task was cancelled")
    expect_no_loop_errors(result, "after a spawned task was cancelled")
    noisy = [r for r in logs.records if r.levelno >= logging.WARNING]
    if noisy:
        kit.fail(
            f"a spawned task was cancelled and {LOGGER!r} logged at "
            f"{logging.getLevelName(noisy[0].levelno)} {noisy[0].getMessage()!r}: a cancelled "
            "task did not fail. Check task.cancelled() first and log nothing then."
        )
    kit.expect(
        not (result.value and result.value[1]),
        "the Spawner still holds a spawned task after it was cancelled: a cancelled task is "
        "done too, so drop its reference as well (discard every done task, then log only "
        "the ones that failed).",
    )


def test_drain_waits_for_all(kata: kit.Kata) -> None:
    """drain() returns when the slowest task, even one spawned while draining, is done."""
    probe = kit.Probe(delay={"a": 1.0, "b": 2.0, "c": 3.0, "late": 3.0, "again": 2.0})

    async def body() -> tuple[float, float]:
        spawner = new_spawner(kata)

        async def spawns_later() -> None:
            await asyncio.sleep(1.0)
            spawner.spawn(probe("late"))  # starts at 1 s, ends at 4 s

        for job in ("a", "b", "c"):
            spawner.spawn(probe(job))
        spawner.spawn(spawns_later())
        await spawner.drain()
        first = kit.now()
        spawner.spawn(probe("again"))  # a second round: from the first drain's end, 2 s
        await spawner.drain()
        return first, kit.now()

    # A task still running after drain() is judged below, with a message naming the mistake.
    result = scenario(kata, body, "spawner.drain()", leftover_tasks=True)
    first, second = result.value or (None, None)
    if first == 3.0:  # the three first tasks were done, the late one was not
        kit.fail(
            "drain() returned at 3 s, while a task spawned during the drain ran until 4 s: "
            "keep waiting while the set of pending tasks is not empty "
            "(`while self._tasks: await asyncio.wait(set(self._tasks))`)."
        )
    kit.expect(
        first == 4.0,
        f"drain() returned at loop time {first} s; the last spawned task ended at 4 s. "
        "drain must wait for every pending task, and no longer.",
    )
    kit.expect(
        second == 6.0,
        f"after a first drain() ended at 4 s, a task of 2 s was spawned and drain() called "
        f"again: that second drain() returned at loop time {second} s; expected 6 s. Each "
        "drain() waits for the tasks pending when it runs, whatever an earlier drain() saw.",
    )
    expect_no_loop_errors(result, "in spawner.drain()")


def test_drain_does_not_raise_task_errors(kata: kit.Kata) -> None:
    """drain() waits past a failed task without raising its exception."""
    boom = JobError("job 3 failed")
    probe = kit.Probe(delay=2.0)

    async def body() -> float:
        spawner = new_spawner(kata)
        spawner.spawn(fails_after(1.0, boom))
        spawner.spawn(probe("slow"))
        await spawner.drain()
        return kit.now()

    with spawner_logs():
        result = kata.run(body, what="spawner.drain()", loop_errors=True, raises=JobError)
    kit.expect(
        result.error is None,
        f"drain() raised {result.error!r}, the exception of a spawned task: a failed task is "
        "logged, not raised. Wait with asyncio.wait(...) or "
        "asyncio.gather(..., return_exceptions=True).",
    )
    kit.expect(
        result.value == 2.0,
        f"drain() returned at loop time {result.value} s; expected 2 s, when the last task ends.",
    )
    expect_no_loop_errors(result, "in spawner.drain()")


def test_drain_past_a_task_cancelled_meanwhile(kata: kit.Kata) -> None:
    """A spawned task cancelled while drain() waits: drain() goes on, and does not raise."""
    probe = kit.Probe(delay=3.0)

    async def body() -> float:
        spawner = new_spawner(kata)
        spawner.spawn(probe("slow"))
        victim = spawner.spawn(asyncio.sleep(10))
        asyncio.get_running_loop().call_later(1.0, victim.cancel)
        await spawner.drain()
        return kit.now()

    what = "spawner.drain() while a spawned task is cancelled at 1 s"
    with spawner_logs():
        result = kata.run(body, what=what, raises=asyncio.CancelledError)
    kit.expect(
        result.error is None,
        f"{what} raised CancelledError: awaiting a cancelled task raises it, though only "
        "that task was cancelled, not drain(). Wait with `asyncio.wait(...)`, which never "
        "raises a task's outcome.",
    )
    kit.expect(
        result.value == 3.0,
        f"{what} returned at loop time {result.value} s; expected 3 s, when the last task ends.",
    )


def test_drain_with_nothing_pending(kata: kit.Kata) -> None:
    """drain() on an idle Spawner returns at once."""

    async def body() -> float:
        await new_spawner(kata).drain()
        return kit.now()

    result = scenario(kata, body, "drain() of an idle Spawner")
    kit.expect(
        result.value == 0.0,
        f"drain() with no tasks returned at loop time {result.value} s; expected at once.",
    )


# Checked last: earlier wrong answers fail the checks above first.


def test_failed_tasks_are_forgotten(kata: kit.Kata) -> None:
    """A task that failed is done too: once logged, the Spawner no longer holds it."""

    async def body() -> int:
        spawner = new_spawner(kata)
        refs = [
            weakref.ref(spawner.spawn(fails_after(1.0 + n, JobError(f"job {n} failed"))))
            for n in range(2)
        ]
        await asyncio.sleep(4.0)
        gc.collect()
        return sum(ref() is not None for ref in refs)

    with spawner_logs(keep=False):  # a kept record could hold the task (see Records)
        result = scenario(kata, body, "after two spawned tasks failed")
    held = result.value or 0
    kit.expect(
        held == 0,
        f"the Spawner still holds {held} of 2 failed task(s) after logging them: a failed "
        "task is done too, so drop its reference as well (discard every done task first, "
        "then log the ones that failed).",
    )


def test_drain_lets_its_own_cancellation_out(kata: kit.Kata) -> None:
    """Cancelling drain() itself makes it raise CancelledError, at once."""
    probe = kit.Probe(delay=3.0)

    async def body() -> tuple[bool, float, BaseException | None]:
        spawner = new_spawner(kata)
        spawner.spawn(probe("slow"))
        drain = asyncio.create_task(spawner.drain())
        await asyncio.sleep(1.0)
        drain.cancel()
        await asyncio.wait([drain])
        ended = kit.now()
        error = None if drain.cancelled() else drain.exception()
        await asyncio.sleep(3.0)  # the spawned task ends (or was cancelled with drain)
        return drain.cancelled(), ended, error

    what = "spawner.drain() cancelled at 1 s while a spawned task ran until 3 s"
    with spawner_logs():
        result = scenario(kata, body, what)
    cancelled, ended, error = result.value or (False, 0.0, None)
    kit.expect(
        cancelled,
        f"{what} "
        + (f"raised {error!r}" if error is not None else f"returned normally at {ended:g} s")
        + " instead of raising CancelledError: drain() must let its own cancellation out. "
        "Do not catch CancelledError (or BaseException) around its waiting without "
        "re-raising it.",
    )
    kit.expect(
        ended == 1.0,
        f"{what} raised CancelledError only at loop time {ended:g} s; expected at once, at 1 s.",
    )


def test_spawners_are_independent(kata: kit.Kata) -> None:
    """Two Spawners: each drain() waits for its own tasks only."""
    probe = kit.Probe(delay={"quick": 1.0, "slow": 3.0})

    async def body() -> tuple[float, float]:
        first, second = new_spawner(kata), new_spawner(kata)
        first.spawn(probe("quick"))
        second.spawn(probe("slow"))
        await first.drain()
        drained_first = kit.now()
        await second.drain()
        return drained_first, kit.now()

    what = "two Spawners, one with a task of 1 s and the other with a task of 3 s"
    result = scenario(kata, body, what)
    first_at, second_at = result.value or (0.0, 0.0)
    kit.expect(
        first_at == 1.0,
        f"with {what}, the first one's drain() returned at loop time {first_at:g} s; expected "
        "1 s, when its own task ended: each Spawner keeps its own set of tasks (make it in "
        "__init__, not as a class attribute shared by every Spawner).",
    )
    kit.expect(
        second_at == 3.0,
        f"with {what}, the second one's drain() returned at loop time {second_at:g} s; "
        "expected 3 s, when its own task ended.",
    )


def test_drain_waits_for_a_slow_task(kata: kit.Kata) -> None:
    """drain() waits for a task of 600 s to finish; it does not give up on it or cancel it."""
    probe = kit.Probe(delay={"slow": 600.0, "quick": 1.0})

    async def body() -> tuple[float, bool]:
        spawner = new_spawner(kata)
        slow = spawner.spawn(probe("slow"))
        spawner.spawn(probe("quick"))
        await spawner.drain()
        return kit.now(), slow.cancelled()

    what = "spawner.drain() with a task of 600 s and one of 1 s pending"
    result = scenario(kata, body, what, leftover_tasks=True)
    at, cancelled = result.value or (None, False)
    kit.expect(
        not cancelled and not probe.cancelled,
        f"{what} cancelled the slow task at {at} s: drain() waits for the pending tasks to "
        "finish however long they take; it never cancels them (no timeout).",
    )
    kit.expect(
        at == 600.0,
        f"{what} returned at loop time {at} s; expected 600 s, when the slow task ended.",
    )


def test_drain_waits_for_a_task_spawned_as_the_last_one_ends(kata: kit.Kata) -> None:
    """A task of 1 s is spawned; other code awaits it and, as soon as it is done, spawns a
    follow-up of 1 s. drain(), called at the start, does not return while that follow-up is
    pending: a task spawned while draining, in the very step the set emptied, still counts."""
    probe = kit.Probe(delay=1.0)

    async def body() -> tuple[float, int]:
        spawner = new_spawner(kata)
        first = spawner.spawn(probe("first"))
        followed: list[asyncio.Task[Any]] = []

        async def follow_up() -> None:
            await first
            followed.append(spawner.spawn(probe("follow-up")))

        helper = asyncio.ensure_future(follow_up())
        await spawner.drain()
        at = kit.now()
        pending = sum(not task.done() for task in followed)
        await helper
        await asyncio.gather(*followed)
        return at, pending

    what = (
        "spawner.drain() with a task of 1 s, whose follow-up of 1 s is spawned (by code that "
        "awaited it) as soon as it is done"
    )
    result = scenario(kata, body, what)
    at, pending = result.value or (None, 0)
    kit.expect(
        not pending,
        f"{what}: drain() returned at loop time {at} s with the follow-up still pending (until "
        "2 s): a "
        "task spawned in the very step the last one ended is pending too. When drain() wakes "
        "up, look again, and keep waiting while any spawned task is pending "
        "(`while self._tasks: ...`).",
    )


def test_two_drains_at_once(kata: kit.Kata) -> None:
    """Two drain() calls at once on one Spawner (the second from 1 s on), with a task of 3 s
    pending: both return at 3 s, when it ends."""
    probe = kit.Probe(delay=3.0)
    ends: dict[str, float] = {}

    async def drained(spawner: Any, name: str, after: float) -> None:
        await asyncio.sleep(after)
        await spawner.drain()
        ends[name] = kit.now()

    async def body() -> None:
        """Both drains, stopped after 60 s: a drain() that was never woken waits forever."""
        spawner = new_spawner(kata)
        spawner.spawn(probe("job"))
        drains = {
            asyncio.ensure_future(drained(spawner, "first", 0.0)),
            asyncio.ensure_future(drained(spawner, "second", 1.0)),
        }
        await asyncio.wait(drains, timeout=60.0)
        for drain in drains:
            drain.cancel()
        await asyncio.wait(drains)

    what = (
        "two drain() calls at once on one Spawner (the second called at 1 s), with a task of "
        "3 s pending"
    )
    result = scenario(kata, body, what)
    for name in ("first", "second"):
        kit.expect(
            ends.get(name) == 3.0,
            f"in {what}, the {name} drain() "
            + (f"returned at loop time {ends[name]:g} s" if name in ends else "never returned")
            + "; expected both at 3 s, when the task ended: every drain() call waits until no "
            "task is pending, however many wait at once. Did the second drain() replace a "
            "waiter the first one was waiting on? (`while self._tasks: await "
            "asyncio.wait(set(self._tasks))` needs no waiter at all.)",
        )
    expect_no_loop_errors(result, f"in {what}")
