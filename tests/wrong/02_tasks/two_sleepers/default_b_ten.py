"""Wrong: a slip in the signature makes b default to 10, so two_sleepers() sleeps 10 s twice instead of 10 s and 5 s."""

import asyncio

EXPECT = "The defaults are a=10 and b=5"


async def two_sleepers(a: float = 10.0, b: float = 10.0) -> float:
    """Sleep `a` and `b` seconds in two concurrent tasks; return the elapsed loop time."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    first = asyncio.create_task(asyncio.sleep(a))
    second = asyncio.create_task(asyncio.sleep(b))
    await first
    await second
    return loop.time() - start
