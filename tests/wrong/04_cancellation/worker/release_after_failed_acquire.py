"""Wrong: releases on any error but a cancellation, so an acquire() that fails (and never got
the resource) is released all the same."""

import asyncio

EXPECT = "though acquire() failed"


async def worker(resource):
    acquired = False
    try:
        await resource.acquire()
        acquired = True
        while True:
            await resource.use()
    except asyncio.CancelledError:
        if acquired:
            resource.release()
        raise
    except BaseException:
        resource.release()  # clean up whatever acquire() got half way
        raise
