"""Grader for 06_sync/start_gate: workers released together by an asyncio.Event.

Checks: every worker calls work(i) at the exact loop time `go` is set, and reports that
time; the workers run concurrently (loop == set time + slowest work); an Event that is
already set lets them start at once; no polling with asyncio.sleep (the grader records the
asyncio.sleep calls made from the learner's file and stops a polling loop).
"""

from __future__ import annotations

import asyncio
from typing import Any

import kit
import pytest

REAL_SLEEP = asyncio.sleep
GO = 1.234567  # the loop time the grader sets `go`; no polling period lands on it

POLLING = (
    "your workers called asyncio.sleep {n} time(s) while waiting for `go`: that is polling "
    "a flag. `await go.wait()` sleeps until go.set() and wakes every waiter at that instant."
)


@pytest.fixture
def sleeps(kata: kit.Kata, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the asyncio.sleep calls made from the learner's file; stop a polling loop."""
    return kit.watch_sleeps(kata, monkeypatch, message=POLLING, limit=500)


def run_gate(kata: kit.Kata, n: int, work: kit.Probe, set_at: float | None) -> kit.Run[Any]:
    """Run start_gate(n, go, work) with `go` set at ``set_at`` (None: set before)."""
    start_gate = kata.get("start_gate", "coroutine")

    async def scenario() -> Any:
        go = asyncio.Event()
        if set_at is None:
            go.set()
        else:
            asyncio.get_running_loop().call_later(set_at, go.set)
        return await start_gate(n, go, work)

    when = "already set" if set_at is None else f"set at {set_at:g} s"
    return kata.run(scenario, what=f"start_gate({n}, go {when}, work)", limit=600)


def check_starts(result: kit.Run[Any], work: kit.Probe, n: int, at: float) -> None:
    """Every worker called work once, all at ``at``, and start_gate returned those times."""
    called = sorted(c.args[0] for c in work.calls if c.args)
    kit.expect_equal(
        called,
        list(range(n)),
        "the numbers work() was called with",
        "Each worker i calls work(i) exactly once.",
    )
    starts = sorted({c.started for c in work.calls})
    kit.expect(
        min(starts) >= at,
        f"work() was first called at loop time {min(starts):g} s, before `go` was set at "
        f"{at:g} s: each worker must first `await go.wait()`.",
    )
    kit.expect(
        starts == [at],
        f"the workers called work() at loop times {starts[:4]}; `go` was set at {at:g} s and "
        "all of them should start right then. Later starts mean polling (or workers that "
        "run one after another).",
    )
    value = result.value
    kit.expect(
        isinstance(value, list)
        and len(value) == n
        and all(isinstance(t, int | float) and abs(t - at) < 1e-6 for t in value),
        f"start_gate returned {value!r}; expected the {n} workers' start loop times, "
        f"[{at:g}, ...], read with asyncio.get_running_loop().time().",
    )


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """start_gate is an async def."""
    kata.get("start_gate", "coroutine")


def test_all_start_when_go_is_set(kata: kit.Kata, sleeps: list[float]) -> None:
    """Five workers all call work(i) at the loop time `go` is set."""
    work = kit.Probe(delay=1.0)
    result = run_gate(kata, 5, work, GO)
    kit.expect(not sleeps, POLLING.format(n=len(sleeps)))
    check_starts(result, work, 5, GO)
    kit.expect_loop_time(
        result,
        GO + 1.0,
        "start_gate(5, go set at 1.234567 s, work taking 1 s)",
        slower="The workers ran one after another: start all n as tasks, then await them.",
        faster="Return only when every worker has finished its work.",
    )


def test_workers_run_concurrently(kata: kit.Kata, sleeps: list[float]) -> None:
    """Workers whose work takes 1..4 s finish together after the slowest one."""
    work = kit.Probe(delay=lambda i: 1.0 + i)
    result = run_gate(kata, 4, work, 2.0)
    check_starts(result, work, 4, 2.0)
    kit.expect_loop_time(
        result,
        6.0,
        "start_gate(4, go set at 2 s, work taking 1-4 s)",
        slower="That is more than go + the slowest work: the workers ran one after another. "
        "Start all n workers as tasks first, then await them together.",
    )


def test_go_already_set(kata: kit.Kata, sleeps: list[float]) -> None:
    """With `go` already set, every worker starts at once."""
    work = kit.Probe(delay=0.5)
    result = run_gate(kata, 3, work, None)
    check_starts(result, work, 3, 0.0)
    kit.expect_loop_time(result, 0.5, "start_gate(3, go already set, work taking 0.5 s)")


def test_many_workers(kata: kit.Kata, sleeps: list[float]) -> None:
    """A hundred workers start together too."""
    work = kit.Probe(delay=1.0)
    result = run_gate(kata, 100, work, 3.0)
    kit.expect(not sleeps, POLLING.format(n=len(sleeps)))
    check_starts(result, work, 100, 3.0)
