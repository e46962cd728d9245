"""Grader for 12_aiohttp/rate_limit: at most `rate` starts in any sliding window of `per` s.

Checks (virtual loop time, exact; times are binary fractions so that a correct limiter
never meets a float rounding edge): a burst of short calls never puts more than `rate` starts
in one window (a Semaphore does); staggered arrivals are limited on a sliding window, not on
fixed boundaries; calls start as early as the window allows; long calls do not hold up later
starts; instances are independent; errors inside the block propagate.

The loop runs on virtual time. A limiter that reads ``time.monotonic()`` (or ``time.time()``,
``time.perf_counter()``) is correct on a real loop, so the kit makes those clocks, inside the
kata's module, read the loop's clock during every virtual-time run
(``kit._internal.clocks``): any clock the learner reads agrees with the one ``asyncio.sleep``
waits on.

Docstring sentence -> the check that enforces it:
- at most `rate` starts in any `per` seconds, a sliding window
  -> test_burst_of_short_calls, test_sliding_window
- the limit is on how often calls START, not on how many run at once
  -> test_long_calls_do_not_hold_the_limit (and test_burst_of_short_calls names a lock held
  from __aenter__ to __aexit__, which runs the blocks one at a time)
- never wait needlessly: 0, 0, 0, 1, 1, 1, 2, 2, 2, 3 -> test_burst_of_short_calls,
  test_a_cancelled_wait_takes_no_start (a call cancelled while waiting never started)
- (any rate, per and arrivals, ties included) -> test_any_arrivals (Hypothesis)
- an exception inside the block must propagate -> test_errors_propagate
- that call still started: it counts in the window -> test_a_failed_call_still_started
  (raising inside the block, or cancelled inside it by the caller's timeout)
- `__aenter__` returns the limiter itself -> test_enter_gives_the_limiter (also for a call
  that had to wait)
- every RateLimiter keeps its own window (and lock): one limiter's waiting calls never hold
  up another's -> test_instances_are_independent
- (a waiter cancelled while waiting leaves the limiter usable) ->
  test_a_cancelled_wait_takes_no_start, test_a_cancelled_wait_holds_up_no_later_call (no
  start time planned in advance behind it)
- the example: `limiter = RateLimiter(3, 1.0)` at the top of a module, before any loop runs
  -> test_a_limiter_made_outside_a_running_loop
- "a call starts as soon as starting keeps at most `rate` starts in the last `per` seconds"
  (at that very moment, on no grid: times off the eighths the other checks use)
  -> test_a_start_comes_at_the_exact_moment (a limiter that looks now and then is late)
"""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import kit
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from kit.examples import grader_settings

EXAMPLES = grader_settings(max_examples=30)

SEMAPHORE = (
    "An asyncio.Semaphore limits how many calls run at once, not how often they start: "
    "short calls free their slot at once and the next ones rush in. Keep the loop times of "
    "the last `rate` starts and wait until the oldest is `per` seconds old."
)
FIXED_WINDOW = (
    "Did you reset a counter on fixed window boundaries? Then a burst at the end of one "
    "window and another at the start of the next get through together. Use a sliding window: "
    "the times of the last `rate` starts."
)


def _starts(
    limiter_class: Any, rate: int, per: float, arrivals: list[float], duration: float
) -> Any:
    """A call that makes one limiter and enters it once per arrival time; returns start times."""

    work = kit.Probe(delay=duration, name="call")  # each call's body: a row on the timeline

    async def scenario() -> list[float]:
        limiter = limiter_class(rate, per)
        starts: list[float] = []

        async def one(n: int, at: float) -> None:
            await asyncio.sleep(at)
            async with limiter:
                starts.append(kit.now())
                await work(n)

        await asyncio.gather(*(one(n, at) for n, at in enumerate(arrivals)))
        return sorted(starts)

    return scenario


