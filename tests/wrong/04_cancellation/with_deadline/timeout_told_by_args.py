"""Wrong: tells the deadline's TimeoutError from fn()'s by its message, so a bare TimeoutError() of fn() becomes None."""

import asyncio

EXPECT = "was taken for the deadline"


async def with_deadline(fn, seconds):
    # The deadline's TimeoutError carries no message; fn()'s own errors do.
    try:
        async with asyncio.timeout(seconds):
            return await fn()
    except TimeoutError as exc:
        if exc.args:
            raise
        return None
