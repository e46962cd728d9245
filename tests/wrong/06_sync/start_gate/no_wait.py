"""Wrong: the workers never wait for go."""

import asyncio

EXPECT = "before `go` was set"


async def start_gate(n, go, work):
    loop = asyncio.get_running_loop()

    async def worker(i):
        started = loop.time()
        await work(i)
        return started

    return await asyncio.gather(*(worker(i) for i in range(n)))
