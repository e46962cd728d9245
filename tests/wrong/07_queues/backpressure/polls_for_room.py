"""Wrong: polls queue.full() with asyncio.sleep(0.01), then put_nowait: a busy wait, not await queue.put."""

import asyncio

EXPECT = "polling for room"


DONE = object()


async def produce_consume(source, sink, maxsize):
    queue = asyncio.Queue(maxsize)

    async def producer():
        async for item in source:
            while queue.full():  # wait for room
                await asyncio.sleep(0.01)
            queue.put_nowait(item)
        while queue.full():
            await asyncio.sleep(0.01)
        queue.put_nowait(DONE)

    async def consumer():
        while (item := await queue.get()) is not DONE:
            await sink(item)

    async with asyncio.TaskGroup() as tg:
        tg.create_task(producer())
        tg.create_task(consumer())
