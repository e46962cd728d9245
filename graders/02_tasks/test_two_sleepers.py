"""Grader for 02_tasks/two_sleepers: two tasks sleeping at once take the longer, not the sum.

Docstring sentence -> the check that enforces it:

- "It starts two tasks ...: one sleeps `a` seconds, the other `b` seconds" ->
  test_sleeps_a_and_b
- "Then it awaits both" -> test_sleeps_overlap (kit.run: no task left running)
- "returns how long that took, measured on the event loop's clock" ->
  test_returns_the_measured_loop_time, test_sleeps_overlap (also waits of a few
  milliseconds, and of 1.25 ms: the time as measured, not rounded to 2 or 3 decimals)
- "returns how long that took" (each call its own time: two calls at once on one loop, the
  second started later) -> test_two_calls_at_once_measure_their_own_time
- "`two_sleepers(10, 5)` takes 10 seconds, not 15" (defaults 10 and 5) ->
  test_defaults_are_ten_and_five (10 s of loop time, and sleeps of 10 s and 5 s)
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import kit
import pytest

REAL_SLEEP = asyncio.sleep  # taken before any check replaces it

SEQUENTIAL = (
    "That is the sum of both sleeps: the second sleep only started after the first ended. "
    "Create both tasks first, then await them (`await asyncio.create_task(...)` in one line "
    "waits for that task before the next line runs)."
)


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """two_sleepers is an async def."""
    kata.get("two_sleepers", "coroutine")


@pytest.mark.parametrize(
    ("a", "b"), [(10.0, 5.0), (1.0, 2.0), (3.0, 3.0), (0.001, 0.004), (0.0002, 0.00125)]
)
def test_sleeps_overlap(kata: kit.Kata, a: float, b: float) -> None:
    """Both sleeps run at once: the loop clock moves by the longer one."""
    two_sleepers = kata.get("two_sleepers", "coroutine")
    result = kata.run(lambda: two_sleepers(a, b), what=f"two_sleepers({a:g}, {b:g})")
    kit.expect_loop_time(
        result,
        max(a, b),
        f"two_sleepers({a:g}, {b:g})",
        slower=SEQUENTIAL if abs(result.loop_time - (a + b)) < 1e-6 else "",
        faster="Did you await both tasks before returning?",
    )
    value, took = result.value, max(a, b)
    if isinstance(value, float | int) and abs(value - took) >= 1e-6:
        rounded = [d for d in range(6) if abs(round(took, d) - took) >= 1e-9]
        if any(abs(value - round(took, d)) < 1e-9 for d in rounded):
            kit.fail(
                f"two_sleepers({a:g}, {b:g}) returned {value!r}, which is the elapsed loop "
                f"time, {took:g} s, rounded: return the difference as measured, without "
                "rounding (a wait of a few milliseconds would come back as 0)."
            )
    kit.expect(
        isinstance(result.value, float | int) and abs(result.value - max(a, b)) < 1e-6,
        f"two_sleepers({a:g}, {b:g}) returned {result.value!r}; it should return the elapsed "
        f"loop time, {max(a, b):g}. Read `asyncio.get_running_loop().time()` before and after, "
        "and return the difference.",
    )


def test_sleeps_a_and_b(kata: kit.Kata, monkeypatch: pytest.MonkeyPatch) -> None:
    """One sleep of a and one of b, each in a task of its own: not one long sleep, and not a
    sleep awaited by two_sleepers itself."""
    two_sleepers = kata.get("two_sleepers", "coroutine")
    sleeps: list[tuple[float, bool]] = []  # (delay, ran in a task other than two_sleepers')
    caller: list[asyncio.Task[Any] | None] = []

    def recorded(delay: float, result: Any = None) -> Any:
        if sys._getframe(1).f_code.co_filename != str(kata.path):
            return REAL_SLEEP(delay, result)  # not the learner's sleep (the grader's, asyncio's)

        async def sleep() -> Any:
            sleeps.append((delay, asyncio.current_task() is not caller[0]))
            return await REAL_SLEEP(delay, result)

        return sleep()

    async def call() -> Any:
        caller.append(asyncio.current_task())
        monkeypatch.setattr(asyncio, "sleep", recorded)
        for name, value in list(vars(kata.module).items()):
            if value is REAL_SLEEP:
                monkeypatch.setattr(kata.module, name, recorded)
        return await two_sleepers(4.0, 1.5)

    kata.run(call, what="two_sleepers(4, 1.5)")
    kit.expect_equal(
        sorted(delay for delay, _ in sleeps),
        [1.5, 4.0],
        "The asyncio.sleep calls of two_sleepers(4, 1.5)",
        "Start two tasks, one sleeping a seconds and the other b seconds.",
    )
    inline = [delay for delay, in_task in sleeps if not in_task]
    kit.expect(
        not inline,
        f"two_sleepers(4, 1.5) awaited its sleep of {inline[0] if inline else 0:g} s itself "
        "instead of in a task: start both sleeps with asyncio.create_task, then await the "
        "tasks.",
    )


def test_returns_the_measured_loop_time(kata: kit.Kata, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a loop whose clock is not at 0, with sleeps that overrun by 0.25 s, it returns the
    time it measured, not a number it computed."""
    two_sleepers = kata.get("two_sleepers", "coroutine")
    late = 0.25

    def overrunning(delay: float, result: Any = None) -> Any:
        return REAL_SLEEP(delay + late, result)

    async def later() -> Any:
        await REAL_SLEEP(7.0)  # the loop has been running for a while already
        monkeypatch.setattr(asyncio, "sleep", overrunning)
        for name, value in list(vars(kata.module).items()):
            if value is REAL_SLEEP:
                monkeypatch.setattr(kata.module, name, overrunning)
        return await two_sleepers(2.0, 1.0)

    what = (
        "two_sleepers(2, 1) called at loop time 7 s, on a loop where each sleep overran by 0.25 s"
    )
    result = kata.run(later, what=what)
    took = result.loop_time - 7.0
    value = result.value
    if isinstance(value, float | int) and abs(value - result.loop_time) < 1e-6:
        kit.fail(
            f"{what} returned {value!r}, the loop's clock at the end, not the time it took "
            f"({took:g} s): subtract the time read at the start."
        )
    kit.expect(
        isinstance(value, float | int) and abs(value - took) < 1e-6,
        f"{what} returned {value!r}; the sleeps took {took:g} s of loop time. Return what you "
        "measured (`loop.time()` after minus before), not max(a, b).",
    )


