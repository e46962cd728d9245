"""Wrong: takes one task from done per wait: items that arrive in the same loop step are lost."""

import asyncio

EXPECT = "due at the same instant as another item"


_END = object()


async def _read(it):
    try:
        return await anext(it)
    except StopAsyncIteration:
        return _END


async def merge(*aits):
    owner = {}
    pending = set()
    for it in aits:
        t = asyncio.create_task(_read(it))
        owner[t] = it
        pending.add(t)
    try:
        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            task = done.pop()  # the one that finished first
            it = owner.pop(task)
            item = task.result()
            if item is _END:
                continue
            nxt = asyncio.create_task(_read(it))
            owner[nxt] = it
            pending.add(nxt)
            yield item
    finally:
        for t in pending:
            t.cancel()
        if pending:
            await asyncio.wait(pending)
