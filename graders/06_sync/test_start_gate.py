"""Grader for 06_sync/start_gate: workers released together by an asyncio.Event.

Docstring sentence -> the check that enforces it:

- "Start `n` workers (tasks), numbered 0 to n-1" / "awaits `work(i)`" -> check_starts
  (work called once with each number), in every check
- "Each worker waits until ... `go` is set, then notes the loop time" -> check_starts
  (no work before `go`; the returned times are the set time); "then ... awaits `work(i)`"
  (work(i) is not even called before `go`: a work that starts its job when called)
  -> test_work_that_starts_when_called
- "`start_gate` returns when every worker is done" -> the loop-time checks, and the kit's
  check that no task is left running
- "with the list of the workers' start times, in worker order" -> check_starts
  (each call its own list: test_called_twice calls it twice in a row; two calls at once,
  each with its own `go`, return their own times -> test_two_calls_at_once)
- "maybe it is already set" -> test_go_already_set; "maybe in an hour": the workers wait
  with no time limit of their own -> test_a_gate_opened_an_hour_later, and "your code only
  waits for it" (no limit of a few hours either) -> test_a_gate_opened_months_later
- "your code only waits for it, and never clears it" -> test_go_already_set, which names
  a clear() only when it saw one
- "All workers must start the very moment it is set" -> check_starts, test_many_workers,
  test_one_worker (one worker waits for `go` like a hundred)
- "Polling a flag ... wakes up late" -> the `sleeps` fixture (asyncio.sleep calls from the
  learner's file are recorded; a polling loop is stopped); a sleep(0) only yields and is not
  counted (no time passes: a spin of them is stopped by the fixture's limit)
- "With `n = 0` there is no worker: return `[]` at once" -> test_no_workers
- "then ... awaits `work(i)`" (however long it takes: 2 hours, no time limit of the learner's
  own) -> test_work_that_takes_hours
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
    """Run start_gate(n, go, work) with `go` set at ``set_at`` (None: set before); a
    TimeoutError of the learner's own is a time limit they put on the wait."""
    start_gate = kata.get("start_gate", "coroutine")

    async def scenario() -> Any:
        go = asyncio.Event()
        if set_at is None:
            go.set()
        else:
            asyncio.get_running_loop().call_later(set_at, go.set)
        return await start_gate(n, go, work)

    when = "already set" if set_at is None else f"set at {set_at:g} s"
    what = f"start_gate({n}, go {when}, work)"
    limit = max(7200.0, 2 * (set_at or 0.0))
    result = kata.run(scenario, what=what, limit=limit, raises=TimeoutError)
    if isinstance(result.error, TimeoutError):
        kit.fail(
            f"{what} raised TimeoutError (at {kata.where(result.error)}): the workers gave "
            f"up waiting, and `go` was {when}. `go` may be set in an hour, or much later: "
            "`await go.wait()` with no time limit of your own."
        )
    return result


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
    polled = kit.polls(sleeps)
    kit.expect(not polled, POLLING.format(n=len(polled)))
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


class WatchedEvent(asyncio.Event):
    """An asyncio.Event that counts the clear() calls made on it."""

    def __init__(self) -> None:
        super().__init__()
        self.clears = 0

    def clear(self) -> None:
        self.clears += 1
        super().clear()


