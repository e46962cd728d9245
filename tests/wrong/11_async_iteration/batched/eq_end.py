"""Wrong: the end-of-source marker is compared with `==` (`item == _END`): an item whose
__eq__ says True (mock.ANY, a numpy array...) is taken for the end of the source."""

import asyncio

EXPECT = "never got the item <an item equal to everything>"

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
                yield batch
                batch = []
                continue
            item, reading = reading.result(), None
            if item == _END:
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
        if reading is not None:
            reading.cancel()
            await asyncio.wait({reading})
