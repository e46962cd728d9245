"""Grader for 05_futures/deferred: a one-shot value awaited by many.

Docstring sentence -> the check that enforces it:

- "`resolve(value)` settles it with a value (any value, `None` included)"
  -> test_hundred_waiters_wake_together, test_any_settlements,
  test_an_exception_can_be_a_value
- "settles it" (that Deferred, not another one) -> test_two_deferreds_are_independent
- "`reject(exc)` settles it with an exception" -> test_reject_raises_in_every_waiter
- "Both are plain methods (not async)" -> test_settle_methods_are_plain
- "Only the first settlement counts: later calls ... do nothing (they must not raise)"
  -> test_second_resolve_is_a_no_op, test_reject_raises_in_every_waiter,
  test_any_settlements
- "a settled Deferred stays settled for every later waiter" -> test_wait_after_resolve_
  returns_at_once (an Event cleared by the learner's code is named when a clear() was
  seen), test_any_settlements
- "returns ... at once if it already is" -> test_wait_after_resolve_returns_at_once
- "however long that takes (put no time limit of your own on it)" ->
  test_waiters_wait_however_long_it_takes (a settlement after 1e7 s)
- "Only the first settlement counts" (settled right away, not in a callback scheduled for
  later) -> test_second_resolve_is_a_no_op (an InvalidStateError in a loop callback is named)
- "all of them wake at the same loop time, the moment it is settled. No polling"
  -> test_hundred_waiters_wake_together (and the `sleeps` fixture)
- "Cancelling one waiter must not disturb the others" -> test_cancelled_waiter_leaves_others_alone
  (also: a resolve() that then raises, on a cancelled waiter's own future, is named); the
  only waiter cancelled, then a resolve() and a new waiter -> test_lone_waiter_cancelled
- "A cancelled waiter ends with that CancelledError" -> test_a_cancelled_waiter_ends_cancelled,
  test_cancelled_waiter_keeps_its_cancellation (its message comes through; cancelled in the
  very step resolve() is called, it still ends cancelled, and the other waiters still wake)

Inputs: settlement sequences (None, 0, "", repeated values, exceptions) with waiters before
and after are drawn by Hypothesis (deterministic): test_any_settlements.
"""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

import kit
import pytest
from hypothesis import strategies as st

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


def expect_no_loop_errors(errors: list[dict[str, Any]], what: str) -> None:
    """Fail if a callback the loop ran for the learner raised (a deferred settlement)."""
    if not errors:
        return
    error = errors[0].get("exception")
    if isinstance(error, asyncio.InvalidStateError):
        kit.fail(
            f"with {what}, a settlement raised InvalidStateError in a callback the event loop "
            "ran later: resolve()/reject() only scheduled the settling (call_soon?), so the "
            "next call still saw an unsettled future. Settle right inside resolve() and "
            "reject(), `future.set_result(value)`, so a later call sees `future.done()`."
        )
    kit.fail(f"an error in {what} went unhandled: {errors[0].get('message', '')} ({error!r}).")


CLEARS: list[int] = [0]  # clear() calls on asyncio.Event objects made by the learner


@pytest.fixture(autouse=True)
def counted_clears(kata: kit.Kata, monkeypatch: pytest.MonkeyPatch) -> None:
    """Count the clear() calls on the asyncio.Event objects the learner makes."""
    real = asyncio.Event

    class Event(real):  # type: ignore[misc, valid-type]
        def clear(self) -> None:
            CLEARS[0] += 1
            super().clear()

    CLEARS[0] = 0
    monkeypatch.setattr(asyncio, "Event", Event)
    for name, value in list(vars(kata.module).items()):
        if value is real:
            monkeypatch.setattr(kata.module, name, Event)


def cleared() -> str:
    """The evidence of a cleared Event, as a sentence, or ''."""
    if not CLEARS[0]:
        return ""
    return (
        f" Your code cleared an asyncio.Event {CLEARS[0]} time(s): a cleared Event forgets "
        "that it was settled; never clear it."
    )


