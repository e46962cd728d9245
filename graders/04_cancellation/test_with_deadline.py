"""Grader for 04_cancellation/with_deadline: a deadline that cancels the work, not just the wait.

Checks: a fast call returns its value at its own loop time; a slow call gives None at exactly
the deadline (counted from the call, on a loop whose clock is not at 0) and was cancelled
then, and had stopped by the return; errors of fn() propagate, a TimeoutError of fn()'s own
included; cancelling the caller propagates. When fn() is still running at the return, the
message says whether it had been cancelled (the records tell).

Docstring sentence -> the check that enforces it:

- "if it finishes in time, return its result" -> test_fast_call_returns_its_value,
  test_a_falsy_result_is_returned (0, '', False, []: that very value, not None)
- "if the deadline passes, `fn()` must be cancelled (it sees `CancelledError`) and you return
  `None`" -> test_slow_call_is_cancelled_at_the_deadline (and an fn() that cleans up for 2 s
  when cancelled has stopped by the return: the work is really stopped, not just asked to),
  test_deadline_counts_from_the_call, test_a_fractional_deadline_is_kept (1.75 s, not
  rounded to whole seconds), test_a_zero_deadline_gives_up_at_once (0 s is not "no deadline";
  an fn() started then has been cancelled and has ended by the return)
- "an error raised by `fn()` itself is not a timeout: let it propagate" ->
  test_errors_of_fn_propagate, test_timeout_error_of_fn_propagates (with a message, and bare:
  a TimeoutError() exactly like the deadline's own), test_an_inner_timeout_of_fn_propagates
  (fn()'s own asyncio.timeout expiring: a TimeoutError from a CancelledError, like the
  deadline's), test_a_connection_error_of_fn_propagates (at once: fn() is not called again)
- "if the caller of `with_deadline` is cancelled, that cancellation must propagate too" ->
  test_caller_cancellation_propagates; that very CancelledError, its message included ->
  test_caller_cancellation_propagates_as_it_is; and when the caller cancels in the same loop
  step as the deadline passes -> test_caller_cancel_at_the_deadline_propagates
- "Calls may run at the same time, each with its own deadline." ->
  test_concurrent_calls_keep_their_own_deadlines (also two calls of the same fn)
- "Await `fn()` under `asyncio.timeout(seconds)`" (the deadline is over when the call ends,
  returning or raising, and leaves no cancel request on the caller's task) ->
  test_deadline_ends_with_the_call, test_deadline_leaves_the_caller_uncancelled
- "if it finishes in time, return its result" (in time however long: a deadline of 1e7 s,
  beyond an hour, a day or a week, is not capped) -> test_a_long_deadline_is_kept
- "if the deadline passes ... you return `None`" (a negative deadline has passed too; it is
  not "no deadline"; an fn() started then has been cancelled and has ended by the return) ->
  test_a_negative_deadline_gives_up_at_once
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

import kit
import pytest


@dataclass
class Fn:
    """A stand-in fn: takes ``delay`` seconds, then returns ``value`` or raises ``error``;
    cancelled, it cleans up for ``cleanup`` seconds first. Records when it started and ended,
    whether (and when) it saw CancelledError, and the task it ran in."""

    delay: float
    value: Any = "done"
    error: BaseException | None = None
    cleanup: float = 0.0
    calls: list[dict[str, Any]] = field(default_factory=list)

    async def __call__(self) -> Any:
        call: dict[str, Any] = {"task": asyncio.current_task(), "cancelled": False}
        call["started"] = kit.now()
        self.calls.append(call)
        try:
            await asyncio.sleep(self.delay)
        except asyncio.CancelledError:
            call["cancelled"], call["cancelled_at"] = True, kit.now()
            if self.cleanup:
                await asyncio.sleep(self.cleanup)  # closing a connection, say
            raise
        finally:
            call["ended"] = kit.now()
        if self.error is not None:
            raise self.error
        return self.value


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """with_deadline is an async def."""
    kata.get("with_deadline", "coroutine")


def test_fast_call_returns_its_value(kata: kit.Kata) -> None:
    """fn() of 1 s with a 3 s deadline: its value after 1 s."""
    with_deadline = kata.get("with_deadline", "coroutine")
    fn = Fn(1.0)
    what = "with_deadline(fn, 3) where fn() takes 1 s"
    result = kata.run(lambda: with_deadline(fn, 3), what=what)
    kit.expect_equal(len(fn.calls), 1, f"the number of fn() calls in {what}")
    kit.expect_equal(result.value, "done", f"what {what} returned", "Return fn()'s result.")
    kit.expect_loop_time(
        result,
        1.0,
        what,
        slower="Return as soon as fn() finishes"
        + ("; do not sleep until the deadline." if abs(result.loop_time - 3.0) < 1e-6 else "."),
    )


def run_slow(
    kata: kit.Kata, start: float, cleanup: float = 0.0
) -> tuple[kit.Run[Any], Fn, dict[str, Any], str]:
    """with_deadline(fn, 2) where fn() takes 10 s (and, cancelled, cleans up for ``cleanup``
    s), called at loop time ``start``."""
    with_deadline = kata.get("with_deadline", "coroutine")
    fn = Fn(10.0, cleanup=cleanup)
    what = (
        "with_deadline(fn, 2) where fn() takes 10 s"
        + (f" and, cancelled, cleans up for {cleanup:g} s" if cleanup else "")
        + (f", called at loop time {start:g} s" if start else "")
    )
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        await asyncio.sleep(start)
        seen["value"] = await with_deadline(fn, 2)
        seen["at"] = kit.now() - start
        # fn() still running now, and whether it had been asked to stop (cancel() called).
        seen["running"] = [
            bool(c["task"] and (c["task"].cancelling() or c["task"].cancelled()))
            for c in fn.calls
            if "ended" not in c
        ]

    # A version that only stops waiting leaves fn() running: judged below from the records.
    result = kata.run(scenario, what=what, leftover_tasks=True, raises=TimeoutError)
    kit.expect(
        result.error is None,
        f"{what} raised TimeoutError; expected it to return None: catch the TimeoutError "
        "that `asyncio.timeout` raises (`except TimeoutError: return None`).",
    )
    kit.expect_equal(len(fn.calls), 1, f"the number of fn() calls in {what}")
    running = seen["running"]
    if running:
        asked = running[0]
        seen_at = fn.calls[0].get("cancelled_at", seen["at"] + start) - start
        if asked and seen["at"] > seen_at + 1e-6:
            kit.fail(
                f"when {what} returned, after {seen['at']:g} s, fn() was still running: it had "
                f"been cancelled at {seen_at:g} s and was still cleaning up; you waited "
                f"{seen['at'] - seen_at:g} s for it, not until it had stopped. Await it to its "
                "end, with no time limit of your own on its cleanup (`async with "
                "asyncio.timeout(seconds):` around `await fn()` does)."
            )
        kit.fail(
            f"when {what} returned, fn() was still running: "
            + (
                "it had been cancelled, but cancel() only asks. Await it after cancelling "
                "(`await asyncio.gather(task, return_exceptions=True)`), so it has stopped."
                if asked
                else "it had never been cancelled; something stopped waiting for it without "
                "cancelling it. `async with asyncio.timeout(seconds):` around `await fn()` "
                "cancels it at the deadline."
            )
        )
    return result, fn, seen, what


@pytest.mark.parametrize("cleanup", [0.0, 2.0], ids=["no_cleanup", "cleanup"])
def test_slow_call_is_cancelled_at_the_deadline(kata: kit.Kata, cleanup: float) -> None:
    """fn() of 10 s with a 2 s deadline: None after 2 s, and fn() was cancelled at 2 s; an
    fn() that cleans up for 2 s when cancelled has stopped by the return, at 4 s."""
    _, fn, seen, what = run_slow(kata, 0.0, cleanup)
    kit.expect(
        abs(seen["at"] - 2.0 - cleanup) < 1e-6,
        f"{what} returned after {seen['at']:g} s of loop time; expected "
        + (
            f"{2.0 + cleanup:g} s, the deadline then fn()'s cleanup."
            if cleanup
            else "2 s, the deadline."
        ),
    )
    kit.expect(
        seen["value"] is None,
        f"{what} returned {seen['value']!r}; on timeout it should return None.",
    )
    kit.expect(
        fn.calls[0]["cancelled"]
        and fn.calls[0].get("cancelled_at") == 2.0
        and fn.calls[0]["ended"] == 2.0 + cleanup,
        f"in {what}, fn() did not see CancelledError at 2 s: the deadline must cancel it.",
    )


def test_deadline_counts_from_the_call(kata: kit.Kata) -> None:
    """Called at loop time 5 s: the deadline is 2 s after the call, at 7 s."""
    _, _, seen, what = run_slow(kata, 5.0)
    kit.expect(
        abs(seen["at"] - 2.0) < 1e-6,
        f"{what} returned after {seen['at']:g} s; expected 2 s after the call. `seconds` is a "
        "duration from now: `asyncio.timeout(seconds)`, not `asyncio.timeout_at(seconds)` "
        "(timeout_at takes a loop time: `loop.time() + seconds`).",
    )


def test_errors_of_fn_propagate(kata: kit.Kata) -> None:
    """fn() raising ValueError after 1 s: the ValueError propagates."""
    with_deadline = kata.get("with_deadline", "coroutine")
    boom = ValueError("broken")
    fn = Fn(1.0, error=boom)
    what = "with_deadline(fn, 3) where fn() raises ValueError after 1 s"
    result = kata.run(lambda: with_deadline(fn, 3), what=what, raises=Exception)
    if isinstance(result.error, NotImplementedError):
        kit.not_started(kata.where(result.error))
    kit.expect(
        result.error is boom,
        f"{what} "
        + (
            f"returned {result.value!r}: the ValueError was swallowed. Catch only TimeoutError; "
            "an error of fn() is not a timeout and must propagate."
            if result.error is None
            else f"raised {result.error!r} instead of fn()'s ValueError."
        ),
    )


def test_caller_cancellation_propagates(kata: kit.Kata) -> None:
    """Cancelling the caller at 1 s (deadline 5 s) ends in CancelledError, not None."""
    with_deadline = kata.get("with_deadline", "coroutine")
    fn = Fn(10.0)
    what = "with_deadline(fn, 5) whose caller is cancelled after 1 s"

    async def scenario() -> Any:
        task = asyncio.create_task(with_deadline(fn, 5))
        await asyncio.sleep(1.0)
        task.cancel()
        await asyncio.wait([task])
        if task.cancelled():
            return "cancelled"
        if task.exception() is not None:
            raise task.exception()  # type: ignore[misc]
        return task.result()

    result = kata.run(scenario, what=what)
    kit.expect(
        result.value == "cancelled",
        f"{what} returned {result.value!r} instead of raising CancelledError: you swallowed "
        "the caller's cancellation. Catch TimeoutError, never CancelledError.",
    )
    kit.expect(
        len(fn.calls) == 1 and fn.calls[0]["cancelled"],
        f"in {what}, fn() was not cancelled: cancelling the caller must cancel fn() too.",
    )


@pytest.mark.parametrize(
    "own", [TimeoutError("the upstream server timed out"), TimeoutError()], ids=["said", "bare"]
)
def test_timeout_error_of_fn_propagates(kata: kit.Kata, own: TimeoutError) -> None:
    """fn() itself raising TimeoutError after 1 s (deadline 3 s), with a message or bare (as
    the deadline's own): that error propagates."""
    with_deadline = kata.get("with_deadline", "coroutine")
    fn = Fn(1.0, error=own)
    what = f"with_deadline(fn, 3) where fn() itself raises {own!r} after 1 s"
    result = kata.run(lambda: with_deadline(fn, 3), what=what, raises=Exception)
    if isinstance(result.error, NotImplementedError):
        kit.not_started(kata.where(result.error))
    if result.error is None:
        kit.fail(
            f"{what} returned {result.value!r}: fn()'s own TimeoutError was taken for the "
            "deadline. Only the deadline means None: ask the timeout whether it expired "
            "(`async with asyncio.timeout(s) as deadline:` ... `if deadline.expired(): return "
            "None`, else re-raise)."
        )
    kit.expect(
        result.error is own,
        f"{what} raised {result.error!r} instead of fn()'s own TimeoutError.",
    )


# Checked last: earlier wrong answers fail the checks above first.


def test_an_inner_timeout_of_fn_propagates(kata: kit.Kata) -> None:
    """fn() runs its own `asyncio.timeout(1)`, which expires after 1 s (deadline 3 s): that
    TimeoutError is fn()'s own, though asyncio raises it from a CancelledError too."""
    with_deadline = kata.get("with_deadline", "coroutine")

    async def fn() -> str:
        async with asyncio.timeout(1.0):
            await asyncio.sleep(2.0)
        return "done"

    what = "with_deadline(fn, 3) where fn()'s own `asyncio.timeout(1)` expires after 1 s"
    result = kata.run(lambda: with_deadline(fn, 3), what=what, raises=Exception)
    if isinstance(result.error, NotImplementedError):
        kit.not_started(kata.where(result.error))
    if result.error is None:
        kit.fail(
            f"{what} returned {result.value!r}: fn()'s own timeout was taken for the deadline "
            "(a TimeoutError from fn()'s own asyncio.timeout has a CancelledError as its cause "
            "too, so the cause cannot tell them apart). Ask your timeout whether it expired: "
            "`async with asyncio.timeout(s) as deadline:` ... `if deadline.expired(): return "
            "None`, else re-raise."
        )
    kit.expect(
        isinstance(result.error, TimeoutError),
        f"{what} raised {result.error!r} instead of fn()'s own TimeoutError.",
    )
    kit.expect_loop_time(result, 1.0, what)


@pytest.mark.parametrize("same", [False, True], ids=["own_fns", "same_fn"])
def test_concurrent_calls_keep_their_own_deadlines(kata: kit.Kata, same: bool) -> None:
    """Three calls at once: deadlines 2 s and 5 s on 10 s calls, and one whose fn() raises
    its own TimeoutError at 3 s: None at 2 s, that TimeoutError at 3 s, None at 5 s; also when
    the two 10 s calls share the same fn."""
    with_deadline = kata.get("with_deadline", "coroutine")
    own = TimeoutError("the upstream server timed out")
    slow = Fn(10.0)
    fns = [slow, Fn(3.0, error=own), slow if same else Fn(10.0)]
    seconds = [2.0, 4.0, 5.0]

    async def one(fn: Fn, limit: float) -> tuple[str, float]:
        try:
            value = await with_deadline(fn, limit)
        except TimeoutError as exc:
            return ("fn()'s TimeoutError" if exc is own else repr(exc)), kit.now()
        return repr(value), kit.now()

    async def scenario() -> list[tuple[str, float]]:
        return list(await asyncio.gather(*(one(f, s) for f, s in zip(fns, seconds, strict=True))))

    what = (
        "three with_deadline calls at once: (fn of 10 s, 2), (fn raising its own TimeoutError "
        "at 3 s, 4) and (" + ("the same fn of 10 s as the first" if same else "fn of 10 s") + ", 5)"
    )
    result = kata.run(scenario, what=what)
    got = result.value or []
    want = [("None", 2.0), ("fn()'s TimeoutError", 3.0), ("None", 5.0)]
    kit.expect(
        got == want,
        f"{what} gave {got} (outcome, loop time); expected {want}. Each call has its own "
        + (
            "deadline, even two calls of the same fn: keep it in a local variable (`async with "
            "asyncio.timeout(s) as deadline:`), not in a dict keyed by fn, where the later "
            "call overwrites the earlier one's."
            if same
            else "deadline: keep it in a local variable (`async with asyncio.timeout(s) as "
            "deadline:`), not in a module-level or shared one that another call overwrites."
        ),
    )


# Checked last: earlier wrong answers fail the checks above first.


@pytest.mark.parametrize("fails", [False, True], ids=["returns", "raises"])
def test_deadline_ends_with_the_call(kata: kit.Kata, fails: bool) -> None:
    """fn() of 1 s (or raising ValueError after 1 s) with a 3 s deadline: the caller, still
    running at 3 s and after, is not cancelled by a deadline left behind."""
    with_deadline = kata.get("with_deadline", "coroutine")
    boom = ValueError("broken")
    fn = Fn(1.0, error=boom if fails else None)
    what = "with_deadline(fn, 3) where fn() " + (
        "raises ValueError after 1 s" if fails else "takes 1 s"
    )
    seen: dict[str, Any] = {}

    async def scenario() -> Any:
        try:
            value = await with_deadline(fn, 3)
        except ValueError as error:
            if error is not boom:
                raise
            value = error
        seen["ended"] = kit.now()
        try:
            await asyncio.sleep(5.0)  # the caller goes on with its own work
        except asyncio.CancelledError:
            seen["cancelled"] = kit.now()
            task = asyncio.current_task()
            if task is not None:
                task.uncancel()
        return value

    kata.run(scenario, what=what)
    if "cancelled" in seen:
        kit.fail(
            f"{what} ended at {seen['ended']:g} s, but its caller was then cancelled at "
            f"{seen['cancelled']:g} s"
            + (", when the deadline passed" if abs(seen["cancelled"] - 3.0) < 1e-6 else "")
            + ": the deadline outlived the call. A deadline of your own (a timer such as "
            "`loop.call_later(seconds, task.cancel)`) must be removed when with_deadline ends"
            + (", also when fn() raises (in a `finally:`)" if fails else "")
            + "; `async with asyncio.timeout(seconds):` does that for you."
        )


def test_deadline_leaves_the_caller_uncancelled(kata: kit.Kata) -> None:
    """fn() of 10 s with a 2 s deadline: after the None, the caller's task holds no cancel
    request (cancelling() is 0), so the caller's own asyncio.timeout still works."""
    with_deadline = kata.get("with_deadline", "coroutine")
    fn = Fn(10.0)
    what = "with_deadline(fn, 2) where fn() takes 10 s"
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        task = asyncio.current_task()
        assert task is not None
        await with_deadline(fn, 2)
        seen["cancelling"] = task.cancelling()
        while task.uncancel():  # the grader's own run must not be disturbed by it
            pass

    kata.run(scenario, what=what)
    if seen.get("cancelling"):
        kit.fail(
            f"{what} returned, but left its caller's task marked as cancelled "
            f"(task.cancelling() was {seen['cancelling']} afterwards): the caller's own "
            "`asyncio.timeout` would then raise CancelledError instead of TimeoutError. A "
            "cancel() of the caller's task that you turn into None must be undone with "
            "`task.uncancel()`; `async with asyncio.timeout(seconds):` does that for you."
        )


def test_caller_cancellation_propagates_as_it_is(kata: kit.Kata) -> None:
    """Cancelling the caller at 1 s (deadline 5 s) with task.cancel("user gave up"): the
    caller gets that very CancelledError, its message included."""
    with_deadline = kata.get("with_deadline", "coroutine")
    fn = Fn(10.0)
    what = (
        'with_deadline(fn, 5) whose caller is cancelled after 1 s with task.cancel("user gave up")'
    )

    async def scenario() -> tuple[Any, ...] | None:
        task = asyncio.create_task(with_deadline(fn, 5))
        await asyncio.sleep(1.0)
        return await kit.cancelled_args(task, "user gave up")

    result = kata.run(scenario, what=what)
    kit.expect_the_callers_cancellation(result.value, "user gave up", what)


def test_caller_cancel_at_the_deadline_propagates(kata: kit.Kata) -> None:
    """with_deadline(fn, 3) whose caller cancels it in the very loop step the deadline
    passes (as fn() is being cancelled): two cancellations, one of them the caller's, so the
    CancelledError propagates; it is neither None nor TimeoutError."""
    with_deadline = kata.get("with_deadline", "coroutine")
    what = (
        "with_deadline(fn, 3), with fn() waiting forever, cancelled by its caller in the "
        "same loop step as the deadline passed,"
    )
    seen: dict[str, Any] = {}

    async def forever() -> None:
        """Waits until cancelled; the moment it is, the caller cancels with_deadline too."""
        waiting = asyncio.get_running_loop().create_future()
        waiting.add_done_callback(lambda f: f.cancelled() and seen["task"].cancel("user gave up"))
        await waiting

    async def scenario() -> None:
        seen["task"] = task = asyncio.create_task(with_deadline(forever, 3.0))
        try:
            seen["outcome"] = f"returned {await task!r}"
        except asyncio.CancelledError:
            seen["outcome"] = "cancelled"
        except TimeoutError:
            seen["outcome"] = "raised TimeoutError"

    kata.run(scenario, what=what, limit=60)
    kit.expect(
        seen.get("outcome") == "cancelled",
        f"{what} {seen.get('outcome')}: the caller's cancellation was taken for the deadline. "
        "When both come at once, the caller's cancel wins and CancelledError propagates: "
        "`asyncio.timeout` counts the cancel requests and turns the cancellation into "
        "TimeoutError only when its own was the only one.",
    )


def test_a_connection_error_of_fn_propagates(kata: kit.Kata) -> None:
    """fn() raising ConnectionResetError after 1 s (an error that looks transient): it
    propagates too, at once, and fn() is not called again."""
    with_deadline = kata.get("with_deadline", "coroutine")
    boom = ConnectionResetError("connection reset")
    fn = Fn(1.0, error=boom)
    what = "with_deadline(fn, 3) where fn() raises ConnectionResetError after 1 s"
    result = kata.run(lambda: with_deadline(fn, 3), what=what, raises=Exception)
    if isinstance(result.error, NotImplementedError):
        kit.not_started(kata.where(result.error))
    kit.expect(
        len(fn.calls) == 1,
        f"{what} called fn() {len(fn.calls)} times: an error of fn() itself, whatever its type "
        "(a dropped connection too), is not a timeout and is not tried again. Let it propagate "
        "at once.",
    )
    kit.expect(
        result.error is boom,
        f"{what} "
        + (
            f"returned {result.value!r}: the ConnectionResetError was swallowed. Catch only "
            "TimeoutError; an error of fn() is not a timeout and must propagate."
            if result.error is None
            else f"raised {result.error!r} instead of fn()'s ConnectionResetError."
        ),
    )
    kit.expect_loop_time(result, 1.0, what)


def test_a_fractional_deadline_is_kept(kata: kit.Kata) -> None:
    """with_deadline(fn, 1.75) where fn() takes 10 s: None at 1.75 s (`seconds` is passed on
    as it is, not rounded)."""
    with_deadline = kata.get("with_deadline", "coroutine")
    fn = Fn(10.0)
    what = "with_deadline(fn, 1.75) where fn() takes 10 s"
    result = kata.run(lambda: with_deadline(fn, 1.75), what=what, leftover_tasks=True)
    rounded = result.loop_time in (1.0, 2.0)
    kit.expect(
        abs(result.loop_time - 1.75) < 1e-6,
        f"{what} returned after {result.loop_time:g} s of loop time; expected 1.75 s, the "
        "deadline, fraction included: pass `seconds` on as it is (`asyncio.timeout(seconds)`)"
        + (", not rounded to whole seconds." if rounded else "."),
    )
    kit.expect(
        result.value is None,
        f"{what} returned {result.value!r}; on timeout it should return None.",
    )


@pytest.mark.parametrize(
    "value", [0, "", False, []], ids=["zero", "empty_str", "false", "empty_list"]
)
def test_a_falsy_result_is_returned(kata: kit.Kata, value: Any) -> None:
    """fn() of 1 s returning 0, '', False or [] with a 3 s deadline: that very value, not
    None (a falsy result is a result like any other)."""
    with_deadline = kata.get("with_deadline", "coroutine")
    fn = Fn(1.0, value=value)
    what = f"with_deadline(fn, 3) where fn() takes 1 s and returns {value!r}"
    result = kata.run(lambda: with_deadline(fn, 3), what=what)
    kit.expect(
        result.value is value,
        f"{what} returned {result.value!r}; expected fn()'s result, {value!r}: a falsy result "
        "is a result like any other. Return it as it is (no `or None`, no `if result:`); only "
        "the deadline passing gives None.",
    )


def run_past_the_return(kata: kit.Kata, with_deadline: Any, seconds: float) -> list[bool]:
    """with_deadline(fn, seconds) where fn() takes 10 s, then 1 s more of the caller's: for
    each fn() call still running then, whether it had been cancelled."""
    fn = Fn(10.0)
    seen: dict[str, list[bool]] = {}

    async def scenario() -> None:
        await with_deadline(fn, seconds)
        await asyncio.sleep(1.0)
        seen["running"] = [
            bool(c["task"] and (c["task"].cancelling() or c["task"].cancelled()))
            for c in fn.calls
            if "ended" not in c
        ]

    kata.run(
        scenario, what=f"with_deadline(fn, {seconds:g}) where fn() takes 10 s", leftover_tasks=True
    )
    return seen.get("running", [])


def expect_no_fn_left_running(running: list[bool], what: str) -> None:
    """A deadline that has passed at the call still stops the work: an fn() that was started
    has been cancelled and ended (one never started is not running)."""
    if running:
        kit.fail(
            f"{what} returned None, but fn() was still running 1 s later"
            + (
                ": it had been cancelled, but cancel() only asks; await it after cancelling."
                if running[0]
                else " and had never been cancelled: a deadline that has already passed must "
                "cancel the work too. `async with asyncio.timeout(seconds):` around `await "
                "fn()` does, whatever `seconds` is."
            )
        )


def test_a_zero_deadline_gives_up_at_once(kata: kit.Kata) -> None:
    """with_deadline(fn, 0) where fn() takes 10 s: None at once, fn() cancelled (0 s is a
    deadline that has already passed, not "no deadline")."""
    with_deadline = kata.get("with_deadline", "coroutine")
    fn = Fn(10.0)
    what = "with_deadline(fn, 0) where fn() takes 10 s"
    result = kata.run(lambda: with_deadline(fn, 0), what=what, leftover_tasks=True)
    left = run_past_the_return(kata, with_deadline, 0)
    kit.expect(
        result.loop_time < 1e-6 and result.value is None,
        f"{what} returned {result.value!r} after {result.loop_time:g} s of loop time; expected "
        "None at once: a deadline of 0 s has already passed when the call starts (it does not "
        "mean no deadline). Pass `seconds` on as it is: `asyncio.timeout(seconds)`.",
    )
    expect_no_fn_left_running(left, what)


LONG = 1e7  # about 116 days: beyond any "generous" cap (an hour, a day, a week)


def test_a_long_deadline_is_kept(kata: kit.Kata) -> None:
    """with_deadline(fn, 1e7) where fn() takes 3e6 s: its value after 3e6 s (no cap of the
    code's own on the deadline)."""
    with_deadline = kata.get("with_deadline", "coroutine")
    fn = Fn(3e6)
    what = f"with_deadline(fn, {LONG:g}) where fn() takes 3e+06 s"
    result = kata.run(lambda: with_deadline(fn, LONG), what=what, limit=2 * LONG)
    kit.expect(
        result.value == "done",
        f"{what} returned {result.value!r} after {result.loop_time:g} s of loop time, long "
        f"before its deadline of {LONG:g} s: the deadline is the caller's, however long; pass "
        "`seconds` on as it is, with no cap of your own (`asyncio.timeout(seconds)`).",
    )


def test_a_negative_deadline_gives_up_at_once(kata: kit.Kata) -> None:
    """with_deadline(fn, -1) where fn() takes 10 s: None at once (a deadline below 0 s has
    passed when the call starts, as one of 0 s has; it is not "no deadline")."""
    with_deadline = kata.get("with_deadline", "coroutine")
    fn = Fn(10.0)
    what = "with_deadline(fn, -1) where fn() takes 10 s"
    result = kata.run(lambda: with_deadline(fn, -1), what=what, leftover_tasks=True)
    left = run_past_the_return(kata, with_deadline, -1)
    kit.expect(
        result.loop_time < 1e-6 and result.value is None,
        f"{what} returned {result.value!r} after {result.loop_time:g} s of loop time; expected "
        "None at once: a negative deadline has already passed when the call starts (it does "
        "not mean no deadline). Pass `seconds` on as it is: `asyncio.timeout(seconds)`.",
    )
    expect_no_fn_left_running(left, what)
