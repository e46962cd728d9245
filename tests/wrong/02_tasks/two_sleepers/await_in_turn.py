"""Wrong: awaits one coroutine after the other, so the sleeps add up (15 s)."""

import asyncio

EXPECT = "sum of both sleeps"


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(a)
    await asyncio.sleep(b)
    return loop.time() - start
