"""Wrong: one loop waits for go and then awaits each work(i) in turn."""

import asyncio

EXPECT = "one after another"


async def start_gate(n, go, work):
    loop = asyncio.get_running_loop()
    starts = []
    await go.wait()
    for i in range(n):
        starts.append(loop.time())
        await work(i)
    return starts
