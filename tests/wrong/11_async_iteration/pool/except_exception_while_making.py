"""Wrong: guards the making with except Exception: a cancellation during make() leaks what was already made."""

from contextlib import asynccontextmanager

EXPECT = "A cancellation is not an Exception"


@asynccontextmanager
async def pool(n, make, close):
    resources = []
    for _ in range(n):
        try:
            resources.append(await make())
        except Exception:
            # make() failed part-way: close what we already made
            for r in resources:
                await close(r)
            raise
    try:
        yield resources
    finally:
        for r in resources:
            await close(r)
