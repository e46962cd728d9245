"""Wrong: the producer runs in produce_consume itself and the consumer in a task awaited at
the end, so a cancellation while producing leaves the consumer running."""

import asyncio

EXPECT = "so its consumer was left running"

_DONE = object()


async def produce_consume(source, sink, maxsize):
    queue = asyncio.Queue(maxsize)

    async def consumer():
        while (item := await queue.get()) is not _DONE:
            await sink(item)

    task = asyncio.create_task(consumer())
    async for item in source:
        await queue.put(item)
    await queue.put(_DONE)
    await task