def expect_stays_settled(got: list[tuple[Any, ...]], what: str) -> None:
    """Fail if a waiter that came after the settlement waited until the grader gave up."""
    if any(o[0] == "cancelled" for o in got):
        kit.fail(
            f"with {what}, a waiter that called wait() after the settlement waited forever: "
            f"a settled Deferred must stay settled, and wait() must then return at once."
            f"{cleared()}"
        )


def test_is_a_class(kata: kit.Kata) -> None:
    """Deferred is a class."""
    kata.get("Deferred", "class")


def test_settle_methods_are_plain(kata: kit.Kata) -> None:
    """resolve and reject are plain methods: callbacks call them without await."""
    deferred_class = kata.get("Deferred", "class")
    for name in ("resolve", "reject"):
        method = getattr(deferred_class, name, None)
        kit.expect(callable(method), f"Deferred has no method `{name}`.")
        kit.expect(
            not inspect.iscoroutinefunction(method),
            f"Deferred.{name} is an `async def`; it must be a plain method: callers (often "
            f"callbacks) call `d.{name}(...)` without await, and an async method would then "
            "do nothing at all. Settling a future (or setting an Event) needs no await.",
        )


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
    polled = kit.polls(sleeps)
    kit.expect(not polled, POLLING.format(n=len(polled)))
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

    result = kata.run(scenario, what="a Deferred resolved twice", limit=60, loop_errors=True)
    expect_no_raise(seen)
    expect_no_loop_errors(result.loop_errors, "a Deferred resolved twice")
    got = [o[1:] for o in result.value or []]
    expect_stays_settled(got, "a Deferred resolved twice")
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
    expect_stays_settled(got, "a rejected Deferred")
    copies = any(o[0] == "raised" and o[1] is not error and repr(o[1]) == repr(error) for o in got)
    kit.expect(
        all(o[0] == "raised" and o[1] is error for o in got),
        f"after reject(ValueError('it failed')) the waiters got {got[:2]!r}...; each must "
        "raise that exception: `future.set_exception(exc)`, and later resolve() is ignored."
        + (
            " Some raised a new exception that only looks the same: raise the very object "
            "given to reject(), not a copy."
            if copies
            else ""
        ),
    )
    kit.expect_loop_time(result, 2.0, "waiting on a Deferred rejected at 2 s")


def test_wait_after_resolve_returns_at_once(kata: kit.Kata) -> None:
    """wait() on an already resolved Deferred returns at once."""
    deferred_class = kata.get("Deferred", "class")

    async def scenario() -> Any:
        deferred = deferred_class()
        deferred.resolve(41)
        async with asyncio.timeout(600):
            return await deferred.wait()

    result = kata.run(scenario, what="wait() after resolve(41)", limit=60, raises=TimeoutError)
    if isinstance(result.error, TimeoutError):
        kit.fail(
            "wait() after resolve(41) never returned: a settled Deferred must stay settled, "
            f"and wait() must then return at once.{cleared()}"
        )
    kit.expect_equal(result.value, 41, "wait() after resolve(41)")
    kit.expect_loop_time(result, 0.0, "wait() after resolve(41)")


def test_an_exception_can_be_a_value(kata: kit.Kata) -> None:
    """resolve(an exception object): wait() returns that object; it does not raise it."""
    deferred_class = kata.get("Deferred", "class")
    value = KeyError("a value that happens to be an exception")

    async def scenario() -> Any:
        deferred = deferred_class()
        deferred.resolve(value)
        return await deferred.wait()

    what = "wait() after resolve(KeyError(...)) (an exception object as the value)"
    result = kata.run(scenario, what=what, limit=60, raises=KeyError)
    kit.expect(
        result.error is None and result.value is value,
        f"{what} {'raised it' if result.error is value else f'gave {result.value!r}'}; "
        "resolve takes any value, an exception object too: keep a value and an exception "
        "apart (a future's set_result and set_exception do), not by the value's type.",
    )


