"""Grader for 02_tasks/first_k: the k fastest results, in completion order; the rest stopped.

With stand-in jobs of distinct latencies, checks that first_k returns after the k-th fastest
job (not the slowest), the results in the order they finished, that every other job saw
CancelledError, and that they had all stopped by the time first_k returned (cancelled AND
awaited).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import kit
import pytest

DELAYS = [5.0, 2.0, 4.0, 1.0, 3.0]  # finish order: jobs 3, 1, 4, 2, 0


@dataclass
class Outcome:
    """What first_k returned, and which jobs were still running when it did."""

    value: Any
    running_at_return: list[int]  # jobs not yet ended when first_k returned
    still_running: list[int]  # of those, jobs that were not even cancelled


def grade(kata: kit.Kata, k: int) -> tuple[kit.Run[Outcome], kit.Probe]:
    first_k = kata.get("first_k", "coroutine")
    probe = kit.Probe(delay=dict(enumerate(DELAYS)))
    factories: list[Callable[[], Awaitable[Any]]] = [
        (lambda job=job: probe(job)) for job in range(len(DELAYS))
    ]

    async def call() -> Outcome:
        value = await first_k(factories, k)
        running = [c.args[0] for c in probe.unfinished]
        # A job cancelled just before the return stops on its next step: give it those steps.
        for _ in range(3):
            await asyncio.sleep(0)
        still = [c.args[0] for c in probe.unfinished]
        return Outcome(value, running, still)

    what = f"first_k(jobs of {', '.join(f'{d:g}' for d in DELAYS)} s, k={k})"
    # Leftover jobs are judged below from the probe, with a message naming the mistake.
    return kata.run(call, what=what, leftover_tasks=True), probe


def expect_results(result: kit.Run[Outcome], k: int) -> None:
    """Fail unless first_k returned the results of the k fastest jobs, fastest first."""
    expected = [("result", job) for job in sorted(range(len(DELAYS)), key=DELAYS.__getitem__)[:k]]
    value = result.value.value if result.value else None
    if isinstance(value, list) and sorted(value) == sorted(expected) and value != expected:
        kit.fail(
            f"first_k(..., k={k}) returned the right results in the wrong order, {value!r}; "
            f"expected the order they finished in, {expected!r}."
        )
    kit.expect_equal(
        value,
        expected,
        f"first_k(..., k={k})",
        f"Return a list of the results of the {k} jobs that finished first.",
    )


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """first_k is an async def."""
    kata.get("first_k", "coroutine")


@pytest.mark.parametrize("k", [2, 1, 3])
def test_returns_after_the_kth_fastest(kata: kit.Kata, k: int) -> None:
    """Returns at the loop time of the k-th fastest job, with the k results in finish order."""
    result, _ = grade(kata, k)
    fastest = sorted(range(len(DELAYS)), key=DELAYS.__getitem__)[:k]
    kth = DELAYS[fastest[-1]]
    kit.expect_loop_time(
        result,
        kth,
        f"first_k(..., k={k})",
        slower=f"The {k} fastest jobs were done at {kth:g} s: did you wait for all of them "
        "(gather) and then pick? Take results as they finish (asyncio.as_completed or "
        "asyncio.wait with FIRST_COMPLETED) and stop after k.",
        faster=f"Return only after {k} jobs have finished.",
    )
    expect_results(result, k)


@pytest.mark.parametrize("k", [2, 4])
def test_the_rest_are_cancelled_and_awaited(kata: kit.Kata, k: int) -> None:
    """Every slower job saw CancelledError, and had stopped before first_k returned."""
    result, probe = grade(kata, k)
    outcome = result.value
    if outcome is None:
        kit.fail(f"first_k(..., k={k}) did not return.")
    if outcome.still_running:
        kit.fail(
            f"first_k(..., k={k}) returned while {len(outcome.still_running)} slower job(s) "
            "were still running, never cancelled: cancel every job you no longer need "
            "(task.cancel()) and await it before returning."
        )
    if outcome.running_at_return:
        kit.fail(
            f"first_k(..., k={k}) cancelled {len(outcome.running_at_return)} slower job(s) "
            "but returned before they had stopped: cancel() only asks; await them after "
            "cancelling (e.g. `await asyncio.gather(*pending, return_exceptions=True)` or "
            "`await asyncio.wait(pending)`)."
        )
    slow = sorted(range(len(DELAYS)), key=DELAYS.__getitem__)[k:]
    cancelled = sorted(c.args[0] for c in probe.cancelled)
    kit.expect_equal(
        cancelled,
        sorted(slow),
        "The jobs that saw CancelledError",
        "Cancel exactly the jobs that had not finished.",
    )


def test_k_equal_to_all_cancels_nothing(kata: kit.Kata) -> None:
    """With k equal to the number of jobs, all finish and none is cancelled."""
    result, probe = grade(kata, len(DELAYS))
    kit.expect_loop_time(result, max(DELAYS), f"first_k(..., k={len(DELAYS)})")
    kit.expect(
        not probe.cancelled,
        f"first_k(..., k={len(DELAYS)}) cancelled {len(probe.cancelled)} job(s) although all "
        "of them were wanted.",
    )
    expect_results(result, len(DELAYS))


def test_each_job_started_once_at_once(kata: kit.Kata) -> None:
    """Every factory is called exactly once, and every job starts at loop time 0."""
    _, probe = grade(kata, 2)
    starts = sorted((c.args[0], c.started) for c in probe.calls)
    kit.expect_equal(
        starts,
        [(job, 0.0) for job in range(len(DELAYS))],
        "The (job, start time) pairs",
        "Call every factory once, all at the start, before waiting for any of them.",
    )
