"""Correct in another style: time.monotonic(), the very clock asyncio's event loop reads (on
the grader's virtual-time loop the kit makes it read loop time, as it would on a real loop)."""

import asyncio
import time


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    start = time.monotonic()
    await asyncio.gather(asyncio.sleep(a), asyncio.sleep(b))
    return time.monotonic() - start
