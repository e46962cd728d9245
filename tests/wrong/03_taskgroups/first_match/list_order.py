"""Wrong: starts every source, but checks the answers in list order, not in time order."""

import asyncio

EXPECT = "first match in time"


async def first_match(sources, pred):
    tasks = [asyncio.create_task(s()) for s in sources]
    try:
        for task in tasks:
            value = await task
            if pred(value):
                return value
        return None
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
