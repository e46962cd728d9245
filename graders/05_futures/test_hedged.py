"""Grader for 05_futures/hedged: a backup request started only when the primary is slow.

Docstring sentence -> the check that enforces it:

- "Start `primary()` at once" / "If the primary finishes in time, the backup is never
  started" -> test_fast_primary_never_calls_backup, test_any_timings
- "the backup is never started at all" (not later either, nor after hedged was cancelled)
  -> test_no_backup_after_hedged_ends
- "primary and backup are async functions" (the same one may be both) -> test_same_function_twice
- "If it has not finished after `after` seconds (`after` may be 0), also start `backup()`"
  -> test_slow_primary_calls_backup_at_after, test_zero_after, test_any_timings
- "do not cancel the primary: it may still win" -> test_slow_primary_calls_backup_at_after,
  test_primary_can_still_win (wait_for named only when the primary was cut at `after`)
- "Return the result of whichever finishes first, any value, `None` included"
  -> test_primary_can_still_win, test_any_timings (None, 0 and "" results)
- "if both finish in the same instant, either result will do" -> test_tie
- "cancel the other one (and await it) before you return" -> expect_loser_finished in the
  timed checks, test_any_timings (each request's cleanup takes a few loop steps, so a
  cancel followed by `asyncio.sleep(0)` is not enough), test_slow_cleanup_is_awaited (a
  2 s cleanup: no time limit on that wait)
- "So the loop time is `min(primary, after + backup)`" -> the loop-time checks
- "If `hedged` itself is cancelled, cancel both requests too (and await them), and let the
  CancelledError propagate" -> test_cancelling_hedged_cancels_both (at 2 s, and at 0.5 s,
  before the backup starts; requests whose cleanup takes loop steps; and at 2.5 s, while it
  awaits the loser's 2 s cleanup: still CancelledError); that very CancelledError, its
  message included -> test_cancellation_propagates_as_it_is; cancelled in the loop step a
  request finishes, before hedged woke up: still CancelledError, not that result ->
  test_cancelled_as_a_request_finishes; both requests cancelled (not one of them awaited to its
  natural end), hedged ending at the cancel -> test_cancelling_hedged_stops_both_at_once

- "cancel the other one" (this call's loser only: two calls at once on one loop, the first to
  return must not stop the other's requests) -> test_two_calls_at_once_stop_only_their_own
- "If it has not finished after `after` seconds ... also start `backup()`" (after that
  many seconds, however many: an `after` of 1e7 s, beyond an hour, a day or a week, is not
  capped) -> test_a_long_after_is_kept

Inputs: primary and backup times, `after` (0 included) and results (None, 0, "") are drawn by
Hypothesis (deterministic), leaving out the instants where the docstring allows either
outcome.
"""

from __future__ import annotations

import asyncio
from typing import Any

import kit
import pytest
from hypothesis import strategies as st


def probes(
    p: float, b: float, values: tuple[Any, Any] = ("primary", "backup")
) -> tuple[kit.Probe, kit.Probe]:
    """A primary taking ``p`` s and a backup taking ``b`` s, returning ``values``."""
    return (
        kit.Probe(delay=p, result=lambda *_: values[0]),
        kit.Probe(delay=b, result=lambda *_: values[1]),
    )


def with_cleanup(
    probe: kit.Probe, name: str, cleaning: dict[str, int], seconds: float = 0.0
) -> Any:
    """The probe as a request whose cleanup takes a few loop steps (and ``seconds`` of loop
    time), as a real one (closing a connection) does: a loser must be awaited, not just
    cancelled. ``cleaning[name]`` counts the calls not yet cleaned up."""

    async def call() -> Any:
        cleaning[name] += 1
        try:
            return await probe()
        finally:
            try:
                for _ in range(3):
                    await asyncio.sleep(0)
                if seconds:
                    await asyncio.sleep(seconds)
            finally:
                cleaning[name] -= 1

    return call


