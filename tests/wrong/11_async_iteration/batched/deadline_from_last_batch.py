"""Wrong: the deadline counts from the previous batch (or the start), not from the first item."""

import asyncio

EXPECT = "counts from the batch's first item"

END = object()


async def read(it):
    try:
        return await anext(it)
    except StopAsyncIteration:
        return END


async def batched(ait, size, max_wait):
    loop = asyncio.get_running_loop()
    batch = []
    deadline = loop.time() + max_wait
    reading = None
    try:
        while True:
            if reading is None:
                reading = asyncio.create_task(read(ait))
            done, _ = await asyncio.wait({reading}, timeout=max(0.0, deadline - loop.time()))
            if not done:
                if batch:
                    yield batch
                    batch = []
                deadline = loop.time() + max_wait
                continue
            item, reading = reading.result(), None
            if item is END:
                break
            batch.append(item)
            if len(batch) >= size:
                yield batch
                batch = []
                deadline = loop.time() + max_wait
        if batch:
            yield batch
    finally:
        if reading is not None:
            reading.cancel()
            await asyncio.wait({reading})
