"""Wrong: Ellipsis (...) is the sentinel, but Ellipsis may be an item too."""

import asyncio

EXPECT = "handle() never got the item Ellipsis"


async def drain_and_stop(queue, consumers, handle):
    async def consumer():
        while True:
            item = await queue.get()
            if item is ...:
                queue.task_done()
                return
            try:
                await handle(item)
            finally:
                queue.task_done()

    tasks = [asyncio.create_task(consumer()) for _ in range(consumers)]
    for _ in range(consumers):
        await queue.put(...)
    await asyncio.gather(*tasks)