def _ideal(expected: list[float], duration: float) -> None:
    """The right schedule for the timeline: the n-th arrival starts at the n-th expected time."""
    kit.ideal_timeline(
        [(f"call({n})", start, start + duration) for n, start in enumerate(expected)],
        shape=f"the calls start at {', '.join(f'{s:g}' for s in expected)} s",
    )


NO_RECHECK = (
    "Several calls waited, woke at the same moment and all started: after a wait, check the "
    "window again before starting (a loop), or let one waiter at a time decide (an "
    "asyncio.Lock held while it waits). Record each start when the call starts, after its "
    "wait, not when it arrived."
)
HELD_PAST_THE_BLOCK = (
    "Each call started `per` seconds after an earlier call's block had ENDED: did you give "
    "the start back (release a Semaphore) only after the block, or sleep in __aexit__? The "
    "window counts starts: record the start time in __aenter__, and let __aexit__ return at "
    "once."
)
ONE_AT_A_TIME = (
    "No call started before the previous call's block had ended (the second one at 0.125 s, "
    "when the first block of 0.125 s ended): the limiter holds something (a lock, a "
    "semaphore) from __aenter__ until __aexit__, so the calls run one at a time. The limit is "
    "on how often calls START, not on how many run at once: let go of any lock before "
    "__aenter__ returns."
)
ONE_TOO_MANY = (
    "One call too many started in the first window: start at once only while fewer than "
    "`rate` starts are in the window (`len(starts) < rate`, not `<=`)."
)


NOTHING_WAITED = (
    "Every call started at the same instant, as if the window were always empty: record "
    "each start's loop time in __aenter__, as the call is let through (not in __aexit__, "
    "once its block is over), and wait while the last `per` seconds already hold `rate` "
    "starts."
)


TOKEN_BUCKET = (
    "After the first burst the calls started one every `per / rate` seconds: did you refill "
    "tokens bit by bit (a token bucket)? That lets more than `rate` starts into one window. "
    "Keep the loop times of the last `rate` starts and wait until the oldest is `per` seconds "
    "old."
)


def _evenly_refilled(starts: list[float], rate: int, per: float) -> bool:
    """True if each start after the first ``rate`` comes ``per / rate`` s after the one before."""
    gaps = [b - a for a, b in zip(starts[rate - 1 :], starts[rate:], strict=False)]
    return len(gaps) >= 2 and all(abs(g - per / rate) < 1e-3 for g in gaps)


def _check_window(starts: list[float], rate: int, per: float, hint: str) -> None:
    """Fail if more than ``rate`` starts fall in some half-open window of ``per`` seconds."""
    for i in range(len(starts) - rate):
        first, last = starts[i], starts[i + rate]
        if last - first < per - 1e-6:
            inside = [s for s in starts if first - 1e-9 <= s <= last + 1e-9]
            together = [s for s in starts if abs(s - last) < 1e-9]
            if len(together) > rate and last > starts[0] + 1e-9:
                hint = NO_RECHECK
            elif sum(abs(s - starts[0]) < 1e-9 for s in starts) == rate + 1:
                hint = ONE_TOO_MANY
            elif len(starts) > rate + 1 and all(abs(s - starts[0]) < 1e-9 for s in starts):
                hint = NOTHING_WAITED
            elif _evenly_refilled(starts, rate, per):
                hint = TOKEN_BUCKET
            kit.fail(
                f"{len(inside)} calls started between loop times {first:g} and {last:g} "
                f"(starts: {', '.join(f'{s:g}' for s in starts)}), but RateLimiter({rate}, "
                f"{per:g}) allows at most {rate} starts in any {per:g} s window. {hint}"
            )


