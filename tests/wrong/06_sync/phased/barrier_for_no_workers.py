"""Wrong: Barrier(len(workers)) even with no workers: asyncio.Barrier(0) raises ValueError."""

import asyncio

EXPECT = "With no workers there is nothing to run"


async def phased(workers, phases):
    barrier = asyncio.Barrier(len(workers))

    async def run(worker):
        for phase in range(phases):
            await worker(phase)
            await barrier.wait()

    async with asyncio.TaskGroup() as group:
        for worker in workers:
            group.create_task(run(worker))
