"""Wrong: a source that raises is treated as ended: its exception is swallowed."""

import asyncio

EXPECT = "did not raise the source's ValueError"

_END = object()


async def _read(it):
    try:
        return await anext(it)
    except StopAsyncIteration:
        return _END
    except Exception:  # noqa: BLE001
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
    finally:
        for task in reads:
            task.cancel()
        if reads:
            await asyncio.wait(reads)
