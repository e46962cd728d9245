"""Wrong: measures with time.monotonic(), which is not the event loop's clock."""

import asyncio
import time

EXPECT = "not the loop's clock"


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    start = time.monotonic()
    await asyncio.gather(asyncio.sleep(a), asyncio.sleep(b))
    return time.monotonic() - start
