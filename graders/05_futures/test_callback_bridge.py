"""Grader for 05_futures/callback_bridge: a callback API bridged to `await` with a future.

Docstring sentence -> the check that enforces it:

- "calls `callback_api` and returns the result ... when the callback arrives"
  -> test_returns_the_result, test_wakes_when_the_callback_fires, test_callback_fired_at_once
- "(or raises the error)" -> test_raises_the_error, test_passes_the_same_exception (the very
  object, not a copy built from its type and arguments)
- "Never poll" -> the `sleeps` fixture (asyncio.sleep calls from the learner's file that let
  time pass; a lone sleep(0) only yields, and a spin of them is stopped by the limit)
- "however long that takes (put no time limit of your own on it)" -> test_slow_callback
  (a callback after 1e7 s, beyond an hour, a day or a week)
- "Any value may come back, `None` included, and several calls may wait at the same time,
  each for its own callback" -> test_concurrent_calls (Hypothesis: None, blank and
  non-ASCII text, errors, ties in the same loop step), test_an_exception_can_be_a_value
- "several calls may wait at the same time, each for its own callback" (the same argument
  twice) -> test_same_argument_at_once
- "If the caller is cancelled while waiting, `call_api` ends with that CancelledError"
  -> test_late_callback_after_cancel_is_ignored (cancelled with a message: the message
  comes through); also cancelled in the loop step its callback fired, before it woke up
  (still cancelled, not the outcome the future already held) ->
  test_callback_then_cancel_in_one_step
- "A late callback must do nothing" -> test_late_callback_after_cancel_is_ignored (raised
  in the callback, or on the loop by a callback it scheduled); also a callback that fires in
  the same loop step as the caller's cancellation, just before it ->
  test_callback_then_cancel_in_one_step
- The numbered steps (create_future, two callbacks, await) are the suggested way; any
  future that the callbacks settle passes.

The grader swaps the module's `callback_api` for stand-ins that control the timing.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any

import kit
import pytest
from hypothesis import strategies as st

REAL_SLEEP = asyncio.sleep
ODD_DELAY = 1.234567  # no polling period lands exactly on it

POLLING = (
    "call_api called asyncio.sleep {n} time(s) while waiting for the callback: that is "
    "polling. Await the future itself: `return await future` wakes up exactly when a "
    "callback resolves it."
)


@pytest.fixture
def sleeps(kata: kit.Kata, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the asyncio.sleep calls made from the learner's file; stop a polling loop."""
    return kit.watch_sleeps(kata, monkeypatch, message=POLLING, limit=50)


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """call_api is an async def."""
    kata.get("call_api", "coroutine")


def test_returns_the_result(kata: kit.Kata) -> None:
    """call_api(21) returns 42 when callback_api's on_ok fires, after 1 s of loop time."""
    call_api = kata.get("call_api", "coroutine")
    result = kata.run(lambda: call_api(21), what="call_api(21)", limit=60)
    if isinstance(result.value, asyncio.Future):
        kit.fail(
            f"call_api(21) returned the future itself ({result.value!r}), not its result: "
            "`return await future` waits for the callback and gives its value."
        )
    kit.expect_equal(
        result.value,
        42,
        "call_api(21)",
        "Return what on_ok receives: set it as the future's result and `return await future`.",
    )
    kit.expect_loop_time(
        result, 1.0, "call_api(21)", slower="The callback fired at 1 s: did you poll?"
    )


def test_raises_the_error(kata: kit.Kata) -> None:
    """call_api(-1) raises the ValueError that callback_api passes to on_err."""
    call_api = kata.get("call_api", "coroutine")
    result = kata.run(lambda: call_api(-1), what="call_api(-1)", raises=ValueError, limit=60)
    kit.expect(
        isinstance(result.error, ValueError),
        f"call_api(-1) returned {result.value!r}; it should raise the ValueError that "
        "callback_api hands to on_err: in on_err, call `future.set_exception(error)`.",
    )


def fake_api(delay: float, ok: Any = None, err: BaseException | None = None) -> Callable[..., None]:
    """A callback_api stand-in that reports ``ok`` (or raises ``err``) after ``delay``."""

    def callback_api(arg: Any, on_ok: Callable[..., Any], on_err: Callable[..., Any]) -> None:
        loop = asyncio.get_running_loop()
        if err is not None:
            loop.call_later(delay, on_err, err)
        else:
            loop.call_later(delay, on_ok, ok)

    return callback_api


