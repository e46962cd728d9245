"""Wrong: checks every 0.5 s whether all are done, so it returns up to 0.5 s late."""

import asyncio

EXPECT = "should return then"


async def shutdown(tasks, grace):
    tasks = list(tasks)
    for t in tasks:
        t.cancel()
    loop = asyncio.get_running_loop()
    end = loop.time() + grace
    while loop.time() < end and not all(t.done() for t in tasks):
        await asyncio.sleep(min(0.5, end - loop.time()))
    return [t for t in tasks if not t.done()]
