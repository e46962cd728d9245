"""Grader for 06_sync/bounded_gather: at most `limit` coroutines in flight, a sliding window.

Checks: results in input order; peak in flight == limit; loop == ceil(n/limit) x d for
equal delays; with mixed latencies the loop time is that of a sliding window (the next
coroutine starts as soon as any slot frees), which fixed batches miss; a failure takes its
place in the results and frees its slot; limit >= n runs everything at once.
"""

from __future__ import annotations

import heapq
import math
from typing import Any

import kit

PER_CORO = (
    "{peak} coroutines ran at once with limit={limit}: nothing limited them. Did you create "
    "a new Semaphore for each coroutine? Create ONE asyncio.Semaphore(limit) and share it."
)


def window_time(delays: list[float], limit: int) -> float:
    """Loop time of a sliding window of ``limit`` slots, filled in input order."""
    slots = [0.0] * min(limit, len(delays))
    for delay in delays:
        heapq.heappush(slots, heapq.heappop(slots) + delay)
    return max(slots, default=0.0)


def run_bounded(kata: kit.Kata, probe: kit.Probe, n: int, limit: int) -> kit.Run[Any]:
    """Run bounded_gather([probe(0), ..., probe(n-1)], limit)."""
    bounded_gather = kata.get("bounded_gather", "coroutine")
    what = f"bounded_gather({n} coroutines, limit={limit})"
    return kata.run(
        lambda: bounded_gather([probe(i) for i in range(n)], limit),
        what=what,
        limit=600,
        hang_hint="A slot was never given back: release the semaphore however the "
        "coroutine ends (`async with semaphore:` does it for you).",
    )


def expect_peak(probe: kit.Probe, limit: int, n: int) -> None:
    """Fail unless exactly min(limit, n) coroutines ran at the busiest moment."""
    want = min(limit, n)
    kit.expect(probe.peak <= want, PER_CORO.format(peak=probe.peak, limit=limit))
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
    result = run_bounded(kata, probe, 6, 2)
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
