"""Wrong: the end of the source is a string sentinel compared with != : an item that
compares equal to it stops the consumer early."""

import asyncio

EXPECT = "the sink never got the item <an item equal to everything>"

STOP = "__STOP__"


async def produce_consume(source, sink, maxsize):
    queue = asyncio.Queue(maxsize)

    async def producer():
        async for item in source:
            await queue.put(item)
        await queue.put(STOP)

    async def consumer():
        while (item := await queue.get()) != STOP:
            await sink(item)

    await asyncio.gather(producer(), consumer())
