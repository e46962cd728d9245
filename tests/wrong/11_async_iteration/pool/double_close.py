"""Wrong: closes after the yield AND in the finally: on a normal exit every resource is
closed twice."""

from contextlib import asynccontextmanager

EXPECT = "each must be closed exactly once"


@asynccontextmanager
async def pool(n, make, close):
    resources = []
    try:
        for _ in range(n):
            resources.append(await make())
        yield resources
        for resource in resources:
            await close(resource)
    finally:
        for resource in reversed(resources):
            await close(resource)
