"""Grader for 04_cancellation/worker: release in `finally`, and never swallow cancellation.

Checks: the worker acquires once, then keeps using the resource until stopped; cancelled, it
releases exactly once at the moment of cancellation and its task ends *cancelled*; under
`asyncio.timeout` the caller gets TimeoutError; when use() raises, it still releases and the
error propagates. A worker that swallows cancellation inside its loop and keeps using the
resource is named from what it did after the cancel.

Docstring sentence -> the check that enforces it:

- "It first acquires the resource with `await resource.acquire()`" ->
  test_cancelled_worker_releases_and_stays_cancelled
- "then uses it forever: `await resource.use()` in an endless loop" ->
  test_cancelled_worker_releases_and_stays_cancelled
- "The worker only ever stops because it is cancelled (or because `use()` raises)" ->
  test_cancelled_worker_releases_and_stays_cancelled, test_error_in_use_releases_and_propagates
  (a worker that catches use()'s error and loops on is named when it never ends),
  test_a_transient_looking_error_stops_the_worker (a TimeoutError or ConnectionResetError of
  use() is no reason to try again)
- "it must call `resource.release()` (a plain method: no `await`) exactly once" ->
  expect_released_once (every check)
- "Stopped before `acquire()` has returned, it holds nothing: then it must not call
  `release()`" -> test_cancelled_while_acquiring_releases_nothing (nor may acquire() go on
  in the background, shielded: it would get the resource and nobody would release it)
- "and then let the cancellation or error carry on to the caller" ->
  test_cancelled_worker_releases_and_stays_cancelled, test_timeout_reaches_the_caller,
  test_error_in_use_releases_and_propagates, test_error_in_first_use
- "call `resource.release()` ... and then let the ... error carry on to the caller" (release
  done by the time the caller gets the error, and that very error) ->
  test_use_error_reaches_the_caller_as_it_is
- "and then let the cancellation ... carry on to the caller" (that very CancelledError, its
  message included, not a new one) -> test_the_cancellation_carries_on_as_it_is
- "Whatever stops it, it must call `resource.release()`" (not only for the errors the worker
  expects) -> test_any_error_in_use_releases (a RuntimeError, and a BaseException that is
  not an Exception)
- "Whatever stops it, it must call `resource.release()` ... exactly once" (a second
  cancellation while it cleans up, landing on an await before release()) ->
  test_cancelled_again_while_cleaning_up
- "Stopped before `acquire()` has returned, it holds nothing: then it must not call
  `release()`" (whatever another worker holds: two workers on one loop, each with its own
  resource) -> test_two_workers_each_release_only_their_own
- "Stopped before `acquire()` has returned, it holds nothing: then it must not call
  `release()`" (stopped by an error of acquire() itself, not only by a cancellation) ->
  test_a_failed_acquire_releases_nothing
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

import kit
import pytest

SWALLOWED = (
    "Catching CancelledError and returning (or a `return` inside `finally:`) swallows the "
    "cancellation: release in `finally:` and let the CancelledError propagate (or re-raise "
    "it with a bare `raise`)."
)

WENT_ON_AFTER_ERROR = (
    "use() raised OSError and the worker never stopped: did it catch the error and go on "
    "looping? An error from use() stops the worker: release in `finally:` and let the error "
    "carry on to the caller."
)


# Loop seconds after which a worker whose use() failed and that is still running is stopped
# and told WENT_ON_AFTER_ERROR: it should have ended at the failure (a few seconds in). Under
# kit.run's hour it made 3,600 more uses: its kata took 5.7 s instead of 4.3 s on an idle
# machine, and on a loaded one the check's 30 s limit stopped it first, with another sentence.
GONE_ON = 600.0


class Halted(Exception):  # noqa: N818 - the grader's own stop signal
    """Raised by use() once the grader gives up on a worker that ignores cancellation."""


class Interrupted(BaseException):
    """What use() raises in one check: a BaseException that is not an Exception (as
    KeyboardInterrupt and SystemExit are), which asyncio handles like any other error."""


class NeverAwaited(Exception):  # noqa: N818 - named for the learner's message
    """resource.use() called over and over without await."""


class Resource:
    """A fake resource: acquire() takes 0.5 s, each use() 1 s; release() is a plain method."""

    def __init__(
        self,
        fail_on_use: int | None = None,
        error: type[BaseException] = OSError,
        fail_on_acquire: bool = False,
    ) -> None:
        self.acquired: list[float] = []
        self.uses: list[float] = []
        self.released: list[float] = []
        self.fail_on_use = fail_on_use
        self.error_type = error  # what the failing use() raises
        self.halt = False  # set by the grader to stop a worker that ignores cancellation
        self.unawaited = 0  # use() calls whose coroutine has not started
        self.error: BaseException | None = None  # what the failing use() raised
        self.fail_on_acquire = fail_on_acquire  # acquire() raises OSError instead of returning

    async def acquire(self) -> None:
        await asyncio.sleep(0.5)
        if self.fail_on_acquire:
            self.error = OSError("the resource could not be acquired")
            raise self.error
        self.acquired.append(kit.now())

    def use(self) -> Awaitable[None]:
        """Start one use; a worker that calls use() without awaiting it spins forever
        making coroutines, so that is stopped (and named) after many calls."""
        self.unawaited += 1
        if self.unawaited > 1000:
            raise NeverAwaited(
                "resource.use() was called 1000 times and never awaited, so the loop never "
                "paused: write `await resource.use()`"
            )
        return self._use()

    async def _use(self) -> None:
        self.unawaited -= 1
        if self.halt:
            raise Halted("the grader stopped a worker that ignored its cancellation")
        self.uses.append(kit.now())
        if self.fail_on_use is not None and len(self.uses) == self.fail_on_use:
            await asyncio.sleep(0.25)
            self.error = self.error_type("the resource broke")
            raise self.error
        await asyncio.sleep(1.0)

    def release(self) -> None:
        self.released.append(kit.now())


Resource._use.__qualname__ = "resource.use"  # how a never-awaited use() is named


def expect_released_once(resource: Resource, what: str, at: float) -> None:
    """Fail unless release() was called exactly once, at loop time ``at``."""
    count = len(resource.released)
    kit.expect(
        count > 0,
        f"{what}: release() was never called. Call `resource.release()` in a `finally:` block, "
        "so it runs however the worker stops.",
    )
    kit.expect(
        count == 1,
        f"{what}: release() was called {count} times; release exactly once (only in `finally:`).",
    )
    kit.expect(
        abs(resource.released[0] - at) < 1e-6,
        f"{what}: release() was called at {resource.released[0]:g} s; expected {at:g} s, the "
        "moment the worker was stopped.",
    )


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """worker is an async def."""
    kata.get("worker", "coroutine")


def test_cancelled_worker_releases_and_stays_cancelled(kata: kit.Kata) -> None:
    """Cancelled at 3.2 s: released once at 3.2 s, and the task ends cancelled."""
    worker = kata.get("worker", "coroutine")
    resource = Resource()
    what = "worker(resource) cancelled at 3.2 s"
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        task = asyncio.create_task(worker(resource))
        await asyncio.sleep(3.2)
        seen["done_early"] = task.done()
        task.cancel()
        await asyncio.wait([task], timeout=10.0)
        seen["ended"] = task.done()
        if not task.done():  # judged below; stop it first, or closing the loop never ends
            resource.halt = True
            await asyncio.wait([task], timeout=5.0)
            if task.done() and not task.cancelled():
                task.exception()  # retrieved: the grader's own Halted
            return
        seen["cancelled"] = task.cancelled()
        if not task.cancelled() and task.exception() is not None:
            raise task.exception()  # type: ignore[misc]

    kata.run(scenario, what=what, leftover_tasks=True)
    if not seen["ended"]:
        after = [t for t in resource.uses if t > 3.2]
        kit.fail(
            f"{what}: the worker was still running 10 s after it was cancelled"
            + (
                f", calling use() again at {after[0]:g} s: the CancelledError was caught "
                "inside the loop and the loop went on. Never swallow it: release in "
                "`finally:` and let it propagate."
                if after
                else ": let the CancelledError propagate."
            )
        )
    kit.expect_equal(
        len(resource.acquired),
        1,
        "the number of acquire() calls",
        "Acquire once, with `await resource.acquire()`, before using the resource.",
    )
    kit.expect(
        not seen["done_early"] and len(resource.uses) >= 3,
        f"{what}: the worker had stopped on its own after {len(resource.uses)} use() call(s); "
        "it must keep calling `await resource.use()` in a loop until it is cancelled.",
    )
    expect_released_once(resource, what, 3.2)
    kit.expect(
        seen["cancelled"],
        f"{what}: the task ended normally instead of cancelled. " + SWALLOWED,
    )


def test_timeout_reaches_the_caller(kata: kit.Kata) -> None:
    """Under asyncio.timeout(2.7) the caller gets TimeoutError at 2.7 s; released once."""
    worker = kata.get("worker", "coroutine")
    resource = Resource()
    what = "worker(resource) inside `async with asyncio.timeout(2.7)`"

    async def scenario() -> str:
        try:
            async with asyncio.timeout(2.7):
                await worker(resource)
        except TimeoutError:
            return "timeout"
        return "returned"

    result = kata.run(scenario, what=what)
    expect_released_once(resource, what, 2.7)
    kit.expect(
        result.value == "timeout",
        f"{what}: the caller got no TimeoutError, because the worker returned normally. "
        + SWALLOWED,
    )
    kit.expect_loop_time(result, 2.7, what)


def test_error_in_use_releases_and_propagates(kata: kit.Kata) -> None:
    """use() raises OSError on its 3rd call: released once, and the OSError propagates."""
    worker = kata.get("worker", "coroutine")
    resource = Resource(fail_on_use=3)
    what = "worker(resource) whose 3rd use() raises OSError at 2.75 s"
    result = kata.run(
        lambda: worker(resource),
        what=what,
        raises=Exception,
        hang_hint=WENT_ON_AFTER_ERROR,
        limit=GONE_ON,
    )
    if isinstance(result.error, NotImplementedError):
        kit.not_started(kata.where(result.error))
    expect_released_once(resource, what, 2.75)
    kit.expect(
        isinstance(result.error, OSError),
        f"{what}: "
        + (
            "the worker returned normally; the OSError was swallowed: let it propagate."
            if result.error is None
            else f"the caller got {type(result.error).__name__} instead of the OSError."
        ),
    )


def test_error_in_first_use(kata: kit.Kata) -> None:
    """use() raises OSError on its 1st call: released once, and the OSError propagates."""
    worker = kata.get("worker", "coroutine")
    resource = Resource(fail_on_use=1)
    what = "worker(resource) whose 1st use() raises OSError at 0.75 s"
    result = kata.run(
        lambda: worker(resource),
        what=what,
        raises=Exception,
        hang_hint=WENT_ON_AFTER_ERROR,
        limit=GONE_ON,
    )
    if isinstance(result.error, NotImplementedError):
        kit.not_started(kata.where(result.error))
    expect_released_once(resource, what, 0.75)
    kit.expect(
        isinstance(result.error, OSError),
        f"{what}: the caller got {result.error!r} instead of the OSError.",
    )


# Checked last: earlier wrong answers fail the checks above first.


def test_cancelled_while_acquiring_releases_nothing(kata: kit.Kata) -> None:
    """Cancelled at 0.2 s, while acquire() (0.5 s) still runs: no release(), and the task
    ends cancelled."""
    worker = kata.get("worker", "coroutine")
    resource = Resource()
    what = "worker(resource) cancelled at 0.2 s, before acquire() returned"
    seen: dict[str, bool] = {}

    async def scenario() -> None:
        task = asyncio.create_task(worker(resource))
        await asyncio.sleep(0.2)
        task.cancel()
        await asyncio.wait([task], timeout=10.0)
        if not task.done():
            resource.halt = True
            await asyncio.wait([task], timeout=5.0)
        seen["cancelled"] = task.cancelled()
        if task.done() and not task.cancelled() and task.exception() is not None:
            raise task.exception()  # type: ignore[misc]
        await asyncio.sleep(1.0)  # an acquire() left running in the background ends at 0.5 s

    kata.run(scenario, what=what, leftover_tasks=True)
    if resource.released:
        kit.fail(
            f"{what}: release() was called at {resource.released[0]:g} s though the resource "
            "was never acquired. Await acquire() before the `try:`, so that `finally:` "
            "releases only what the worker holds."
        )
    kit.expect(
        seen.get("cancelled", False),
        f"{what}: the task ended normally instead of cancelled. " + SWALLOWED,
    )
    kit.expect(
        not resource.acquired,
        f"{what}: the worker stopped, but acquire() still completed at "
        f"{resource.acquired[0] if resource.acquired else 0:g} s in the background and the "
        "resource it got was never released. acquire() must not go on once the worker is "
        "cancelled (do not shield it, nor run it in a task of its own): cancelled while "
        "acquiring, the acquisition stops too, and the worker holds nothing.",
    )


def test_use_error_reaches_the_caller_as_it_is(kata: kit.Kata) -> None:
    """use() raises OSError on its 2nd call: by the time the caller catches it, release()
    has been called, and the caller gets that very OSError."""
    worker = kata.get("worker", "coroutine")
    resource = Resource(fail_on_use=2)
    what = "worker(resource) whose 2nd use() raises OSError at 1.75 s"
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        try:
            await worker(resource)
        except Exception as exc:  # noqa: BLE001 - what reaches the caller is what we grade
            seen["error"] = exc
            seen["released"] = len(resource.released)

    kata.run(scenario, what=what)
    error = seen.get("error")
    if isinstance(error, NotImplementedError):
        kit.not_started(kata.where(error))
    kit.expect(
        error is not None and error is resource.error,
        f"{what}: the caller got {error!r}, not the OSError use() raised; let that very "
        "error carry on (a bare `raise`, or no `except` at all).",
    )
    kit.expect(
        seen.get("released") == 1,
        f"{what}: when the OSError reached the caller, release() had been called "
        f"{seen.get('released')} time(s); call it once before the error carries on (in "
        "`finally:`).",
    )


@pytest.mark.parametrize("error", [RuntimeError, Interrupted], ids=["RuntimeError", "Interrupted"])
def test_any_error_in_use_releases(kata: kit.Kata, error: type[BaseException]) -> None:
    """use() raises RuntimeError, or a BaseException that is not an Exception, on its 2nd
    call: released once at 1.75 s, and that very error reaches the caller."""
    worker = kata.get("worker", "coroutine")
    resource = Resource(fail_on_use=2, error=error)
    name = error.__name__
    kind = (
        f"{name}, a BaseException that is not an Exception (like KeyboardInterrupt or SystemExit)"
        if not issubclass(error, Exception)
        else name
    )
    what = f"worker(resource) whose 2nd use() raises {name} at 1.75 s"
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        try:
            await worker(resource)
        except error as exc:
            seen["error"] = exc

    kata.run(scenario, what=what, hang_hint=WENT_ON_AFTER_ERROR.replace("OSError", name))
    kit.expect(
        bool(resource.released),
        f"{what}: release() was never called when use() raised {kind}. Whatever stops the "
        "worker, it must release: an `except` that names the stops you expect misses the "
        "others, while `finally:` runs however the worker stops.",
    )
    expect_released_once(resource, what, 1.75)
    kit.expect(
        seen.get("error") is resource.error,
        f"{what}: the caller got {seen.get('error')!r}, not the {name} use() raised; let "
        "that very error carry on (a bare `raise`, or no `except` at all).",
    )


# Checked last: earlier wrong answers fail the checks above first.


def test_the_cancellation_carries_on_as_it_is(kata: kit.Kata) -> None:
    """Cancelled at 3.2 s with task.cancel("shutting down"): released once at 3.2 s, and the
    caller awaiting the task gets that very cancellation, its message included."""
    worker = kata.get("worker", "coroutine")
    resource = Resource()
    what = 'worker(resource) cancelled at 3.2 s with task.cancel("shutting down")'

    async def scenario() -> tuple[Any, ...] | None:
        task = asyncio.create_task(worker(resource))
        await asyncio.sleep(3.2)
        return await kit.cancelled_args(task, "shutting down")

    result = kata.run(scenario, what=what)
    expect_released_once(resource, what, 3.2)
    kit.expect_the_callers_cancellation(
        result.value,
        "shutting down",
        what,
        "after release(), let that very CancelledError carry on (a bare `raise`, or "
        "`finally:` with no `except`)",
    )


def test_cancelled_again_while_cleaning_up(kata: kit.Kata) -> None:
    """Cancelled at 3.2 s, and once more one loop step later (a supervisor that cancels
    every task still running): released once at 3.2 s all the same, and ends cancelled."""
    worker = kata.get("worker", "coroutine")
    resource = Resource()
    what = "worker(resource) cancelled at 3.2 s, and again one loop step later"
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        task = asyncio.create_task(worker(resource))
        await asyncio.sleep(3.2)
        task.cancel()
        await asyncio.sleep(0)  # the worker gets its CancelledError and starts cleaning up
        task.cancel()
        await asyncio.wait([task], timeout=10.0)
        seen["cancelled"] = task.cancelled()

    kata.run(scenario, what=what, leftover_tasks=True)
    kit.expect(
        bool(resource.released),
        f"{what}: release() was never called. Once cancelled, the worker awaited something "
        "before release(), and the second cancellation landed on that await. Call "
        "`resource.release()` before any await in `finally:` (it is a plain method).",
    )
    expect_released_once(resource, what, 3.2)
    kit.expect(seen.get("cancelled"), f"{what}: the task did not end cancelled. " + SWALLOWED)


def test_two_workers_each_release_only_their_own(kata: kit.Kata) -> None:
    """Worker A starts at 0 s (acquires at 0.5 s); worker B, on another resource, starts at
    1 s and is cancelled at 1.2 s, before its acquire() returned: B releases nothing, even
    though A holds its resource. Then A is cancelled at 2.6 s and releases once."""
    worker = kata.get("worker", "coroutine")
    first, second = Resource(), Resource()
    what = (
        "worker(resource A) started at 0 s, and worker(resource B) started at 1 s and cancelled "
        "at 1.2 s, before B's acquire() returned"
    )

    async def scenario() -> None:
        a = asyncio.create_task(worker(first))
        await asyncio.sleep(1.0)
        b = asyncio.create_task(worker(second))
        await asyncio.sleep(0.2)
        b.cancel()
        await asyncio.wait([b], timeout=10.0)
        await asyncio.sleep(1.4)
        a.cancel()
        await asyncio.wait([a], timeout=10.0)
        for task in (a, b):
            if not task.done():
                first.halt = second.halt = True
                await asyncio.wait([task], timeout=5.0)

    kata.run(scenario, what=what, leftover_tasks=True)
    if second.released:
        kit.fail(
            f"{what}: release() of resource B was called at {second.released[0]:g} s though "
            "B was never acquired. Each call of worker holds only what it acquired itself: no "
            "flag at module level (it tells what another worker did); await acquire() before "
            "the `try:`, so that `finally:` releases only what this worker holds."
        )
    expect_released_once(first, f"{what}, then worker A cancelled at 2.6 s", 2.6)


@pytest.mark.parametrize(
    "error", [TimeoutError, ConnectionResetError], ids=["TimeoutError", "ConnectionResetError"]
)
def test_a_transient_looking_error_stops_the_worker(
    kata: kit.Kata, error: type[BaseException]
) -> None:
    """use() raises TimeoutError, or ConnectionResetError, on its 2nd call: errors that look
    transient stop the worker too (no retry): released once at 1.75 s, and that very error
    reaches the caller."""
    worker = kata.get("worker", "coroutine")
    resource = Resource(fail_on_use=2, error=error)
    name = error.__name__
    what = f"worker(resource) whose 2nd use() raises {name} at 1.75 s"
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        try:
            await worker(resource)
        except error as exc:
            seen["error"] = exc

    kata.run(
        scenario,
        what=what,
        hang_hint=(
            f"use() raised {name} and the worker never stopped: did it catch that error and "
            "try again? An error from use() stops the worker, whatever its type (a timeout or a "
            "dropped connection too): release in `finally:` and let the error carry on to the "
            "caller."
        ),
    )
    expect_released_once(resource, what, 1.75)
    kit.expect(
        seen.get("error") is resource.error,
        f"{what}: the caller got {seen.get('error')!r}, not the {name} use() raised; let "
        "that very error carry on (a bare `raise`, or no `except` at all).",
    )


def test_a_failed_acquire_releases_nothing(kata: kit.Kata) -> None:
    """acquire() raises OSError at 0.5 s: the worker got nothing, so it calls no release(),
    and the OSError reaches the caller."""
    worker = kata.get("worker", "coroutine")
    resource = Resource(fail_on_acquire=True)
    what = "worker(resource) whose acquire() raises OSError at 0.5 s"
    result = kata.run(lambda: worker(resource), what=what, raises=Exception)
    if isinstance(result.error, NotImplementedError):
        kit.not_started(kata.where(result.error))
    if resource.released:
        kit.fail(
            f"{what}: release() was called at {resource.released[0]:g} s though acquire() "
            "failed and the worker never held the resource. Await acquire() before the "
            "`try:`, so that `finally:` releases only what the worker holds."
        )
    kit.expect(
        result.error is resource.error,
        f"{what}: "
        + (
            f"the call returned {result.value!r}"
            if result.error is None
            else f"the caller got {result.error!r}"
        )
        + ", not the OSError acquire() raised; let that very error carry on to the caller.",
    )