def test_wakes_when_the_callback_fires(kata: kit.Kata, sleeps: list[float]) -> None:
    """call_api returns at the very loop time the callback fires, without polling."""
    call_api = kata.get("call_api", "coroutine")
    kata.module.callback_api = fake_api(ODD_DELAY, ok="late result")
    result = kata.run(lambda: call_api(1), what="call_api(1)", limit=60)
    polled = kit.polls(sleeps)
    kit.expect(not polled, POLLING.format(n=len(polled)))
    kit.expect_equal(result.value, "late result", "call_api(1) with a slower callback_api")
    kit.expect_loop_time(
        result,
        ODD_DELAY,
        "call_api(1), whose callback fired at 1.234567 s,",
        slower="Did you poll a flag with asyncio.sleep instead of awaiting the future?",
    )


def test_passes_the_same_exception(kata: kit.Kata, sleeps: list[float]) -> None:
    """The exception given to on_err is the very one call_api raises."""
    call_api = kata.get("call_api", "coroutine")
    error = KeyError("the api's own error")
    kata.module.callback_api = fake_api(0.5, err=error)
    result = kata.run(lambda: call_api(1), what="call_api(1)", raises=KeyError, limit=60)
    gave = (
        f"it raised another {type(result.error).__name__} object, not that one"
        if result.error is not None
        else f"it gave {result.value!r}"
    )
    kit.expect(
        result.error is error,
        f"call_api(1) should raise the exception given to on_err; {gave}. "
        "Use `future.set_exception(error)` in on_err.",
    )
    kit.expect_loop_time(result, 0.5, "call_api(1) with an error after 0.5 s")


def test_an_exception_can_be_a_value(kata: kit.Kata, sleeps: list[float]) -> None:
    """Any value may come back: an exception object handed to on_ok is returned, not raised."""
    call_api = kata.get("call_api", "coroutine")
    value = ValueError("a value that happens to be an exception")
    kata.module.callback_api = fake_api(0.5, ok=value)
    what = "call_api(1) whose on_ok receives a ValueError object (as a value)"
    result = kata.run(lambda: call_api(1), what=what, raises=ValueError, limit=60)
    kit.expect(
        result.error is None and result.value is value,
        f"{what} {'raised it' if result.error is value else f'gave {result.value!r}'}; any "
        "value may come back, an exception object too: on_ok sets the future's result "
        "(`future.set_result(value)`), only on_err sets its exception. Do not tell them "
        "apart by the value's type.",
    )


def test_callback_fired_at_once(kata: kit.Kata) -> None:
    """A callback_api that calls on_ok before it returns still works."""
    call_api = kata.get("call_api", "coroutine")

    def eager_api(arg: Any, on_ok: Callable[..., Any], on_err: Callable[..., Any]) -> None:
        on_ok(("cached", arg))

    kata.module.callback_api = eager_api
    result = kata.run(lambda: call_api(7), what="call_api(7)", limit=60)
    kit.expect_equal(
        result.value,
        ("cached", 7),
        "call_api(7) when on_ok fires inside callback_api",
        "Create the future before calling callback_api, and await it after.",
    )


def futures_held_by(callback: Callable[..., Any] | None) -> list[asyncio.Future[Any]]:
    """The futures a callback holds: the one whose bound method it is, or those in its
    closure."""
    held = [getattr(callback, "__self__", None)]
    for cell in getattr(callback, "__closure__", None) or ():
        with contextlib.suppress(ValueError):  # an empty cell holds nothing
            held.append(cell.cell_contents)
    return [f for f in held if isinstance(f, asyncio.Future)]