def run_hedged(
    kata: kit.Kata,
    p: float,
    after: float,
    b: float,
    values: tuple[Any, Any] = ("primary", "backup"),
    limit: float = 60,
) -> tuple[kit.Run[Any], kit.Probe, kit.Probe, dict[str, bool]]:
    """Run hedged(primary, backup, after); note which calls still ran when it returned."""
    hedged = kata.get("hedged", "coroutine")
    primary, backup = probes(p, b, values)
    running: dict[str, bool] = {}
    cleaning = {"primary": 0, "backup": 0}

    def request(probe: kit.Probe, name: str) -> Any:
        return with_cleanup(probe, name, cleaning)

    async def scenario() -> Any:
        value = await hedged(request(primary, "primary"), request(backup, "backup"), after)
        running["primary"] = bool(primary.unfinished) or cleaning["primary"] > 0
        running["backup"] = bool(backup.unfinished) or cleaning["backup"] > 0
        return value

    what = f"hedged(primary taking {p:g} s, backup taking {b:g} s, after={after:g})"
    result = kata.run(scenario, what=what, leftover_tasks=True, limit=limit)
    return result, primary, backup, running


def expect_loser_finished(running: dict[str, bool], loser: str) -> None:
    """Fail if the losing call was still running when hedged returned."""
    kit.expect(
        not running.get(loser),
        f"when hedged returned, the losing {loser} call was still running. Cancel the "
        "loser and await it (`task.cancel()` then `await asyncio.wait([task])`) before "
        "returning, or it keeps working (and holding resources) for nothing.",
    )


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """hedged is an async def."""
    kata.get("hedged", "coroutine")


def test_fast_primary_never_calls_backup(kata: kit.Kata) -> None:
    """A primary that finishes within `after` wins alone; backup is never called."""
    result, _, backup, _ = run_hedged(kata, 0.5, 1.0, 1.0)
    kit.expect(
        not backup.calls,
        f"backup was called at loop time {backup.calls[0].started:g} s although the primary "
        "finished after 0.5 s, before after=1 s. Start the backup only if the primary is "
        "still running after `after` seconds."
        if backup.calls
        else "",
    )
    kit.expect_equal(result.value, "primary", "hedged with a fast primary")
    kit.expect_loop_time(
        result,
        0.5,
        "hedged with a primary taking 0.5 s",
        slower="Return as soon as the primary finishes: wait(timeout=after) returns early.",
    )


def test_slow_primary_calls_backup_at_after(kata: kit.Kata) -> None:
    """A primary still running at `after` gets a backup started at exactly `after`."""
    result, primary, backup, running = run_hedged(kata, 3.0, 1.0, 1.0)
    kit.expect(backup.calls, "the primary took 3 s, over after=1 s, but backup was never called.")
    start = backup.calls[0].started
    kit.expect(
        start == 1.0,
        f"backup was started at loop time {start:g} s; it must start at after=1 s, no "
        "sooner (starting both at once doubles the load on every request) and no later.",
    )
    kit.expect(
        not (primary.calls and primary.calls[0].cancelled and primary.calls[0].ended == 1.0),
        "the primary was cancelled at 1 s, when the backup started: the primary must keep "
        "running, it may still win. asyncio.wait_for cancels on timeout; use "
        "`asyncio.wait([task], timeout=after)`, which only stops waiting.",
    )
    kit.expect_equal(result.value, "backup", "hedged with a 3 s primary and a 1 s backup")
    kit.expect_loop_time(result, 2.0, "hedged(3 s primary, backup after 1 s taking 1 s)")
    expect_loser_finished(running, "primary")
    kit.expect(
        primary.calls[0].cancelled,
        "the slow primary was not cancelled after the backup won: cancel the loser.",
    )


def test_primary_can_still_win(kata: kit.Kata) -> None:
    """A primary that finishes after the backup started, but first, still wins."""
    result, primary, backup, running = run_hedged(kata, 1.5, 1.0, 2.0)
    cut = primary.calls and primary.calls[0].cancelled and primary.calls[0].ended == 1.0
    kit.expect(
        not cut,
        "the primary was cancelled at 1 s, when the backup started, though it would have "
        "won at 1.5 s: asyncio.wait_for cancels on timeout; use "
        "`asyncio.wait([task], timeout=after)`, which only stops waiting.",
    )
    kit.expect_equal(
        result.value,
        "primary",
        "hedged(primary 1.5 s, backup after 1 s taking 2 s)",
        "The primary kept running and finished first, at 1.5 s: wait for whichever of "
        "the two finishes FIRST (asyncio.wait(..., return_when=FIRST_COMPLETED)), not for "
        "the backup alone.",
    )
    kit.expect_loop_time(
        result,
        1.5,
        "hedged(primary 1.5 s, backup after 1 s taking 2 s)",
        slower="Wait for the FIRST of the two to finish (return_when=FIRST_COMPLETED).",
    )
    expect_loser_finished(running, "backup")
    kit.expect(
        backup.calls and backup.calls[0].cancelled,
        "the backup lost but was not cancelled: cancel the loser.",
    )


