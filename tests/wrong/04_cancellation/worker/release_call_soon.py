"""Wrong: schedules release() for later with call_soon, so it runs after the worker ended."""

import asyncio

EXPECT = "release() had been called 0 time(s)"


async def worker(resource):
    await resource.acquire()
    try:
        while True:
            await resource.use()
    finally:
        asyncio.get_running_loop().call_soon(resource.release)
