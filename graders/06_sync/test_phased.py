"""Grader for 06_sync/phased: workers in lockstep through phases, meeting at a Barrier.

Checks: every worker runs phases 0..phases-1 in order, once each; every worker starts phase
i at the exact loop time the slowest worker finished phase i-1 (not before: no barrier;
not after: workers run one after another); loop == the sum of each phase's slowest.
"""

from __future__ import annotations

import kit

TABLES = {
    "3 workers, 3 phases": [[1.0, 3.0, 1.0], [2.0, 1.0, 1.0], [0.5, 0.5, 4.0]],
    "2 workers, 4 phases": [[1.0, 2.0, 1.0, 2.0], [2.0, 1.0, 2.0, 1.0]],
}


def run_phased(kata: kit.Kata, table: list[list[float]], what: str) -> list[kit.Probe]:
    """Run phased on probe workers whose phase times come from ``table``; check timings."""
    phased = kata.get("phased", "coroutine")
    phases = len(table[0])
    workers = [kit.Probe(delay=lambda phase, row=row: row[phase]) for row in table]
    result = kata.run(
        lambda: phased(workers, phases),
        what=f"phased({what})",
        limit=600,
        hang_hint="A barrier never opened: asyncio.Barrier(parties) opens when `parties` "
        "tasks wait, so parties must be the number of workers, and every worker must wait "
        "at it after every phase.",
    )
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
            kit.expect(
                began <= start + 1e-6,
                f"worker {w} started phase {phase} at loop time {began:g} s, late: all "
                f"workers had finished phase {phase - 1} at {start:g} s. Did the workers run "
                "one after another? Run them all at once, one task each.",
            )
        start += max(row[phase] for row in table)
    kit.expect_loop_time(
        result,
        start,
        f"phased({what})",
        slower="It should be the sum of each phase's slowest worker.",
    )
    return workers


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
    workers = [kit.Probe(), kit.Probe()]
    result = kata.run(lambda: phased(workers, 0), what="phased(2 workers, 0 phases)", limit=60)
    kit.expect(not any(w.calls for w in workers), "phased(workers, 0) called a worker; 0 phases.")
    kit.expect_loop_time(result, 0.0, "phased(2 workers, 0 phases)")
