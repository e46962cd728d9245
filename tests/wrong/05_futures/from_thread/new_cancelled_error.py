"""Wrong: when the caller is cancelled it raises a fresh CancelledError("job abandoned"), not the
caller's own one: the cancel message is replaced."""

import asyncio
from collections.abc import Callable
from typing import Any

EXPECT = "not the one it was cancelled with"


async def from_thread(start_job: Callable[[Callable[[Any], None]], object]) -> Any:
    """Start the job with a callback; return the result the job's thread hands to it."""
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def settle(result: Any) -> None:
        if not future.done():
            future.set_result(result)

    def callback(result: Any) -> None:
        loop.call_soon_threadsafe(settle, result)

    start_job(callback)
    try:
        return await future
    except asyncio.CancelledError:
        raise asyncio.CancelledError("job abandoned") from None
