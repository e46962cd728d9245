"""Wrong: makes the resources before the try, so a failing make() leaks the ones already made."""

from contextlib import asynccontextmanager

EXPECT = "already made were closed [0, 0] times"


@asynccontextmanager
async def pool(n, make, close):
    resources = [await make() for _ in range(n)]
    try:
        yield resources
    finally:
        for resource in resources:
            await close(resource)
