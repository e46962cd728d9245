"""Wrong: asyncio.Queue() without maxsize is unbounded, so the producer reads everything ahead."""

import asyncio

EXPECT = "without maxsize"

DONE = object()


async def produce_consume(source, sink, maxsize):
    queue = asyncio.Queue()

    async def producer():
        async for item in source:
            await queue.put(item)
        await queue.put(DONE)

    async def consumer():
        while (item := await queue.get()) is not DONE:
            await sink(item)

    await asyncio.gather(producer(), consumer())
