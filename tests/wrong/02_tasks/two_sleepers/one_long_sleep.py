"""Wrong: sleeps once, for the longer of the two, instead of two tasks sleeping a and b."""

import asyncio

EXPECT = "one sleeping a seconds and the other b seconds"


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.create_task(asyncio.sleep(max(a, b)))
    return loop.time() - start
