"""Wrong: workers poll go.is_set() with asyncio.sleep instead of awaiting go.wait()."""

import asyncio

EXPECT = "polling"


async def start_gate(n, go, work):
    loop = asyncio.get_running_loop()

    async def worker(i):
        while not go.is_set():
            await asyncio.sleep(0.01)
        started = loop.time()
        await work(i)
        return started

    return await asyncio.gather(*(worker(i) for i in range(n)))
