"""Wrong: keeps the barrier in a module-level name that each call rebinds; the workers read
that name when they reach it, so two calls at once meet at the second call's barrier."""

import asyncio

EXPECT = "worker 0 of the first call started its phases at [0, 3] s"

_barrier = None


async def phased(workers, phases):
    global _barrier
    if not workers:
        return
    _barrier = asyncio.Barrier(len(workers))

    async def run(worker):
        for phase in range(phases):
            await worker(phase)
            await _barrier.wait()

    await asyncio.gather(*(run(w) for w in workers))
