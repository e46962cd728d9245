"""Wrong: put_nowait() for the sentinels fails on a bounded queue that is full."""

import asyncio

EXPECT = "await queue.put(sentinel)"

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

    tasks = [asyncio.create_task(consumer()) for _ in range(consumers)]
    for _ in range(consumers):
        queue.put_nowait(STOP)
    await asyncio.gather(*tasks)
