"""Wrong: each worker "resets the gate" with go.clear() once it is through: when `go` was
already set, the first worker clears it and the others wait forever."""

import asyncio

EXPECT = "called go.clear()"


async def start_gate(n, go, work):
    loop = asyncio.get_running_loop()

    async def worker(i):
        await go.wait()
        go.clear()
        started = loop.time()
        await work(i)
        return started

    return list(await asyncio.gather(*(worker(i) for i in range(n))))
