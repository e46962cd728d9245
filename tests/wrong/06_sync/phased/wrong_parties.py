"""Wrong: the Barrier counts one party too many (the caller), so it never opens."""

import asyncio

EXPECT = "number of workers"


async def phased(workers, phases):
    barrier = asyncio.Barrier(len(workers) + 1)

    async def run(worker):
        for phase in range(phases):
            await worker(phase)
            await barrier.wait()

    await asyncio.gather(*(run(w) for w in workers))
