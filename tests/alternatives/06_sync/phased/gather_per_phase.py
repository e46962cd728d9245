"""Correct in another style: one gather per phase (the end of a gather is the barrier)."""

import asyncio


async def phased(workers, phases):
    for phase in range(phases):
        await asyncio.gather(*(worker(phase) for worker in workers))
