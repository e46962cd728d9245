"""Wrong: stops the consumer as soon as the producer is done, losing the items still queued."""

import asyncio

EXPECT = "return only after the last one went through the sink"


async def produce_consume(source, sink, maxsize):
    queue = asyncio.Queue(maxsize)

    async def consumer():
        while True:
            await sink(await queue.get())

    task = asyncio.create_task(consumer())
    async for item in source:
        await queue.put(item)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
