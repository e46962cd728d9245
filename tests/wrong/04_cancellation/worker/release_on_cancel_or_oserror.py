"""Wrong: releases only for the two stops it expects, CancelledError and OSError: any other
error from use() (a RuntimeError, say) stops the worker without a release."""

import asyncio

EXPECT = "release() was never called when use() raised RuntimeError"


async def worker(resource):
    await resource.acquire()
    try:
        while True:
            await resource.use()
    except (asyncio.CancelledError, OSError):
        resource.release()
        raise
