"""Wrong: starts the job first and only then gets the loop and creates the future: a job whose
thread calls back at once finds neither yet (NameError in the job's thread), and the result is
lost for good."""

import asyncio
from collections.abc import Callable
from typing import Any

EXPECT = "before calling start_job(callback)"


async def from_thread(start_job: Callable[[Callable[[Any], None]], object]) -> Any:
    """Start the job with a callback; return the result the job's thread hands to it."""

    def settle(result: Any) -> None:
        if not future.done():
            future.set_result(result)

    def callback(result: Any) -> None:
        loop.call_soon_threadsafe(settle, result)

    start_job(callback)  # the job returns at once; its result comes later
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    return await future
