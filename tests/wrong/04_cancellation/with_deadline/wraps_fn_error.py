"""Wrong: wraps fn()'s error in a RuntimeError of its own."""

import asyncio

EXPECT = "instead of fn()'s ValueError"


async def with_deadline(fn, seconds):
    deadline = asyncio.timeout(seconds)
    try:
        async with deadline:
            return await fn()
    except TimeoutError:
        if deadline.expired():
            return None
        raise
    except Exception as exc:
        raise RuntimeError(f"fn() failed: {exc}") from exc
