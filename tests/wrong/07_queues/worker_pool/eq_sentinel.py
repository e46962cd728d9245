"""Wrong: stops the workers with one sentinel each, compared with `==` (`item == STOP`): an
item whose __eq__ says True (mock.ANY, a numpy array...) is taken for the stop signal and
never handled."""

import asyncio

EXPECT = "the handler never got the item <an item equal to everything>"

STOP = object()


async def process_all(items, handler, workers):
    queue = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)
    for _ in range(workers):
        queue.put_nowait(STOP)
    results = []

    async def worker():
        while True:
            item = await queue.get()
            try:
                if item == STOP:
                    return
                try:
                    results.append(await handler(item))
                except Exception as exc:  # noqa: BLE001
                    results.append(exc)
            finally:
                queue.task_done()

    tasks = [asyncio.create_task(worker()) for _ in range(workers)]
    try:
        await asyncio.gather(*tasks)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return results
