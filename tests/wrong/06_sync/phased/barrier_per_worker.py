"""Wrong: each worker task makes its own Barrier: nobody else ever arrives at it."""

import asyncio

EXPECT = "one Barrier shared by all workers"


async def phased(workers, phases):
    async def run(worker):
        barrier = asyncio.Barrier(len(workers))
        for phase in range(phases):
            await worker(phase)
            await barrier.wait()

    async with asyncio.TaskGroup() as group:
        for worker in workers:
            group.create_task(run(worker))
