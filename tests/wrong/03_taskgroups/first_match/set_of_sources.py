"""Wrong: puts the sources in a set first, so a source listed twice is asked once."""

import asyncio

EXPECT = "a source listed twice is asked twice"


async def first_match(sources, pred):
    tasks = [asyncio.create_task(source()) for source in set(sources)]
    try:
        for next_done in asyncio.as_completed(tasks):
            value = await next_done
            if pred(value):
                return value
        return None
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
