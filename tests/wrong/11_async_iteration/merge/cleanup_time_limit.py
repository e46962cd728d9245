"""Wrong: closed early, it cancels the pending reads but waits for them at most 5 s
(asyncio.wait timeout) "so closing never hangs": a source whose cleanup takes longer is still
running when merge is closed."""

import asyncio
from collections.abc import AsyncIterator
from typing import Any

EXPECT = "stopped waiting for its cancelled tasks before they had ended"

_END = object()  # what a read returns once its iterator is exhausted


async def _read(it: AsyncIterator[Any]) -> Any:
    """The next item of `it`, or _END."""
    try:
        return await anext(it)
    except StopAsyncIteration:
        return _END


async def merge(*aits: AsyncIterator[Any]) -> AsyncIterator[Any]:
    """Yield the items of every iterator in `aits` as they arrive."""
    # One pending read per iterator that is still going.
    reads = {asyncio.create_task(_read(it)): it for it in aits}
    try:
        while reads:
            done, _ = await asyncio.wait(reads, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                it = reads.pop(task)
                item = task.result()  # re-raises an iterator's exception
                if item is _END:
                    continue  # this one is exhausted: no new read
                reads[asyncio.create_task(_read(it))] = it  # read its next item meanwhile
                yield item
    finally:
        # Closed early, or an iterator failed: stop the reads still in flight.
        for task in reads:
            task.cancel()
        if reads:
            await asyncio.wait(reads, timeout=5)