def _check_schedule(starts: list[float], expected: list[float], later: str) -> None:
    """Fail unless the start times are exactly ``expected``."""
    if len(starts) != len(expected) or any(
        abs(a - b) > 1e-6 for a, b in zip(starts, expected, strict=True)
    ):
        shown = ", ".join(f"{s:g}" for s in starts)
        want = ", ".join(f"{s:g}" for s in expected)
        late = len(starts) == len(expected) and any(
            a > b + 1e-6 for a, b in zip(starts, expected, strict=True)
        )
        fail_hint = later if late else "Some calls started too early."
        kit.fail(f"the calls started at loop times {shown}; expected {want}. {fail_hint}")


def test_is_a_class(kata: kit.Kata) -> None:
    """RateLimiter is a class."""
    kata.get("RateLimiter", "class")


def test_burst_of_short_calls(kata: kit.Kata) -> None:
    """Ten short calls at once with RateLimiter(3, 1.0) start at 0,0,0,1,1,1,2,2,2,3."""
    limiter = kata.get("RateLimiter", "class")
    result = kata.run(
        _starts(limiter, 3, 1.0, [0.0] * 10, 0.125), what="ten calls through RateLimiter(3, 1.0)"
    )
    _ideal([0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 3.0], 0.125)
    _check_window(result.value, 3, 1.0, SEMAPHORE)
    starts = result.value
    held = len(starts) == 10 and all(
        abs(starts[n] - (starts[n - 3] + 1.125)) < 1e-6 for n in range(3, 10)
    )
    one_at_a_time = (
        len(starts) == 10
        and abs(starts[1] - (starts[0] + 0.125)) < 1e-6
        and all(b >= a + 0.125 - 1e-6 for a, b in itertools.pairwise(starts))
    )
    _check_schedule(
        starts,
        [0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 3.0],
        HELD_PAST_THE_BLOCK
        if held
        else ONE_AT_A_TIME
        if one_at_a_time
        else "A call waited although the last second held fewer than 3 starts: start as soon "
        "as the oldest of the last `rate` starts is `per` seconds old (the first `rate` calls "
        "start at once, no spacing between them).",
    )


def test_sliding_window(kata: kit.Kata) -> None:
    """Staggered arrivals are limited on a sliding window, not on fixed 1-second boundaries."""
    limiter = kata.get("RateLimiter", "class")
    result = kata.run(
        _starts(limiter, 2, 1.0, [0.5, 0.75, 1.0, 1.25, 2.625], 0.0625),
        what="calls arriving at 0.5, 0.75, 1, 1.25, 2.625 through RateLimiter(2, 1.0)",
    )
    _ideal([0.5, 0.75, 1.5, 1.75, 2.625], 0.0625)
    _check_window(result.value, 2, 1.0, FIXED_WINDOW)
    _check_schedule(
        result.value,
        [0.5, 0.75, 1.5, 1.75, 2.625],
        "A call waited although the last second held fewer than 2 starts: wait only until "
        "the oldest of the last `rate` starts is `per` seconds old.",
    )


def test_long_calls_do_not_hold_the_limit(kata: kit.Kata) -> None:
    """Calls lasting 5 s: RateLimiter(2, 1.0) still starts two more at loop time 1."""
    limiter = kata.get("RateLimiter", "class")
    result = kata.run(
        _starts(limiter, 2, 1.0, [0.0] * 4, 5.0),
        what="four 5-second calls through RateLimiter(2, 1.0)",
    )
    _ideal([0.0, 0.0, 1.0, 1.0], 5.0)
    _check_window(result.value, 2, 1.0, SEMAPHORE)
    _check_schedule(
        result.value,
        [0.0, 0.0, 1.0, 1.0],
        "The limit is on how often calls start, not on how many run at once: did you hold a "
        "slot until the call ended (a Semaphore)? Record the start time and release nothing "
        "in __aexit__.",
    )


