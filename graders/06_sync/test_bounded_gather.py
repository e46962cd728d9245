"""Grader for 06_sync/bounded_gather: at most `limit` coroutines in flight, a sliding window.

Docstring sentence -> the check that enforces it:

- "Run them all ... return their results in input order" -> test_equal_delays,
  test_any_delays_and_failures (a 90 s coroutine among them: none is cancelled, no time
  limit of the learner's own puts a TimeoutError in its place)
- "at most `limit` at the same time" -> expect_peak in every timed check (the grader counts
  the Semaphores made, and names a semaphore per coroutine only when it saw several)
- "As soon as one finishes, the next one in the list starts (a sliding window, not fixed
  batches)" -> test_sliding_window_not_batches, test_mixed_latencies,
  test_any_delays_and_failures
- "They start in input order" -> run_bounded checks, in every run, the order in which the
  coroutines started (ties in one loop step aside)
- "a sliding window" (waiting for a slot, not polling for one) -> run_bounded fails any run
  in which the learner's file called asyncio.sleep with a delay (a spin of sleep(0) is
  stopped by the kit)
- "its exception object takes its place in the result list ... its slot is freed"
  -> test_failure_frees_its_slot, test_any_delays_and_failures (a RuntimeError of a
  semaphore bound to an earlier call's loop, kept in a default argument or a class, is named)
- "`coros` is a list" (of any length) -> test_empty_list, test_limit_above_n
- "return their results in input order, like `asyncio.gather`" (any result, None and other
  falsy values included: each at its place) -> test_a_none_result_keeps_its_place
- "at most `limit` at the same time" (each call's own `limit`: a second call on the same
  loop is not bound by the first one's semaphore) -> test_each_call_has_its_own_limit
- the same, two calls at once on one loop, each with its own limit (a semaphore in a
  module-level name that each call rebinds is shared by both) ->
  test_two_calls_at_once_keep_their_own_limits
- "at most `limit` at the same time" (up to `limit`, however large: 150 of 300 at once, no
  cap of the learner's own) -> test_a_large_limit_holds_as_given
- "one `asyncio.Semaphore(limit)` shared by all the coroutines" is the suggested tool; its
  effects (the peak, the window) are what is checked, so other correct designs pass.

Inputs: delays with ties (several coroutines finishing in the same loop step), limits from
1 up past n, and failing coroutines anywhere are drawn by Hypothesis (deterministic).
"""

from __future__ import annotations

import asyncio
import heapq
import math
from typing import Any

import kit
import pytest
from hypothesis import strategies as st

PER_CORO = (
    "{peak} coroutines ran at once with limit={limit}, and your code made {made} Semaphores: "
    "a semaphore per coroutine limits nothing. Create ONE asyncio.Semaphore(limit) and share it."
)
UNLIMITED = (
    "{peak} coroutines ran at once with limit={limit}: the limit did not hold while they ran. "
    "Await each coroutine inside `async with semaphore:` of one semaphore shared by all, so "
    "its slot stays taken until it has finished."
)
POLLING = (
    "your code called asyncio.sleep {n} time(s): it waited for a free slot by polling, so "
    "coroutines start late or out of turn. Wait on the shared semaphore instead "
    "(`async with semaphore:` wakes the next waiter the moment a slot frees)."
)
SEMAPHORES: list[int] = [0]  # Semaphores made since the last run_bounded
SLEEPS: list[list[float]] = [[]]  # asyncio.sleep calls from the learner's file, this test


@pytest.fixture(autouse=True)
def counted_semaphores(monkeypatch: pytest.MonkeyPatch, kata: kit.Kata) -> None:
    """Count the asyncio.Semaphore (and BoundedSemaphore) objects the learner makes."""
    for name in ("Semaphore", "BoundedSemaphore"):
        real = getattr(asyncio, name)

        class Counted(real):  # type: ignore[misc, valid-type]
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                SEMAPHORES[0] += 1
                super().__init__(*args, **kwargs)

        Counted.__name__ = Counted.__qualname__ = name
        Counted.__module__ = real.__module__  # its repr in a learner's error: asyncio's own
        monkeypatch.setattr(asyncio, name, Counted)
        for attr, value in list(vars(kata.module).items()):
            if value is real:
                monkeypatch.setattr(kata.module, attr, Counted)


