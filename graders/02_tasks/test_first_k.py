"""Grader for 02_tasks/first_k: the k fastest results, in completion order; the rest stopped.

Stand-in jobs record when they start, end, and whether they saw CancelledError. Checks that
first_k returns after the k-th fastest job (not the slowest), the results in the order they
finished, that every other job saw CancelledError, and that they had all stopped by the time
first_k returned (cancelled AND awaited), even jobs whose cleanup awaits for a while.
Hypothesis draws jobs from the whole contract: ties (jobs ending in the same loop step, also
at the k-th place), the same factory listed twice, and a generator of factories.

Docstring sentence -> the check that enforces it:

- "Each item ... returns an awaitable (call it once to start that job)" ->
  test_each_job_started_once_at_once, test_any_awaitable, test_any_jobs
- "Start every job at once" -> test_each_job_started_once_at_once, test_any_jobs,
  test_many_jobs_all_start_at_once (twenty jobs, then 300: no limit, not even of 100, no
  batches)
- "return the results of the first `k` jobs to finish, in the order they finished" ->
  test_returns_after_the_kth_fastest, test_any_jobs
- "cancel them" -> test_the_rest_are_cancelled_and_awaited, test_any_jobs
- "and await them so they have really stopped before you return" -> test_cleanup_is_awaited,
  test_the_rest_are_cancelled_and_awaited, test_uneven_cleanups_are_all_awaited (every one of
  them, not only the first to stop), test_a_long_cleanup_is_awaited (a cleanup of 600 s: no
  timeout)
- `factories` is any iterable (the signature): a generator, repeats -> test_any_jobs
- k=0 (the first 0 jobs: none) -> test_k_zero
- "If the caller cancels `first_k` itself, the same goes for every job still running:
  cancel and await them, then let the `CancelledError` out" ->
  test_a_cancelled_caller_stops_every_job (jobs whose cleanups take as long, then jobs whose
  cleanups take uneven times: every one of them awaited, not only the first to stop; then
  cleanups of 600 s: no timeout)
- "If the caller cancels `first_k` itself, the same goes for every job still running: cancel
  and await them, then let the `CancelledError` out" (a cancel that comes during the cleanup,
  while first_k awaits the jobs it cancelled: it still ends cancelled, every job stopped) ->
  test_a_cancel_during_the_cleanup_stops_every_job
- "then let the `CancelledError` out" (the caller's own, its message included: not a new
  one raised in its place) -> test_the_callers_cancellation_comes_out_as_it_is
- "return the results of the first `k` jobs" (None and other falsy results included) ->
  test_falsy_results_kept
- "Then the other jobs are no longer needed: cancel them" (this call's other jobs only: two
  calls at once on one loop, the first to return must not stop the other's jobs) ->
  test_two_calls_at_once_stop_only_their_own_jobs
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Generator
from dataclasses import dataclass, field
from typing import Any

import kit
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from kit.examples import grader_settings

EXAMPLES = grader_settings(max_examples=30)

DELAYS = [5.0, 2.0, 4.0, 1.0, 3.0]  # finish order: jobs 3, 1, 4, 2, 0


@dataclass
class Call:
    """One started job: which one, when it started and ended, and whether it was cancelled."""

    job: int
    started: float
    ended: float | None = None
    cancelled: bool = False


@dataclass
class Jobs:
    """Stand-in jobs: job j sleeps delays[j] and returns ("result", j); a cancelled job
    cleans up for ``cleanup`` seconds (awaiting) before it stops (``cleanup[j]`` for a list)."""

    delays: list[float]
    cleanup: float | list[float] = 0.0
    calls: list[Call] = field(default_factory=list)

    async def run(self, job: int) -> tuple[str, int]:
        call = Call(job, kit.now())
        self.calls.append(call)
        try:
            await asyncio.sleep(self.delays[job])
        except asyncio.CancelledError:
            call.cancelled = True
            pause = self.cleanup[job] if isinstance(self.cleanup, list) else self.cleanup
            if pause:
                await asyncio.sleep(pause)
            raise
        finally:
            call.ended = kit.now()
        return ("result", job)

    def factories(self, order: list[int] | None = None) -> list[Callable[[], Awaitable[Any]]]:
        """One factory per job (``order`` lists jobs, a job listed twice is the very same
        factory twice)."""
        makers = [(lambda job=job: self.run(job)) for job in range(len(self.delays))]
        return [makers[job] for job in (order if order is not None else range(len(makers)))]

    def running(self) -> list[Call]:
        return [c for c in self.calls if c.ended is None]


class Lazy:
    """An awaitable that is not a coroutine (what some libraries return)."""

    def __init__(self, start: Callable[[], Awaitable[Any]]) -> None:
        self.start = start

    def __await__(self) -> Generator[Any, None, Any]:
        return self.start().__await__()  # type: ignore[attr-defined]


@dataclass
class Outcome:
    """What first_k did."""

    value: Any = None
    error: str = ""  # "cancelled" or "coroutine expected"
    at: float = 0.0
    running_at_return: list[Call] = field(default_factory=list)
    still_running: list[Call] = field(default_factory=list)


def grade(
    kata: kit.Kata, k: int, jobs: Jobs, factories: Any, what: str
) -> tuple[kit.Run[Outcome], Outcome]:
    """Run first_k(factories, k) and record what it returned and which jobs still ran."""
    first_k = kata.get("first_k", "coroutine")
    outcome = Outcome()

    async def call() -> Outcome:
        try:
            outcome.value = await first_k(factories, k)
        except asyncio.CancelledError:
            if asyncio.current_task().cancelling():  # type: ignore[union-attr]
                raise
            outcome.error = "cancelled"
        except TypeError as exc:
            if "coroutine was expected" not in str(exc):
                raise
            outcome.error = "coroutine expected"
        outcome.at = kit.now()
        outcome.running_at_return = jobs.running()
        # A job cancelled just before the return stops on its next step: give it those steps.
        for _ in range(3):
            await asyncio.sleep(0)
        outcome.still_running = [c for c in jobs.running() if not c.cancelled]
        return outcome

    # Leftover jobs are judged below from the records, with a message naming the mistake.
    result = kata.run(call, what=what, leftover_tasks=True)
    if outcome.error == "cancelled":
        kit.fail(
            f"{what} raised CancelledError although nobody cancelled it"
            + (
                ", after it cancelled the slower jobs: awaiting a cancelled task (or a plain "
                "gather of them) re-raises its CancelledError. Await them with "
                "`asyncio.gather(*tasks, return_exceptions=True)` or `asyncio.wait(tasks)`."
                if any(c.cancelled for c in jobs.calls)
                else "."
            )
        )
    if outcome.error == "coroutine expected":
        kit.fail(
            f"{what}: a factory returned an awaitable that is not a coroutine, and "
            "asyncio.create_task refused it (TypeError: a coroutine was expected). factory() "
            "may return any awaitable: start it with `asyncio.ensure_future(factory())`."
        )
    return result, outcome


def describe(delays: list[float], k: int) -> str:
    return f"first_k(jobs of {', '.join(f'{d:g}' for d in delays)} s, k={k})"


def expect_stopped(outcome: Outcome, what: str) -> None:
    """Fail unless every job first_k did not return had stopped when it returned."""
    if outcome.still_running:
        kit.fail(
            f"{what} returned while {len(outcome.still_running)} slower job(s) were still "
            "running, never cancelled: cancel every job you no longer need (task.cancel()) "
            "and await it before returning."
        )
    if outcome.running_at_return:
        kit.fail(
            f"{what} cancelled {len(outcome.running_at_return)} slower job(s) but returned "
            "before they had stopped: cancel() only asks, and a job may await in its cleanup "
            "(`asyncio.sleep(0)` is not enough). Await them after cancelling (e.g. `await "
            "asyncio.gather(*pending, return_exceptions=True)` or `await asyncio.wait(pending)`)."
        )


def run_fixed(kata: kit.Kata, k: int, cleanup: float = 0.0) -> tuple[kit.Run, Outcome, Jobs]:
    jobs = Jobs(DELAYS, cleanup)
    what = describe(DELAYS, k) + (f" whose jobs clean up for {cleanup:g} s" if cleanup else "")
    result, outcome = grade(kata, k, jobs, jobs.factories(), what)
    return result, outcome, jobs


def expect_results(outcome: Outcome, k: int) -> None:
    """Fail unless first_k returned the results of the k fastest jobs, fastest first."""
    expected = [("result", job) for job in sorted(range(len(DELAYS)), key=DELAYS.__getitem__)[:k]]
    value = outcome.value
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
    _, outcome, _ = run_fixed(kata, k)
    fastest = sorted(range(len(DELAYS)), key=DELAYS.__getitem__)[:k]
    kth = DELAYS[fastest[-1]]
    if abs(outcome.at - kth) > 1e-6:
        kit.fail(
            f"{describe(DELAYS, k)} took {outcome.at:g} s of loop time; expected {kth:g} s. "
            + (
                f"The {k} fastest jobs were done at {kth:g} s"
                + (
                    ": did you wait for all of them (gather) and then pick?"
                    if abs(outcome.at - max(DELAYS)) < 1e-6
                    else "."
                )
                + " Take results as they finish (asyncio.as_completed or asyncio.wait with "
                "FIRST_COMPLETED) and stop after k."
                if outcome.at > kth
                else f"Return only after {k} jobs have finished."
            )
        )
    expect_results(outcome, k)


@pytest.mark.parametrize("k", [2, 4])
def test_the_rest_are_cancelled_and_awaited(kata: kit.Kata, k: int) -> None:
    """Every slower job saw CancelledError, and had stopped before first_k returned."""
    _, outcome, jobs = run_fixed(kata, k)
    expect_stopped(outcome, describe(DELAYS, k))
    slow = sorted(range(len(DELAYS)), key=DELAYS.__getitem__)[k:]
    cancelled = sorted(c.job for c in jobs.calls if c.cancelled)
    kit.expect_equal(
        cancelled,
        sorted(slow),
        "The jobs that saw CancelledError",
        "Cancel exactly the jobs that had not finished.",
    )


def test_cleanup_is_awaited(kata: kit.Kata) -> None:
    """Jobs that await for 1 s in their cleanup: first_k returns only once they stopped."""
    _, outcome, _ = run_fixed(kata, 2, cleanup=1.0)
    expect_stopped(outcome, describe(DELAYS, 2) + " whose jobs clean up for 1 s when cancelled")
    kit.expect(
        abs(outcome.at - 3.0) < 1e-6,
        f"{describe(DELAYS, 2)} whose cancelled jobs clean up for 1 s returned at "
        f"{outcome.at:g} s; expected 3 s: the 2nd job ended at 2 s, the cancelled ones at 3 s.",
    )
    expect_results(outcome, 2)


def test_k_equal_to_all_cancels_nothing(kata: kit.Kata) -> None:
    """With k equal to the number of jobs, all finish and none is cancelled."""
    k = len(DELAYS)
    _, outcome, jobs = run_fixed(kata, k)
    kit.expect(
        abs(outcome.at - max(DELAYS)) < 1e-6,
        f"{describe(DELAYS, k)} took {outcome.at:g} s of loop time; expected {max(DELAYS):g} s.",
    )
    cancelled = [c for c in jobs.calls if c.cancelled]
    kit.expect(
        not cancelled,
        f"{describe(DELAYS, k)} cancelled {len(cancelled)} job(s) although all of them were "
        "wanted.",
    )
    expect_results(outcome, k)


def test_each_job_started_once_at_once(kata: kit.Kata) -> None:
    """Every factory is called exactly once, and every job starts at loop time 0."""
    _, _, jobs = run_fixed(kata, 2)
    starts = sorted((c.job, c.started) for c in jobs.calls)
    kit.expect_equal(
        starts,
        [(job, 0.0) for job in range(len(DELAYS))],
        "The (job, start time) pairs",
        "Call every factory once, all at the start, before waiting for any of them.",
    )


def test_any_awaitable(kata: kit.Kata) -> None:
    """Factories that return awaitables which are not coroutines work too."""
    jobs = Jobs(DELAYS)
    factories = [(lambda make=make: Lazy(make)) for make in jobs.factories()]
    what = describe(DELAYS, 2) + " where factory() returns a non-coroutine awaitable"
    _, outcome = grade(kata, 2, jobs, factories, what)
    expect_stopped(outcome, what)
    expect_results(outcome, 2)


@st.composite
def job_lists(draw: st.DrawFn) -> tuple[list[float], list[int], int]:
    """Distinct jobs' delays, the order factories list them in (a job may be listed twice:
    the very same factory twice), and k."""
    delays = draw(st.lists(st.sampled_from([1.0, 2.0, 3.0]), min_size=1, max_size=5))
    order = draw(st.lists(st.integers(0, len(delays) - 1), min_size=1, max_size=6))
    return delays, order, draw(st.integers(1, len(order)))


# The small shapes first (explicit examples fail at once, without a search): a tie at the
# k-th place, a factory listed twice, a generator.
@EXAMPLES
@given(spec=job_lists(), generator=st.booleans())
@example(spec=([2.0, 1.0, 1.0], [0, 1, 2], 1), generator=False)
@example(spec=([2.0, 1.0], [0, 1, 1], 2), generator=False)
@example(spec=([2.0, 1.0, 3.0], [0, 1, 2], 1), generator=True)
@example(spec=([2.0], [0], 1), generator=False)  # one job
def test_any_jobs(
    kata: kit.Kata, spec: tuple[list[float], list[int], int], generator: bool
) -> None:
    """Any jobs: ties (also at the k-th place), a factory listed twice, a generator."""
    delays, order, k = spec
    jobs = Jobs(delays)
    listed = [delays[job] for job in order]
    factories = jobs.factories(order)
    what = (
        describe(listed, k)
        + (" (a generator of factories)" if generator else "")
        + (" (a factory listed twice)" if len(set(order)) < len(order) else "")
    )
    _, outcome = grade(kata, k, jobs, (f for f in factories) if generator else factories, what)
    if generator and len(jobs.calls) < len(order) and len(set(order)) == len(order):
        kit.fail(
            f"{what} started {len(jobs.calls)} of {len(order)} jobs: a generator can be walked "
            "only once, and something walked it before the jobs were started. Make a list of "
            "the factories first (`factories = list(factories)`)."
        )
    if len(jobs.calls) != len(order):
        kit.fail(
            f"{what} started {len(jobs.calls)} jobs; expected {len(order)}: call every item of "
            "factories once, and an item listed twice is two jobs (no dict or set keyed by "
            "factory)."
        )
    value = outcome.value
    ordered = sorted(listed)
    kth = ordered[k - 1]
    if isinstance(value, list) and len(value) > k:
        tie = ordered.count(kth) > 1
        kit.fail(
            f"{what} returned {len(value)} results; expected exactly {k}."
            + (
                " Several jobs finished in the same loop step: asyncio.wait hands them all "
                "back in `done`, so keep only as many as you still need."
                if tie
                else ""
            )
        )
    got = [delays[r[1]] if isinstance(r, tuple) and len(r) == 2 else None for r in value or []]
    if sorted(got, key=str) == sorted(ordered[:k], key=str) and got != ordered[:k]:
        kit.fail(
            f"{what} returned results of jobs taking {got} s; expected them in the order they "
            f"finished, {ordered[:k]} s."
        )
    kit.expect_equal(
        got,
        ordered[:k],
        f"The latencies of the jobs whose results {what} returned",
        f"Return the results of the {k} jobs that finished first, in that order.",
    )
    expect_stopped(outcome, what)
    kit.expect(
        abs(outcome.at - kth) < 1e-6,
        f"{what} returned at {outcome.at:g} s; the {k}th job to finish was done at {kth:g} s.",
    )
    late = [c for c in jobs.calls if delays[c.job] > kth and not c.cancelled]
    kit.expect(
        not late,
        f"{what}: {len(late)} slower job(s) were not cancelled: cancel every job you no "
        "longer need.",
    )


def test_k_zero(kata: kit.Kata) -> None:
    """k=0: no result is wanted, so [] at once, with nothing left running."""
    _, outcome, _ = run_fixed(kata, 0)
    kit.expect(
        outcome.value == [] and outcome.at == 0.0,
        f"{describe(DELAYS, 0)} returned {outcome.value!r} after {outcome.at:g} s; expected [] "
        "at once: the first 0 jobs to finish are none.",
    )
    expect_stopped(outcome, describe(DELAYS, 0))


# Checked last: earlier wrong answers fail the checks above first.


@pytest.mark.parametrize("n", [20, 300])
def test_many_jobs_all_start_at_once(kata: kit.Kata, n: int) -> None:
    """Twenty jobs, then three hundred (no limit of 100 or so), the slowest listed first: all
    start at 0 s; the 3 fastest win at 3 s."""
    delays = [float(n - j) for j in range(n)]
    jobs = Jobs(delays)
    what = f"first_k({n} jobs of {n}, {n - 1}, ..., 1 s, k=3)"
    _, outcome = grade(kata, 3, jobs, jobs.factories(), what)
    late = [c for c in jobs.calls if c.started != 0.0]
    kit.expect(
        len(jobs.calls) == len(delays) and not late,
        f"{what} started only {len(jobs.calls) - len(late)} of {n} jobs at loop time 0; the "
        "others waited for a free slot: start every job at once, with no limit and no "
        "batches.",
    )
    kit.expect_equal(
        outcome.value,
        [("result", n - 1), ("result", n - 2), ("result", n - 3)],
        what,
        "Return the results of the 3 jobs that finished first, in that order.",
    )
    expect_stopped(outcome, what)


UNEVEN = [1.5, 0.5, 1.0, 0.0, 0.25]  # cleanups of the jobs of 5, 2, 4, 1 (done by 1.5 s), 3 s


@pytest.mark.parametrize(
    "cleanup",
    [0.5, UNEVEN, 600.0],
    ids=["even_cleanups", "uneven_cleanups", "long_cleanups"],
)
def test_a_cancelled_caller_stops_every_job(kata: kit.Kata, cleanup: float | list[float]) -> None:
    """Jobs of 5, 2, 4, 1 and 3 s with k=3, the caller cancelled at 1.5 s: first_k ends
    cancelled, and by then every job has stopped (each cleans up for 0.5 s when cancelled;
    then the running ones for 1.5, 0.5, 1 and 0.25 s; then each for 600 s: no timeout)."""
    jobs = Jobs(DELAYS, cleanup=cleanup)
    what = "first_k(jobs of 5, 2, 4, 1, 3 s, k=3), its task cancelled at 1.5 s" + (
        ", whose running jobs of 5, 2, 4 and 3 s clean up for 1.5, 0.5, 1 and 0.25 s"
        if isinstance(cleanup, list)
        else (", whose jobs clean up for 600 s when cancelled" if cleanup == 600.0 else "")
    )
    first_k = kata.get("first_k", "coroutine")
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        task = asyncio.ensure_future(first_k(jobs.factories(), 3))
        await asyncio.sleep(1.5)
        task.cancel()
        await asyncio.wait([task])
        seen["at"] = kit.now()
        seen["cancelled"] = task.cancelled()
        seen["running"] = jobs.running()
        # Read now: the jobs stopped below, so that the run can end, are not counted.
        seen["stopped"] = [c.ended for c in jobs.calls if c.cancelled and c.ended is not None]
        if not task.cancelled() and task.exception() is not None:
            seen["error"] = task.exception()
        left = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for job in left:  # judged below: stop them first, so that the run can end
            job.cancel()
        await asyncio.gather(*left, return_exceptions=True)

    kata.run(scenario, what=what, leftover_tasks=True)
    error = seen.get("error")
    if isinstance(error, NotImplementedError):
        kit.not_started(kata.where(error))
    kit.expect(
        seen["cancelled"],
        f"{what} ended with {error!r} instead of being cancelled: let the caller's "
        "CancelledError out once the jobs have stopped.",
    )
    running = seen["running"]
    stopped = seen["stopped"]
    if running and stopped and all(c.cancelled for c in running):
        kit.expect(
            abs(seen["at"] - min(stopped)) > 1e-6,
            f"{what} ended at {seen['at']:g} s, when the first cancelled job had stopped, while "
            f"{len(running)} other(s) were still cleaning up: cancelling first_k must await "
            "every job it cancelled (`asyncio.gather(*tasks, return_exceptions=True)`, or "
            "`asyncio.wait(tasks)` with its default ALL_COMPLETED), not only the first one to "
            "stop.",
        )
    if running and all(c.cancelled for c in running) and seen["at"] > 1.5:
        kit.fail(
            f"{what} ended at {seen['at']:g} s while {len(running)} cancelled job(s) were still "
            "cleaning up: it stopped waiting for them before they had stopped. Await the "
            "cancelled jobs however long their cleanup takes (no timeout)."
        )
    kit.expect(
        not running,
        f"when {what} ended, {len(running)} job(s) were still running: cancelling first_k "
        "must cancel and await its jobs too. Cancel and await them in a `finally:` block, "
        "which runs on the way out of a cancellation as well.",
    )


def test_falsy_results_kept(kata: kit.Kata) -> None:
    """Jobs that return None, 0 and '': those are results too."""
    values: list[Any] = [None, 0, "", "data"]
    jobs = Jobs([1.0, 2.0, 3.0, 4.0])

    async def valued(job: int) -> Any:
        await jobs.run(job)
        return values[job]

    factories = [(lambda job=job: valued(job)) for job in range(len(values))]
    what = "first_k(jobs of 1, 2, 3, 4 s returning None, 0, '', 'data', k=3)"
    _, outcome = grade(kata, 3, jobs, factories, what)
    kit.expect_equal(
        outcome.value,
        [None, 0, ""],
        what,
        "None, 0 and '' are results too: return the results of the 3 jobs that finished "
        "first, whatever they are.",
    )
    expect_stopped(outcome, what)


def test_uneven_cleanups_are_all_awaited(kata: kit.Kata) -> None:
    """Cancelled jobs that clean up for 1.5, 0.5 and 1 s: first_k returns once the last of
    them has stopped (at 3.5 s), not when the first one has."""
    cleanups = [1.5, 0.0, 0.5, 0.0, 1.0]  # the jobs of 5, 4 and 3 s are the ones cancelled
    jobs = Jobs(DELAYS, cleanup=cleanups)
    what = (
        describe(DELAYS, 2) + " whose cancelled jobs of 5, 4 and 3 s clean up for 1.5, 0.5 and 1 s"
    )
    _, outcome = grade(kata, 2, jobs, jobs.factories(), what)
    if outcome.running_at_return and abs(outcome.at - 2.5) < 1e-6:
        kit.fail(
            f"{what} returned at 2.5 s, when the first cancelled job had stopped, while "
            f"{len(outcome.running_at_return)} other(s) were still cleaning up: wait for every "
            "cancelled job (`asyncio.gather(*tasks, return_exceptions=True)`, or "
            "`asyncio.wait(tasks)` with its default ALL_COMPLETED), not only for the first "
            "one to stop."
        )
    expect_stopped(outcome, what)
    kit.expect(
        abs(outcome.at - 3.5) < 1e-6,
        f"{what} returned at {outcome.at:g} s; expected 3.5 s: the 2nd job ended at 2 s, the "
        "last cancelled job had cleaned up at 3.5 s.",
    )
    expect_results(outcome, 2)


def test_a_long_cleanup_is_awaited(kata: kit.Kata) -> None:
    """Cancelled jobs that clean up for 600 s: first_k still waits for them (no timeout)."""
    _, outcome, _ = run_fixed(kata, 2, cleanup=600.0)
    what = describe(DELAYS, 2) + " whose cancelled jobs clean up for 600 s"
    if outcome.running_at_return and outcome.at > 2.0:
        kit.fail(
            f"{what} returned at {outcome.at:g} s while {len(outcome.running_at_return)} of "
            "them were still cleaning up: it stopped waiting for them before they had "
            "stopped. Await the cancelled jobs however long their cleanup takes (no timeout)."
        )
    expect_stopped(outcome, what)
    kit.expect(
        abs(outcome.at - 602.0) < 1e-6,
        f"{what} returned at {outcome.at:g} s; expected 602 s: the 2nd job ended at 2 s, the "
        "cancelled ones had cleaned up 600 s later.",
    )


def test_two_calls_at_once_stop_only_their_own_jobs(kata: kit.Kata) -> None:
    """first_k(jobs of 1 and 5 s, k=1) and first_k(jobs of 2 and 3 s, k=2) at once on one
    loop: the first returns at 1 s and cancels its 5 s job only; the second still gets both
    of its results at 3 s (none of its jobs cancelled by the other call)."""
    first_k = kata.get("first_k", "coroutine")
    quick, slow = Jobs([1.0, 5.0]), Jobs([2.0, 3.0])

    async def settled(aw: Awaitable[Any]) -> Any:
        try:
            return await aw
        except BaseException as exc:  # noqa: BLE001 - what the call ended with is graded
            return f"raised {type(exc).__name__}"

    async def both() -> Any:
        return await asyncio.gather(
            settled(first_k(quick.factories(), 1)), settled(first_k(slow.factories(), 2))
        )

    what = "first_k(jobs of 1, 5 s, k=1) and first_k(jobs of 2, 3 s, k=2) at the same time"
    result = kata.run(both, what=what)
    value = list(result.value or [None, None])
    cancelled = [c.job for c in slow.calls if c.cancelled]
    kit.expect(
        not cancelled and value[1] == [("result", 0), ("result", 1)],
        f"in {what}, the second call "
        + (f"ended with {value[1]!r}" if not cancelled else "had its jobs cancelled")
        + "; expected [('result', 0), ('result', 1)] at 3 s. Each call cancels only its own "
        "other jobs: keep the tasks inside first_k, afresh for each call, not in a list or set "
        "at module level.",
    )
    kit.expect_equal(value[0], [("result", 0)], f"the first call of {what}")


def test_a_cancel_during_the_cleanup_stops_every_job(kata: kit.Kata) -> None:
    """Jobs of 5, 2, 4, 1 and 3 s with k=2, whose cancelled jobs clean up for 1 s: the caller
    cancels first_k at 2.5 s, while it awaits that cleanup. first_k still ends cancelled, and
    by then every job has stopped (the cancel reaches the cleanup's wait too)."""
    jobs = Jobs(DELAYS, cleanup=1.0)
    first_k = kata.get("first_k", "coroutine")
    what = (
        "first_k(jobs of 5, 2, 4, 1, 3 s, k=2), whose cancelled jobs clean up for 1 s, its task "
        "cancelled at 2.5 s while it awaited that cleanup"
    )
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        task = asyncio.ensure_future(first_k(jobs.factories(), 2))
        await asyncio.sleep(2.5)
        task.cancel()
        await asyncio.wait([task])
        seen["at"] = kit.now()
        seen["cancelled"] = task.cancelled()
        seen["running"] = jobs.running()
        if not task.cancelled():
            seen["error"] = task.exception()
            seen["value"] = None if seen["error"] is not None else task.result()
        left = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for job in left:  # judged below: stop them first, so that the run can end
            job.cancel()
        await asyncio.gather(*left, return_exceptions=True)

    kata.run(scenario, what=what, leftover_tasks=True)
    error = seen.get("error")
    if isinstance(error, NotImplementedError):
        kit.not_started(kata.where(error))
    if not seen["cancelled"]:
        kit.fail(
            f"{what}: it "
            + (f"raised {error!r}" if error is not None else f"returned {seen['value']!r}")
            + f" at {seen['at']:g} s instead of ending cancelled: a cancel that comes while "
            "first_k awaits its cancelled jobs is the caller's too. Once they have stopped, let "
            "that CancelledError out."
        )
    running = seen["running"]
    kit.expect(
        not running,
        f"{what}: it ended at {seen['at']:g} s while {len(running)} job(s) were still running: "
        "the cancel stopped its wait for them. The wait in a cleanup can be cancelled too; "
        "`await asyncio.gather(*tasks, return_exceptions=True)` passes that cancel on to the "
        "jobs and still waits until they have stopped.",
    )


def test_the_callers_cancellation_comes_out_as_it_is(kata: kit.Kata) -> None:
    """Jobs of 5, 2, 4, 1 and 3 s with k=3, the caller cancelled at 1.5 s with a message: the
    CancelledError that comes out is the caller's own, its message included."""
    jobs = Jobs(DELAYS)
    first_k = kata.get("first_k", "coroutine")
    what = (
        "first_k(jobs of 5, 2, 4, 1, 3 s, k=3), its task cancelled at 1.5 s with "
        'task.cancel("caller gave up")'
    )

    async def scenario() -> Any:
        task = asyncio.ensure_future(first_k(jobs.factories(), 3))
        await asyncio.sleep(1.5)
        return await kit.cancelled_args(task, "caller gave up")

    result = kata.run(scenario, what=what)
    kit.expect_the_callers_cancellation(
        result.value,
        "caller gave up",
        what,
        "once the jobs have stopped, let that very CancelledError out (a bare `raise`, or a "
        "`finally:`)",
    )