def test_late_callback_after_cancel_is_ignored(kata: kit.Kata, sleeps: list[float]) -> None:
    """A callback that arrives after the caller was cancelled raises nothing."""
    call_api = kata.get("call_api", "coroutine")
    held: dict[str, Callable[..., Any]] = {}

    def holding_api(arg: Any, on_ok: Callable[..., Any], on_err: Callable[..., Any]) -> None:
        held["ok"], held["err"] = on_ok, on_err

    kata.module.callback_api = holding_api
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        task = asyncio.create_task(call_api(3))
        await REAL_SLEEP(1.0)
        task.cancel("user gave up")
        try:
            await task
        except asyncio.CancelledError as exc:
            seen["cancelled"], seen["args"] = True, exc.args
        for name, argument in (("ok", "too late"), ("err", ValueError("too late"))):
            if name in held:
                try:
                    held[name](argument)
                except Exception as exc:  # noqa: BLE001 - reported as a teaching sentence
                    seen.setdefault("raised", (name, exc))

    result = kata.run(
        scenario, what="call_api(3), cancelled after 1 s,", limit=60, loop_errors=True
    )
    polled = kit.polls(sleeps)
    kit.expect(not polled, POLLING.format(n=len(polled)))
    kit.expect("ok" in held, "call_api(3) never called callback_api(arg, on_ok, on_err).")
    kit.expect(
        seen.get("cancelled"),
        "call_api(3) did not end with CancelledError when its task was cancelled while "
        "waiting: let the cancellation propagate out of `await future`.",
    )
    if "raised" in seen:
        name, exc = seen["raised"]
        settled = [f for f in futures_held_by(held.get(name)) if f.done() and not f.cancelled()]
        kit.fail(
            f"a late on_{name} callback, called after the caller was cancelled, raised "
            f"{type(exc).__name__}: {exc}. "
            + (
                "The future had not been cancelled with the caller, so the late on_ok before "
                "it had set its result and it was done; a late callback, on_ok or on_err, "
                "must be ignored once the future is done"
                if settled and name == "err"
                else "The future is already done (cancelled); a late callback must be ignored"
            )
            + ": check `if not future.done():` before set_result/set_exception."
        )
    for ctx in result.loop_errors:
        exc = ctx.get("exception")
        detail = f"{type(exc).__name__}: {exc}" if exc else ctx.get("message", "")
        kit.fail(
            "a late callback, called after the caller was cancelled, scheduled work that "
            f"then raised on the loop ({detail}). The future is already done (cancelled); a "
            "late callback must be ignored: check `if not future.done():` before "
            "set_result/set_exception, in the code that finally sets it."
        )
    kit.expect(
        seen.get("args") == ("user gave up",),
        f"call_api(3), cancelled with task.cancel('user gave up'), ended with "
        f"CancelledError{seen.get('args')!r}, not the one it was cancelled with: let that "
        "very CancelledError propagate (a bare `raise`, or no try at all), do not raise a "
        "new one; its message says why the caller gave up.",
    )


SLOW_DELAY = 1e7  # about 116 days: beyond any "generous" time limit (an hour, a day, a week)


def test_slow_callback(kata: kit.Kata, sleeps: list[float]) -> None:
    """A callback that fires after months still delivers its result."""
    call_api = kata.get("call_api", "coroutine")
    kata.module.callback_api = fake_api(SLOW_DELAY, ok="months later")
    result = kata.run(
        lambda: call_api(1),
        what=f"call_api(1), whose callback fires after {SLOW_DELAY:g} s,",
        limit=2 * SLOW_DELAY,
        raises=TimeoutError,
    )
    if isinstance(result.error, TimeoutError):
        kit.fail(
            f"call_api(1) raised TimeoutError after {result.loop_time:g} s, while the "
            f"callback was due at {SLOW_DELAY:g} s: it put a time limit on the wait. Wait for "
            "the callback however long it takes; the caller can add a timeout if it wants one."
        )
    kit.expect_equal(
        result.value, "months later", f"call_api(1) with a callback after {SLOW_DELAY:g} s"
    )


# Per call: (delay, outcome); an outcome is a value, or an exception to raise.
OUTCOMES = st.lists(
    st.tuples(
        st.sampled_from([0.5, 1.0, 1.0]),
        st.one_of(
            st.none(),
            st.integers(-2, 2),
            st.sampled_from(["", " ", "é", "a b"]),
            st.builds(ValueError, st.sampled_from(["bad", "é"])),
        ),
    ),
    min_size=1,
    max_size=5,
)


def test_concurrent_calls(kata: kit.Kata, sleeps: list[float]) -> None:
    """Calls waiting at once each get their own outcome (None too), at their own time."""
    call_api = kata.get("call_api", "coroutine")

    @kit.drawn(
        OUTCOMES, examples=[([(1.0, None), (1.0, "é"), (0.5, ValueError("bad"))],)], max_examples=25
    )
    def check(calls: list[tuple[float, Any]]) -> None:
        sleeps.clear()  # the watcher's limit counts one drawn example's sleeps, not all of them

        def table_api(arg: int, on_ok: Callable[..., Any], on_err: Callable[..., Any]) -> None:
            delay, outcome = calls[arg]
            loop = asyncio.get_running_loop()
            if isinstance(outcome, BaseException):
                loop.call_later(delay, on_err, outcome)
            else:
                loop.call_later(delay, on_ok, outcome)

        kata.module.callback_api = table_api

        async def one(arg: int) -> tuple[str, Any, float]:
            try:
                return "value", await call_api(arg), kit.now()
            except ValueError as exc:
                return "raised", exc, kit.now()

        async def scenario() -> list[tuple[str, Any, float]]:
            return list(await asyncio.gather(*(one(k) for k in range(len(calls)))))

        shown = ", ".join(f"{o!r} after {d:g} s" for d, o in calls)
        what = f"{len(calls)} call_api calls at once, whose callbacks report [{shown}]"
        result = kata.run(scenario, what=what, limit=60)
        got = result.value or []
        expected = [("raised" if isinstance(o, BaseException) else "value", o, d) for d, o in calls]
        kit.expect(
            len(got) == len(expected)
            and all(
                g[0] == e[0] and g[1] is e[1] if e[0] == "raised" else g == e
                for g, e in zip(got, expected, strict=True)
            ),
            f"{what} got {[g[:2] for g in got]!r} at loop times {[g[2] for g in got]}; "
            "each call must get its own callback's outcome (value or exception) when that "
            "callback fires: create a new future inside each call_api call.",
        )

    check()


