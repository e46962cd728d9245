"""Wrong: awaits only the first task; the second may still be sleeping."""

import asyncio

EXPECT = "still"


async def two_sleepers(a=10.0, b=5.0):
    loop = asyncio.get_running_loop()
    start = loop.time()
    first = asyncio.create_task(asyncio.sleep(a))
    asyncio.create_task(asyncio.sleep(b))  # noqa: RUF006
    await first
    return loop.time() - start
