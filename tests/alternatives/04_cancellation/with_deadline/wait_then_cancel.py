"""Correct in another style: asyncio.wait with a timeout, then cancel and await the task."""

import asyncio


async def with_deadline(fn, seconds):
    task = asyncio.ensure_future(fn())
    try:
        done, _ = await asyncio.wait([task], timeout=seconds)
    finally:
        if not task.done():
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
    if task in done:
        return task.result()
    return None
