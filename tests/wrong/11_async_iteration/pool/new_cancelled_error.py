"""Wrong: catches the block's CancelledError and raises a new one of its own ("pool closed"),
so the caller's cancel message is lost."""

import asyncio
from contextlib import asynccontextmanager

EXPECT = "not the one it was cancelled with"


@asynccontextmanager
async def pool(n, make, close):
    resources = []
    try:
        for _ in range(n):
            resources.append(await make())
        yield resources
    except asyncio.CancelledError:
        raise asyncio.CancelledError("pool closed") from None
    finally:
        for resource in reversed(resources):
            await close(resource)
