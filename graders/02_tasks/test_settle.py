"""Grader for 02_tasks/settle: every outcome as Ok/Err, in input order, concurrently; and
cancelling the caller still cancels.

With stand-in awaitables of mixed latencies, some of which raise, checks the outcomes (the
very exception objects, in input order), that the loop time is the slowest latency (not the
sum), that no exception escapes, and that when the task running settle is cancelled it ends
cancelled at once and the awaitables are cancelled too (cancellation is not an outcome).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import kit

DELAYS = {0: 3.0, 1: 1.0, 2: 2.0, 3: 0.5}


class JobError(Exception):
    """What the failing stand-ins raise."""


@dataclass
class Cancelled:
    """What happened when the caller of settle was cancelled."""

    cancelled: bool
    at: float
    value: Any
    still_running: list[int]


def classes(kata: kit.Kata) -> tuple[type, type]:
    return kata.get("Ok", "class"), kata.get("Err", "class")


def test_defines_ok_err_and_settle(kata: kit.Kata) -> None:
    """Ok and Err are classes and settle is an async def."""
    classes(kata)
    kata.get("settle", "coroutine")


def run_settle(kata: kit.Kata) -> tuple[kit.Run[Any], dict[int, JobError], kit.Probe]:
    settle = kata.get("settle", "coroutine")
    errors = {1: JobError("job 1 failed"), 3: JobError("job 3 failed")}
    probe = kit.Probe(delay=DELAYS, errors=errors)
    result = kata.run(
        lambda: settle([probe(i) for i in DELAYS]), what="settle([...])", raises=JobError
    )
    if result.error is not None:
        kit.fail(
            f"settle raised {result.error!r}, the error of one awaitable: one failure must not "
            "stop the others or escape. Turn each outcome into Ok/Err (try/except Exception "
            "around each await, or asyncio.gather(..., return_exceptions=True))."
        )
    return result, errors, probe


def test_every_outcome_in_input_order(kata: kit.Kata) -> None:
    """Returns Ok(value) or Err(error) for each awaitable, in input order."""
    ok, err = classes(kata)
    result, errors, _ = run_settle(kata)
    expected = [err(errors[i]) if i in errors else ok(("result", i)) for i in DELAYS]
    value = result.value
    kit.expect(
        isinstance(value, list) and len(value) == len(expected),
        f"settle([...4 awaitables]) returned {value!r}; expected a list of 4 outcomes.",
    )
    for i, (got, want) in enumerate(zip(value, expected, strict=True)):
        if isinstance(got, err) and isinstance(want, err) and got.error is not want.error:
            kit.fail(
                f"outcome {i} was {got!r}; expected Err holding the very exception the "
                f"awaitable raised, {want.error!r}."
            )
    kit.expect_equal(
        value,
        expected,
        "settle([...])",
        "One outcome per awaitable, in the order given (not the order they finished): "
        "Ok(value) for a result, Err(error) for an exception.",
    )


def test_runs_them_concurrently(kata: kit.Kata) -> None:
    """Awaitables of 3, 1, 2 and 0.5 s settle in 3 s of loop time."""
    result, _, probe = run_settle(kata)
    kit.expect_loop_time(
        result,
        max(DELAYS.values()),
        "settle of 3, 1, 2 and 0.5 s awaitables",
        slower="That is the sum: did you await them one by one? Run them at once "
        "(asyncio.gather or a TaskGroup of wrappers).",
    )
    kit.expect_equal(probe.peak, len(DELAYS), "The most awaitables in flight at once")


def test_nothing_to_settle(kata: kit.Kata) -> None:
    """settle([]) returns [] at once."""
    settle = kata.get("settle", "coroutine")
    result = kata.run(lambda: settle([]), what="settle([])")
    kit.expect_equal(result.value, [], "settle([])")


def test_cancelling_the_caller_propagates(kata: kit.Kata) -> None:
    """Cancelling the task running settle ends it cancelled, and cancels the awaitables."""
    settle = kata.get("settle", "coroutine")
    probe = kit.Probe(delay=DELAYS)

    async def cancel_midway() -> Cancelled:
        task = asyncio.create_task(settle([probe(i) for i in DELAYS]))
        await asyncio.sleep(0.75)
        task.cancel()
        value, cancelled = None, False
        try:
            value = await task
        except asyncio.CancelledError:
            cancelled = True
        at = kit.now()
        for _ in range(3):  # let cancelled awaitables take their last step
            await asyncio.sleep(0)
        return Cancelled(cancelled, at, value, [c.args[0] for c in probe.unfinished])

    # Awaitables left running are judged below, with a message naming the mistake.
    result = kata.run(cancel_midway, what="a cancelled settle([...])", leftover_tasks=True)
    outcome = result.value
    if outcome is None:
        kit.fail("the grader's scenario returned nothing.")
    if not outcome.cancelled:
        kit.fail(
            f"the task running settle was cancelled at 0.75 s, but settle went on and returned "
            f"{outcome.value!r} at {outcome.at:g} s: the cancellation was swallowed. Catching "
            "BaseException (or CancelledError) turns cancellation into an Err; catch "
            "Exception only, so CancelledError propagates."
        )
    kit.expect(
        outcome.at == 0.75,
        f"the task running settle was cancelled at 0.75 s but only ended at {outcome.at:g} s: "
        "let the CancelledError propagate at once.",
    )
    kit.expect(
        not outcome.still_running,
        f"after settle was cancelled, {len(outcome.still_running)} awaitable(s) kept running "
        "in the background: when settle is cancelled, what it awaits must be cancelled too "
        "(gather and TaskGroup do this; asyncio.wait does not).",
    )
