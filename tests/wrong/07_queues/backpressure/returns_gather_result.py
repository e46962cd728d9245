"""Wrong: returns what gather(producer(), consumer()) gave, [None, None], instead of None."""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

EXPECT = "returned [None, None]; expected None"

_DONE = object()


async def produce_consume(
    source: AsyncIterator[Any], sink: Callable[[Any], Awaitable[Any]], maxsize: int
) -> Any:
    """Feed every item of `source` to `sink` through a queue of at most `maxsize` items."""
    queue: asyncio.Queue[Any] = asyncio.Queue(maxsize)

    async def producer() -> None:
        async for item in source:
            await queue.put(item)
        await queue.put(_DONE)

    async def consumer() -> None:
        while (item := await queue.get()) is not _DONE:
            await sink(item)

    return await asyncio.gather(producer(), consumer())
