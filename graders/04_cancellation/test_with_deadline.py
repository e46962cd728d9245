"""Grader for 04_cancellation/with_deadline: a deadline that cancels the work, not just the wait.

Checks: a fast call returns its value at its own loop time; a slow call gives None at exactly
the deadline and was cancelled then (not left running, which is what `asyncio.wait(...,
timeout=)` does); errors of fn() propagate; cancelling the caller propagates.
"""

from __future__ import annotations

import asyncio
from typing import Any

import kit


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """with_deadline is an async def."""
    kata.get("with_deadline", "coroutine")


def test_fast_call_returns_its_value(kata: kit.Kata) -> None:
    """fn() of 1 s with a 3 s deadline: its value after 1 s."""
    with_deadline = kata.get("with_deadline", "coroutine")
    probe = kit.Probe(delay=1.0, result=lambda: "done")
    what = "with_deadline(fn, 3) where fn() takes 1 s"
    result = kata.run(lambda: with_deadline(probe, 3), what=what)
    kit.expect_equal(len(probe.calls), 1, f"the number of fn() calls in {what}")
    kit.expect_equal(result.value, "done", f"what {what} returned", "Return fn()'s result.")
    kit.expect_loop_time(
        result,
        1.0,
        what,
        slower="Return as soon as fn() finishes; do not sleep until the deadline.",
    )


def test_slow_call_is_cancelled_at_the_deadline(kata: kit.Kata) -> None:
    """fn() of 10 s with a 2 s deadline: None after 2 s, and fn() was cancelled at 2 s."""
    with_deadline = kata.get("with_deadline", "coroutine")
    probe = kit.Probe(delay=10.0)
    what = "with_deadline(fn, 2) where fn() takes 10 s"
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        start = kit.now()
        seen["value"] = await with_deadline(probe, 2)
        seen["at"] = kit.now() - start
        seen["running"] = bool(probe.unfinished)

    # A version that only stops waiting leaves fn() running: the kit cancels it afterwards.
    result = kata.run(scenario, what=what, leftover_tasks=True, raises=TimeoutError)
    kit.expect(
        result.error is None,
        f"{what} raised TimeoutError; expected it to return None: catch the TimeoutError "
        "that `asyncio.timeout` raises (`except TimeoutError: return None`).",
    )
    kit.expect_equal(len(probe.calls), 1, f"the number of fn() calls in {what}")
    kit.expect(
        not seen["running"],
        f"when {what} returned, fn() was still running in the background: asyncio.wait(..., "
        "timeout=) only stops waiting and does not cancel. Use `async with "
        "asyncio.timeout(seconds):`, which cancels fn() at the deadline.",
    )
    kit.expect(
        abs(seen["at"] - 2.0) < 1e-6,
        f"{what} returned after {seen['at']:g} s of loop time; expected 2 s, the deadline.",
    )
    kit.expect(
        seen["value"] is None,
        f"{what} returned {seen['value']!r}; on timeout it should return None.",
    )
    kit.expect(
        len(probe.cancelled) == 1 and probe.calls[0].ended == 2.0,
        f"in {what}, fn() did not see CancelledError at 2 s: the deadline must cancel it.",
    )


def test_errors_of_fn_propagate(kata: kit.Kata) -> None:
    """fn() raising ValueError after 1 s: the ValueError propagates."""
    with_deadline = kata.get("with_deadline", "coroutine")
    boom = ValueError("broken")
    probe = kit.Probe(delay=1.0, errors={None: boom})
    what = "with_deadline(fn, 3) where fn() raises ValueError after 1 s"
    result = kata.run(lambda: with_deadline(lambda: probe(None), 3), what=what, raises=Exception)
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
    probe = kit.Probe(delay=10.0)
    what = "with_deadline(fn, 5) whose caller is cancelled after 1 s"

    async def scenario() -> Any:
        task = asyncio.create_task(with_deadline(probe, 5))
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
        len(probe.cancelled) == 1,
        f"in {what}, fn() was not cancelled: cancelling the caller must cancel fn() too.",
    )
