"""Wrong: calls work(i) for every worker up front and hands each worker the awaitable to
await after `go`: a work callable that starts its job when called runs before the gate opens."""

import asyncio

EXPECT = "called work(0) at loop time 0 s, before `go` was set"


async def start_gate(n, go, work):
    loop = asyncio.get_running_loop()

    async def worker(job):
        await go.wait()
        started = loop.time()
        await job
        return started

    jobs = [work(i) for i in range(n)]
    return list(await asyncio.gather(*(worker(job) for job in jobs)))
