"""Wrong: each worker runs all its phases without waiting for the others."""

import asyncio

EXPECT = "before every worker finished"


async def phased(workers, phases):
    async def run(worker):
        for phase in range(phases):
            await worker(phase)

    await asyncio.gather(*(run(w) for w in workers))