@pytest.fixture(autouse=True)
def watched_sleeps(kata: kit.Kata, monkeypatch: pytest.MonkeyPatch) -> None:
    """Record the asyncio.sleep calls made from the learner's file; stop a polling loop."""
    SLEEPS[0] = kit.watch_sleeps(kata, monkeypatch, message=POLLING, limit=500)


def window_time(delays: list[float], limit: int) -> float:
    """Loop time of a sliding window of ``limit`` slots, filled in input order."""
    slots = [0.0] * min(limit, len(delays))
    for delay in delays:
        heapq.heappush(slots, heapq.heappop(slots) + delay)
    return max(slots, default=0.0)


def window(delays: list[float], limit: int) -> list[tuple[str, float, float]]:
    """The sliding window's schedule, (label, start, end) per coroutine: each starts as soon
    as one of ``limit`` slots frees, in input order (drawn under a failing check)."""
    slots = [0.0] * min(limit, len(delays))
    rows = []
    for i, delay in enumerate(delays):
        start = heapq.heappop(slots)
        heapq.heappush(slots, start + delay)
        rows.append((f"call({i})", start, start + delay))
    return rows


def run_bounded(
    kata: kit.Kata, probe: kit.Probe, n: int, limit: int, **options: Any
) -> kit.Run[Any]:
    """Run bounded_gather([probe(0), ..., probe(n-1)], limit)."""
    bounded_gather = kata.get("bounded_gather", "coroutine")
    what = f"bounded_gather({n} coroutines, limit={limit})"
    SEMAPHORES[0] = 0
    SLEEPS[0].clear()
    result = kata.run(
        lambda: bounded_gather([probe(i) for i in range(n)], limit),
        what=what,
        limit=600,
        hang_hint="A slot was never given back: release the semaphore however the "
        "coroutine ends (`async with semaphore:` does it for you).",
        **options,
    )
    ideal = window([probe.delay_for(i) for i in range(n)], limit)
    last = max((end for _, _, end in ideal), default=0.0)
    kit.ideal_timeline(
        ideal,
        shape=f"at most {limit} at once, the next as soon as one ends; the last ends at {last:g} s",
    )
    polled = kit.polls(SLEEPS[0])
    kit.expect(not polled, POLLING.format(n=len(polled)))
    expect_input_order(probe, what)
    return result


def expect_input_order(probe: kit.Probe, what: str) -> None:
    """Fail unless the coroutines started in input order (ties in one loop step aside)."""
    starts = {call.args[0]: call.started for call in probe.calls}
    order = sorted(starts, key=lambda i: (starts[i], i))
    for early, due in zip(order, sorted(order), strict=True):
        if early != due:
            kit.fail(
                f"{what}: coroutine {early} started at {starts[early]:g} s, before coroutine "
                f"{due} (at {starts[due]:g} s): they started out of input order. When a slot "
                "frees, start the next one in the list (a shared semaphore serves its waiters "
                "first come, first served)."
            )


def expect_peak(probe: kit.Probe, limit: int, n: int) -> None:
    """Fail unless exactly min(limit, n) coroutines ran at the busiest moment."""
    want = min(limit, n)
    if probe.peak > want:
        made = SEMAPHORES[0]
        kit.fail(
            (PER_CORO if made > 1 else UNLIMITED).format(peak=probe.peak, limit=limit, made=made)
        )
    kit.expect(
        probe.peak == want,
        f"at most {probe.peak} coroutine(s) ran at once with limit={limit}; {want} should. "
        "Start them all (gather or tasks), each waiting for the shared semaphore.",
    )


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """bounded_gather is an async def."""
    kata.get("bounded_gather", "coroutine")


def test_equal_delays(kata: kit.Kata) -> None:
    """10 one-second coroutines with limit 3: peak 3, 4 s, results in order."""
    probe = kit.Probe(delay=1.0)
    result = run_bounded(kata, probe, 10, 3)
    expect_peak(probe, 3, 10)
    kit.expect_equal(
        result.value,
        [("result", i) for i in range(10)],
        "the results",
        "Return the results in input order (gather keeps it; as_completed does not).",
    )
    kit.expect_loop_time(
        result,
        math.ceil(10 / 3) * 1.0,
        "bounded_gather(10 x 1 s, limit=3)",
        slower="Keep `limit` coroutines running at all times.",
        faster="Some ran beyond the limit.",
    )


