"""Correct in another style: asyncio.timeout_at with an absolute loop deadline."""

import asyncio


async def with_deadline(fn, seconds):
    deadline = asyncio.timeout_at(asyncio.get_running_loop().time() + seconds)
    try:
        async with deadline:
            result = await fn()
    except TimeoutError:
        if deadline.expired():
            return None
        raise
    return result
