"""Wrong: the end-of-source marker is compared with `==` (`item == _END`): an item whose
__eq__ says True (mock.ANY, a numpy array...) is taken for the end of its source."""

import asyncio

EXPECT = "never got the item <an item equal to everything>"

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
                if item == _END:
                    continue
                reads[asyncio.create_task(_read(it))] = it
                yield item
    finally:
        for task in reads:
            task.cancel()
        if reads:
            await asyncio.wait(reads)
