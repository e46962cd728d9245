"""Wrong: `await asyncio.create_task(...)` on one line waits for each task before the next starts."""

import asyncio

EXPECT = "sum of both sleeps"


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.create_task(asyncio.sleep(a))
    await asyncio.create_task(asyncio.sleep(b))
    return loop.time() - start
