"""Wrong: catches CancelledError inside the loop and goes on using the resource."""

import asyncio

EXPECT = "the CancelledError was caught inside the loop"


async def worker(resource):
    await resource.acquire()
    try:
        while True:
            try:
                await resource.use()
            except asyncio.CancelledError:
                continue
    finally:
        resource.release()
