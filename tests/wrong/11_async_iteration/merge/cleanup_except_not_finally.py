"""Wrong: cleans up in `except GeneratorExit` (a break) and `except Exception` (a failing
source) instead of a `finally:`: when the task iterating merge is cancelled, the
CancelledError (a BaseException) skips both and the pending reads are left running."""

import asyncio

EXPECT = "was cancelled"

_END = object()


async def _read(it):
    try:
        return await anext(it)
    except StopAsyncIteration:
        return _END


async def _stop(reads):
    for task in reads:
        task.cancel()
    if reads:
        await asyncio.wait(reads)


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
        await _stop(reads)
        raise
    except Exception:
        await _stop(reads)
        raise
