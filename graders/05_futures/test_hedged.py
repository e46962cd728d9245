"""Grader for 05_futures/hedged: a backup request started only when the primary is slow.

Checks: loop == min(primary, after + backup); the backup is never called when the primary
finishes within `after`, and otherwise starts exactly at `after`; the primary keeps running
after `after` (it may still win); the loser is cancelled and finished before hedged
returns; cancelling hedged cancels both requests.
"""

from __future__ import annotations

import asyncio
from typing import Any

import kit


def probes(p: float, b: float) -> tuple[kit.Probe, kit.Probe]:
    """A primary taking ``p`` s and a backup taking ``b`` s, returning their names."""
    return (
        kit.Probe(delay=p, result=lambda *_: "primary"),
        kit.Probe(delay=b, result=lambda *_: "backup"),
    )


def run_hedged(
    kata: kit.Kata, p: float, after: float, b: float
) -> tuple[kit.Run[Any], kit.Probe, kit.Probe, dict[str, bool]]:
    """Run hedged(primary, backup, after); note which calls still ran when it returned."""
    hedged = kata.get("hedged", "coroutine")
    primary, backup = probes(p, b)
    running: dict[str, bool] = {}

    async def scenario() -> Any:
        value = await hedged(primary, backup, after)
        running["primary"] = bool(primary.unfinished)
        running["backup"] = bool(backup.unfinished)
        return value

    what = f"hedged(primary taking {p:g} s, backup taking {b:g} s, after={after:g})"
    result = kata.run(scenario, what=what, leftover_tasks=True, limit=60)
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
    result, _, backup, running = run_hedged(kata, 1.5, 1.0, 2.0)
    kit.expect_equal(
        result.value,
        "primary",
        "hedged(primary 1.5 s, backup after 1 s taking 2 s)",
        "The primary must keep running after the backup starts; the first to finish wins. "
        "asyncio.wait_for cancels the primary on timeout: use asyncio.wait(timeout=after).",
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


def test_cancelling_hedged_cancels_both(kata: kit.Kata) -> None:
    """Cancelling hedged while both requests run cancels both."""
    hedged = kata.get("hedged", "coroutine")
    primary, backup = probes(5.0, 5.0)

    async def scenario() -> tuple[bool, bool]:
        task = asyncio.create_task(hedged(primary, backup, 1.0))
        await asyncio.sleep(2.0)
        task.cancel()
        await asyncio.wait([task])
        if not task.cancelled() and task.exception() is not None:
            raise task.exception()  # the learner's own error (or NotImplementedError)
        return task.cancelled(), bool(primary.unfinished or backup.unfinished)

    result = kata.run(scenario, what="hedged, cancelled at 2 s", leftover_tasks=True, limit=60)
    cancelled, still_running = result.value or (False, True)
    kit.expect(
        cancelled,
        "hedged did not end with CancelledError when it was cancelled: let the "
        "cancellation propagate (re-raise it after cleaning up).",
    )
    kit.expect(
        not still_running,
        "hedged was cancelled at 2 s, but its primary or backup request was still running "
        "afterwards. Cancel and await both in a `finally:` block.",
    )
