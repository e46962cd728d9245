"""Wrong: pumps the source into a queue with None as the end marker, and skips falsy
items ("no item") when batching."""

import asyncio

EXPECT = "None, 0 and '' are items too"


async def batched(ait, size, max_wait):
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()

    async def pump():
        async for item in ait:
            await queue.put(item)
        await queue.put(None)

    task = asyncio.create_task(pump())
    batch = []
    deadline = 0.0
    try:
        while True:
            try:
                if batch:
                    async with asyncio.timeout_at(deadline):
                        item = await queue.get()
                else:
                    item = await queue.get()
            except TimeoutError:
                yield batch
                batch = []
                continue
            if item is None:
                break
            if not item:
                continue
            if not batch:
                deadline = loop.time() + max_wait
            batch.append(item)
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