def test_sliding_window_not_batches(kata: kit.Kata) -> None:
    """With delays [5, 1, 1, 1, 1, 1] and limit 2, the five short ones share one slot: 5 s."""
    delays = [5.0, 1.0, 1.0, 1.0, 1.0, 1.0]
    probe = kit.Probe(delay=lambda i: delays[i])
    result = run_bounded(kata, probe, len(delays), 2)
    expect_peak(probe, 2, len(delays))
    kit.expect_equal(result.value, [("result", i) for i in range(6)], "the results")
    kit.expect_loop_time(
        result,
        window_time(delays, 2),
        "bounded_gather(delays [5, 1, 1, 1, 1, 1], limit=2)",
        slower="That is what fixed batches take: a batch waits for its slowest member while "
        "a slot sits idle. Start the next coroutine as soon as any slot frees (a shared "
        "Semaphore does this).",
    )


def test_mixed_latencies(kata: kit.Kata) -> None:
    """Twelve coroutines of mixed latency, limit 4, take the sliding window's time."""
    delays = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0, 5.0, 8.0]
    probe = kit.Probe(delay=lambda i: delays[i])
    result = run_bounded(kata, probe, len(delays), 4)
    expect_peak(probe, 4, len(delays))
    kit.expect_equal(result.value, [("result", i) for i in range(12)], "the results")
    kit.expect_loop_time(
        result,
        window_time(delays, 4),
        "bounded_gather(12 mixed delays, limit=4)",
        slower="A slot sat idle while coroutines were waiting: fixed batches? Start the "
        "next coroutine as soon as any one finishes.",
    )


def test_failure_frees_its_slot(kata: kit.Kata) -> None:
    """Failed coroutines put their exception in the results and free their slot."""
    errors = {0: ValueError("boom 0"), 1: KeyError("boom 1")}
    probe = kit.Probe(delay=1.0, errors=errors)
    result = run_bounded(kata, probe, 6, 2, raises=(ValueError, KeyError))
    if result.error is not None:
        which = 0 if result.error is errors[0] else 1
        kit.fail(
            f"bounded_gather(6 coroutines, limit=2) raised coroutine {which}'s "
            f"{type(result.error).__name__} instead of returning it in the results: an "
            "exception takes its coroutine's place in the list, as with "
            "`gather(..., return_exceptions=True)`."
        )
    values = result.value or []
    kit.expect(
        len(values) == 6 and values[0] is errors[0] and values[1] is errors[1],
        f"coroutines 0 and 1 raised; the results began {values[:2]!r}. Put each exception "
        "in its place in the results, like gather(..., return_exceptions=True).",
    )
    kit.expect_equal(values[2:], [("result", i) for i in range(2, 6)], "results 2 to 5")
    kit.expect_loop_time(
        result,
        3.0,
        "bounded_gather(6 x 1 s, limit=2, the first two failing)",
        slower="A failing coroutine kept its slot: release the semaphore in all cases "
        "(`async with semaphore:`, or try/finally).",
    )


def test_limit_above_n(kata: kit.Kata) -> None:
    """With limit >= n, everything runs at once."""
    probe = kit.Probe(delay=2.0)
    result = run_bounded(kata, probe, 4, 10)
    expect_peak(probe, 10, 4)
    kit.expect_loop_time(result, 2.0, "bounded_gather(4 x 2 s, limit=10)")
    kit.expect_equal(result.value, [("result", i) for i in range(4)], "the results")


def test_empty_list(kata: kit.Kata) -> None:
    """No coroutines: an empty list, at once."""
    probe = kit.Probe(delay=1.0)
    result = run_bounded(kata, probe, 0, 3, raises=ValueError)
    if isinstance(result.error, ValueError):
        kit.fail(
            f"bounded_gather([], limit=3) raised ValueError: {result.error}. With nothing "
            "to run, return [] (asyncio.wait() refuses an empty set: check before calling it)."
        )
    kit.expect_equal(result.value, [], "bounded_gather([], limit=3)")
    kit.expect_loop_time(result, 0.0, "bounded_gather([], limit=3)")


