"""Wrong: cleans up in `except (Exception, asyncio.CancelledError)` plus after the yield,
instead of a `finally:`: a block that ends by another BaseException (SystemExit from
sys.exit(), KeyboardInterrupt) leaves every resource open."""

import asyncio
from contextlib import asynccontextmanager

EXPECT = "neither an Exception nor a CancelledError"


@asynccontextmanager
async def pool(n, make, close):
    resources = []

    async def close_all():
        for resource in reversed(resources):
            await close(resource)

    try:
        for _ in range(n):
            resources.append(await make())
        yield resources
    except (Exception, asyncio.CancelledError):
        await close_all()
        raise
    await close_all()
