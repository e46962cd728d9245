"""Wrong: the consumers never call task_done(), so queue.join() waits forever afterwards."""

import asyncio

EXPECT = "task_done"

STOP = object()


async def drain_and_stop(queue, consumers, handle):
    async def consumer():
        while (item := await queue.get()) is not STOP:
            await handle(item)

    tasks = [asyncio.create_task(consumer()) for _ in range(consumers)]
    for _ in range(consumers):
        await queue.put(STOP)
    await asyncio.gather(*tasks)