@pytest.mark.parametrize(
    "at", [2.0, 0.5, 2.5], ids=["both-running", "before-the-backup", "during-the-cleanup"]
)
def test_cancelling_hedged_cancels_both(kata: kit.Kata, at: float) -> None:
    """Cancelling hedged (with both requests running, or before the backup starts) cancels
    and awaits what it started, then ends with CancelledError; cancelled while it awaits the
    loser's cleanup (a 3 s primary whose cleanup takes 2 s, a 1 s backup), it still ends
    with CancelledError."""
    hedged = kata.get("hedged", "coroutine")
    in_cleanup = at == 2.5
    primary, backup = probes(3.0, 1.0) if in_cleanup else probes(5.0, 5.0)
    cleaning = {"primary": 0, "backup": 0}

    async def scenario() -> tuple[bool, bool]:
        task = asyncio.create_task(
            hedged(
                with_cleanup(primary, "primary", cleaning, 2.0 if in_cleanup else 0.0),
                with_cleanup(backup, "backup", cleaning),
                1.0,
            )
        )
        await asyncio.sleep(at)
        task.cancel()
        await asyncio.wait([task])
        if not task.cancelled() and task.exception() is not None:
            raise task.exception()  # the learner's own error (or NotImplementedError)
        running = primary.unfinished or backup.unfinished or any(cleaning.values())
        return task.cancelled(), bool(running)

    what = f"hedged(after=1), cancelled at {at:g} s"
    if in_cleanup:
        what += " while it awaited the cancelled primary's 2 s cleanup (the backup won at 2 s),"
    result = kata.run(scenario, what=what, leftover_tasks=True, limit=60)
    cancelled, still_running = result.value or (False, True)
    kit.expect(
        cancelled,
        f"{what} did not end with CancelledError: let the cancellation propagate (re-raise "
        "it after cleaning up)."
        + (
            " If you catch CancelledError around the wait for the cancelled requests, you "
            "swallow hedged's own too: await them with asyncio.wait, which raises none of "
            "their errors."
            if in_cleanup
            else ""
        ),
    )
    if in_cleanup:  # cancelled during its own cleanup, hedged need not await the rest of it
        return
    kit.expect(
        not still_running,
        f"{what}, but a request it had started was still running (or still cleaning up) "
        "when hedged ended. Cancel and await every request you started, in a `finally:` "
        "around the whole body (the wait for `after` included).",
    )


def test_zero_after(kata: kit.Kata) -> None:
    """after = 0: both start at once, the faster one wins."""
    result, _primary, backup, running = run_hedged(kata, 2.0, 0.0, 1.0)
    kit.expect(
        bool(backup.calls) and backup.calls[0].started == 0.0,
        "with after=0 the backup must start at once, beside the primary; it "
        + (f"started at {backup.calls[0].started:g} s." if backup.calls else "never started."),
    )
    kit.expect_equal(result.value, "backup", "hedged(primary 2 s, after=0, backup 1 s)")
    kit.expect_loop_time(result, 1.0, "hedged(primary 2 s, after=0, backup 1 s)")
    expect_loser_finished(running, "primary")


def test_tie(kata: kit.Kata) -> None:
    """Both finish in the same instant: either result, nothing left running."""
    result, _primary, _backup, running = run_hedged(kata, 2.0, 1.0, 1.0)
    kit.expect(
        result.value in ("primary", "backup"),
        f"hedged(primary 2 s, backup after 1 s taking 1 s), both finishing at 2 s, returned "
        f"{result.value!r}; either request's result will do.",
    )
    kit.expect_loop_time(result, 2.0, "hedged(primary 2 s, backup after 1 s taking 1 s)")
    kit.expect(
        not (running.get("primary") or running.get("backup")),
        "when hedged returned after a tie, a request was still running: cancel and await "
        "the other one.",
    )


