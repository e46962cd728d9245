"""Wrong: the producer reads the next item before putting the one it holds, so while put()
waits for room it holds two items: one more read ahead than maxsize allows."""

import asyncio

EXPECT = "one more item was held outside the queue"

_DONE = object()


async def produce_consume(source, sink, maxsize):
    queue = asyncio.Queue(maxsize)

    async def producer():
        items = aiter(source)
        try:
            item = await anext(items)
        except StopAsyncIteration:
            await queue.put(_DONE)
            return
        while True:
            try:
                following = await anext(items)  # read on while this one waits for room
            except StopAsyncIteration:
                await queue.put(item)
                break
            await queue.put(item)
            item = following
        await queue.put(_DONE)

    async def consumer():
        while (item := await queue.get()) is not _DONE:
            await sink(item)

    async with asyncio.TaskGroup() as group:
        group.create_task(producer())
        group.create_task(consumer())
