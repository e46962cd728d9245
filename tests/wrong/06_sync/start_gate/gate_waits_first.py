"""Wrong: start_gate itself waits for `go` before it starts any worker; with no workers it
still waits."""

import asyncio

EXPECT = "did start_gate itself await it"


async def start_gate(n, go, work):
    await go.wait()
    loop = asyncio.get_running_loop()

    async def worker(i):
        started = loop.time()
        await work(i)
        return started

    return list(await asyncio.gather(*(worker(i) for i in range(n))))
