"""Wrong: `except TimeoutError: return None` also swallows a TimeoutError that fn() raised itself."""

import asyncio

EXPECT = "fn()'s own TimeoutError was taken for the deadline"


async def with_deadline(fn, seconds):
    try:
        async with asyncio.timeout(seconds):
            return await fn()
    except TimeoutError:
        return None
