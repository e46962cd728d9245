"""Wrong: a timer of its own cancels the caller's task after `seconds`, and is never removed."""

import asyncio

EXPECT = "cancel"


async def with_deadline(fn, seconds):
    me = asyncio.current_task()
    asyncio.get_running_loop().call_later(seconds, me.cancel)
    try:
        return await fn()
    except asyncio.CancelledError:
        if me.cancelling() == 1:
            me.uncancel()
            return None
        raise
