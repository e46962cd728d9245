"""Wrong: workers spin on asyncio.sleep(0) until go is set (busy waiting)."""

import asyncio

EXPECT = "polling"


async def start_gate(n, go, work):
    loop = asyncio.get_running_loop()
    starts = [0.0] * n

    async def worker(i):
        while not go.is_set():
            await asyncio.sleep(0)
        starts[i] = loop.time()
        await work(i)

    await asyncio.gather(*(worker(i) for i in range(n)))
    return starts
