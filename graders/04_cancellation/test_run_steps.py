"""Grader for 04_cancellation/run_steps: steps in order under one shared deadline.

Checks: steps run one after another in list order and their results come back in order;
within budget the call takes the sum of the steps; over budget it raises TimeoutError at
exactly the budget (not later: no per-step timeout, no clock check between steps), and the
step running then was cancelled (not left running in the background). The budget counts from
the call (checked on a loop whose clock is not at 0). Other shapes the contract allows: a
generator of steps, a step whose result is None, no steps.

Docstring sentence -> the check that enforces it:

- "Run them one after another, in order (each starts when the previous one has finished)" ->
  test_within_budget
- "and return their results in a list" -> test_within_budget, test_other_shapes
- "All the steps together get `budget` seconds" -> test_shared_deadline,
  test_budget_counts_from_the_call; the deadline is over once run_steps has ended (the
  caller is not cancelled later), returning or with a step's error ->
  test_deadline_ends_with_the_call
- "A step's own error propagates as it is: it is not a timeout." ->
  test_deadline_ends_with_the_call (fails: that very ValueError, neither swallowed nor
  turned into TimeoutError)
- "the step running at that moment is cancelled" -> test_shared_deadline,
  test_deadline_between_steps, run_over_budget; and has stopped before TimeoutError, even a
  step that awaits in its cleanup -> test_cancelled_step_cleanup_is_awaited
- "and `run_steps` raises `TimeoutError`" -> run_over_budget (every over-budget check)
- "If the caller cancels `run_steps` itself, that is not a timeout: the step running is
  cancelled and the `CancelledError` propagates" -> test_the_callers_cancel_is_not_a_timeout;
  that very CancelledError, its message included -> test_the_callers_cancel_propagates_as_it_is;
  and when the caller cancels in the same loop step as the budget runs out ->
  test_the_callers_cancel_at_the_deadline_is_not_a_timeout
- no steps -> test_no_steps; one step -> test_one_step
- "`run_steps` raises `TimeoutError`" (and the caller's task is left as it was: no cancel
  request of its own left on it) -> test_timeout_leaves_the_caller_uncancelled
- "All the steps together get `budget` seconds" (a budget that is not a whole number of
  seconds) -> test_fractional_budget; a budget of 0 (run out at once, not "no budget") ->
  test_a_zero_budget_runs_out_at_once
- "return their results in a list" (this call's results: a second call on the same loop
  returns only its own) -> test_each_call_returns_only_its_own_results
- the same, two calls at once on one loop: each returns its own results ->
  test_two_calls_at_once_keep_their_own_results
- "All the steps together get `budget` seconds" (however many: a budget of 1e7 s, beyond an
  hour, a day or a week, is not capped) -> test_a_long_budget_is_kept; a negative budget has
  run out too (not "no budget") -> test_a_negative_budget_runs_out_at_once
- "return their results in a list" (one per step of the list, the same step given twice
  included) -> test_a_repeated_step_gives_a_result_each_time
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import kit
import pytest

PER_STEP = (
    "The budget is shared by all the steps; it looks like each step got a timeout of its own "
    "(`asyncio.wait_for(step(), budget)`). Put the whole loop inside one "
    "`async with asyncio.timeout(budget):`."
)


def make_steps(delays: list[float]) -> tuple[kit.Probe, list[Callable[[], Awaitable[Any]]]]:
    """A probe and one zero-argument step per delay; step i returns ("result", i)."""
    probe = kit.Probe(delay=lambda i: delays[i])
    return probe, [lambda i=i: probe(i) for i in range(len(delays))]


def run_over_budget(
    kata: kit.Kata, delays: list[float], budget: float, start: float = 0.0, cleanup: float = 0.0
) -> tuple[kit.Run, Any]:
    """Run steps of ``delays`` under ``budget`` (called at loop time ``start``; a cancelled
    step awaits for ``cleanup`` s before it stops), expecting TimeoutError once the step
    running at the deadline has stopped; return the run (its loop time counted from the
    call) and the probe."""
    run_steps = kata.get("run_steps", "coroutine")
    probe, steps = make_steps(delays)
    cleaning: list[int] = []  # steps cancelled, still awaiting in their cleanup

    async def tidy(i: int) -> Any:
        try:
            return await probe(i)
        except asyncio.CancelledError:
            cleaning.append(i)
            await asyncio.sleep(cleanup)
            cleaning.remove(i)
            raise

    if cleanup:
        steps = [lambda i=i: tidy(i) for i in range(len(delays))]
    what = (
        f"run_steps(steps of {', '.join(f'{d:g}' for d in delays)} s, budget={budget:g})"
        + (f" called at loop time {start:g} s" if start else "")
        + (f" whose cancelled step cleans up for {cleanup:g} s" if cleanup else "")
    )
    running: list[Any] = []
    asked_to_stop: list[asyncio.Task[Any]] = []  # tasks cancelled, still running at the end

    async def call() -> Any:
        await asyncio.sleep(start)
        try:
            return await run_steps(steps, budget)
        finally:
            running.extend([c.args[0] for c in probe.unfinished] + cleaning)
            me = asyncio.current_task()
            asked_to_stop.extend(
                t for t in asyncio.all_tasks() if t is not me and not t.done() and t.cancelling()
            )

    # A step left running is judged below, with a message naming it.
    result = kata.run(call, what=what, raises=TimeoutError, leftover_tasks=True)
    result.loop_time = round(result.loop_time - start, 6)
    if cleaning and asked_to_stop:
        kit.fail(
            f"{what}: when run_steps ended, step {cleaning[0] + 1} (running at the deadline) had "
            f"been cancelled and was still cleaning up: cancel() only asks, and a step may "
            "await in its cleanup (`asyncio.sleep(0)` is not enough). Await the cancelled step "
            "to its end before raising (`await step()` inside `async with "
            "asyncio.timeout(budget):` does both)."
        )
    if running and asked_to_stop:
        kit.fail(
            f"{what}: when run_steps ended, step {running[0] + 1} (running at the deadline) "
            "had been cancelled but was still running: cancel() only asks, so await the "
            "cancelled step before raising (`await step()` inside `async with "
            "asyncio.timeout(budget):` does both)."
        )
    if running:
        kit.fail(
            f"{what}: when run_steps ended, step {running[0] + 1} (running at the deadline) was "
            "still running in the background, never cancelled: the deadline must cancel the "
            "running step itself (`await step()` inside `async with asyncio.timeout(budget):`)."
        )
    if result.error is None:
        slower = PER_STEP if result.loop_time > budget else ""
        kit.fail(
            f"{what} returned {result.value!r} after {result.loop_time:g} s instead of raising "
            f"TimeoutError at {budget:g} s. " + (slower or "Let the TimeoutError propagate.")
        )
    late = [c.ended - start for c in probe.cancelled if c.ended is not None]
    kit.expect_loop_time(
        result,
        budget + cleanup,
        f"{what}, until TimeoutError",
        slower=(
            f"The step running when the budget ran out was cancelled only at {late[0]:g} s: "
            "the deadline came later than `budget` s after the call (a timeout per step, or "
            "a budget changed on its way, does that). `asyncio.timeout(budget)` around the "
            "whole loop, with `budget` as it is, cancels the running step on time."
            if late and late[0] > budget + 1e-6
            else "A step ran past the deadline, never cancelled: checking the clock between "
            "steps lets the running step overrun. `asyncio.timeout(budget)` around the whole "
            "loop cancels the running step on time."
            if not late
            else "A step ran past the deadline: `asyncio.timeout(budget)` around the whole "
            "loop cancels the running step on time."
        ),
        faster="The budget had not run out yet."
        + (
            " It counts from the call: `asyncio.timeout(budget)`, or `asyncio.timeout_at(` "
            "`loop.time() + budget)` (timeout_at takes a loop time, not a duration)."
            if start
            else ""
        ),
    )
    return result, probe


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """run_steps is an async def."""
    kata.get("run_steps", "coroutine")


def test_within_budget(kata: kit.Kata) -> None:
    """Steps of 1, 2, 3 s with budget 10: results in order after 6 s, one step at a time."""
    run_steps = kata.get("run_steps", "coroutine")
    probe, steps = make_steps([1.0, 2.0, 3.0])
    what = "run_steps(steps of 1, 2, 3 s, budget=10)"
    result = kata.run(lambda: run_steps(steps, 10), what=what)
    kit.expect_equal(len(probe.calls), 3, f"the number of steps {what} ran")
    kit.expect(
        probe.peak == 1,
        f"{what} ran {probe.peak} steps at the same time; they must run in order, each one "
        "after the previous has finished: await each step before starting the next.",
    )
    kit.expect_equal(
        [c.args[0] for c in probe.calls],
        [0, 1, 2],
        f"the order {what} ran the steps in",
        "Run the steps in list order.",
    )
    kit.expect_loop_time(result, 6.0, what, faster="Did you await every step?")
    kit.expect_equal(
        result.value,
        [("result", 0), ("result", 1), ("result", 2)],
        f"what {what} returned",
        "Return every step's result, in order.",
    )


def test_shared_deadline(kata: kit.Kata) -> None:
    """Steps of 3, 3, 3 s with budget 4: TimeoutError at 4 s, step 2 cancelled, step 3 never run."""
    _, probe = run_over_budget(kata, [3.0, 3.0, 3.0], 4.0)
    kit.expect(
        len(probe.cancelled) == 1 and probe.cancelled[0].args[0] == 1,
        "when the budget ran out at 4 s, the second step (running then) was not cancelled: "
        "the deadline must cancel the running step.",
    )
    kit.expect_equal(
        len(probe.calls),
        2,
        "the number of steps started",
        "After the deadline no further step may start.",
    )


def test_deadline_between_steps(kata: kit.Kata) -> None:
    """Steps of 1, 2, 3 s with budget 4: TimeoutError at 4 s, the third step cancelled."""
    _, probe = run_over_budget(kata, [1.0, 2.0, 3.0], 4.0)
    kit.expect(
        [c.args[0] for c in probe.cancelled] == [2],
        "when the budget ran out at 4 s, the third step (running then) was not cancelled.",
    )


def test_no_steps(kata: kit.Kata) -> None:
    """No steps: [] at once."""
    run_steps = kata.get("run_steps", "coroutine")
    result = kata.run(lambda: run_steps([], 1.0), what="run_steps([], 1)")
    kit.expect_equal(result.value, [], "run_steps([], 1)")


def test_budget_counts_from_the_call(kata: kit.Kata) -> None:
    """Called at loop time 5 s, steps of 3, 3, 3 s with budget 4: TimeoutError 4 s later."""
    run_over_budget(kata, [3.0, 3.0, 3.0], 4.0, start=5.0)


def test_other_shapes(kata: kit.Kata) -> None:
    """A generator of steps, one of which returns None: every result, in order."""
    run_steps = kata.get("run_steps", "coroutine")
    probe = kit.Probe(delay=1.0, result=lambda i: None if i == 1 else ("result", i))
    steps = [lambda i=i: probe(i) for i in range(3)]
    what = "run_steps(a generator of 3 steps of 1 s, the 2nd returning None, budget=10)"
    result = kata.run(lambda: run_steps((s for s in steps), 10), what=what)
    if len(probe.calls) < 3:
        kit.fail(
            f"{what} ran {len(probe.calls)} of 3 steps: steps may be any iterable, here a "
            "generator, which can be walked only once. Loop over it once."
        )
    kit.expect_equal(
        result.value,
        [("result", 0), None, ("result", 2)],
        f"what {what} returned",
        "Return every step's result, None included, in order.",
    )


# Checked last: earlier wrong answers fail the checks above first.


@pytest.mark.parametrize("fails", [False, True])
def test_deadline_ends_with_the_call(kata: kit.Kata, fails: bool) -> None:
    """Steps of 1, 2 s with budget 4: results at 3 s (or the second step's ValueError at
    3 s), and the caller, still running at 4 s and after, is not cancelled by a deadline
    left behind."""
    run_steps = kata.get("run_steps", "coroutine")
    probe, steps = make_steps([1.0, 2.0])
    boom = ValueError("step 2 failed")
    if fails:
        probe.errors = {1: boom}
    what = "run_steps(steps of 1, 2 s, budget=4)" + (
        " whose second step raises ValueError at 3 s" if fails else ""
    )
    seen: dict[str, Any] = {}

    async def scenario() -> Any:
        try:
            value = await run_steps(steps, 4.0)
        except NotImplementedError:
            raise
        except Exception as error:  # judged below, after the deadline
            if not fails:
                raise
            value = error
        seen["returned"] = kit.now()
        try:
            await asyncio.sleep(6.0)  # the caller goes on with its own work
        except asyncio.CancelledError:
            seen["cancelled"] = kit.now()
            task = asyncio.current_task()
            if task is not None:
                task.uncancel()
        return value

    result = kata.run(scenario, what=what)
    if not fails:
        kit.expect_equal(result.value, [("result", 0), ("result", 1)], f"what {what} returned")
    if "cancelled" in seen:
        kit.fail(
            f"{what} {'ended' if fails else 'returned'} at "
            f"{seen['returned']:g} s, but its caller was then cancelled at "
            f"{seen['cancelled']:g} s"
            + (", when the budget ran out" if abs(seen["cancelled"] - 4.0) < 1e-6 else "")
            + ": the deadline outlived the call. A deadline of your own (a timer such as "
            "`loop.call_later(budget, task.cancel)`) must be removed when run_steps ends"
            + (", also when a step raises (in a `finally:`)" if fails else "")
            + "; `async with asyncio.timeout(budget):` does that for you."
        )
    if fails and result.value is not boom:
        kit.fail(
            f"{what} "
            + (
                f"returned {result.value!r}: the step's ValueError was swallowed"
                if not isinstance(result.value, BaseException)
                else f"raised {result.value!r} instead of the step's own ValueError"
            )
            + ". A step's own error is not a timeout: let it propagate as it is (catch "
            "nothing around `await step()`)."
        )


def test_the_callers_cancel_is_not_a_timeout(kata: kit.Kata) -> None:
    """Steps of 1, 2 s with budget 10, the caller cancels run_steps at 1.5 s: the second
    step is cancelled then, and run_steps ends cancelled, not with TimeoutError."""
    run_steps = kata.get("run_steps", "coroutine")
    probe, steps = make_steps([1.0, 2.0])
    what = "run_steps(steps of 1, 2 s, budget=10), its task cancelled at 1.5 s"
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        task = asyncio.create_task(run_steps(steps, 10.0))
        await asyncio.sleep(1.5)
        task.cancel()
        await asyncio.wait([task])
        seen["cancelled"] = task.cancelled()
        if not task.cancelled():
            seen["error"] = task.exception()
            seen["ended"] = kit.now()

    kata.run(scenario, what=what)
    error = seen.get("error")
    if isinstance(error, NotImplementedError):
        kit.not_started(kata.where(error))
    if isinstance(error, TimeoutError):
        kit.fail(
            f"{what} raised TimeoutError at {seen['ended']:g} s: the caller's cancellation was "
            "turned into a timeout, though the budget had not run out. Let a CancelledError "
            "you did not cause propagate; `async with asyncio.timeout(budget):` tells the two "
            "apart for you."
        )
    kit.expect(
        seen["cancelled"],
        f"{what} ended with {error!r} instead of being cancelled: let the caller's "
        "CancelledError propagate.",
    )
    kit.expect(
        len(probe.calls) == 2 and probe.calls[1].cancelled,
        f"{what}: the second step was not cancelled with run_steps; cancelling run_steps "
        "must cancel the step it is running.",
    )


def test_fractional_budget(kata: kit.Kata) -> None:
    """Steps of 1.5, 1.5, 1.5 s with budget 2.25: TimeoutError at 2.25 s, step 2 cancelled."""
    _, probe = run_over_budget(kata, [1.5, 1.5, 1.5], 2.25)
    kit.expect(
        [c.args[0] for c in probe.cancelled] == [1],
        "when the budget of 2.25 s ran out, the second step (running then) was not cancelled.",
    )


def test_cancelled_step_cleanup_is_awaited(kata: kit.Kata) -> None:
    """Steps of 3, 3, 3 s with budget 4, a cancelled step awaiting 1 s in its cleanup:
    TimeoutError at 5 s, once the step running at the deadline has stopped."""
    _, probe = run_over_budget(kata, [3.0, 3.0, 3.0], 4.0, cleanup=1.0)
    kit.expect(
        [c.args[0] for c in probe.cancelled] == [1],
        "when the budget of 4 s ran out, the second step (running then) was not cancelled.",
    )


def test_timeout_leaves_the_caller_uncancelled(kata: kit.Kata) -> None:
    """Steps of 3, 3, 3 s with budget 4: after the TimeoutError, the caller's task holds no
    cancel request (cancelling() is 0), so the caller's own asyncio.timeout still works."""
    run_steps = kata.get("run_steps", "coroutine")
    _, steps = make_steps([3.0, 3.0, 3.0])
    what = "run_steps(steps of 3, 3, 3 s, budget=4)"
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        task = asyncio.current_task()
        assert task is not None
        try:
            await run_steps(steps, 4.0)
        except TimeoutError:
            seen["cancelling"] = task.cancelling()
            while task.uncancel():  # the grader's own run must not be disturbed by it
                pass

    kata.run(scenario, what=what)
    if seen.get("cancelling"):
        kit.fail(
            f"{what} raised TimeoutError, but left its caller's task marked as cancelled "
            f"(task.cancelling() was {seen['cancelling']} afterwards): the caller's own "
            "`asyncio.timeout` would then raise CancelledError instead of TimeoutError. A "
            "cancel() of the caller's task that you turn into TimeoutError must be undone with "
            "`task.uncancel()`; `async with asyncio.timeout(budget):` does that for you."
        )


