"""Wrong: asyncio.wait(timeout=) stops waiting but leaves fn() running in the background."""

import asyncio

EXPECT = "stopped waiting for it without cancelling it"


async def with_deadline(fn, seconds):
    task = asyncio.ensure_future(fn())
    done, _ = await asyncio.wait([task], timeout=seconds)
    if task in done:
        return task.result()
    return None
