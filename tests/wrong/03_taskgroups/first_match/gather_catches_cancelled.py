"""Wrong: awaits the cancelled sources with a plain gather and catches its CancelledError: the
gather raises as soon as the first cancelled source stops."""

import asyncio

EXPECT = "not only for the first one to stop"


async def first_match(sources, pred):
    tasks = [asyncio.ensure_future(source()) for source in sources]
    try:
        for next_done in asyncio.as_completed(tasks):
            value = await next_done
            if pred(value):
                return value
        return None
    finally:
        for task in tasks:
            task.cancel()
        try:
            await asyncio.gather(*tasks)
        except asyncio.CancelledError:
            pass
