"""Phased: workers move through phases in lockstep, meeting at an asyncio.Barrier.

Write `phased(workers, phases)`. `workers` is a list of async callables; `await worker(i)`
runs that worker's phase `i`. Run every worker concurrently through phases
0, 1, ..., phases-1, with one rule: no worker starts phase i+1 before every worker has
finished phase i. Return when all workers have finished the last phase.

An `asyncio.Barrier(parties)` is made for exactly this: `await barrier.wait()` blocks until
`parties` tasks are waiting, then releases them all at once (and resets for the next
round). Give each worker a task that loops over the phases: run the phase, then wait at
the barrier shared by all workers (parties = the number of workers).

    2 workers, 2 phases; phase times: worker A 1 s then 3 s, worker B 2 s then 1 s
    -> phase 0 ends at 2 s (the slower, B), phase 1 ends at 2 + 3 = 5 s

So the loop time is the sum, over the phases, of each phase's slowest worker. Every entry
of `workers` is a worker of its own, even when the same callable appears twice; with no
workers (or 0 phases) there is nothing to run, and `phased` returns at once.

Key API: `asyncio.Barrier(parties)` (Python 3.11+), `await barrier.wait()`,
`asyncio.TaskGroup` or `asyncio.gather()`.

Grade it: nox -s grade -- phased
"""

from collections.abc import Awaitable, Callable, Sequence
from typing import Any


async def phased(workers: Sequence[Callable[[int], Awaitable[Any]]], phases: int) -> None:
    """Run every worker through `phases` phases, all in step, meeting at a Barrier."""
    raise NotImplementedError("one task per worker: run phase i, then await barrier.wait()")
