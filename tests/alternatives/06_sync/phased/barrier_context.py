"""Correct in another style: gather of worker loops, Barrier used as `async with`."""

import asyncio


async def phased(workers, phases):
    if not workers:
        return
    barrier = asyncio.Barrier(len(workers))

    async def run(worker):
        for phase in range(phases):
            await worker(phase)
            async with barrier:
                pass

    await asyncio.gather(*(run(w) for w in workers))
