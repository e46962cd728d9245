"""Grader for 06_sync/phased: workers in lockstep through phases, meeting at a Barrier.

Docstring sentence -> the check that enforces it:

- "`await worker(i)` runs that worker's phase `i`" / "through phases 0, 1, ..., phases-1"
  -> run_phased (every worker runs each phase once, in order), in every timed check
- "Run every worker concurrently" -> run_phased: a phase starting late fails
- "no worker starts phase i+1 before every worker has finished phase i" -> run_phased: a
  phase starting early fails
- "Return when all workers have finished the last phase" / "the loop time is the sum ...
  of each phase's slowest worker" -> run_phased's loop-time check; test_hours_long_phase
  (a phase of 2 hours: no time limit of the learner's own)
- "no worker starts phase i+1 before ..." also for phases that await nothing (a hand-made
  barrier reset by the last worker out lets such a worker run ahead) -> test_any_phase_table's
  example with 0 s phases; and for workers that start their phase when called (calling
  every worker(i) up front starts them all) -> test_workers_that_start_when_called
- "Every entry of `workers` is a worker of its own, even when the same callable appears
  twice" -> test_same_worker_twice; and beside another worker ([a, b, a]: a barrier of
  len(set(workers)) parties opens early) -> test_same_worker_twice_beside_another
- "`await barrier.wait()` blocks until `parties` tasks are waiting" (waiting, not polling)
  -> run_phased fails any run in which the learner's file called asyncio.sleep with a delay
  (a spin of sleep(0) is stopped by the kit)
- "with no workers (or 0 phases) ... returns at once" -> test_no_workers, test_zero_phases
- "no worker starts phase i+1 before every worker has finished phase i" with "parties = the
  number of workers" of THIS call: a second call on the same loop with more workers is not
  held by the first call's barrier -> test_each_call_has_its_own_barrier
- the same, two calls at once on one loop (a barrier in a module-level name that each call
  rebinds is shared by both) -> test_two_calls_at_once_keep_their_own_barriers
- "the barrier shared by all workers (parties = the number of workers)" is the suggested
  tool: its effects are what is checked (one gather per phase passes too).

Inputs: phase tables with ties (several workers finishing a phase in the same loop step),
1 to 4 workers and 0 to 3 phases are drawn by Hypothesis (deterministic):
test_any_phase_table.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

import kit
import pytest
from hypothesis import strategies as st

TABLES = {
    "3 workers, 3 phases": [[1.0, 3.0, 1.0], [2.0, 1.0, 1.0], [0.5, 0.5, 4.0]],
    "2 workers, 4 phases": [[1.0, 2.0, 1.0, 2.0], [2.0, 1.0, 2.0, 1.0]],
}


class Worker(kit.Probe):
    """A Probe that hashes and compares by identity, as any function does. A phase listed
    in ``instant`` is pure computation: it returns without awaiting anything."""

    __hash__ = object.__hash__
    __eq__ = object.__eq__
    instant: frozenset[int] = frozenset()
    on_start: Any = None  # called with the phase before each call is recorded

    async def __call__(self, *args: Any) -> Any:
        if self.on_start is not None and args:
            self.on_start(args[0])
        if args and args[0] in self.instant:
            self.calls.append(kit.Call(args, kit.now(), kit.now()))
            return self.result(*args)
        return await super().__call__(*args)


class EagerWorker(Worker):
    """A worker whose call starts its phase at once, as a task (``await worker(i)`` still
    waits for it); ``called`` is the loop time of each call, by phase."""

    called: dict[int, float]

    def __call__(self, *args: Any) -> Any:  # type: ignore[override]
        self.__dict__.setdefault("called", {})[args[0]] = kit.now()
        return asyncio.ensure_future(super().__call__(*args))


HANG = (
    "A barrier never opened: asyncio.Barrier(parties) opens when `parties` tasks wait, so "
    "there must be one Barrier shared by all workers, parties must be the number of "
    "workers, and every worker must wait at it after every phase."
)


POLLING = (
    "your code called asyncio.sleep {n} time(s) while the workers ran: that is polling for "
    "the others to finish, and a poller wakes up late (or spins). `await barrier.wait()` "
    "sleeps until the last worker arrives and releases them all at that instant."
)
SLEEPS: list[list[float]] = [[]]  # asyncio.sleep calls from the learner's file, this test


@pytest.fixture(autouse=True)
def watched_sleeps(kata: kit.Kata, monkeypatch: pytest.MonkeyPatch) -> None:
    """Record the asyncio.sleep calls made from the learner's file; stop a polling loop."""
    SLEEPS[0] = kit.watch_sleeps(kata, monkeypatch, message=POLLING, limit=500)


