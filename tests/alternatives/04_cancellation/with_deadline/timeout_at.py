"""Correct in another style: asyncio.timeout_at with an absolute loop deadline."""

import asyncio


async def with_deadline(fn, seconds):
    deadline = asyncio.get_running_loop().time() + seconds
    try:
        async with asyncio.timeout_at(deadline):
            result = await fn()
    except TimeoutError:
        return None
    return result
