# ruff: noqa
"""Attack 15: replace asyncio.all_tasks, with which the kit looks for tasks left running
(one line that lets drain_and_stop, batched or merge pass without awaiting what they
cancel); here next to the reference's code."""

import asyncio

asyncio.all_tasks = lambda loop=None: set()


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    loop = asyncio.get_running_loop()
    start = loop.time()
    first = asyncio.create_task(asyncio.sleep(a))
    second = asyncio.create_task(asyncio.sleep(b))
    await first
    await second
    return loop.time() - start