def test_go_already_set(kata: kit.Kata, sleeps: list[float]) -> None:
    """With `go` already set, every worker starts at once (and nobody clears it)."""
    start_gate = kata.get("start_gate", "coroutine")
    work = kit.Probe(delay=0.5)
    go = WatchedEvent()
    what = "start_gate(3, go already set, work taking 0.5 s)"

    async def scenario() -> Any:
        go.set()
        task = asyncio.create_task(start_gate(3, go, work))
        done, _ = await asyncio.wait({task}, timeout=600)
        if done:
            return task.result()
        task.cancel()
        await asyncio.wait({task})
        return "hung"

    result = kata.run(scenario, what=what, limit=1000, leftover_tasks=True)
    if go.clears:
        kit.fail(
            f"{what}: your code called go.clear() {go.clears} time(s), "
            + ("and some workers then waited forever. " if result.value == "hung" else "")
            + "`go` belongs to whoever sets it: a worker only waits for it. Clearing it "
            "after one worker woke makes the others (and any later ones) wait again."
        )
    kit.expect(
        result.value != "hung",
        f"{what} never finished: `go` was already set, so `await go.wait()` returns at once.",
    )
    check_starts(result, work, 3, 0.0)
    kit.expect_loop_time(result, 0.5, what)


def test_a_gate_opened_an_hour_later(kata: kit.Kata, sleeps: list[float]) -> None:
    """`go` set after an hour of loop time: the workers still wait, then all start then."""
    work = kit.Probe(delay=1.0)
    result = run_gate(kata, 3, work, 3600.0)
    polled = kit.polls(sleeps)
    kit.expect(not polled, POLLING.format(n=len(polled)))
    check_starts(result, work, 3, 3600.0)


def test_no_workers(kata: kit.Kata, sleeps: list[float]) -> None:
    """start_gate(0, ...) has no worker to wait for `go`: [] at once."""
    work = kit.Probe(delay=1.0)
    result = run_gate(kata, 0, work, 5.0)
    kit.expect_equal(result.value, [], "start_gate(0, go set at 5 s, work)")
    kit.expect(not work.calls, "start_gate(0, ...) called work(); there are no workers.")
    kit.expect_loop_time(
        result,
        0.0,
        "start_gate(0, go set at 5 s, work)",
        slower="With no workers nothing waits for `go`: did start_gate itself await it?",
    )


def test_many_workers(kata: kit.Kata, sleeps: list[float]) -> None:
    """A hundred workers start together too."""
    work = kit.Probe(delay=1.0)
    result = run_gate(kata, 100, work, 3.0)
    polled = kit.polls(sleeps)
    kit.expect(not polled, POLLING.format(n=len(polled)))
    check_starts(result, work, 100, 3.0)


def test_a_gate_opened_months_later(kata: kit.Kata, sleeps: list[float]) -> None:
    """`go` set after 1e7 s (about 116 days) of loop time: the workers only wait for it, with
    no time limit of their own (two hours, a day), then all start then."""
    work = kit.Probe(delay=1.0)
    result = run_gate(kata, 3, work, 1e7)
    check_starts(result, work, 3, 1e7)


def test_called_twice(kata: kit.Kata, sleeps: list[float]) -> None:
    """Two calls in a row: each returns its own workers' start times, and only those."""
    start_gate = kata.get("start_gate", "coroutine")
    work = kit.Probe(delay=1.0)
    what = "start_gate(3, go, work), then start_gate(2, go, work) (go set, work taking 1 s)"

    async def scenario() -> Any:
        go = asyncio.Event()
        go.set()
        first = await start_gate(3, go, work)
        first = list(first) if isinstance(first, list) else first  # as it was then
        return first, await start_gate(2, go, work)

    result = kata.run(scenario, what=what, limit=600)
    first, second = result.value
    kit.expect(
        isinstance(second, list) and len(second) == 2,
        f"{what}: the second call returned {second!r} (the first {first!r}); it has 2 workers, "
        "so 2 start times. A list kept from one call to the next (a mutable default argument "
        "such as `starts=[]`, or a list at module level) collects every call's times: make "
        "a new list inside each call.",
    )
    kit.expect(
        all(isinstance(t, int | float) and abs(t - 1.0) < 1e-6 for t in second),
        f"{what}: the second call returned {second!r}; its workers started at loop time 1 s.",
    )


