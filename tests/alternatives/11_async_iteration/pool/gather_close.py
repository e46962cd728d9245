"""Correct in another style: every resource closed at once with gather, in a finally."""

import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def pool(n, make, close):
    resources = []
    try:
        while len(resources) < n:
            resources.append(await make())
        yield resources
    finally:
        await asyncio.gather(*map(close, resources))