CASES = st.tuples(
    st.lists(st.tuples(st.sampled_from([1.0, 2.0, 3.0]), st.booleans()), max_size=8),
    st.integers(1, 5),
)


def test_any_delays_and_failures(kata: kit.Kata) -> None:
    """Any delays (ties included), limits and failures: order, peak and window time hold."""

    @kit.drawn(
        CASES,
        examples=[
            (([(1.0, False), (1.0, True), (2.0, False), (1.0, False), (1.0, False)], 2),),
            (([(90.0, False), (1.0, False), (2.0, False)], 2),),
            (([(1.0, False)], 3),),  # one coroutine
        ],
        max_examples=30,
    )
    def check(case: tuple[list[tuple[float, bool]], int]) -> None:
        jobs, limit = case
        delays = [d for d, _ in jobs]
        errors = {i: ValueError(f"job {i} failed") for i, (_, bad) in enumerate(jobs) if bad}
        probe = kit.Probe(delay=lambda i: delays[i], errors=errors)
        shown = ", ".join(f"{d:g} s{' (fails)' if bad else ''}" for d, bad in jobs)
        what = f"bounded_gather([{shown}], limit={limit})"
        result = run_bounded(kata, probe, len(jobs), limit, raises=ValueError)
        kit.expect(
            result.error is None,
            f"{what} raised {result.error!r}: a failing coroutine's exception takes its "
            "place in the results (`return_exceptions=True`).",
        )
        for call in probe.cancelled:
            i = call.args[0]
            values = result.value if isinstance(result.value, list) else []
            took = f" and {values[i]!r} took its place" if len(values) == len(jobs) else ""
            kit.fail(
                f"{what}: coroutine {i} ({delays[i]:g} s) was cancelled at {call.ended:g} s"
                f"{took}: bounded_gather sets no time limit of its own. Let every coroutine "
                "run to its end, however long it takes."
            )
        expected = [errors.get(i, ("result", i)) for i in range(len(jobs))]
        values = result.value if isinstance(result.value, list) else []
        for i, got in enumerate(values):
            kit.expect(
                not (isinstance(got, RuntimeError) and "different event loop" in str(got)),
                f"{what}: coroutine {i}'s place held {got!r}: a semaphore made in an earlier "
                "call, on another event loop, was used again (one kept in a default argument, "
                "a module-level or a class-level name). Make asyncio.Semaphore(limit) inside "
                "bounded_gather, afresh for each call.",
            )
        kit.expect(
            isinstance(result.value, list)
            and len(result.value) == len(expected)
            and all(
                got is want if isinstance(want, BaseException) else got == want
                for got, want in zip(result.value, expected, strict=True)
            ),
            f"{what} returned {result.value!r}; expected {expected!r}: each result (or "
            "exception) in its coroutine's place, in input order.",
        )
        expect_peak(probe, limit, len(jobs))
        kit.expect_loop_time(
            result,
            window_time(delays, limit),
            what,
            slower="A slot sat idle while coroutines were waiting: start the next one as "
            "soon as any one finishes (ties included).",
        )

    check()


def test_each_call_has_its_own_limit(kata: kit.Kata) -> None:
    """bounded_gather(3 x 1 s, limit=3), then bounded_gather(4 x 1 s, limit=1) on the same
    loop: the second call runs one coroutine at a time (its own limit, not the first's)."""
    bounded_gather = kata.get("bounded_gather", "coroutine")
    first = kit.Probe(delay=1.0)
    second = kit.Probe(delay=1.0, name="second")
    what = "bounded_gather(3 x 1 s, limit=3), then bounded_gather(4 x 1 s, limit=1)"

    async def both() -> Any:
        await bounded_gather([first(i) for i in range(3)], 3)
        return await bounded_gather([second(i) for i in range(4)], 1)

    result = kata.run(both, what=what, limit=600)
    kit.expect_equal(result.value, [("result", i) for i in range(4)], f"the second call of {what}")
    peak = second.peak
    kit.expect(
        peak <= 1,
        f"in {what}, up to {peak} coroutines of the second call ran at once; expected one at "
        "a time: each call has its own limit. Make the semaphore inside bounded_gather, afresh "
        "for each call, not once at module level (nor once per event loop).",
    )
    kit.expect_loop_time(result, 1.0 + 4.0, what)


