"""Correct in another style: the caller produces, a consumer task drains; join() then cancel."""

import asyncio


async def produce_consume(source, sink, maxsize):
    queue = asyncio.Queue(maxsize)

    async def consumer():
        while True:
            item = await queue.get()
            try:
                await sink(item)
            finally:
                queue.task_done()

    task = asyncio.create_task(consumer())
    try:
        async for item in source:
            await queue.put(item)
        await queue.join()  # the last item went through the sink
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
