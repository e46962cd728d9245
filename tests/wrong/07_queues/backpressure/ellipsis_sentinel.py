"""Wrong: Ellipsis (...) marks the end of the source, but Ellipsis may be an item too."""

import asyncio

EXPECT = "the sink never got the item Ellipsis"


async def produce_consume(source, sink, maxsize):
    queue = asyncio.Queue(maxsize)

    async def producer():
        async for item in source:
            await queue.put(item)
        await queue.put(...)

    async def consumer():
        while (item := await queue.get()) is not ...:
            await sink(item)

    await asyncio.gather(producer(), consumer())
