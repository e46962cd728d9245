"""Wrong: gets the running loop once, on the first call, and keeps it at module level, so a call on a later event loop (a second asyncio.run) makes its future on the old, closed loop."""

import asyncio

EXPECT = "called again, on a new event loop"

_loop = None


async def from_thread(start_job):
    global _loop
    if _loop is None:
        _loop = asyncio.get_running_loop()
    future = _loop.create_future()

    def deliver(value):
        if not future.done():
            future.set_result(value)

    start_job(lambda value: _loop.call_soon_threadsafe(deliver, value))
    return await future
