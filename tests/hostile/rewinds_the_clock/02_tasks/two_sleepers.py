# ruff: noqa
"""Attack 12: sleep one after the other, then wind the virtual clock back (looptime's
private counter of microseconds) by the shorter sleep."""

import asyncio


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.create_task(asyncio.sleep(a))
    await asyncio.create_task(asyncio.sleep(b))
    loop._LoopTimeEventLoop__now -= round(min(a, b) * 1e6)
    return loop.time() - start
