"""Wrong: pumps each source into a queue from a task, but never stops the pumps when closed."""

import asyncio

EXPECT = "still running"

END = object()


async def merge(*aits):
    queue = asyncio.Queue()

    async def pump(ait):
        try:
            async for item in ait:
                await queue.put((False, item))
        except Exception as exc:
            await queue.put((True, exc))
        await queue.put((False, END))

    for ait in aits:
        asyncio.create_task(pump(ait))
    running = len(aits)
    while running:
        failed, item = await queue.get()
        if failed:
            raise item
        if item is END:
            running -= 1
            continue
        yield item
