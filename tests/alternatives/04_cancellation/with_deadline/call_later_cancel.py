"""Correct in another style: the task is cancelled by a loop.call_later timer; a timeout is a
cancelled task that the timer hit while the caller itself is not being cancelled.
"""

import asyncio


async def with_deadline(fn, seconds):
    loop = asyncio.get_running_loop()
    task = asyncio.ensure_future(fn())
    fired = False

    def expire():
        nonlocal fired
        fired = True
        task.cancel()

    handle = loop.call_later(seconds, expire)
    try:
        return await task
    except asyncio.CancelledError:
        if fired and task.cancelled() and asyncio.current_task().cancelling() == 0:
            return None
        raise
    finally:
        handle.cancel()
        if not task.done():
            task.cancel()