def test_the_callers_cancel_propagates_as_it_is(kata: kit.Kata) -> None:
    """Steps of 1, 2 s with budget 10, the caller cancels run_steps at 1.5 s with
    task.cancel("user gave up"): the caller gets that very CancelledError, its message
    included."""
    run_steps = kata.get("run_steps", "coroutine")
    _, steps = make_steps([1.0, 2.0])
    what = (
        'run_steps(steps of 1, 2 s, budget=10), cancelled at 1.5 s with task.cancel("user gave up")'
    )

    async def scenario() -> tuple[Any, ...] | None:
        task = asyncio.create_task(run_steps(steps, 10.0))
        await asyncio.sleep(1.5)
        return await kit.cancelled_args(task, "user gave up")

    result = kata.run(scenario, what=what)
    kit.expect_the_callers_cancellation(result.value, "user gave up", what)


def test_the_callers_cancel_at_the_deadline_is_not_a_timeout(kata: kit.Kata) -> None:
    """Steps of 1 s and forever, budget 3: the caller cancels run_steps in the very loop step
    the budget runs out (as the running step is being cancelled). Two cancellations, one of
    them the caller's: the CancelledError propagates, not TimeoutError."""
    run_steps = kata.get("run_steps", "coroutine")
    what = (
        "run_steps(steps of 1 s and forever, budget=3), cancelled by its caller in the same "
        "loop step as the budget ran out,"
    )
    seen: dict[str, Any] = {}

    async def first() -> str:
        await asyncio.sleep(1.0)
        return "first"

    async def forever() -> None:
        """Waits until cancelled; the moment it is, the caller cancels run_steps too."""
        waiting = asyncio.get_running_loop().create_future()
        waiting.add_done_callback(lambda f: f.cancelled() and seen["task"].cancel("user gave up"))
        await waiting

    async def scenario() -> None:
        seen["task"] = task = asyncio.create_task(run_steps([first, forever], 3.0))
        try:
            seen["outcome"] = f"returned {await task!r}"
        except asyncio.CancelledError:
            seen["outcome"] = "cancelled"
        except TimeoutError:
            seen["outcome"] = "raised TimeoutError"

    kata.run(scenario, what=what, limit=60)
    kit.expect(
        seen.get("outcome") == "cancelled",
        f"{what} {seen.get('outcome')}: the caller's cancellation was taken for the timeout. "
        "When both come at once, the caller's cancel wins and CancelledError propagates: "
        "`asyncio.timeout` counts the cancel requests and raises TimeoutError only when its "
        "own was the only one.",
    )


