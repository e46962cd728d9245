"""Wrong: each sink() call gets a time limit of a minute (asyncio.wait_for) "so a stuck sink
cannot hold the pipeline": a slow sink() is cut short with TimeoutError."""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

EXPECT = "with no time limit of your own"

_DONE = object()  # the sentinel: "no more items"; never equal to a real item


async def produce_consume(
    source: AsyncIterator[Any], sink: Callable[[Any], Awaitable[Any]], maxsize: int
) -> None:
    """Feed every item of `source` to `sink` through a queue of at most `maxsize` items."""
    queue: asyncio.Queue[Any] = asyncio.Queue(maxsize)

    async def producer() -> None:
        async for item in source:
            await queue.put(item)  # waits while the queue is full: that is the back-pressure
        await queue.put(_DONE)

    async def consumer() -> None:
        while (item := await queue.get()) is not _DONE:
            await asyncio.wait_for(sink(item), 60)

    # Both run at once; if either fails, the TaskGroup cancels the other and re-raises.
    async with asyncio.TaskGroup() as group:
        group.create_task(producer())
        group.create_task(consumer())
