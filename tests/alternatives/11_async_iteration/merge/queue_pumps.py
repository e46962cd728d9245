"""Correct in another style: one pump task per source feeds a shared queue."""

import asyncio

END = object()


async def merge(*aits):
    queue = asyncio.Queue()

    async def pump(ait):
        try:
            async for item in ait:
                await queue.put(("item", item))
        except Exception as exc:  # noqa: BLE001 - passed on to the consumer
            await queue.put(("error", exc))
        else:
            await queue.put(("end", None))

    tasks = [asyncio.create_task(pump(ait)) for ait in aits]
    try:
        running = len(tasks)
        while running:
            kind, value = await queue.get()
            if kind == "error":
                raise value
            if kind == "end":
                running -= 1
            else:
                yield value
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
