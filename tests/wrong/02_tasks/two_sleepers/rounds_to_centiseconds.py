"""Wrong: rounds the measured time to 2 decimals "to hide float noise", so a wait of 4 ms comes back as 0.0."""

import asyncio

EXPECT = "which is the elapsed loop time, 0.004 s, rounded"


async def two_sleepers(a=10.0, b=5.0):
    loop = asyncio.get_running_loop()
    start = loop.time()
    first = asyncio.create_task(asyncio.sleep(a))
    second = asyncio.create_task(asyncio.sleep(b))
    await first
    await second
    return round(loop.time() - start, 2)
