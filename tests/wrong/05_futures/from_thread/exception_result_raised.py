"""Wrong: takes a result that is an exception object for a failed job and sets it as the
future's exception, so from_thread raises a result it should return."""

import asyncio
from collections.abc import Callable
from typing import Any

EXPECT = "an exception object too"


async def from_thread(start_job: Callable[[Callable[[Any], None]], object]) -> Any:
    """Start the job with a callback; return the result the job's thread hands to it."""
    # Captured here, on the loop's thread: the job's thread has no running loop.
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def settle(result: Any) -> None:
        # Runs on the loop's thread. A result arriving after a cancellation is ignored.
        if future.done():
            return
        if isinstance(result, BaseException):  # the job failed
            future.set_exception(result)
        else:
            future.set_result(result)

    def callback(result: Any) -> None:
        # Runs in the job's thread: the only safe way in is call_soon_threadsafe, which
        # queues settle() on the loop and wakes the loop up.
        loop.call_soon_threadsafe(settle, result)

    start_job(callback)
    return await future
