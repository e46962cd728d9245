"""Wrong: the end marker is the string "DONE" compared with `is`: an item "DONE" (interned,
the same object) ends the consumer early."""

import asyncio

EXPECT = "the sink never got the item 'DONE'"

DONE = "DONE"


async def produce_consume(source, sink, maxsize):
    queue = asyncio.Queue(maxsize)

    async def producer():
        async for item in source:
            await queue.put(item)
        await queue.put(DONE)

    async def consumer():
        while (item := await queue.get()) is not DONE:
            await sink(item)

    async with asyncio.TaskGroup() as group:
        group.create_task(producer())
        group.create_task(consumer())