def test_each_call_returns_only_its_own_results(kata: kit.Kata) -> None:
    """run_steps([2 steps], 10), then run_steps([1 step], 10) on the same loop: the second
    call returns one result, its own (not the first call's results too)."""
    run_steps = kata.get("run_steps", "coroutine")

    def returns(value: str) -> Callable[[], Awaitable[str]]:
        async def step() -> str:
            await asyncio.sleep(1.0)
            return value

        return step

    async def both() -> Any:
        await run_steps([returns("a"), returns("b")], 10.0)
        return await run_steps([returns("c")], 10.0)

    what = "run_steps([2 steps], 10), then run_steps([1 step returning 'c'], 10)"
    result = kata.run(both, what=what)
    kit.expect_equal(
        result.value,
        ["c"],
        f"the second call of {what}",
        "Each call returns the results of its own steps only: make the list inside "
        "run_steps, afresh for each call, not once at module level.",
    )


def test_two_calls_at_once_keep_their_own_results(kata: kit.Kata) -> None:
    """run_steps([1 s -> 'a', 1 s -> 'b'], 10) and run_steps([1.5 s -> 'c'], 10) at once on
    one loop: each call returns its own results."""
    run_steps = kata.get("run_steps", "coroutine")

    def returns(value: str, delay: float) -> Callable[[], Awaitable[str]]:
        async def step() -> str:
            await asyncio.sleep(delay)
            return value

        return step

    async def both() -> Any:
        return list(
            await asyncio.gather(
                run_steps([returns("a", 1.0), returns("b", 1.0)], 10.0),
                run_steps([returns("c", 1.5)], 10.0),
            )
        )

    what = "run_steps([1 s -> 'a', 1 s -> 'b'], 10) and run_steps([1.5 s -> 'c'], 10) at once"
    result = kata.run(both, what=what)
    value = list(result.value or [None, None])
    hint = (
        "Each call returns the results of its own steps only: keep them inside run_steps, "
        "afresh for each call, not in a list at module level (not even one cleared at the "
        "start of each call)."
    )
    kit.expect_equal(value[1], ["c"], f"the second call of {what}", hint)
    kit.expect_equal(value[0], ["a", "b"], f"the first call of {what}", hint)