def test_instances_are_independent(kata: kit.Kata) -> None:
    """Two limiters do not share their windows; limiter A(1, 1.0) has a call waiting until
    1 s, and a call through B(1, 1.0) at 0.5 s still starts at once."""
    limiter_class = kata.get("RateLimiter", "class")

    async def scenario() -> list[float]:
        first, second = limiter_class(1, 1.0), limiter_class(1, 1.0)
        starts: list[float] = []

        async def one(limiter: Any) -> None:
            async with limiter:
                starts.append(kit.now())

        await asyncio.gather(one(first), one(second))
        return starts

    result = kata.run(scenario, what="one call through each of two RateLimiter(1, 1.0)")
    kit.expect(
        result.value == [0.0, 0.0],
        f"one call through each of two separate limiters started at {result.value}; both "
        "should start at 0. Keep the start times on the instance (self), not on the class or "
        "in a global.",
    )

    async def waiting_scenario() -> float:
        first, second = limiter_class(1, 1.0), limiter_class(1, 1.0)

        async def through(limiter: Any) -> float:
            async with limiter:
                return kit.now()

        waiting = asyncio.gather(through(first), through(first))
        await asyncio.sleep(0.5)
        started = await through(second)
        await waiting
        return started

    what = "two calls at 0 through RateLimiter(1, 1.0), one at 0.5 s through another one"
    waited = kata.run(waiting_scenario, what=what)
    kit.expect(
        waited.value == 0.5,
        f"{what}: the call through the second limiter started at {waited.value} s, not at "
        "once (0.5 s): it waited for the first limiter's window. Make the lock (and every "
        "other piece of state) in __init__, on self, not on the class or in a global.",
    )


def test_errors_propagate(kata: kit.Kata) -> None:
    """An exception raised inside `async with limiter:` reaches the caller."""
    limiter_class = kata.get("RateLimiter", "class")

    async def scenario() -> None:
        async with limiter_class(2, 1.0):
            raise ValueError("inside the block")

    result = kata.run(scenario, raises=ValueError, what="a block raising ValueError")
    kit.expect(
        isinstance(result.error, ValueError),
        "a ValueError raised inside `async with limiter:` never reached the caller: "
        "__aexit__ returned a true value, which swallows the exception. Return None.",
    )


def test_a_cancelled_wait_takes_no_start(kata: kit.Kata) -> None:
    """RateLimiter(1, 0.5): a call at 0; a second one waits and is cancelled at 0.125 s; a
    third at 0.625 s starts at once (the cancelled call never started)."""
    limiter_class = kata.get("RateLimiter", "class")

    async def scenario() -> float:
        limiter = limiter_class(1, 0.5)
        async with limiter:
            pass

        async def enter() -> None:
            async with limiter:
                pass

        waiting = asyncio.create_task(enter())
        await asyncio.sleep(0.125)
        waiting.cancel()
        await asyncio.wait([waiting])
        await asyncio.sleep(0.5)
        async with limiter:
            return kit.now()

    what = "RateLimiter(1, 0.5): a call at 0, one cancelled while it waits, one at 0.625 s"
    result = kata.run(
        scenario,
        what=what,
        hang_hint="A call cancelled while it waited left the limiter blocked: release what "
        "the waiting call holds even when it is cancelled (`async with lock:` or "
        "try/finally, not a bare acquire() ... release()).",
    )
    kit.expect(
        result.value == 0.625,
        f"{what}: the last call started at {result.value} s, not at once (0.625 s). A call "
        "cancelled while it waits never started: it must not take a start in the window "
        "(record a start once the call really starts, or give it back when the wait is "
        "cancelled).",
    )


def greedy(rate: int, per: float, arrivals: list[float]) -> list[float]:
    """The start times of a limiter that starts each call as soon as the window allows."""
    starts: list[float] = []
    for at in sorted(arrivals):
        start = max([at, *starts[-1:]])
        if len(starts) >= rate:
            start = max(start, starts[-rate] + per)
        starts.append(start)
    return starts