VALUES = st.sampled_from([None, 0, "", "p"])


@st.composite
def timings(draw: st.DrawFn) -> tuple[float, float, float]:
    """(primary, after, backup) seconds, without the instants that allow either outcome."""
    p = draw(st.sampled_from([0.5, 1.5, 3.0]))
    after = draw(st.sampled_from([0.0, 1.0, 2.0]).filter(lambda a: a != p))
    b = draw(st.sampled_from([0.5, 1.0, 2.0]).filter(lambda b: after + b != p))
    return p, after, b


def test_any_timings(kata: kit.Kata) -> None:
    """Any timings (after = 0 too) and results (None, 0, ""): first wins, loser stopped."""

    @kit.drawn(timings(), VALUES, examples=[((0.5, 1.0, 1.0), None), ((3.0, 1.0, 1.0), 0)])
    def check(timing: tuple[float, float, float], value: Any) -> None:
        p, after, b = timing
        backup_value = ("backup", value)
        result, _primary, backup, running = run_hedged(kata, p, after, b, (value, backup_value))
        what = (
            f"hedged(primary taking {p:g} s and returning {value!r}, backup taking {b:g} s, "
            f"after={after:g})"
        )
        if p < after:
            kit.expect(
                not backup.calls,
                f"{what} called the backup, though the primary finished at {p:g} s, before "
                "`after`: start the backup only if the primary is still running then (its "
                "result may be None, 0 or '': test whether it finished, not its value).",
            )
        else:
            kit.expect(
                bool(backup.calls) and backup.calls[0].started == after,
                f"{what} started the backup at "
                f"{backup.calls[0].started if backup.calls else 'no'} s; it must start at "
                f"after={after:g} s, the primary still running.",
            )
        winner, loser = ("primary", "backup") if p < after + b else ("backup", "primary")
        want = value if winner == "primary" else backup_value
        kit.expect(
            result.value == want and type(result.value) is type(want),
            f"{what} returned {result.value!r}; the {winner} finished first, so expected {want!r}.",
        )
        kit.expect_loop_time(result, min(p, after + b), what)
        expect_loser_finished(running, loser)

    check()


@pytest.mark.parametrize("ending", ["primary-wins", "cancelled"])
def test_no_backup_after_hedged_ends(kata: kit.Kata, ending: str) -> None:
    """hedged ends before `after` (the primary won, or hedged was cancelled): the backup is
    not started later either."""
    hedged = kata.get("hedged", "coroutine")
    primary, backup = probes(0.5 if ending == "primary-wins" else 5.0, 1.0)

    async def scenario() -> None:
        task = asyncio.create_task(hedged(primary, backup, 1.0))
        if ending == "cancelled":
            await asyncio.sleep(0.5)
            task.cancel()
        await asyncio.wait([task])
        if not task.cancelled() and task.exception() is not None:
            raise task.exception()  # the learner's own error (or NotImplementedError)
        await asyncio.sleep(5.0)

    what = (
        "hedged(primary taking 0.5 s, after=1)"
        if ending == "primary-wins"
        else "hedged(after=1), cancelled at 0.5 s,"
    )
    kata.run(scenario, what=what, leftover_tasks=True, limit=60)
    kit.expect(
        not backup.calls,
        f"{what} ended at 0.5 s, and the backup was then called at loop time "
        f"{backup.calls[0].started:g} s, after hedged had ended. If the primary finishes "
        "in time (or hedged is cancelled) before `after`, the backup must never start."
        if backup.calls
        else "",
    )


def test_slow_cleanup_is_awaited(kata: kit.Kata) -> None:
    """The loser's cleanup takes 2 s of loop time: hedged awaits all of it before it
    returns (no time limit on that wait)."""
    hedged = kata.get("hedged", "coroutine")
    primary, backup = probes(3.0, 1.0)
    cleaning = {"primary": 0, "backup": 0}

    async def scenario() -> Any:
        value = await hedged(
            with_cleanup(primary, "primary", cleaning, 2.0),
            with_cleanup(backup, "backup", cleaning),
            1.0,
        )
        return value, bool(primary.unfinished) or cleaning["primary"] > 0

    what = "hedged(primary taking 3 s with a cleanup of 2 s, after=1, backup taking 1 s)"
    result = kata.run(scenario, what=what, leftover_tasks=True, limit=60)
    value, still_cleaning = result.value or (None, True)
    kit.expect(
        not still_cleaning,
        f"{what} returned at {result.loop_time:g} s, while the cancelled primary was still "
        "cleaning up (until 4 s): await the cancelled loser until it has finished, with no "
        "time limit on that wait (its cleanup is part of cancelling it).",
    )
    kit.expect_equal(value, "backup", what)
    kit.expect_loop_time(result, 4.0, what)