def test_a_zero_budget_runs_out_at_once(kata: kit.Kata) -> None:
    """Steps of 1 and 2 s with budget 0: TimeoutError at once (a budget of 0 s has run out
    when the call starts; it is not "no budget")."""
    run_steps = kata.get("run_steps", "coroutine")
    _, steps = make_steps([1.0, 2.0])
    what = "run_steps(steps of 1, 2 s, budget=0)"
    result = kata.run(
        lambda: run_steps(steps, 0), what=what, raises=TimeoutError, leftover_tasks=True
    )
    kit.expect(
        isinstance(result.error, TimeoutError) and result.loop_time < 1e-6,
        f"{what} "
        + (
            f"returned {result.value!r}"
            if result.error is None
            else f"raised {type(result.error).__name__}"
        )
        + f" after {result.loop_time:g} s of loop time; expected TimeoutError at once: a "
        "budget of 0 s has already run out when the call starts (it does not mean no "
        "budget). Pass `budget` on as it is: `asyncio.timeout(budget)`.",
    )


LONG = 1e7  # about 116 days: beyond any "generous" cap (an hour, a day, a week)


def test_a_long_budget_is_kept(kata: kit.Kata) -> None:
    """Steps of 1e6 and 2e6 s with a budget of 1e7 s (116 days): both results after 3e6 s
    (no cap of the code's own on the budget)."""
    run_steps = kata.get("run_steps", "coroutine")
    _, steps = make_steps([1e6, 2e6])
    what = f"run_steps(steps of 1e+06 and 2e+06 s, budget={LONG:g})"
    result = kata.run(
        lambda: run_steps(steps, LONG),
        what=what,
        limit=2 * LONG,
        raises=TimeoutError,
        leftover_tasks=True,
    )
    if result.error is not None:
        kit.fail(
            f"{what} raised TimeoutError after {result.loop_time:g} s of loop time, long "
            f"before its budget of {LONG:g} s ran out: the budget is the caller's, however "
            "long; pass it on as it is, with no cap of your own (`asyncio.timeout(budget)`)."
        )
    kit.expect_equal(
        result.value,
        [("result", 0), ("result", 1)],
        f"what {what} returned",
        "Return every step's result, in order.",
    )