@EXAMPLES
@given(
    rate=st.integers(1, 4),
    per=st.sampled_from([0.5, 1.0, 2.0]),
    eighths=st.lists(st.integers(0, 24), min_size=1, max_size=12),
)
@example(rate=2, per=1.0, eighths=[0, 0, 8, 8, 8])  # ties at a window's edge
def test_any_arrivals(kata: kit.Kata, rate: int, per: float, eighths: list[int]) -> None:
    """Any rate, window and arrival times (ties too): the starts are exactly the greedy ones."""
    limiter = kata.get("RateLimiter", "class")
    arrivals = [e / 8 for e in eighths]
    shown = ", ".join(f"{a:g}" for a in arrivals)
    result = kata.run(
        _starts(limiter, rate, per, arrivals, 0.0625),
        what=f"calls arriving at {shown} through RateLimiter({rate}, {per:g})",
    )
    _check_window(result.value, rate, per, SEMAPHORE)
    _check_schedule(
        result.value,
        greedy(rate, per, arrivals),
        f"A call waited although the last {per:g} s held fewer than {rate} starts: start as "
        "soon as the oldest of the last `rate` starts is `per` seconds old.",
    )


@pytest.mark.parametrize("ending", ["raises", "cancelled"])
def test_a_failed_call_still_started(kata: kit.Kata, ending: str) -> None:
    """RateLimiter(1, 1.0): a call at 0 raises inside the block (or is cut off inside it by
    the caller's asyncio.timeout(0.25)); the next call starts at 1."""
    limiter_class = kata.get("RateLimiter", "class")

    async def scenario() -> float:
        limiter = limiter_class(1, 1.0)
        if ending == "raises":
            try:
                async with limiter:
                    raise ValueError("the request failed")
            except ValueError:
                pass
        else:
            try:
                async with asyncio.timeout(0.25):
                    async with limiter:
                        await asyncio.sleep(10)
            except TimeoutError:
                pass
        async with limiter:
            return kit.now()

    if ending == "raises":
        what = "RateLimiter(1, 1.0): a call at 0 that raises, then another call"
        why = (
            "The call that raised inside the block had started: it counts in the window like "
            "any other (do not give its start back in __aexit__)."
        )
    else:
        what = (
            "RateLimiter(1, 1.0): a call at 0 cancelled inside its block at 0.25 s (the "
            "caller's asyncio.timeout), then another call"
        )
        why = (
            "The call cancelled inside its block had started: it counts in the window like any "
            "other (do not give its start back in __aexit__, not even on CancelledError)."
        )
    result = kata.run(scenario, what=what)
    kit.expect(
        result.value == 1.0,
        f"{what}: the second call started at {result.value} s, not at 1 s. {why}",
    )


def test_enter_gives_the_limiter(kata: kit.Kata) -> None:
    """`async with limiter as lim:` binds the limiter itself."""
    limiter_class = kata.get("RateLimiter", "class")

    async def scenario() -> bool:
        limiter = limiter_class(2, 1.0)
        async with limiter as lim:
            return lim is limiter

    result = kata.run(scenario, what="`async with limiter as lim:`")
    kit.expect(
        result.value is True,
        "`async with limiter as lim:` did not bind the limiter: __aenter__ must end with "
        "`return self`.",
    )

    async def waited() -> Any:
        limiter = limiter_class(1, 1.0)
        async with limiter:
            pass
        async with limiter as lim:  # the window is full: this one waits until 1 s
            return lim is limiter, lim

    what = "RateLimiter(1, 1.0): a call at 0, then `async with limiter as lim:`, which waits"
    result = kata.run(waited, what=what)
    bound, lim = result.value
    kit.expect(
        bound,
        f"{what}: `lim` was {lim!r}, not the limiter, for a call that had to wait (the "
        "first call, which started at once, got the limiter). __aenter__ must return self on "
        "every path, after waiting too: put `return self` at its end, once.",
    )


