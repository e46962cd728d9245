"""Wrong: at the deadline, cancels fn() but waits at most 1 s for it to stop, so an fn() with
a longer cleanup still runs when None is returned."""

import asyncio

EXPECT = "not until it had stopped"

CLEANUP_LIMIT = 1.0


async def with_deadline(fn, seconds):
    task = asyncio.ensure_future(fn())
    try:
        done, _ = await asyncio.wait([task], timeout=seconds)
    except asyncio.CancelledError:
        task.cancel()
        await asyncio.wait([task], timeout=CLEANUP_LIMIT)
        raise
    if task in done:
        return task.result()
    task.cancel()
    await asyncio.wait([task], timeout=CLEANUP_LIMIT)
    return None
