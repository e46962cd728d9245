"""Wrong: reads the whole source into a list first, then feeds the queue."""

import asyncio

EXPECT = "read the whole source first"

DONE = object()


async def produce_consume(source, sink, maxsize):
    items = [item async for item in source]
    queue = asyncio.Queue(maxsize)

    async def producer():
        for item in items:
            await queue.put(item)
        await queue.put(DONE)

    async def consumer():
        while (item := await queue.get()) is not DONE:
            await sink(item)

    await asyncio.gather(producer(), consumer())