def test_same_function_twice(kata: kit.Kata) -> None:
    """hedged(fetch, fetch, after), one function as primary and backup: two requests all the
    same, the first call still wins if it finishes first, and the loser is stopped."""
    hedged = kata.get("hedged", "coroutine")
    calls: list[kit.Probe] = [
        kit.Probe(delay=d, result=lambda *_, n=n: f"call #{n}") for n, d in ((1, 1.5), (2, 2.0))
    ]
    cleaning = {"fetch": 0}
    started: list[int] = []

    async def fetch() -> Any:
        started.append(len(started))
        return await with_cleanup(calls[min(started[-1], 1)], "fetch", cleaning)()

    async def scenario() -> Any:
        value = await hedged(fetch, fetch, 1.0)
        return value, any(probe.unfinished for probe in calls) or cleaning["fetch"] > 0

    what = "hedged(fetch, fetch, after=1), the first call taking 1.5 s, the second 2 s"
    result = kata.run(scenario, what=what, leftover_tasks=True, limit=60)
    value, running = result.value or (None, True)
    kit.expect(
        value == "call #1" and not running,
        f"{what}, returned {value!r} at {result.loop_time:g} s"
        + (" and left a call running" if running else "")
        + "; expected the first call's result, 'call #1', at 1.5 s, the second call "
        "cancelled. primary and backup may be the same function: keep the two tasks apart "
        "(in a set or a list), not one entry per function.",
    )


# Checked last: earlier wrong answers fail the checks above first.


def test_cancellation_propagates_as_it_is(kata: kit.Kata) -> None:
    """Cancelling hedged at 2 s (both requests running) with task.cancel("user gave up"):
    the caller gets that very CancelledError, its message included."""
    hedged = kata.get("hedged", "coroutine")
    primary, backup = probes(5.0, 5.0)
    cleaning = {"primary": 0, "backup": 0}
    what = 'hedged(after=1), cancelled at 2 s with task.cancel("user gave up")'

    async def scenario() -> Any:
        task = asyncio.create_task(
            hedged(
                with_cleanup(primary, "primary", cleaning),
                with_cleanup(backup, "backup", cleaning),
                1.0,
            )
        )
        await asyncio.sleep(2.0)
        return await kit.cancelled_args(task, "user gave up")

    result = kata.run(scenario, what=what, limit=60)
    kit.expect_the_callers_cancellation(
        result.value,
        "user gave up",
        what,
        "after cleaning up, let that very CancelledError propagate (a bare `raise`, or "
        "`finally:` with no `except`)",
    )


def test_two_calls_at_once_stop_only_their_own(kata: kit.Kata) -> None:
    """hedged(A: primary 0.5 s, backup 1 s, after=1) and hedged(B: primary 3 s, backup 1 s,
    after=1) at once on one loop: A returns its primary's result at 0.5 s, and B still gets
    its backup's result at 2 s (A's cleanup must not cancel B's requests)."""
    hedged = kata.get("hedged", "coroutine")
    a_primary, a_backup = probes(0.5, 1.0, ("A primary", "A backup"))
    b_primary, b_backup = probes(3.0, 1.0, ("B primary", "B backup"))

    async def settled(aw: Any) -> Any:
        try:
            return await aw
        except BaseException as exc:  # noqa: BLE001 - what the call ended with is graded
            return f"raised {type(exc).__name__}"

    async def both() -> Any:
        return await asyncio.gather(
            settled(hedged(a_primary, a_backup, 1.0)), settled(hedged(b_primary, b_backup, 1.0))
        )

    what = (
        "hedged(A: primary 0.5 s, backup 1 s, after=1) and hedged(B: primary 3 s, backup 1 s, "
        "after=1) at the same time"
    )
    result = kata.run(both, what=what, leftover_tasks=True, limit=60)
    value = list(result.value or [None, None])
    kit.expect(
        value[1] == "B backup",
        f"in {what}, the second call ended with {value[1]!r}; expected 'B backup' at 2 s. Each "
        "call cancels only its own loser: keep the two tasks inside hedged, afresh for each "
        "call, not in a list or set at module level.",
    )
    kit.expect_equal(value[0], "A primary", f"the first call of {what}")