def test_a_cancelled_wait_holds_up_no_later_call(kata: kit.Kata) -> None:
    """RateLimiter(1, 1.0): a call at 0; two more wait from 0.25 s; the first of them is
    cancelled at 0.5 s: the other starts at 1 s, the first moment the window allows."""
    limiter_class = kata.get("RateLimiter", "class")

    async def scenario() -> float:
        limiter = limiter_class(1, 1.0)
        async with limiter:
            pass

        async def enter() -> float:
            async with limiter:
                return kit.now()

        await asyncio.sleep(0.25)
        cancelled = asyncio.create_task(enter())
        await asyncio.sleep(0)  # it arrives first
        other = asyncio.create_task(enter())
        await asyncio.sleep(0.25)
        cancelled.cancel()
        await asyncio.wait([cancelled])
        return await other

    what = (
        "RateLimiter(1, 1.0): a call at 0, two waiting from 0.25 s, the first of them "
        "cancelled at 0.5 s"
    )
    result = kata.run(scenario, what=what)
    kit.expect(
        result.value == 1.0,
        f"{what}: the other waiting call started at {result.value} s, not at 1 s. Once a "
        "waiting call is cancelled, the calls behind it may start as soon as the window "
        "allows: did you hand out start times in advance? A start time planned behind a "
        "call that never started is too late; decide when a call may start when it gets "
        "there (re-check the window after each wait).",
    )


def test_a_limiter_made_outside_a_running_loop(kata: kit.Kata) -> None:
    """The docstring's example makes the limiter at the top of a module, where no event loop
    runs: RateLimiter(3, 1.0) made so, then four calls through it, start at 0, 0, 0, 1."""
    limiter_class = kata.get("RateLimiter", "class")
    made = kata.call(
        lambda: limiter_class(3, 1.0),
        raises=Exception,
        what="RateLimiter(3, 1.0) made outside any running event loop",
    )
    error = made.error
    kit.expect(
        error is None,
        f"RateLimiter(3, 1.0), made outside a running event loop (at the top of a module, as "
        f"in the docstring's example), raised {type(error).__name__}: {error}. __init__ runs "
        "before any loop may exist: only remember rate and per there (and make the deque and "
        "the Lock); read the loop (asyncio.get_running_loop()) in __aenter__, which runs on "
        "it.",
    )
    limiter = made.value
    shared = kit.Probe(delay=0.125, name="call")

    async def scenario() -> list[float]:
        starts: list[float] = []

        async def one(n: int) -> None:
            async with limiter:
                starts.append(kit.now())
                await shared(n)

        await asyncio.gather(*(one(n) for n in range(4)))
        return sorted(starts)

    result = kata.run(
        scenario, what="four calls through a RateLimiter(3, 1.0) made before the loop"
    )
    _check_schedule(
        result.value,
        [0.0, 0.0, 0.0, 1.0],
        "A limiter made before the loop must wait on the loop that runs the calls: read the "
        "clock (loop.time()) in __aenter__, not a loop kept from __init__.",
    )


def test_a_start_comes_at_the_exact_moment(kata: kit.Kata) -> None:
    """RateLimiter(1, 0.3), calls arriving at 0, 0.07 and 0.07: they start at 0, 0.3 and 0.6,
    each the moment the window allows it (times on no regular grid)."""
    limiter = kata.get("RateLimiter", "class")
    arrivals = [0.0, 0.07, 0.07]
    result = kata.run(
        _starts(limiter, 1, 0.3, arrivals, 0.01),
        what="calls arriving at 0, 0.07, 0.07 through RateLimiter(1, 0.3)",
    )
    _check_window(result.value, 1, 0.3, SEMAPHORE)
    _check_schedule(
        result.value,
        greedy(1, 0.3, arrivals),
        "A call started late, after the moment the window allowed it: sleep exactly until the "
        "oldest of the last `rate` starts is `per` seconds old (`starts[0] + per - now`), not "
        "in small steps that look at the window now and then.",
    )
