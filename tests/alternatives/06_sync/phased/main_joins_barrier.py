"""Correct in another style: the barrier has one party more than there are workers, and
phased itself waits at it once per phase, then gathers the worker tasks."""

import asyncio


async def phased(workers, phases):
    if not workers:
        return
    barrier = asyncio.Barrier(len(workers) + 1)

    async def run(worker):
        for phase in range(phases):
            await worker(phase)
            await barrier.wait()

    tasks = [asyncio.create_task(run(w)) for w in workers]
    for _ in range(phases):
        await barrier.wait()
    await asyncio.gather(*tasks)