def test_cancelled_waiter_leaves_others_alone(kata: kit.Kata) -> None:
    """Cancelling one waiter does not cancel the Deferred for the others."""
    deferred_class = kata.get("Deferred", "class")
    seen: dict[str, Any] = {}

    async def scenario() -> list[tuple[float, str, Any]]:
        deferred = deferred_class()
        quitter = asyncio.create_task(deferred.wait())
        tasks = [asyncio.create_task(waiter(deferred)) for _ in range(3)]
        await REAL_SLEEP(1.0)
        quitter.cancel()
        await asyncio.wait([quitter])
        await REAL_SLEEP(1.0)
        settle(
            seen,
            "resolve('still here') after one waiter was cancelled",
            deferred.resolve,
            "still here",
        )
        if "raised" in seen:  # the others would wait forever: stop them
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks)
            return []
        outcomes = await asyncio.gather(*tasks)
        outcomes.append(await waiter(deferred))
        return outcomes

    result = kata.run(scenario, what="a Deferred with one cancelled waiter", limit=60)
    if "raised" in seen:
        what, exc = seen["raised"]
        kit.fail(
            f"{what} raised {type(exc).__name__}: {exc}."
            + (
                " The cancelled waiter's future is already done (cancelled): settle only the "
                "futures that are not done yet (`if not future.done():`), or let every waiter "
                "shield one shared future."
                if isinstance(exc, asyncio.InvalidStateError)
                else " resolve() must not raise."
            )
        )
    got = [o[1:] for o in result.value or []]
    kit.expect(
        all(o == ("value", "still here") for o in got),
        f"one waiter was cancelled at 1 s, resolve('still here') came at 2 s, and the other "
        f"waiters got {got[0]!r}: cancelling one waiter cancelled the shared future for all. "
        "`await future` passes the cancellation on to the future; use "
        "`await asyncio.shield(future)` (or wait on an asyncio.Event).",
    )
    kit.expect_loop_time(result, 2.0, "a Deferred resolved at 2 s")


# A settlement: ("resolve", value) or ("reject", exception).
SETTLEMENTS = st.lists(
    st.one_of(
        st.tuples(
            st.just("resolve"),
            st.one_of(st.none(), st.sampled_from([0, "", False, " ", "é", 1])),
        ),
        st.tuples(st.just("reject"), st.builds(KeyError, st.sampled_from(["x", ""]))),
    ),
    min_size=1,
    max_size=4,
)


def test_any_settlements(kata: kit.Kata) -> None:
    """Any settlements (None, falsy values, repeats, errors): the first wins, for everyone."""
    deferred_class = kata.get("Deferred", "class")

    @kit.drawn(
        SETTLEMENTS,
        st.integers(0, 3),
        st.integers(0, 2),
        examples=[
            (
                [("resolve", None), ("resolve", 1)],
                1,
                1,
            ),
            (
                [("resolve", 0), ("reject", KeyError("x"))],
                2,
                1,
            ),
        ],
        max_examples=30,
    )
    def check(settlements: list[tuple[str, Any]], before: int, after: int) -> None:
        seen: dict[str, Any] = {}

        async def scenario() -> list[tuple[float, str, Any]]:
            deferred = deferred_class()
            tasks = [asyncio.create_task(waiter(deferred)) for _ in range(before)]
            await REAL_SLEEP(1.0)
            for k, (action, argument) in enumerate(settlements):
                settle(seen, f"{action}() #{k + 1}", getattr(deferred, action), argument)
            outcomes = list(await asyncio.gather(*tasks))
            async with asyncio.timeout(600):
                for _ in range(after):
                    outcomes.append(await waiter(deferred))
            return outcomes

        shown = ", ".join(f"{action}({argument!r})" for action, argument in settlements)
        what = f"{before} waiter(s), then {shown} at 1 s, then {after} more waiter(s)"
        # loop_errors: a rejection nobody waits for is logged by asyncio ("exception was
        # never retrieved"); that is not the learner's doing.
        result = kata.run(scenario, what=what, limit=1000, raises=TimeoutError, loop_errors=True)
        expect_no_raise(seen)
        action, first = settlements[0]
        want = ("value", first) if action == "resolve" else ("raised", first)
        got = [o[1:] for o in result.value or []]
        kit.expect(
            result.error is None
            and len(got) == before + after
            and all(g[0] == want[0] and (g[1] is first or g[1] == first) for g in got),
            f"with {what}, the waiters got "
            f"{'nothing: a later waiter waited forever' if result.error else got!r}; "
            f"every waiter should get {want!r}: the first settlement counts, whatever its "
            f"value (None and falsy values too), and stays settled.{cleared()}",
        )
        stray = [
            ctx for ctx in result.loop_errors if "never retrieved" not in ctx.get("message", "")
        ]
        if stray:
            kit.fail(
                f"an error in {what} went unhandled: {stray[0].get('message', '')} "
                f"({stray[0].get('exception')!r})."
            )

    check()


