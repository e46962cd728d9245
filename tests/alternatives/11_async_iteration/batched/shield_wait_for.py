"""Correct in another style: the pending read is shielded, so a wait_for timeout leaves it
running."""

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
    deadline = None
    reading = None
    try:
        while True:
            if reading is None:
                reading = asyncio.ensure_future(_read(ait))
            try:
                if deadline is None:
                    item = await asyncio.shield(reading)
                else:
                    item = await asyncio.wait_for(
                        asyncio.shield(reading), max(0.0, deadline - loop.time())
                    )
            except TimeoutError:
                yield batch
                batch, deadline = [], None
                continue
            reading = None
            if item is _END:
                break
            if deadline is None:
                deadline = loop.time() + max_wait
            batch.append(item)
            if len(batch) == size:
                yield batch
                batch, deadline = [], None
        if batch:
            yield batch
    finally:
        if reading is not None:
            reading.cancel()
            await asyncio.gather(reading, return_exceptions=True)
