"""Wrong: the barrier has len(set(workers)) parties, so a callable listed twice lets the barrier open before a slower worker has finished the phase."""

import asyncio

EXPECT = "before `b` finished phase 0"


async def phased(workers, phases):
    if not workers or phases <= 0:
        return
    barrier = asyncio.Barrier(len(set(workers)))

    async def run(worker):
        for i in range(phases):
            await worker(i)
            await barrier.wait()

    await asyncio.gather(*(run(worker) for worker in workers))
