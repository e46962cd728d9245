"""Wrong: when the caller is cancelled right after the result arrived, it catches the
CancelledError and returns that result ("the job is done: keep it"), swallowing the cancellation."""

import asyncio
from collections.abc import Callable
from typing import Any

EXPECT = "even though the result had just arrived"


async def from_thread(start_job: Callable[[Callable[[Any], None]], object]) -> Any:
    """Start the job with a callback; return the result the job's thread hands to it."""
    # Captured here, on the loop's thread: the job's thread has no running loop.
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def settle(result: Any) -> None:
        # Runs on the loop's thread. A result arriving after a cancellation is ignored.
        if not future.done():
            future.set_result(result)

    def callback(result: Any) -> None:
        # Runs in the job's thread: the only safe way in is call_soon_threadsafe, which
        # queues settle() on the loop and wakes the loop up.
        loop.call_soon_threadsafe(settle, result)

    start_job(callback)
    try:
        return await future
    except asyncio.CancelledError:
        if future.done() and not future.cancelled():
            return future.result()  # the job finished: keep its result
        raise
