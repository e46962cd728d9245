"""Wrong: the pump puts the source's error on the queue as it is, and the reader raises any
exception object it gets, so an item that is an exception object is raised, not batched."""

import asyncio

EXPECT = "exception object is still an item"

END = object()


async def batched(ait, size, max_wait):
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()

    async def pump():
        try:
            async for item in ait:
                await queue.put(item)
        except Exception as exc:  # noqa: BLE001
            await queue.put(exc)
            return
        await queue.put(END)

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
            if item is END:
                break
            if isinstance(item, Exception):
                raise item
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
