"""Wrong: the sentinel is a string compared with == : an item that compares equal to it
stops a consumer without being handled."""

import asyncio

EXPECT = "handle() never got the item <an item equal to everything>"

STOP = "__STOP__"


async def drain_and_stop(queue, consumers, handle):
    async def consumer():
        while True:
            item = await queue.get()
            if item == STOP:
                queue.task_done()
                return
            try:
                await handle(item)
            finally:
                queue.task_done()

    tasks = [asyncio.create_task(consumer()) for _ in range(consumers)]
    for _ in range(consumers):
        await queue.put(STOP)
    await asyncio.gather(*tasks)
