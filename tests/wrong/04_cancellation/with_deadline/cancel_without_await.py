"""Wrong: cancels fn() at the deadline but returns before it has stopped."""

import asyncio

EXPECT = "it had been cancelled, but cancel() only asks"


async def with_deadline(fn, seconds):
    task = asyncio.ensure_future(fn())
    done, _ = await asyncio.wait([task], timeout=seconds)
    if task in done:
        return task.result()
    task.cancel()
    return None
