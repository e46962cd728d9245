"""Wrong: the job's thread writes its result into one module-level variable and then wakes its own
future: two calls whose results arrive close together both read the last one written."""

import asyncio
from collections.abc import Callable
from typing import Any

EXPECT = "not through a variable that every call shares"

_result: Any = None  # the latest result delivered by a job's thread


async def from_thread(start_job: Callable[[Callable[[Any], None]], object]) -> Any:
    """Start the job with a callback; return the result the job's thread hands to it."""
    loop = asyncio.get_running_loop()
    done = loop.create_future()

    def wake() -> None:
        if not done.done():
            done.set_result(None)

    def callback(result: Any) -> None:
        global _result
        _result = result
        loop.call_soon_threadsafe(wake)

    start_job(callback)
    await done
    return _result
