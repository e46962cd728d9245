"""Wrong: fills a list of None placeholders and closes only the truthy entries: a resource
that is falsy (0, "", an empty container) is never closed."""

from contextlib import asynccontextmanager

EXPECT = "a falsy one or None included"


@asynccontextmanager
async def pool(n, make, close):
    resources = [None] * n
    try:
        for i in range(n):
            resources[i] = await make()
        yield resources
    finally:
        for r in resources:
            if r:
                await close(r)