def run_phased(
    kata: kit.Kata,
    table: list[list[float]],
    what: str,
    phases: int | None = None,
    hang_hint: str = HANG,
) -> list[Worker]:
    """Run phased on probe workers whose phase times come from ``table``; check timings."""
    phased = kata.get("phased", "coroutine")
    phases = len(table[0]) if phases is None else phases
    # A phase number out of range takes no time: check_schedule then names the phases run.
    workers = [
        Worker(delay=lambda phase, row=row: row[phase] if phase in range(len(row)) else 0.0)
        for row in table
    ]
    for worker, row in zip(workers, table, strict=True):
        worker.instant = frozenset(phase for phase, time in enumerate(row) if time == 0)
    ahead: list[tuple[int, int, float]] = []  # (worker, phase, loop time) started early

    async def watched() -> None:
        """phased(workers, phases), stopped at the first phase started early: a worker that
        runs ahead can leave the others waiting forever, and the early start is the cause."""
        ran_ahead = asyncio.Event()
        for w, worker in enumerate(workers):
            worker.on_start = lambda phase, w=w, worker=worker: early(w, worker, phase, ran_ahead)
        task = asyncio.ensure_future(phased(workers, phases))
        waiter = asyncio.ensure_future(ran_ahead.wait())
        await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
        for pending in (task, waiter):
            pending.cancel()
        await asyncio.wait({task, waiter})
        if not ahead:
            return task.result()

    def early(w: int, worker: Worker, phase: int, ran_ahead: asyncio.Event) -> None:
        """Note worker ``w`` starting ``phase`` before every worker finished the one before
        (when its own phases so far were 0 to phase-1: other mistakes are named later)."""
        if ahead or not phase or [c.args[0] for c in worker.calls] != list(range(phase)):
            return
        if any(len(o.calls) < phase or o.calls[phase - 1].ended is None for o in workers):
            ahead.append((w, phase, kit.now()))
            ran_ahead.set()

    instant = any(worker.instant for worker in workers)
    SLEEPS[0].clear()
    result = kata.run(
        watched if instant else lambda: phased(workers, phases),
        what=f"phased({what})",
        limit=600,
        hang_hint=hang_hint,
    )
    polled = kit.polls(SLEEPS[0])
    kit.expect(not polled, POLLING.format(n=len(polled)))
    for w, phase, began in ahead:
        start = sum(max(row[q] for row in table) for q in range(phase))
        kit.fail(
            f"worker {w} started phase {phase} at loop time {began:g} s, before every "
            f"worker finished phase {phase - 1} (the slowest finished at {start:g} s): after "
            "each phase, wait at a Barrier shared by all workers."
        )
    check_schedule(table, phases, workers, result, what)
    return workers


def check_schedule(
    table: Sequence[Sequence[float]],
    phases: int,
    workers: Sequence[Any],
    result: kit.Run[Any],
    what: str,
) -> None:
    """Fail unless every worker ran each phase in order, starting as the last phase ended."""
    for w, worker in enumerate(workers):
        kit.expect_equal(
            [c.args[0] for c in worker.calls],
            list(range(phases)),
            f"the phases worker {w} ran",
            "Each worker runs every phase once, in order.",
        )
    start = 0.0
    for phase in range(phases):
        for w, worker in enumerate(workers):
            began = worker.calls[phase].started
            kit.expect(
                began >= start - 1e-6,
                f"worker {w} started phase {phase} at loop time {began:g} s, before every "
                f"worker finished phase {phase - 1} (the slowest finished at {start:g} s): "
                "after each phase, wait at a Barrier shared by all workers.",
            )
            ready = (
                f"all workers had finished phase {phase - 1} at {start:g} s"
                if phase
                else "every worker could start it at 0 s"
            )
            kit.expect(
                began <= start + 1e-6,
                f"worker {w} started phase {phase} at loop time {began:g} s, late: {ready}. "
                "Did the workers run one after another? Run them all at once, one task each.",
            )
        start += max(row[phase] for row in table)
    kit.expect_loop_time(
        result,
        start,
        f"phased({what})",
        slower="It should be the sum of each phase's slowest worker.",
    )


