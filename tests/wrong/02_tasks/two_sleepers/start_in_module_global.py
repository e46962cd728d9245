"""Wrong: keeps the start time in a module-level name; a second call started while the
first is still sleeping overwrites it, and the first call returns too little."""

import asyncio

EXPECT = "returned 3.0 and 2.0; expected 4 and 2"

_start = 0.0


async def two_sleepers(a=10.0, b=5.0):
    global _start
    loop = asyncio.get_running_loop()
    _start = loop.time()
    first = asyncio.create_task(asyncio.sleep(a))
    second = asyncio.create_task(asyncio.sleep(b))
    await first
    await second
    return loop.time() - _start
