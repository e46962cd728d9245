"""Wrong: removes each resource from the list while iterating over it: every other one is skipped."""

from contextlib import asynccontextmanager

EXPECT = "do not remove items from a list while you loop over it"


@asynccontextmanager
async def pool(n, make, close):
    resources = []
    try:
        for _ in range(n):
            resources.append(await make())
        yield resources
    finally:
        for r in resources:
            await close(r)
            resources.remove(r)
