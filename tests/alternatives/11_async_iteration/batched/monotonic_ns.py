"""Correct in another style: the deadline is measured with time.monotonic_ns() (asyncio's own
clock, in integer nanoseconds), which the kit makes read loop time on the virtual loop."""

import asyncio
import time

_END = object()


async def _next(ait):
    try:
        return await anext(ait)
    except StopAsyncIteration:
        return _END


async def batched(ait, size, max_wait):
    batch = []
    deadline = None
    task = None
    try:
        while True:
            if task is None:
                task = asyncio.ensure_future(_next(ait))
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic_ns() / 1e9)
            done, _ = await asyncio.wait([task], timeout=timeout)
            if task not in done:
                yield batch
                batch, deadline = [], None
                continue
            item = task.result()
            task = None
            if item is _END:
                break
            if not batch:
                deadline = time.monotonic_ns() / 1e9 + max_wait
            batch.append(item)
            if len(batch) == size:
                yield batch
                batch, deadline = [], None
        if batch:
            yield batch
    finally:
        if task is not None:
            task.cancel()
            await asyncio.wait([task])
