"""Wrong: keeps its pump tasks in one module-level set (the asyncio docs' `background_tasks`
pattern), and its cleanup cancels every task in that set, so closing one merge stops the
pumps of another merge running at the same time."""

import asyncio

EXPECT = "the other lost its reads"

_PUMPS: set[asyncio.Task] = set()  # keep a reference to every task, as the docs advise


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

    for ait in aits:
        task = asyncio.create_task(pump(ait))
        _PUMPS.add(task)
        task.add_done_callback(_PUMPS.discard)
    try:
        running = len(aits)
        while running:
            kind, value = await queue.get()
            if kind == "error":
                raise value
            if kind == "end":
                running -= 1
            else:
                yield value
    finally:
        pumps = list(_PUMPS)
        for task in pumps:
            task.cancel()
        await asyncio.gather(*pumps, return_exceptions=True)