def test_a_negative_budget_runs_out_at_once(kata: kit.Kata) -> None:
    """Steps of 1 and 2 s with budget -1: TimeoutError at once (a budget below 0 s has run
    out when the call starts, as one of 0 s has; it is not "no budget")."""
    run_steps = kata.get("run_steps", "coroutine")
    _, steps = make_steps([1.0, 2.0])
    what = "run_steps(steps of 1, 2 s, budget=-1)"
    result = kata.run(
        lambda: run_steps(steps, -1), what=what, raises=TimeoutError, leftover_tasks=True
    )
    kit.expect(
        isinstance(result.error, TimeoutError) and result.loop_time < 1e-6,
        f"{what} "
        + (
            f"returned {result.value!r}"
            if result.error is None
            else f"raised {type(result.error).__name__}"
        )
        + f" after {result.loop_time:g} s of loop time; expected TimeoutError at once: a "
        "negative budget has already run out when the call starts (it does not mean no "
        "budget). Pass `budget` on as it is: `asyncio.timeout(budget)`.",
    )


def test_a_repeated_step_gives_a_result_each_time(kata: kit.Kata) -> None:
    """run_steps([a, b, a], 10), where step a returns "a1" then "a2": three results, one per
    entry of the list, in order."""
    run_steps = kata.get("run_steps", "coroutine")
    counts = {"a": 0, "b": 0}

    def counted(name: str) -> Callable[[], Awaitable[str]]:
        async def step() -> str:
            await asyncio.sleep(1.0)
            counts[name] += 1
            return f"{name}{counts[name]}"

        return step

    a, b = counted("a"), counted("b")
    what = 'run_steps([a, b, a], 10), where step a returns "a1", then "a2"'
    result = kata.run(lambda: run_steps([a, b, a], 10.0), what=what)
    kit.expect_equal(
        result.value,
        ["a1", "b1", "a2"],
        f"what {what} returned",
        "Every entry of the list is a step to run and has its result, the same step given "
        "twice too: append each result to a list, in order (not in a dict keyed by the step).",
    )


def test_one_step(kata: kit.Kata) -> None:
    """One step of 2 s, budget 5: its result, in a list, at 2 s."""
    run_steps = kata.get("run_steps", "coroutine")
    probe, steps = make_steps([2.0])
    what = "run_steps([one step of 2 s], budget=5)"
    result = kata.run(lambda: run_steps(steps, 5.0), what=what)
    kit.expect_equal(result.value, [("result", 0)], f"what {what} returned")
    kit.expect(len(probe.calls) == 1, f"{what} ran its step {len(probe.calls)} times, not once.")
    kit.expect_loop_time(result, 2.0, what)
