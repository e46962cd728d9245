"""Wrong: gathers every job, then picks the k fastest: as slow as the slowest job."""

import asyncio

EXPECT = "did you wait for all of them"


async def first_k(factories, k: int) -> list:
    loop = asyncio.get_running_loop()

    async def timed(make):
        value = await make()
        return loop.time(), value

    finished = await asyncio.gather(*(timed(make) for make in factories))
    return [value for _, value in sorted(finished, key=lambda pair: pair[0])[:k]]
