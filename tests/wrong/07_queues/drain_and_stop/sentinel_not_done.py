"""Wrong: a consumer that gets its sentinel stops without calling task_done() for it, so
queue.join() waits forever afterwards."""

import asyncio

EXPECT = "queue.join() still waited"

STOP = object()


async def drain_and_stop(queue, consumers, handle):
    async def consumer():
        while True:
            item = await queue.get()
            if item is STOP:
                return
            try:
                await handle(item)
            finally:
                queue.task_done()

    tasks = [asyncio.create_task(consumer()) for _ in range(consumers)]
    for _ in range(consumers):
        await queue.put(STOP)
    await asyncio.gather(*tasks)
