"""Wrong: releases, then raises a new OSError with more context instead of the one use() raised."""

import asyncio

EXPECT = "not the OSError use() raised"


async def worker(resource):
    await resource.acquire()
    try:
        while True:
            await resource.use()
    except asyncio.CancelledError:
        raise
    except OSError as exc:
        raise OSError(f"worker lost its resource: {exc}") from exc
    finally:
        resource.release()
