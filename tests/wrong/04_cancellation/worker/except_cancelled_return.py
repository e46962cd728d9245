"""Wrong: `except CancelledError: release(); return` swallows the cancellation."""

import asyncio

EXPECT = "swallows the cancellation"


async def worker(resource):
    await resource.acquire()
    try:
        while True:
            await resource.use()
    except asyncio.CancelledError:
        resource.release()
        return
