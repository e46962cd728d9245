"""Wrong: None is the stop signal, so a None item stops a consumer without handling it."""

import asyncio

EXPECT = "a sentinel must be an object of its own"


async def drain_and_stop(queue, consumers, handle):
    async def consumer():
        while True:
            item = await queue.get()
            try:
                if item is None:
                    return
                await handle(item)
            finally:
                queue.task_done()

    tasks = [asyncio.create_task(consumer()) for _ in range(consumers)]
    for _ in range(consumers):
        await queue.put(None)
    await asyncio.gather(*tasks)