def test_is_a_coroutine_function(kata: kit.Kata) -> None:
    """phased is an async def."""
    kata.get("phased", "coroutine")


def test_three_workers_three_phases(kata: kit.Kata) -> None:
    """3 workers x 3 phases: each phase starts when the previous phase's slowest ends."""
    run_phased(kata, TABLES["3 workers, 3 phases"], "3 workers, 3 phases")


def test_two_workers_four_phases(kata: kit.Kata) -> None:
    """2 workers x 4 phases, taking turns being the slow one."""
    run_phased(kata, TABLES["2 workers, 4 phases"], "2 workers, 4 phases")


def test_many_workers(kata: kit.Kata) -> None:
    """20 workers x 2 phases: loop == the two slowest phase times added."""
    table = [[1.0 + (w % 5), 1.0 + (w % 7)] for w in range(20)]
    run_phased(kata, table, "20 workers, 2 phases")


def test_one_worker(kata: kit.Kata) -> None:
    """A single worker just runs its phases in turn."""
    run_phased(kata, [[1.0, 2.0, 3.0]], "1 worker, 3 phases")


def test_zero_phases(kata: kit.Kata) -> None:
    """With 0 phases no worker is called."""
    phased = kata.get("phased", "coroutine")
    workers = [Worker(), Worker()]
    result = kata.run(lambda: phased(workers, 0), what="phased(2 workers, 0 phases)", limit=60)
    kit.expect(not any(w.calls for w in workers), "phased(workers, 0) called a worker; 0 phases.")
    kit.expect_loop_time(result, 0.0, "phased(2 workers, 0 phases)")


def test_no_workers(kata: kit.Kata) -> None:
    """With no workers there is nothing to run: phased returns at once."""
    phased = kata.get("phased", "coroutine")
    result = kata.run(lambda: phased([], 3), what="phased([], 3)", limit=60, raises=ValueError)
    if isinstance(result.error, ValueError):
        kit.fail(
            f"phased([], 3) raised ValueError: {result.error}. With no workers there is "
            "nothing to run: return at once (asyncio.Barrier(0) is refused)."
        )
    kit.expect_loop_time(result, 0.0, "phased([], 3)")


def test_same_worker_twice(kata: kit.Kata) -> None:
    """The same callable listed twice is two workers: each entry runs every phase."""
    phased = kata.get("phased", "coroutine")
    worker = Worker(delay=lambda phase: 1.0 + phase)
    result = kata.run(
        lambda: phased([worker, worker], 2),
        what="phased([w, w], 2), the same worker listed twice,",
        limit=600,
        hang_hint="With the same worker listed twice, a barrier never opened: each entry of "
        "`workers` is a worker of its own (parties = len(workers)), so run one task per "
        "entry, not per distinct worker (a dict or set keyed by worker merges them).",
    )
    phases = sorted(c.args[0] for c in worker.calls)
    kit.expect_equal(
        phases,
        [0, 0, 1, 1],
        "the phases run by phased([w, w], 2)",
        "Each entry of `workers` runs every phase, even when the same callable appears twice.",
    )
    kit.expect_loop_time(result, 3.0, "phased([w, w], 2) with phases of 1 s and 2 s")


TABLES_DRAWN = st.integers(1, 4).flatmap(
    lambda n: st.integers(0, 3).flatmap(
        lambda phases: st.lists(
            st.lists(st.sampled_from([0.5, 1.0, 2.0]), min_size=phases, max_size=phases),
            min_size=n,
            max_size=n,
        ).map(lambda table: (table, phases))
    )
)


def test_any_phase_table(kata: kit.Kata) -> None:
    """Any number of workers and phases, ties included: lockstep, on time."""

    @kit.drawn(
        TABLES_DRAWN,
        examples=[
            (([[1.0, 2.0], [1.0, 2.0], [0.5, 2.0]], 2),),
            (([[1.0, 1.0, 1.0], [2.0, 0.0, 0.0]], 3),),
        ],
        max_examples=25,
    )
    def check(case: tuple[list[list[float]], int]) -> None:
        table, phases = case
        run_phased(kata, table, f"{len(table)} workers, phase times {table}", phases=phases)

    check()


