"""Wrong: waits on the pending read in steps of 0.125 s and looks at the clock after each, so a partial batch comes on the next step after its deadline, not at it."""

import asyncio
from collections.abc import AsyncIterator
from typing import Any

EXPECT = "not in small steps that look"

_END = object()  # what a read returns once the source is exhausted


async def _read(it: AsyncIterator[Any]) -> Any:
    """The next item of `it`, or _END (a task holding StopAsyncIteration is awkward)."""
    try:
        return await anext(it)
    except StopAsyncIteration:
        return _END


async def batched(ait: AsyncIterator[Any], size: int, max_wait: float) -> AsyncIterator[list[Any]]:
    """Yield lists of up to `size` items; a partial one `max_wait` s after its first item."""
    loop = asyncio.get_running_loop()
    batch: list[Any] = []
    deadline = 0.0
    # The read in progress. It lives across batches: when a deadline passes we yield the
    # partial batch and keep waiting on the SAME read, so no item is ever lost.
    reading: asyncio.Task[Any] | None = None
    try:
        while True:
            if reading is None:
                reading = asyncio.create_task(_read(ait))
            done, _ = await asyncio.wait({reading}, timeout=0.125 if batch else None)
            if not done:  # look at the clock every 0.125 s
                if loop.time() >= deadline:
                    yield batch
                    batch = []
                continue
            item, reading = reading.result(), None
            if item is _END:
                break
            if not batch:
                deadline = loop.time() + max_wait  # the clock starts with the first item
            batch.append(item)
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch
    finally:
        # Closed early (the caller broke out of its loop): stop the read in progress.
        if reading is not None:
            reading.cancel()
            await asyncio.wait({reading})
