"""Wrong: the cleanup is in `except StopAsyncIteration` paths only; when a source raises,
the other reads are left running."""

import asyncio

EXPECT = "still running"

_END = object()


async def _read(it):
    try:
        return await anext(it)
    except StopAsyncIteration:
        return _END


async def merge(*aits):
    reads = {asyncio.create_task(_read(it)): it for it in aits}
    try:
        while reads:
            done, _ = await asyncio.wait(reads, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                it = reads.pop(task)
                item = task.result()
                if item is _END:
                    continue
                reads[asyncio.create_task(_read(it))] = it
                yield item
    except GeneratorExit:
        for task in reads:
            task.cancel()
        if reads:
            await asyncio.wait(reads)
        raise
