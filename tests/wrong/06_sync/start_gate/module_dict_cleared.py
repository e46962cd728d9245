"""Wrong: the start times live in a dict at module level, cleared at the start of each call:
two calls at once write into the same dict, and one returns the other's times."""

import asyncio

EXPECT = "each call returns its own workers' start times"

_times = {}


async def start_gate(n, go, work):
    loop = asyncio.get_running_loop()
    _times.clear()

    async def worker(i):
        await go.wait()
        _times[i] = loop.time()
        await work(i)

    await asyncio.gather(*(worker(i) for i in range(n)))
    return [_times[i] for i in range(n)]
