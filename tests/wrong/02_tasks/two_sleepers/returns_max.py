"""Wrong: returns max(a, b), a number it computed, instead of the time it measured."""

import asyncio

EXPECT = "Return what you measured"


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    first = asyncio.create_task(asyncio.sleep(a))
    second = asyncio.create_task(asyncio.sleep(b))
    await first
    await second
    return float(max(a, b))
