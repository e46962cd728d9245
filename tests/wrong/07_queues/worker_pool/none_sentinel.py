"""Wrong: None is the workers' stop signal, so a None item stops a worker unhandled."""

import asyncio

EXPECT = "repeats and None included"


async def process_all(items, handler, workers):
    queue = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)
    for _ in range(workers):
        queue.put_nowait(None)
    results = []

    async def worker():
        while (item := await queue.get()) is not None:
            try:
                results.append(await handler(item))
            except Exception as exc:  # noqa: BLE001
                results.append(exc)

    await asyncio.gather(*(worker() for _ in range(workers)))
    return results
