"""Wrong: waits for queue.join(), then cancels the consumers but returns without awaiting them."""

import asyncio

EXPECT = "still running"

async def drain_and_stop(queue, consumers, handle):
    async def consumer():
        while True:
            item = await queue.get()
            try:
                await handle(item)
            finally:
                queue.task_done()
    tasks = [asyncio.create_task(consumer()) for _ in range(consumers)]
    await queue.join()
    for t in tasks:
        t.cancel()
