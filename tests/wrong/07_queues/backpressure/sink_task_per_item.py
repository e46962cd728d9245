"""Wrong: the consumer starts a task per item for sink(item) and gathers them at the end:
the sink calls overlap instead of running one at a time."""

import asyncio

EXPECT = "sink calls at once"

END = object()


async def produce_consume(source, sink, maxsize):
    queue = asyncio.Queue(maxsize)

    async def producer():
        async for item in source:
            await queue.put(item)
        await queue.put(END)

    async def consumer():
        pending = []
        while (item := await queue.get()) is not END:
            pending.append(asyncio.create_task(sink(item)))
        await asyncio.gather(*pending)

    await asyncio.gather(producer(), consumer())