def test_a_cancelled_waiter_ends_cancelled(kata: kit.Kata) -> None:
    """A waiter cancelled while it waits ends cancelled, not with a made-up value."""
    deferred_class = kata.get("Deferred", "class")

    async def scenario() -> str:
        deferred = deferred_class()
        quitter = asyncio.create_task(deferred.wait())
        await REAL_SLEEP(1.0)
        quitter.cancel()
        await asyncio.wait([quitter])
        if quitter.cancelled():
            return ""
        error = quitter.exception()
        return f"raised {type(error).__name__}" if error else f"returned {quitter.result()!r}"

    result = kata.run(scenario, what="a waiter cancelled while it waited", limit=60)
    kit.expect(
        not result.value,
        f"a wait() cancelled while it waited {result.value} instead of ending cancelled: it "
        "swallowed the CancelledError, so its caller cannot tell the give-up from a real "
        "value (None is a value too). Let the CancelledError propagate out of wait().",
    )


def test_two_deferreds_are_independent(kata: kit.Kata) -> None:
    """Settling one Deferred leaves the waiters of another one waiting."""
    deferred_class = kata.get("Deferred", "class")

    async def scenario() -> tuple[Any, Any]:
        first, second = deferred_class(), deferred_class()
        task_a = asyncio.create_task(waiter(first))
        task_b = asyncio.create_task(waiter(second))
        await REAL_SLEEP(1.0)
        first.resolve("for the first")
        await REAL_SLEEP(1.0)
        early = task_b.result()[1:] if task_b.done() else None
        second.resolve("for the second")
        return early, [(await task)[1:] for task in (task_a, task_b)]

    what = "two Deferreds, the first resolved at 1 s, the second at 2 s"
    result = kata.run(scenario, what=what, limit=60)
    early, got = result.value or (None, [])
    kit.expect(
        early is None,
        f"with {what}, a waiter of the second one got {early!r} at 1 s: resolving one "
        "Deferred settled another Deferred too: each Deferred must keep its own outcome and "
        "its own waiters.",
    )
    kit.expect(
        got == [("value", "for the first"), ("value", "for the second")],
        f"with {what}, the waiters got {got!r}; each must get its own Deferred's value.",
    )


SLOW_SETTLEMENT = 1e7  # about 116 days: beyond any "generous" time limit (an hour, a day, a week)


def test_waiters_wait_however_long_it_takes(kata: kit.Kata) -> None:
    """A Deferred resolved after 1e7 s: its waiters get the value then, not a timeout."""
    deferred_class = kata.get("Deferred", "class")

    async def scenario() -> list[tuple[float, str, Any]]:
        deferred = deferred_class()
        tasks = [asyncio.create_task(waiter(deferred)) for _ in range(2)]
        await REAL_SLEEP(SLOW_SETTLEMENT)
        deferred.resolve("at last")
        return await asyncio.gather(*tasks)

    what = f"two waiters on a Deferred resolved after {SLOW_SETTLEMENT:g} s (116 days)"
    result = kata.run(scenario, what=what, limit=2 * SLOW_SETTLEMENT)
    got = [o[1:] for o in result.value or []]
    kit.expect(
        all(o == ("value", "at last") for o in got) and len(got) == 2,
        f"with {what}, the waiters got {got!r}; wait() must wait however long the settlement "
        "takes (put no time limit of your own on it): a caller that wants a limit wraps "
        "`d.wait()` in `asyncio.timeout(...)` itself.",
    )


