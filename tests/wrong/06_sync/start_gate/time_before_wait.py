"""Wrong: each worker notes its start time before waiting for `go`."""

import asyncio

EXPECT = "expected the 5 workers' start loop times"


async def start_gate(n, go, work):
    loop = asyncio.get_running_loop()

    async def worker(i):
        started = loop.time()
        await go.wait()
        await work(i)
        return started

    return list(await asyncio.gather(*(worker(i) for i in range(n))))