def test_hours_long_phase(kata: kit.Kata) -> None:
    """A phase of 2 hours: the others wait at the barrier for as long as it takes."""
    phased = kata.get("phased", "coroutine")
    table = [[1.0, 1.0], [7200.0, 1.0]]
    what = "2 workers, phase times [[1, 1], [7200, 1]]"
    workers = [Worker(delay=lambda phase, row=row: row[phase]) for row in table]
    result = kata.run(
        lambda: phased(workers, 2),
        what=f"phased({what})",
        limit=8000,
        hang_hint=HANG,
        raises=(TimeoutError, ExceptionGroup),
    )
    if result.error is not None:
        timed_out = all(isinstance(leaf, TimeoutError) for leaf in leaves_of(result.error))
        kit.expect(
            not (timed_out and workers[1].cancelled),
            f"phased({what}) raised TimeoutError at {result.loop_time:g} s, while worker 1 "
            "was still running its 7200 s phase 0: phased sets no time limit of its own. "
            "Wait at the barrier for as long as the slowest worker takes.",
        )
        kit.fail(f"phased({what}) raised {result.error!r}; it should return at 7201 s.")
    check_schedule(table, 2, workers, result, what)


def leaves_of(error: BaseException) -> list[BaseException]:
    """The exceptions inside a (possibly nested) exception group, or ``[error]``."""
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in leaves_of(inner)]
    return [error]


def test_workers_that_start_when_called(kata: kit.Kata) -> None:
    """A worker may start its phase as soon as it is called (it returns a task): so
    worker(i + 1) is called only once every worker has finished phase i."""
    phased = kata.get("phased", "coroutine")
    table = [[1.0, 1.0], [2.0, 1.0]]
    what = "2 workers that start their phase when called, phase times [[1, 1], [2, 1]]"
    workers = [EagerWorker(delay=lambda phase, row=row: row[phase]) for row in table]
    result = kata.run(lambda: phased(workers, 2), what=f"phased({what})", limit=600)
    for w, worker in enumerate(workers):
        called = worker.__dict__.get("called", {})
        if called.get(1, 2.0) < 2.0:
            kit.fail(
                f"phased({what}) called worker {w} for phase 1 at {called[1]:g} s, before "
                "every worker finished phase 0 (at 2 s): calling a worker may start its "
                "phase, so call worker(i + 1) only after the barrier, not up front."
            )
    check_schedule(table, 2, workers, result, what)


def test_same_worker_twice_beside_another(kata: kit.Kata) -> None:
    """[a, b, a]: the two entries of `a` are two parties of the barrier, so neither starts
    phase 1 before the slower `b` has finished phase 0."""
    phased = kata.get("phased", "coroutine")
    fast, slow = Worker(delay=lambda phase: 1.0), Worker(delay=lambda phase: 3.0)
    what = "phased([a, b, a], 2), the same worker `a` (1 s a phase) listed twice beside `b` (3 s)"
    finished: list[bool] = []

    async def scenario() -> None:
        """phased, stopped after 60 s: a barrier that opened early leaves one task waiting
        forever, and the early start is the cause to name."""
        task = asyncio.ensure_future(phased([fast, slow, fast], 2))
        await asyncio.wait({task}, timeout=60.0)
        task.cancel()
        await asyncio.wait({task})
        if not task.cancelled():
            finished.append(True)
            task.result()

    kata.run(scenario, what=what, limit=600)
    early = [c.started for c in fast.calls if c.args == (1,) and c.started < 3.0 - 1e-6]
    kit.expect(
        not early,
        f"{what}: `a` started phase 1 at loop time {min(early or [0.0]):g} s, before `b` "
        "finished phase 0 (at 3 s). Every entry of `workers` is a party of the barrier, "
        "even when the same callable appears twice: parties = len(workers).",
    )
    kit.expect(finished, f"{what} never finished. {HANG}")
    kit.expect_equal(
        sorted(c.args[0] for c in fast.calls),
        [0, 0, 1, 1],
        "the phases `a` ran in phased([a, b, a], 2)",
        "Each entry of `workers` runs every phase, even when the same callable appears twice.",
    )
    kit.expect_equal(
        [c.started for c in fast.calls + slow.calls if c.args == (1,)],
        [3.0, 3.0, 3.0],
        f"the loop times at which {what} started phase 1",
        "Phase 1 starts for everyone when the slowest worker has finished phase 0.",
    )


