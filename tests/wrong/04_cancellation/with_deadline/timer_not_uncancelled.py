"""Wrong: its own deadline timer cancels the task and the CancelledError becomes None, but the
cancel request is never undone (no uncancel()): the caller's task stays marked as cancelled."""

import asyncio

EXPECT = "left its caller's task marked as cancelled"


async def with_deadline(fn, seconds):
    me = asyncio.current_task()
    fired = False

    def expire():
        nonlocal fired
        fired = True
        me.cancel()

    timer = asyncio.get_running_loop().call_later(seconds, expire)
    try:
        return await fn()
    except asyncio.CancelledError:
        if fired:
            return None
        raise
    finally:
        timer.cancel()