def test_defaults_are_ten_and_five(kata: kit.Kata, monkeypatch: pytest.MonkeyPatch) -> None:
    """Called with no arguments it sleeps 10 s and 5 s."""
    two_sleepers = kata.get("two_sleepers", "coroutine")
    result = kata.run(lambda: two_sleepers(), what="two_sleepers()")
    kit.expect_loop_time(
        result,
        10.0,
        "two_sleepers()",
        slower=SEQUENTIAL if abs(result.loop_time - 15.0) < 1e-6 else "",
    )
    sleeps: list[float] = []

    def recorded(delay: float, result: Any = None) -> Any:
        if sys._getframe(1).f_code.co_filename == str(kata.path):
            sleeps.append(delay)
        return REAL_SLEEP(delay, result)

    monkeypatch.setattr(asyncio, "sleep", recorded)
    for name, value in list(vars(kata.module).items()):
        if value is REAL_SLEEP:
            monkeypatch.setattr(kata.module, name, recorded)
    kata.run(lambda: two_sleepers(), what="two_sleepers()")
    kit.expect_equal(
        sorted(sleeps),
        [5.0, 10.0],
        "The asyncio.sleep calls of two_sleepers()",
        "The defaults are a=10 and b=5, as in the stub's signature: keep them.",
    )


def test_two_calls_at_once_measure_their_own_time(kata: kit.Kata) -> None:
    """two_sleepers(4, 1) from 0 s and two_sleepers(2, 1) from 1 s on one loop: each
    returns the time it took itself, 4 and 2."""
    two_sleepers = kata.get("two_sleepers", "coroutine")

    async def later() -> Any:
        await REAL_SLEEP(1.0)
        return await two_sleepers(2.0, 1.0)

    async def both() -> Any:
        return await asyncio.gather(two_sleepers(4.0, 1.0), later())

    what = "two_sleepers(4, 1) from 0 s and two_sleepers(2, 1) from 1 s, at once"
    result = kata.run(both, what=what)
    value = list(result.value or [None, None])
    kit.expect(
        value == [4.0, 2.0],
        f"{what} returned {value[0]!r} and {value[1]!r}; expected 4 and 2: each call measures "
        "its own time. Keep the start time in a local variable of the call, not in a "
        "module-level name that the next call overwrites.",
    )
