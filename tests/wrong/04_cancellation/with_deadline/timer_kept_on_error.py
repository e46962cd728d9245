"""Wrong: its own deadline timer (call_later cancelling the task) is removed only when fn()
returns: after fn() raised, the timer still cancels the caller when the deadline passes."""

import asyncio

EXPECT = "also when fn() raises"


async def with_deadline(fn, seconds):
    me = asyncio.current_task()
    fired = False

    def expire():
        nonlocal fired
        fired = True
        me.cancel()

    timer = asyncio.get_running_loop().call_later(seconds, expire)
    try:
        result = await fn()
    except asyncio.CancelledError:
        if fired:
            me.uncancel()
            return None
        raise
    timer.cancel()
    return result
