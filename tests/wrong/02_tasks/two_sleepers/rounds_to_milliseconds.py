"""Wrong: rounds the measured time to whole milliseconds, so a wait of 1.25 ms comes back as 0.001."""

import asyncio

EXPECT = "which is the elapsed loop time, 0.00125 s, rounded"


async def two_sleepers(a=10.0, b=5.0):
    loop = asyncio.get_running_loop()
    start = loop.time()
    first = asyncio.create_task(asyncio.sleep(a))
    second = asyncio.create_task(asyncio.sleep(b))
    await first
    await second
    return round(loop.time() - start, 3)
