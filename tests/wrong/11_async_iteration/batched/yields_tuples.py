"""Wrong: yields each batch as a tuple (an "immutable snapshot") instead of a list."""

import asyncio

EXPECT = "a tuple"

_END = object()


async def _read(it):
    try:
        return await anext(it)
    except StopAsyncIteration:
        return _END


async def batched(ait, size, max_wait):
    loop = asyncio.get_running_loop()
    batch = []
    deadline = 0.0
    reading = None
    try:
        while True:
            if reading is None:
                reading = asyncio.create_task(_read(ait))
            timeout = max(0.0, deadline - loop.time()) if batch else None
            done, _ = await asyncio.wait({reading}, timeout=timeout)
            if not done:
                yield tuple(batch)
                batch.clear()
                continue
            item, reading = reading.result(), None
            if item is _END:
                break
            if not batch:
                deadline = loop.time() + max_wait
            batch.append(item)
            if len(batch) >= size:
                yield tuple(batch)
                batch.clear()
        if batch:
            yield tuple(batch)
    finally:
        if reading is not None:
            reading.cancel()
            await asyncio.wait({reading})
