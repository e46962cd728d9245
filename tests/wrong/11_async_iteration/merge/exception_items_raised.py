"""Wrong: pumps put a source's error on the queue as it is, and merge raises any exception
object it gets, so an item that is an exception object is raised, not yielded."""

import asyncio

EXPECT = "exception object is still an item"

END = object()


async def merge(*aits):
    queue = asyncio.Queue()

    async def pump(ait):
        try:
            async for item in ait:
                await queue.put(item)
        except Exception as exc:  # noqa: BLE001
            await queue.put(exc)
        else:
            await queue.put(END)

    tasks = [asyncio.create_task(pump(ait)) for ait in aits]
    try:
        running = len(tasks)
        while running:
            item = await queue.get()
            if isinstance(item, Exception):
                raise item
            if item is END:
                running -= 1
            else:
                yield item
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
