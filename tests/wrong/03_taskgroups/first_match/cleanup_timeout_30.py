"""Wrong: after a match, waits for the cancelled sources at most 30 s (asyncio.wait timeout):
a source whose cleanup takes longer is still running when first_match returns."""

import asyncio

EXPECT = "a time limit on that wait"


async def first_match(sources, pred):
    tasks = [asyncio.ensure_future(s()) for s in sources]
    try:
        for nxt in asyncio.as_completed(tasks):
            value = await nxt
            if pred(value):
                return value
        return None
    finally:
        for t in tasks:
            t.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=30)
