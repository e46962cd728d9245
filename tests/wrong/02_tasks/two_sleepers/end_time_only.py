"""Wrong: returns the loop's clock at the end, not the time elapsed since the start."""

import asyncio

EXPECT = "subtract the time read at the start"


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    await asyncio.gather(asyncio.create_task(asyncio.sleep(a)), asyncio.create_task(asyncio.sleep(b)))
    return asyncio.get_running_loop().time()
