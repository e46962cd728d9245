"""Wrong: one sentinel for N consumers: only the consumer that gets it stops."""

import asyncio

EXPECT = "one sentinel per consumer"

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
    await queue.put(STOP)
    await asyncio.gather(*tasks)
