"""Wrong: releases only when cancelled, so an error from use() leaks the resource."""

import asyncio

EXPECT = "release() was never called"


async def worker(resource):
    await resource.acquire()
    try:
        while True:
            await resource.use()
    except asyncio.CancelledError:
        resource.release()
        raise
