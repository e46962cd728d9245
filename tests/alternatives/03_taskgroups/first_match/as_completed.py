"""Correct in another style: asyncio.as_completed over tasks, cancelling the rest on a match."""

import asyncio


async def first_match(sources, pred):
    tasks = [asyncio.create_task(source()) for source in sources]
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
