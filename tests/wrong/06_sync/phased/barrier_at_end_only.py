"""Wrong: waits at the barrier only once, after the last phase."""

import asyncio

EXPECT = "before every worker finished"


async def phased(workers, phases):
    barrier = asyncio.Barrier(len(workers))

    async def run(worker):
        for phase in range(phases):
            await worker(phase)
        await barrier.wait()

    await asyncio.gather(*(run(w) for w in workers))
