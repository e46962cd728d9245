"""Wrong: makes the queue one smaller than maxsize, to keep a slot for the sentinel, so the
producer never runs maxsize items ahead."""

import asyncio

EXPECT = "smaller than maxsize"

_DONE = object()


async def produce_consume(source, sink, maxsize):
    queue = asyncio.Queue(max(1, maxsize - 1))  # one slot kept free for _DONE

    async def producer():
        async for item in source:
            await queue.put(item)
        await queue.put(_DONE)

    async def consumer():
        while (item := await queue.get()) is not _DONE:
            await sink(item)

    async with asyncio.TaskGroup() as group:
        group.create_task(producer())
        group.create_task(consumer())