def test_a_large_limit_holds_as_given(kata: kit.Kata) -> None:
    """300 one-second coroutines with limit 150: 150 run at once (no cap of the learner's
    own, not even of 100), so it takes 2 s."""
    probe = kit.Probe(delay=1.0)
    result = run_bounded(kata, probe, 300, 150)
    peak = probe.peak
    kit.expect(
        peak == 150,
        f"bounded_gather(300 x 1 s, limit=150) ran at most {peak} coroutines at once; 150 "
        "should: the limit is the caller's, so use it as given (`asyncio.Semaphore(limit)`), "
        "with no cap of your own.",
    )
    kit.expect_equal(result.value, [("result", i) for i in range(300)], "the results")
    kit.expect_loop_time(result, 2.0, "bounded_gather(300 x 1 s, limit=150)")


def test_two_calls_at_once_keep_their_own_limits(kata: kit.Kata) -> None:
    """bounded_gather(4 x 1 s, limit=2) and bounded_gather(3 x 1 s, limit=1) at the same time
    on one loop: the first runs 2 at once and ends at 2 s, the second one at a time and ends
    at 3 s (neither call is bound by the other's semaphore)."""
    bounded_gather = kata.get("bounded_gather", "coroutine")
    first = kit.Probe(delay=1.0)
    second = kit.Probe(delay=1.0, name="second")
    ends: dict[str, float] = {}
    what = "bounded_gather(4 x 1 s, limit=2) and bounded_gather(3 x 1 s, limit=1) at once"

    async def timed(name: str, probe: kit.Probe, n: int, limit: int) -> Any:
        value = await bounded_gather([probe(i) for i in range(n)], limit)
        ends[name] = kit.now()
        return value

    async def both() -> Any:
        return await asyncio.gather(timed("first", first, 4, 2), timed("second", second, 3, 1))

    result = kata.run(both, what=what, limit=600)
    hint = (
        "Each call has its own limit: make the semaphore inside bounded_gather and let its "
        "coroutines use that one (a local name they close over), not a module-level name that "
        "the next call rebinds."
    )
    for name, probe, limit, end in (("first", first, 2, 2.0), ("second", second, 1, 3.0)):
        peak = probe.peak
        kit.expect(
            peak == limit and ends.get(name) == end,
            f"in {what}, the {name} call ran at most {peak} of its coroutines at once and "
            f"returned at {ends.get(name, 'no')} s; expected {limit} at once and {end:g} s. "
            f"{hint}",
        )
    value = list(result.value or [None, None])
    kit.expect_equal(value[0], [("result", i) for i in range(4)], f"the first call of {what}")
    kit.expect_equal(value[1], [("result", i) for i in range(3)], f"the second call of {what}")


def test_a_none_result_keeps_its_place(kata: kit.Kata) -> None:
    """Coroutines returning None, 0, None and 'x', limit 2: each result at its place, None too,
    and the call returns once the last one has finished."""
    values = [None, 0, None, "x"]
    probe = kit.Probe(delay=lambda i: 1.0 + i % 2, result=lambda i: values[i])
    bounded_gather = kata.get("bounded_gather", "coroutine")
    what = "bounded_gather(4 coroutines returning None, 0, None and 'x', limit=2)"
    result = kata.run(
        lambda: bounded_gather([probe(i) for i in range(4)], 2),
        what=what,
        limit=600,
        hang_hint="A result of None is a result like any other: if your code waits until no "
        "place of the result list holds None, it waits forever for a coroutine that returned "
        "None. Count the finished coroutines instead, or let gather collect the results.",
    )
    kit.expect_equal(
        result.value,
        values,
        what,
        "One result per coroutine, in input order, whatever it is: None and 0 are results too.",
    )
    kit.expect_loop_time(result, 4.0, what)  # 1, 2, 1 and 2 s in two slots: the last ends at 4 s
