"""Correct in another style: a task pumps the source into a queue; get() with a timeout."""

import asyncio

END = object()


class _Failed:
    """What the pump puts in the queue when the source raised."""

    def __init__(self, error):
        self.error = error


async def batched(ait, size, max_wait):
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()

    async def pump():
        try:
            async for item in ait:
                await queue.put(item)
        except Exception as exc:  # noqa: BLE001 - handed to the generator, raised there
            await queue.put(_Failed(exc))
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
                        item = await queue.get()  # cancelling get() loses nothing
                else:
                    item = await queue.get()
            except TimeoutError:
                yield batch
                batch = []
                continue
            if item is END:
                break
            if isinstance(item, _Failed):
                raise item.error
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
