"""Wrong: releases, then raises a new CancelledError of its own instead of letting the one it
was cancelled with carry on: the cancel message (task.cancel("why")) is lost."""

import asyncio

EXPECT = "not the one it was cancelled with"


async def worker(resource):
    await resource.acquire()
    try:
        while True:
            await resource.use()
    except asyncio.CancelledError:
        resource.release()
        raise asyncio.CancelledError("worker stopped") from None
    except BaseException:
        resource.release()
        raise
