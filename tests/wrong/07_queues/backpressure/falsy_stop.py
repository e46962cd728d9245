"""Wrong: `while item := await queue.get():` stops at the first falsy item (0, "", None)."""

import asyncio

EXPECT = "None, falsy values and repeats are items too"

_DONE = None


async def produce_consume(source, sink, maxsize):
    queue = asyncio.Queue(maxsize)

    async def producer():
        async for item in source:
            await queue.put(item)
        await queue.put(_DONE)

    async def consumer():
        while item := await queue.get():
            await sink(item)

    async with asyncio.TaskGroup() as group:
        group.create_task(producer())
        group.create_task(consumer())
