"""Wrong: two consumer tasks take items from the queue, so two sink calls run at once (and
the producer reads further ahead than the queue allows)."""

import asyncio

EXPECT = "sink calls at once"

END = object()


async def produce_consume(source, sink, maxsize):
    queue = asyncio.Queue(maxsize)

    async def producer():
        async for item in source:
            await queue.put(item)
        await queue.put(END)
        await queue.put(END)

    async def consumer():
        while (item := await queue.get()) is not END:
            await sink(item)

    await asyncio.gather(producer(), consumer(), consumer())
