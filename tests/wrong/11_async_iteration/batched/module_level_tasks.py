"""Wrong: pumps the source into a queue from a task kept in a module-level set, and its
cleanup cancels every task in that set, so closing one batched stops the pump of another
batched running at the same time."""

import asyncio

EXPECT = "the other lost its reads"

_PUMPS: set[asyncio.Task] = set()
_END = object()


async def batched(ait, size, max_wait):
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()

    async def pump():
        try:
            async for item in ait:
                await queue.put((True, item))
            await queue.put((True, _END))
        except Exception as exc:  # noqa: BLE001
            await queue.put((False, exc))

    task = asyncio.create_task(pump())
    _PUMPS.add(task)
    task.add_done_callback(_PUMPS.discard)
    batch = []
    deadline = 0.0
    try:
        while True:
            timeout = max(0.0, deadline - loop.time()) if batch else None
            try:
                ok, item = await asyncio.wait_for(queue.get(), timeout)
            except TimeoutError:
                yield batch
                batch = []
                continue
            if not ok:
                raise item
            if item is _END:
                break
            if not batch:
                deadline = loop.time() + max_wait
            batch.append(item)
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch
    finally:
        pumps = list(_PUMPS)
        for t in pumps:
            t.cancel()
        await asyncio.gather(*pumps, return_exceptions=True)
