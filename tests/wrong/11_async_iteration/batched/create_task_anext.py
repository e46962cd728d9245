"""Wrong: the pending read is `asyncio.create_task(anext(ait))`: an async iterator whose
`__anext__` returns an awaitable that is not a coroutine makes create_task raise TypeError."""

import asyncio

EXPECT = "asyncio.create_task takes coroutines only"


async def batched(ait, size, max_wait):
    loop = asyncio.get_running_loop()
    batch = []
    deadline = 0.0
    reading = None
    try:
        while True:
            if reading is None:
                reading = asyncio.create_task(anext(ait))
            timeout = max(0.0, deadline - loop.time()) if batch else None
            done, _ = await asyncio.wait({reading}, timeout=timeout)
            if not done:
                yield batch
                batch = []
                continue
            try:
                item = reading.result()
            except StopAsyncIteration:
                reading = None
                break
            reading = None
            if not batch:
                deadline = loop.time() + max_wait
            batch.append(item)
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch
    finally:
        if reading is not None:
            reading.cancel()
            await asyncio.wait({reading})
