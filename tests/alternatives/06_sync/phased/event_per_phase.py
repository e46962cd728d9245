"""Correct in another style: a hand-made barrier, one Event per phase, set by the last
worker to arrive (the count of arrivals per phase is the list `arrived`)."""

import asyncio


async def phased(workers, phases):
    arrived = [0] * phases
    opened = [asyncio.Event() for _ in range(phases)]

    async def run(worker):
        for phase in range(phases):
            await worker(phase)
            arrived[phase] += 1
            if arrived[phase] == len(workers):
                opened[phase].set()
            await opened[phase].wait()

    await asyncio.gather(*(run(w) for w in workers))
