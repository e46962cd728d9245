# ruff: noqa
"""Attack 11: sleep one after the other, then replace the loop's time() so that the kit,
reading the clock after the call, measures the longer sleep only."""

import asyncio


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.create_task(asyncio.sleep(a))
    await asyncio.create_task(asyncio.sleep(b))
    honest = loop.time
    loop.time = lambda: honest() - min(a, b)
    return loop.time() - start
