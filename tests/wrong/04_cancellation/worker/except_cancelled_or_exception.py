"""Wrong: `except (CancelledError, Exception): release(); raise` misses the other
BaseExceptions (KeyboardInterrupt, SystemExit, ...): stopped by one, it never releases."""

import asyncio

EXPECT = "a BaseException that is not an Exception"


async def worker(resource):
    await resource.acquire()
    try:
        while True:
            await resource.use()
    except (asyncio.CancelledError, Exception):
        resource.release()
        raise
