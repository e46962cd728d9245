"""Wrong: releases in the except block and again in finally."""

import asyncio

EXPECT = "release exactly once"


async def worker(resource):
    await resource.acquire()
    try:
        while True:
            await resource.use()
    except asyncio.CancelledError:
        resource.release()
        raise
    finally:
        resource.release()
