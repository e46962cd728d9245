"""Wrong: pumps into a queue and waits with `wait_for(queue.get(), 0.05)`, looking now and then whether every pump is done or failed: it ends, and raises a source's error, up to 0.05 s late."""

import asyncio

EXPECT = "merge ended late"


async def merge(*aits):
    queue = asyncio.Queue()

    async def pump(ait):
        async for item in ait:
            await queue.put(("item", item))

    tasks = [asyncio.create_task(pump(ait)) for ait in aits]
    try:
        while True:
            for task in tasks:
                if task.done() and task.exception() is not None:
                    raise task.exception()
            if all(task.done() for task in tasks) and queue.empty():
                break
            try:
                _, item = await asyncio.wait_for(queue.get(), 0.05)
            except TimeoutError:
                continue
            yield item
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
