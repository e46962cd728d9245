"""Wrong: never catches the TimeoutError, so the caller gets an error instead of None."""

import asyncio

EXPECT = "catch the TimeoutError"


async def with_deadline(fn, seconds):
    async with asyncio.timeout(seconds):
        return await fn()
