"""Wrong: the start times go into a mutable default argument, `starts=[]`, made once with
the function: every call appends to the same list, so a second call returns the first
call's times too."""

import asyncio

EXPECT = "a mutable default argument"


async def start_gate(n, go, work, starts=[]):
    loop = asyncio.get_running_loop()

    async def worker(i):
        await go.wait()
        starts.append(loop.time())
        await work(i)

    await asyncio.gather(*(worker(i) for i in range(n)))
    return starts
