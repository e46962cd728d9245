"""Wrong: NotImplemented marks the end of the source, but NotImplemented may be an item too."""

import asyncio

EXPECT = "the sink never got the item NotImplemented"


async def produce_consume(source, sink, maxsize):
    queue = asyncio.Queue(maxsize)

    async def producer():
        async for item in source:
            await queue.put(item)
        await queue.put(NotImplemented)

    async def consumer():
        while (item := await queue.get()) is not NotImplemented:
            await sink(item)

    async with asyncio.TaskGroup() as group:
        group.create_task(producer())
        group.create_task(consumer())
