"""Two sleepers: run two waits at the same time (reference solution)."""

import asyncio


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    """Sleep `a` and `b` seconds in two concurrent tasks; return the elapsed loop time."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    first = asyncio.create_task(asyncio.sleep(a))
    second = asyncio.create_task(asyncio.sleep(b))
    await first
    await second
    return loop.time() - start
