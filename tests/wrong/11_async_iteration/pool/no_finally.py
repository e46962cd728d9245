"""Wrong: cleanup after a bare yield never runs when the block raises or is cancelled."""

from contextlib import asynccontextmanager

EXPECT = "finally"


@asynccontextmanager
async def pool(n, make, close):
    resources = [await make() for _ in range(n)]
    yield resources
    for resource in resources:
        await close(resource)
