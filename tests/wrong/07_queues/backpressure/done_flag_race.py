"""Wrong: no sentinel; the producer sets a `done` flag and the consumer loops while not
done or the queue is not empty: a source that ends a moment after its last item leaves
the consumer waiting in queue.get() forever."""

import asyncio

EXPECT = "waited in queue.get() for an item that never came"


async def produce_consume(source, sink, maxsize):
    queue = asyncio.Queue(maxsize)
    done = False

    async def producer():
        nonlocal done
        async for item in source:
            await queue.put(item)
        done = True

    async def consumer():
        while not done or not queue.empty():
            item = await queue.get()
            await sink(item)

    async with asyncio.TaskGroup() as group:
        group.create_task(producer())
        group.create_task(consumer())
