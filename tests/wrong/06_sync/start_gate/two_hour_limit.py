"""Wrong: each worker gives up waiting for `go` after two hours (a limit of its own)."""

import asyncio

EXPECT = "`go` was set at 1e+07 s"


async def start_gate(n, go, work):
    loop = asyncio.get_running_loop()

    async def worker(i):
        await asyncio.wait_for(go.wait(), timeout=2 * 3600)
        started = loop.time()
        await work(i)
        return started

    return list(await asyncio.gather(*(worker(i) for i in range(n))))
