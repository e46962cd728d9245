"""Wrong: each worker waits at the barrier for at most an hour ("in case a worker died"): a
phase whose slowest worker takes longer makes the faster workers raise TimeoutError."""

import asyncio

EXPECT = "phased sets no time limit of its own"

BARRIER_LIMIT = 3600.0


async def phased(workers, phases):
    if not workers:
        return
    barrier = asyncio.Barrier(len(workers))

    async def run(worker):
        for phase in range(phases):
            await worker(phase)
            await asyncio.wait_for(barrier.wait(), BARRIER_LIMIT)

    async with asyncio.TaskGroup() as group:
        for worker in workers:
            group.create_task(run(worker))
