"""Wrong: when the source raises, the batch in progress is yielded first, then the error."""

EXPECT = "yielded [[0, 1]] before raising"

import asyncio

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
            task, reading = reading, None
            try:
                item = task.result()
            except Exception:
                # don't lose what we already have: hand it over, then fail
                if batch:
                    yield batch
                raise
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
        if reading is not None:
            reading.cancel()
            await asyncio.wait({reading})
