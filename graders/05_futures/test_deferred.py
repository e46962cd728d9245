"""Grader for 05_futures/deferred: a one-shot value awaited by many.

Checks: 100 waiters all wake at the loop time it is resolved (no polling); a second resolve
or reject is a no-op that raises nothing; reject makes waiters raise that exception;
waiting after settlement returns at once; cancelling one waiter leaves the others waiting.
"""

from __future__ import annotations

import asyncio
from typing import Any

import kit
import pytest

REAL_SLEEP = asyncio.sleep
ODD_TIME = 1.234567  # no polling period lands exactly on it

POLLING = (
    "wait() called asyncio.sleep {n} time(s) while waiting: that is polling. Await a "
    "future (or an asyncio.Event) that resolve() settles: every waiter then wakes at once."
)


@pytest.fixture
def sleeps(kata: kit.Kata, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the asyncio.sleep calls made from the learner's file; stop a polling loop."""
    return kit.watch_sleeps(kata, monkeypatch, message=POLLING, limit=500)


async def waiter(deferred: Any) -> tuple[float, str, Any]:
    """Wait on ``deferred``; report the loop time it woke and its outcome."""
    try:
        value = await deferred.wait()
    except asyncio.CancelledError:
        return kit.now(), "cancelled", None
    except Exception as exc:  # noqa: BLE001 - the outcome is what we grade
        return kit.now(), "raised", exc
    return kit.now(), "value", value


def settle(seen: dict[str, Any], what: str, action: Any, *args: Any) -> None:
    """Call resolve/reject and record whether it raised."""
    try:
        action(*args)
    except Exception as exc:  # noqa: BLE001 - reported as a teaching sentence
        seen.setdefault("raised", (what, exc))


def expect_no_raise(seen: dict[str, Any]) -> None:
    """Fail if a resolve/reject raised."""
    if "raised" in seen:
        what, exc = seen["raised"]
        kit.fail(
            f"{what} raised {type(exc).__name__}: {exc}. Only the first settlement counts; "
            "later resolve/reject calls must do nothing: check `if not future.done():` first."
        )


def test_is_a_class(kata: kit.Kata) -> None:
    """Deferred is a class."""
    kata.get("Deferred", "class")


def test_hundred_waiters_wake_together(kata: kit.Kata, sleeps: list[float]) -> None:
    """100 waiters all get the value at the loop time resolve() is called."""
    deferred_class = kata.get("Deferred", "class")

    async def scenario() -> list[tuple[float, str, Any]]:
        deferred = deferred_class()
        tasks = [asyncio.create_task(waiter(deferred)) for _ in range(100)]
        await REAL_SLEEP(ODD_TIME)
        deferred.resolve("ready")
        return await asyncio.gather(*tasks)

    result = kata.run(scenario, what="100 waiters on one Deferred", limit=60)
    kit.expect(not sleeps, POLLING.format(n=len(sleeps)))
    outcomes = result.value or []
    bad = [o for o in outcomes if o[1:] != ("value", "ready")]
    kit.expect(
        not bad,
        f"{len(bad)} of 100 waiters did not get the value 'ready' (one got {bad[0][1:]!r}); "
        "wait() must return what resolve() was given."
        if bad
        else "",
    )
    times = sorted({t for t, _, _ in outcomes})
    kit.expect(
        times == [ODD_TIME],
        f"the waiters woke at loop times {times[:3]}; resolve() was called at {ODD_TIME}, and "
        "every waiter should wake right then: await one future or Event, do not poll.",
    )


def test_second_resolve_is_a_no_op(kata: kit.Kata) -> None:
    """A second resolve (or a later reject) does nothing and raises nothing."""
    deferred_class = kata.get("Deferred", "class")
    seen: dict[str, Any] = {}

    async def scenario() -> list[tuple[float, str, Any]]:
        deferred = deferred_class()
        tasks = [asyncio.create_task(waiter(deferred)) for _ in range(3)]
        await REAL_SLEEP(1.0)
        settle(seen, "resolve('first')", deferred.resolve, "first")
        settle(seen, "a second resolve('second')", deferred.resolve, "second")
        settle(seen, "reject() after resolve()", deferred.reject, ValueError("late"))
        outcomes = await asyncio.gather(*tasks)
        outcomes.append(await waiter(deferred))
        return outcomes

    result = kata.run(scenario, what="a Deferred resolved twice", limit=60)
    expect_no_raise(seen)
    got = [o[1:] for o in result.value or []]
    kit.expect(
        all(o == ("value", "first") for o in got),
        f"after resolve('first'), resolve('second') and reject(...), waiters got {got!r}; "
        "only the first settlement counts: every waiter must get 'first'.",
    )


def test_reject_raises_in_every_waiter(kata: kit.Kata) -> None:
    """After reject(exc), every waiter raises that very exception; a later resolve is ignored."""
    deferred_class = kata.get("Deferred", "class")
    error = ValueError("it failed")
    seen: dict[str, Any] = {}

    async def scenario() -> list[tuple[float, str, Any]]:
        deferred = deferred_class()
        tasks = [asyncio.create_task(waiter(deferred)) for _ in range(5)]
        await REAL_SLEEP(2.0)
        settle(seen, "reject(error)", deferred.reject, error)
        settle(seen, "resolve() after reject()", deferred.resolve, "late")
        outcomes = await asyncio.gather(*tasks)
        outcomes.append(await waiter(deferred))
        return outcomes

    result = kata.run(scenario, what="a rejected Deferred", limit=60)
    expect_no_raise(seen)
    got = [o[1:] for o in result.value or []]
    kit.expect(
        all(o == ("raised", error) for o in got),
        f"after reject(ValueError('it failed')) the waiters got {got[:2]!r}...; each must "
        "raise that exception: `future.set_exception(exc)`, and later resolve() is ignored.",
    )
    kit.expect_loop_time(result, 2.0, "waiting on a Deferred rejected at 2 s")


def test_wait_after_resolve_returns_at_once(kata: kit.Kata) -> None:
    """wait() on an already resolved Deferred returns at once."""
    deferred_class = kata.get("Deferred", "class")

    async def scenario() -> Any:
        deferred = deferred_class()
        deferred.resolve(41)
        return await deferred.wait()

    result = kata.run(scenario, what="wait() after resolve(41)", limit=60)
    kit.expect_equal(result.value, 41, "wait() after resolve(41)")
    kit.expect_loop_time(result, 0.0, "wait() after resolve(41)")


def test_cancelled_waiter_leaves_others_alone(kata: kit.Kata) -> None:
    """Cancelling one waiter does not cancel the Deferred for the others."""
    deferred_class = kata.get("Deferred", "class")

    async def scenario() -> list[tuple[float, str, Any]]:
        deferred = deferred_class()
        quitter = asyncio.create_task(deferred.wait())
        tasks = [asyncio.create_task(waiter(deferred)) for _ in range(3)]
        await REAL_SLEEP(1.0)
        quitter.cancel()
        await asyncio.wait([quitter])
        await REAL_SLEEP(1.0)
        deferred.resolve("still here")
        outcomes = await asyncio.gather(*tasks)
        outcomes.append(await waiter(deferred))
        return outcomes

    result = kata.run(scenario, what="a Deferred with one cancelled waiter", limit=60)
    got = [o[1:] for o in result.value or []]
    kit.expect(
        all(o == ("value", "still here") for o in got),
        f"one waiter was cancelled at 1 s, resolve('still here') came at 2 s, and the other "
        f"waiters got {got[0]!r}: cancelling one waiter cancelled the shared future for all. "
        "`await future` passes the cancellation on to the future; use "
        "`await asyncio.shield(future)` (or wait on an asyncio.Event).",
    )
    kit.expect_loop_time(result, 2.0, "a Deferred resolved at 2 s")
