# ruff: noqa
"""Attack 13: sleep one after the other, but move the second sleep's timer to now (the loop's
private heap of timers): the clock only ever moves forward, by the longer sleep."""

import asyncio


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    loop = asyncio.get_running_loop()
    start = loop.time()

    def shrink(delay: float) -> None:
        for handle in loop._scheduled:
            if abs(handle._when - loop.time() - delay) < 1e-6:
                handle._when = loop.time()

    for i, delay in enumerate(sorted((a, b), reverse=True)):
        task = asyncio.create_task(asyncio.sleep(delay))
        if i:
            loop.call_soon(shrink, delay)
        await task
    return loop.time() - start
