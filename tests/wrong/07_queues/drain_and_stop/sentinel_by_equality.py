"""Wrong: the sentinel is the empty string, compared with ==: a consumer that gets the
item "" stops without handling it."""

import asyncio

EXPECT = "a sentinel must be an object of its own"

STOP = ""


async def drain_and_stop(queue, consumers, handle):
    async def consumer():
        while True:
            item = await queue.get()
            try:
                if item == STOP:
                    return
                await handle(item)
            finally:
                queue.task_done()

    tasks = [asyncio.create_task(consumer()) for _ in range(consumers)]
    for _ in range(consumers):
        await queue.put(STOP)
    await asyncio.gather(*tasks)
