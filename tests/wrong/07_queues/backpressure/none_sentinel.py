"""Wrong: None is the end-of-source sentinel, so a None item ends the consumer early."""

import asyncio

EXPECT = "None, falsy values and repeats are items too"


async def produce_consume(source, sink, maxsize):
    queue = asyncio.Queue(maxsize)

    async def producer():
        async for item in source:
            await queue.put(item)
        await queue.put(None)

    async def consumer():
        while (item := await queue.get()) is not None:
            await sink(item)

    async with asyncio.TaskGroup() as group:
        group.create_task(producer())
        group.create_task(consumer())
