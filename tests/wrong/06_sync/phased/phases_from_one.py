"""Wrong: the phases are numbered 1 to phases, not 0 to phases-1 (an off-by-one range)."""

import asyncio

EXPECT = "the phases worker 0 ran was [1, 2, 3]; expected [0, 1, 2]"


async def phased(workers, phases):
    if not workers:
        return
    barrier = asyncio.Barrier(len(workers))

    async def run(worker):
        for phase in range(1, phases + 1):
            await worker(phase)
            await barrier.wait()

    await asyncio.gather(*(run(worker) for worker in workers))
