"""Wrong: returns the start times once every worker has started, without waiting for their
work to finish."""

import asyncio

EXPECT = "still running"


async def start_gate(n, go, work):
    loop = asyncio.get_running_loop()
    starts = [None] * n
    started = [asyncio.Event() for _ in range(n)]

    async def worker(i):
        await go.wait()
        starts[i] = loop.time()
        started[i].set()
        await work(i)

    for i in range(n):
        asyncio.create_task(worker(i))
    for event in started:
        await event.wait()
    return starts