def test_each_call_has_its_own_barrier(kata: kit.Kata) -> None:
    """phased(2 workers, 1 phase), then phased(4 workers, 2 phases) on the same loop: in the
    second call no worker starts phase 1 before all four have finished phase 0."""
    phased = kata.get("phased", "coroutine")
    first = [Worker(delay=1.0), Worker(delay=1.0)]
    rows = [[1.0, 1.0], [1.0, 1.0], [3.0, 1.0], [3.0, 1.0]]
    second = [Worker(delay=lambda phase, row=row: row[phase]) for row in rows]
    what = "phased(2 workers, 1 phase), then phased(4 workers, 2 phases)"

    async def both() -> None:
        await phased(first, 1)
        await phased(second, 2)

    hint = (
        "Each call has its own barrier: make asyncio.Barrier(len(workers)) inside phased, "
        "afresh for each call, not once at module level (nor once per event loop)."
    )
    result = kata.run(both, what=what, limit=600, hang_hint=hint)
    for w, worker in enumerate(second):
        starts = {call.args[0]: call.started for call in worker.calls}
        kit.expect(
            sorted(starts) == [0, 1],
            f"in {what}, worker {w} of the second call ran phases {sorted(starts)}; "
            f"expected [0, 1]. {hint}",
        )
        kit.expect(
            starts[1] >= 4.0,
            f"in {what}, worker {w} of the second call started phase 1 at {starts[1]:g} s, "
            "before every worker of that call had finished phase 0 (at 4 s): each call has "
            "its own barrier, with parties = that call's number of workers. Make "
            "asyncio.Barrier(len(workers)) inside phased, afresh for each call, not once at "
            "module level (nor once per event loop).",
        )
    kit.expect_loop_time(result, 1.0 + 3.0 + 1.0, what)


def test_two_calls_at_once_keep_their_own_barriers(kata: kit.Kata) -> None:
    """phased(2 workers of 1 s a phase, 2 phases) and phased(3 workers of 3 s then 1 s, 2
    phases) at the same time on one loop: the first starts phase 1 at 1 s and ends at 2 s,
    the second starts phase 1 at 3 s and ends at 4 s (each call meets at its own barrier)."""
    phased = kata.get("phased", "coroutine")
    quick = [Worker(delay=1.0) for _ in range(2)]
    slow = [Worker(delay=lambda phase: 3.0 if phase == 0 else 1.0) for _ in range(3)]
    what = (
        "phased(2 workers of 1 s a phase, 2 phases) and phased(3 workers of 3 s then 1 s, "
        "2 phases) at once"
    )
    ends: dict[str, float] = {}

    async def timed(name: str, workers: list[Worker]) -> None:
        await phased(workers, 2)
        ends[name] = kit.now()

    async def scenario() -> None:
        """Both calls, stopped after 60 s: a barrier shared by the calls opens for the wrong
        workers and may leave some waiting forever; the early or late start is the cause."""
        tasks = {
            asyncio.ensure_future(timed("first", quick)),
            asyncio.ensure_future(timed("second", slow)),
        }
        await asyncio.wait(tasks, timeout=60.0)
        for task in tasks:
            task.cancel()
        await asyncio.wait(tasks)
        for task in tasks:
            if not task.cancelled():
                task.result()

    kata.run(scenario, what=what, limit=600)
    hint = (
        "Each call has its own barrier: make asyncio.Barrier(len(workers)) inside phased and "
        "let its workers wait at that one (a local name they close over), not at a "
        "module-level name that the next call rebinds."
    )
    for name, workers, due, end in (("first", quick, 1.0, 2.0), ("second", slow, 3.0, 4.0)):
        for w, worker in enumerate(workers):
            starts = {call.args[0]: call.started for call in worker.calls}
            shown = ", ".join(f"{starts[phase]:g}" for phase in sorted(starts))
            kit.expect(
                sorted(starts) == [0, 1] and starts[0] == 0.0 and starts[1] == due,
                f"in {what}, worker {w} of the {name} call started its phases at [{shown}] s; "
                f"expected [0, {due:g}] s. {hint}",
            )
        kit.expect(
            ends.get(name) == end,
            f"in {what}, the {name} call "
            + (f"returned at {ends[name]:g} s" if name in ends else "never returned")
            + f"; expected at {end:g} s. {hint}",
        )
