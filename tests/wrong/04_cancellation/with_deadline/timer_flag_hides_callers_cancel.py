"""Wrong: a deadline timer of its own sets a flag and cancels the task; any CancelledError seen
once the flag is set becomes None, so a caller's cancel in the same loop step is swallowed."""

import asyncio

EXPECT = "the caller's cancellation was taken for the deadline"


async def with_deadline(fn, seconds):
    task = asyncio.current_task()
    expired = False

    def on_deadline():
        nonlocal expired
        expired = True
        task.cancel()

    handle = asyncio.get_running_loop().call_later(seconds, on_deadline)
    try:
        return await fn()
    except asyncio.CancelledError:
        if expired:
            task.uncancel()
            return None
        raise
    finally:
        handle.cancel()
