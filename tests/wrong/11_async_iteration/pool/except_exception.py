"""Wrong: `except Exception` cleans up on errors but misses CancelledError (a BaseException)."""

from contextlib import asynccontextmanager

EXPECT = "except Exception` misses it"


@asynccontextmanager
async def pool(n, make, close):
    resources = []
    try:
        for _ in range(n):
            resources.append(await make())
        yield resources
    except Exception:
        for resource in resources:
            await close(resource)
        raise
    for resource in resources:
        await close(resource)