@pytest.mark.parametrize("when", ["while-waiting", "as-it-is-settled"])
def test_cancelled_waiter_keeps_its_cancellation(kata: kit.Kata, when: str) -> None:
    """A waiter cancelled with a message (while it waits, or in the very step resolve() is
    called) ends with that CancelledError, message included; the other waiters still wake."""
    deferred_class = kata.get("Deferred", "class")
    settled = when == "as-it-is-settled"

    async def scenario() -> tuple[str, tuple[Any, ...], list[Any] | None]:
        deferred = deferred_class()
        quitter = asyncio.create_task(deferred.wait())
        others = [asyncio.create_task(waiter(deferred)) for _ in range(2 if settled else 0)]
        await REAL_SLEEP(1.0)
        if settled:
            deferred.resolve("ready")
        quitter.cancel("gave up")
        await asyncio.wait([quitter])
        args: tuple[Any, ...] = ()
        if quitter.cancelled():
            ended = ""
            try:
                quitter.result()
            except asyncio.CancelledError as exc:
                args = exc.args
        elif quitter.exception() is not None:
            ended = f"raised {type(quitter.exception()).__name__}"
        else:
            ended = f"returned {quitter.result()!r}"
        if not others:
            return ended, args, []
        _, pending = await asyncio.wait(others, timeout=600)
        for task in pending:
            task.cancel()
        await asyncio.wait(others)
        return ended, args, None if pending else [task.result()[1:] for task in others]

    what = (
        "a waiter cancelled with cancel('gave up') in the same step as resolve('ready'), "
        "beside 2 other waiters,"
        if settled
        else "a waiter cancelled with cancel('gave up') while it waited"
    )
    result = kata.run(scenario, what=what, limit=1000)
    ended, args, others = result.value or ("", (), [])
    kit.expect(
        not ended,
        f"{what} {ended} instead of ending cancelled: once cancelled, a waiter ends with "
        "that CancelledError, even when the value has just arrived; do not catch it to "
        "return the value.",
    )
    kit.expect(
        others is not None,
        f"with {what}, the other 2 waiters were still waiting 600 s later: cancelling one "
        "waiter must not disturb the others, even one cancelled right as it is woken. Wake "
        "every waiter in resolve() itself (or let all of them await one shared future), "
        "not through one another.",
    )
    kit.expect(
        all(o == ("value", "ready") for o in others or []),
        f"with {what}, the other waiters got {others!r}; each must get 'ready'.",
    )
    kit.expect(
        args == ("gave up",),
        f"{what} ended with CancelledError{args!r}, not the one it was cancelled with, "
        "CancelledError('gave up'): let that very CancelledError propagate (a bare `raise`), "
        "do not raise a new one; its message says why the waiter was cancelled.",
    )


def test_lone_waiter_cancelled(kata: kit.Kata) -> None:
    """The only waiter is cancelled; a later resolve() still settles the Deferred, and a
    waiter that comes after gets the value."""
    deferred_class = kata.get("Deferred", "class")
    seen: dict[str, Any] = {}

    async def scenario() -> tuple[str, Any]:
        deferred = deferred_class()
        quitter = asyncio.create_task(deferred.wait())
        await REAL_SLEEP(1.0)
        quitter.cancel()
        await asyncio.wait([quitter])
        await REAL_SLEEP(1.0)
        settle(
            seen, "resolve('later') after the only waiter was cancelled", deferred.resolve, "later"
        )
        async with asyncio.timeout(600):
            return (await waiter(deferred))[1:]

    what = (
        "a Deferred whose only waiter was cancelled at 1 s, resolved with 'later' at 2 s, "
        "then waited on again,"
    )
    result = kata.run(scenario, what=what, limit=1000, raises=TimeoutError)
    expect_no_raise(seen)
    got = "nothing: it waited forever" if result.error else f"{result.value!r}"
    kit.expect(
        result.error is None and result.value == ("value", "later"),
        f"with {what} the new waiter got {got}; it should get ('value', 'later'). Cancelling "
        "a waiter must leave the Deferred itself alone, even when no other waiter is left: "
        "do not cancel (or clear) the shared future or Event when a waiter gives up.",
    )
