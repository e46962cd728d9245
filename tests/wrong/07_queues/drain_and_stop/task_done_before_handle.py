"""Wrong: calls task_done() right after get(), before handle(item) has run."""

import asyncio

EXPECT = "before its handle() call had finished"

STOP = object()
async def drain_and_stop(queue, consumers, handle):
    async def consumer():
        while True:
            item = await queue.get()
            queue.task_done()
            if item is STOP:
                return
            await handle(item)
    tasks = [asyncio.create_task(consumer()) for _ in range(consumers)]
    for _ in range(consumers):
        await queue.put(STOP)
    await asyncio.gather(*tasks)
