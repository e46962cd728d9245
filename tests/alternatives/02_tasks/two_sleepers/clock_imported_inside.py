"""Correct in another style: the clock is imported inside the function (from time import
monotonic), the clock asyncio's event loop reads."""

import asyncio


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    from time import monotonic

    start = monotonic()
    await asyncio.gather(asyncio.sleep(a), asyncio.sleep(b))
    return monotonic() - start
