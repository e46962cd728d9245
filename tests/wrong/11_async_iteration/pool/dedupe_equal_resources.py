"""Wrong: to close each resource "exactly once" it skips any resource equal (==) to one
already closed: two distinct resources that compare equal (dataclass connections to the
same host, two 0s) get only one close() between them."""

from contextlib import asynccontextmanager

EXPECT = "compare equal"


@asynccontextmanager
async def pool(n, make, close):
    resources = []
    try:
        for _ in range(n):
            resources.append(await make())
        yield resources
    finally:
        closed = []
        for resource in resources:
            if resource not in closed:
                await close(resource)
                closed.append(resource)
