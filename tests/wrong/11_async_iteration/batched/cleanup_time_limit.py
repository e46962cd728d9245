"""Wrong: closed early, it cancels the pending read but waits for it at most 5 s
(asyncio.wait timeout) "so closing never hangs": a source whose cleanup takes longer is still
running when batched is closed."""

import asyncio
from collections.abc import AsyncIterator
from typing import Any

EXPECT = "it stopped waiting for them before they had ended"

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
            timeout = max(0.0, deadline - loop.time()) if batch else None
            done, _ = await asyncio.wait({reading}, timeout=timeout)
            if not done:  # the deadline passed with the batch not full
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
            await asyncio.wait({reading}, timeout=5)
