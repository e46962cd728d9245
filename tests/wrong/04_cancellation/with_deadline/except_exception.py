"""Wrong: `except Exception: return None` hides fn()'s own errors as if they were timeouts."""

import asyncio

EXPECT = "ValueError was swallowed"


async def with_deadline(fn, seconds):
    try:
        async with asyncio.timeout(seconds):
            return await fn()
    except Exception:
        return None
