"""Wrong: makes the resources concurrently with gather: when one make() fails, the ones
that succeeded are never in the list, so they are never closed."""

import asyncio
from contextlib import asynccontextmanager

EXPECT = "Make the resources inside the `try:`"


@asynccontextmanager
async def pool(n, make, close):
    resources = []
    try:
        resources = list(await asyncio.gather(*(make() for _ in range(n))))
        yield resources
    finally:
        for resource in reversed(resources):
            await close(resource)
