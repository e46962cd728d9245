"""Wrong: each worker waits for go with wait_for(..., timeout=60): a gate opened after a minute raises."""

import asyncio

EXPECT = "the workers gave up waiting"


async def start_gate(n, go, work):
    loop = asyncio.get_running_loop()

    async def worker(i):
        await asyncio.wait_for(go.wait(), timeout=60)  # don't wait forever
        started = loop.time()
        await work(i)
        return started

    return list(await asyncio.gather(*(worker(i) for i in range(n))))
