"""Correct in another style: a TaskGroup awaits both tasks when the block ends."""

import asyncio


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with asyncio.TaskGroup() as group:
        group.create_task(asyncio.sleep(a))
        group.create_task(asyncio.sleep(b))
    return loop.time() - start
