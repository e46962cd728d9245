"""Wrong: at the deadline, cancels fn()'s task and only yields once (`await asyncio.sleep(0)`)
instead of awaiting it, so an fn() that awaits in its cleanup still runs at the return."""

import asyncio

EXPECT = "it had been cancelled, but cancel() only asks"


async def with_deadline(fn, seconds):
    task = asyncio.ensure_future(fn())
    try:
        done, _ = await asyncio.wait([task], timeout=seconds)
    finally:
        if not task.done():
            task.cancel()
            await asyncio.sleep(0)  # let fn() see its CancelledError
    if task in done:
        return task.result()
    return None
