"""Wrong: the stop signal is the string "STOP" compared with `is`: an item "STOP" (interned,
the same object) stops a consumer without being handled."""

import asyncio

EXPECT = "handle() never got the item 'STOP'"

STOP = "STOP"


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
        await queue.put(STOP)
    await asyncio.gather(*tasks)
