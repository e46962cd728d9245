"""Wrong: the deadline restarts with every item (an idle timeout), so a batch whose items
keep trickling in is held past `max_wait` after its first item."""

import asyncio

EXPECT = "It came late"

_END = object()


async def _read(it):
    try:
        return await anext(it)
    except StopAsyncIteration:
        return _END


async def batched(ait, size, max_wait):
    batch = []
    reading = None
    try:
        while True:
            if reading is None:
                reading = asyncio.create_task(_read(ait))
            done, _ = await asyncio.wait({reading}, timeout=max_wait if batch else None)
            if not done:
                yield batch
                batch = []
                continue
            item, reading = reading.result(), None
            if item is _END:
                break
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
