"""Back-pressure: a bounded queue makes a fast producer wait for a slow consumer (reference).

If the caller cancels `produce_consume`, the producer and the consumer are cancelled too, and
the `CancelledError` propagates.
"""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

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
            await sink(item)

    # Both run at once; if either fails, the TaskGroup cancels the other and re-raises.
    async with asyncio.TaskGroup() as group:
        group.create_task(producer())
        group.create_task(consumer())
