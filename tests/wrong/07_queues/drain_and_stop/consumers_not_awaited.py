"""Wrong: puts the sentinels and returns at once, without awaiting the consumers."""

import asyncio

EXPECT = "still running"

STOP = object()


async def drain_and_stop(queue, consumers, handle):
    async def consumer():
        while True:
            item = await queue.get()
            try:
                if item is STOP:
                    return
                await handle(item)
            finally:
                queue.task_done()

    for _ in range(consumers):
        asyncio.create_task(consumer())
    for _ in range(consumers):
        await queue.put(STOP)