def test_cancelled_as_a_request_finishes(kata: kit.Kata) -> None:
    """hedged(primary 5 s, backup 1 s, after=1) is cancelled in the very loop step its backup
    finishes, before hedged has woken up: it still ends with that CancelledError."""
    hedged = kata.get("hedged", "coroutine")
    primary = kit.Probe(delay=5.0, result=lambda *_: "primary")
    holder: dict[str, asyncio.Task[Any]] = {}

    async def backup() -> str:
        await asyncio.sleep(1.0)
        # The cancel runs in this loop step, before the wake-up the backup's end schedules.
        asyncio.get_running_loop().call_soon(holder["task"].cancel, "user gave up")
        return "backup"

    async def scenario() -> str:
        task = asyncio.create_task(hedged(primary, backup, 1.0))
        holder["task"] = task
        await asyncio.wait([task])
        if task.cancelled():
            return ""
        error = task.exception()
        return f"returned {task.result()!r}" if error is None else f"raised {error!r}"

    what = (
        "hedged(primary 5 s, backup 1 s, after=1), cancelled in the loop step its backup "
        "finished (at 2 s), before it woke up,"
    )
    result = kata.run(scenario, what=what, leftover_tasks=True, limit=60)
    kit.expect(
        not result.value,
        f"{what} {result.value} instead of ending with CancelledError: once hedged itself is "
        "cancelled, it stops its requests and lets that CancelledError propagate, even when "
        "a request has just finished; do not catch it to return that request's result.",
    )


def test_cancelling_hedged_stops_both_at_once(kata: kit.Kata) -> None:
    """hedged(primary 5 s, backup 5 s, after=1) cancelled at 2 s, both requests running:
    both are cancelled (neither runs on to its end), and hedged ends at 2 s."""
    hedged = kata.get("hedged", "coroutine")
    primary, backup = probes(5.0, 5.0)

    async def scenario() -> float:
        task = asyncio.create_task(hedged(primary, backup, 1.0))
        await asyncio.sleep(2.0)
        task.cancel()
        await asyncio.wait([task])
        return asyncio.get_running_loop().time()

    what = "hedged(primary 5 s, backup 5 s, after=1), cancelled at 2 s"
    result = kata.run(scenario, what=what, leftover_tasks=True, limit=60)
    ran_on = [
        name
        for name, probe in (("primary", primary), ("backup", backup))
        if probe.calls and not probe.cancelled
    ]
    kit.expect(
        not ran_on,
        f"{what}, let the {' and the '.join(ran_on)} request run on to its end (hedged ended "
        f"at {result.value or 0:g} s) instead of cancelling it: once hedged is cancelled, "
        "cancel every request it started"
        + (", the backup too," if "backup" in ran_on else "")
        + " and then await them.",
    )
    kit.expect_loop_time(result, 2.0, what)


def test_a_long_after_is_kept(kata: kit.Kata) -> None:
    """A primary taking 1e6 s with after=1e7 s (116 days): the primary finishes in time and
    wins alone at 1e6 s; the backup is never started (no cap of the code's own on `after`)."""
    long = 1e7
    result, _, backup, _ = run_hedged(kata, 1e6, long, 1.0, limit=2 * long)
    if backup.calls:
        kit.fail(
            f"hedged(primary taking 1e+06 s, backup taking 1 s, after={long:g}) started the "
            f"backup at {backup.calls[0].started:g} s of loop time, long before after={long:g} s "
            "had passed: `after` is the caller's, however long; pass it on as it is, with no "
            "cap of your own (`asyncio.wait(tasks, timeout=after)`)."
        )
    kit.expect_equal(result.value, "primary", f"hedged with a 1e+06 s primary and after={long:g}")
