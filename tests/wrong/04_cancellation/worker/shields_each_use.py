"""Wrong: shields every use() so that none is cut in half: once stopped, the worker releases
the resource while the shielded use() still runs on in the background."""

import asyncio

EXPECT = "were still running (resource.use)"


async def worker(resource):
    await resource.acquire()
    try:
        while True:
            await asyncio.shield(resource.use())
    finally:
        resource.release()