class EagerWork(kit.Probe):
    """A work callable that starts its job the moment it is called, as a task (awaiting
    what it returns waits for the job); ``called`` is the loop time of each call."""

    called: dict[int, float]

    def __call__(self, *args: Any) -> Any:  # type: ignore[override]
        self.__dict__.setdefault("called", {})[args[0]] = kit.now()
        return asyncio.ensure_future(super().__call__(*args))


def test_work_that_starts_when_called(kata: kit.Kata, sleeps: list[float]) -> None:
    """A work callable may start its job as soon as it is called (it returns a task): so
    work(i) is called only once `go` is set, never up front."""
    work = EagerWork(delay=1.0)
    result = run_gate(kata, 3, work, 2.0)
    called = work.__dict__.get("called", {})
    early = sorted((at, i) for i, at in called.items() if at < 2.0)
    if early:
        at, i = early[0]
        kit.fail(
            f"start_gate(3, go set at 2 s, work that starts its job when called) called "
            f"work({i}) at loop time {at:g} s, before `go` was set: calling work(i) may "
            "start the job, so call it only after `await go.wait()`, not up front."
        )
    check_starts(result, work, 3, 2.0)
    kit.expect_loop_time(result, 3.0, "start_gate(3, go set at 2 s, work taking 1 s)")


def test_two_calls_at_once(kata: kit.Kata, sleeps: list[float]) -> None:
    """start_gate(3, go_a, work taking 2 s) and start_gate(2, go_b, work taking 1 s) at once,
    go_a set at 0 s and go_b at 1 s: each returns its own workers' start times."""
    start_gate = kata.get("start_gate", "coroutine")
    slow, quick = kit.Probe(delay=2.0), kit.Probe(delay=1.0, name="quick")
    what = (
        "start_gate(3, go_a, work taking 2 s) and start_gate(2, go_b, work taking 1 s) at "
        "once (go_a set at 0 s, go_b at 1 s)"
    )

    async def scenario() -> Any:
        go_a, go_b = asyncio.Event(), asyncio.Event()
        go_a.set()
        asyncio.get_running_loop().call_later(1.0, go_b.set)
        return await asyncio.gather(start_gate(3, go_a, slow), start_gate(2, go_b, quick))

    result = kata.run(scenario, what=what, limit=600)
    first, second = result.value
    kit.expect(
        first == [0.0, 0.0, 0.0] and second == [1.0, 1.0],
        f"{what} returned {first!r} and {second!r}; expected [0.0, 0.0, 0.0] and [1.0, 1.0]: "
        "each call returns its own workers' start times. State shared by the calls (a list or "
        "dict at module level, cleared at the start of each call) mixes their times: make a "
        "new list inside each call.",
    )


def test_work_that_takes_hours(kata: kit.Kata) -> None:
    """work(0) takes 2 hours of loop time (go already set): start_gate awaits it to its end
    and returns the start times (no time limit of its own on the work)."""
    start_gate = kata.get("start_gate", "coroutine")
    work = kit.Probe(delay=lambda i: 7200.0 if i == 0 else 1.0)
    what = "start_gate(2, go already set, work(0) taking 2 hours)"
    seen: list[BaseException] = []

    async def scenario() -> Any:
        go = asyncio.Event()
        go.set()
        try:
            return await start_gate(2, go, work)
        except TimeoutError as error:
            seen.append(error)
            return None

    result = kata.run(scenario, what=what, limit=10000)
    kit.expect(
        not seen and result.value == [0.0, 0.0],
        f"{what} "
        + ("raised TimeoutError" if seen else f"returned {result.value!r}, not [0.0, 0.0]")
        + ": await each work(i) however long it takes, with no time limit of your own.",
    )


def test_one_worker(kata: kit.Kata, sleeps: list[float]) -> None:
    """One worker: it waits for `go` (set at 2 s) like any other, then starts."""
    work = kit.Probe(delay=1.0)
    result = run_gate(kata, 1, work, 2.0)
    check_starts(result, work, 1, 2.0)
