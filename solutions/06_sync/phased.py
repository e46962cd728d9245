"""Phased: workers move through phases in lockstep at an asyncio.Barrier (reference solution)."""

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Any


async def phased(workers: Sequence[Callable[[int], Awaitable[Any]]], phases: int) -> None:
    """Run every worker through `phases` phases, all in step, meeting at a Barrier."""
    if not workers:
        return  # nothing to run (and a Barrier needs at least one party)
    # One party per worker: the barrier opens when all of them have arrived.
    barrier = asyncio.Barrier(len(workers))

    async def run(worker: Callable[[int], Awaitable[Any]]) -> None:
        for phase in range(phases):
            await worker(phase)
            await barrier.wait()  # the barrier resets itself for the next phase

    async with asyncio.TaskGroup() as group:
        for worker in workers:
            group.create_task(run(worker))
