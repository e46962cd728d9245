"""Correct in another style: each worker meets the others at the barrier *before* each
phase (phase 0 starts when all have arrived, at once), and the caller's gather waits for
the last phase."""

import asyncio


async def phased(workers, phases):
    if not workers or not phases:
        return
    barrier = asyncio.Barrier(len(workers))

    async def run(worker):
        for phase in range(phases):
            await barrier.wait()
            await worker(phase)

    await asyncio.gather(*(run(w) for w in workers))
