"""Wrong: each worker counts itself finished, then polls the count with
`await asyncio.sleep(0.5)` until every worker has finished the phase: it wakes up late."""

import asyncio

EXPECT = "that is polling"


async def phased(workers, phases):
    finished = [0] * phases

    async def run(worker):
        for phase in range(phases):
            await worker(phase)
            finished[phase] += 1
            while finished[phase] < len(workers):
                await asyncio.sleep(0.5)

    await asyncio.gather(*(run(w) for w in workers))