def test_same_argument_at_once(kata: kit.Kata, sleeps: list[float]) -> None:
    """Two calls with the same argument, waiting at once, each get their own callback's result."""
    call_api = kata.get("call_api", "coroutine")
    replies = iter([(1.0, "first reply"), (0.5, "second reply")])

    def queue_api(arg: Any, on_ok: Callable[..., Any], on_err: Callable[..., Any]) -> None:
        delay, value = next(replies)
        asyncio.get_running_loop().call_later(delay, on_ok, value)

    kata.module.callback_api = queue_api

    async def scenario() -> list[Any]:
        tasks = [asyncio.create_task(call_api(5)) for _ in range(2)]
        done, pending = await asyncio.wait(tasks, timeout=10)
        for task in pending:
            task.cancel()
        await asyncio.wait(tasks)
        return [task.result() if task in done else "<still waiting>" for task in tasks]

    what = (
        "two call_api(5) calls at once, whose callback_api calls report 'first reply' "
        "after 1 s and 'second reply' after 0.5 s,"
    )
    result = kata.run(scenario, what=what, limit=60)
    kit.expect(
        result.value == ["first reply", "second reply"],
        f"{what} got {result.value!r}; each call must get the outcome of its own "
        "callback_api call, even when the arguments are equal: create a new future inside "
        "each call_api call and let only its own callbacks settle it.",
    )


# Checked last: earlier wrong answers fail the checks above first.


@pytest.mark.parametrize("name", ["ok", "err"])
def test_callback_then_cancel_in_one_step(kata: kit.Kata, sleeps: list[float], name: str) -> None:
    """A callback fires and, in the same loop step (before call_api has woken up), the
    caller is cancelled: call_api ends cancelled and nothing raises on the loop."""
    call_api = kata.get("call_api", "coroutine")
    held: dict[str, Callable[..., Any]] = {}

    def holding_api(arg: Any, on_ok: Callable[..., Any], on_err: Callable[..., Any]) -> None:
        held["ok"], held["err"] = on_ok, on_err

    kata.module.callback_api = holding_api
    argument = "in time" if name == "ok" else ValueError("in time")
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        task = asyncio.create_task(call_api(3))
        await REAL_SLEEP(1.0)
        if name in held:
            held[name](argument)  # the callback arrives...
        task.cancel()  # ...and a timeout cancels the caller in the same loop step
        await asyncio.wait([task])
        seen["cancelled"] = task.cancelled()
        if not task.cancelled():
            error = task.exception()  # retrieved: what it ended with is checked last
            seen["ended"] = (
                f"returned {task.result()!r}"
                if error is None
                else f"raised {type(error).__name__}: {error}"
            )
        await REAL_SLEEP(1.0)  # whatever the callback scheduled has run by now

    what = f"call_api(3) whose on_{name} fires after 1 s, its caller cancelled in the same step"
    result = kata.run(scenario, what=what, limit=60, loop_errors=True)
    polled = kit.polls(sleeps)
    kit.expect(not polled, POLLING.format(n=len(polled)))
    for ctx in result.loop_errors:
        exc = ctx.get("exception")
        detail = f"{type(exc).__name__}: {exc}" if exc else ctx.get("message", "")
        kit.fail(
            f"{what}: on_{name} scheduled work that then raised on the loop ({detail}): by the "
            "time it ran, the caller's cancellation had made the future done (cancelled). Check "
            "`if not future.done():` in the code that finally sets the future, right before "
            "set_result/set_exception, or set it in the callback itself."
        )
    kit.expect(
        seen.get("cancelled"),
        f"{what}, {seen.get('ended')} instead of ending with CancelledError: the caller was "
        "cancelled before call_api woke up, so call_api must end with that cancellation even "
        "though the future already holds an outcome; let the CancelledError propagate out of "
        "`await future`, do not catch it to hand back what the future holds.",
    )
