"""Wrong: NotImplemented is the stop signal, but NotImplemented may be an item too."""

import asyncio

EXPECT = "handle() never got the item NotImplemented"


async def drain_and_stop(queue, consumers, handle):
    async def consumer():
        while True:
            item = await queue.get()
            try:
                if item is NotImplemented:
                    return
                await handle(item)
            finally:
                queue.task_done()

    tasks = [asyncio.create_task(consumer()) for _ in range(consumers)]
    for _ in range(consumers):
        await queue.put(NotImplemented)
    await asyncio.gather(*tasks)
