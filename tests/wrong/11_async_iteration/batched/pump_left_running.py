"""Wrong: pumps the source into a queue from a task, but never stops that task."""

import asyncio

EXPECT = "still running"

END = object()


async def batched(ait, size, max_wait):
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()

    async def pump():
        async for item in ait:
            await queue.put(item)
        await queue.put(END)

    asyncio.create_task(pump())
    batch = []
    deadline = 0.0
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
        if item is END:
            break
        if not batch:
            deadline = loop.time() + max_wait
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
