"""Wrong: the producer waits with queue.join(), but the consumer never calls task_done()."""

import asyncio

EXPECT = "task_done() was called 0 time(s)"


async def produce_consume(source, sink, maxsize):
    queue = asyncio.Queue(maxsize)

    async def consumer():
        while True:
            await sink(await queue.get())

    task = asyncio.create_task(consumer())
    try:
        async for item in source:
            await queue.put(item)
        await queue.join()
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
