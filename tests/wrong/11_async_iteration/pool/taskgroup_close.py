"""Wrong: closes the resources at once in a TaskGroup: a close(r) that returns a future, not
a coroutine (as loop.run_in_executor does), makes create_task raise TypeError."""

import asyncio
from contextlib import asynccontextmanager

EXPECT = "close(r) may return any awaitable"


@asynccontextmanager
async def pool(n, make, close):
    resources = []
    try:
        for _ in range(n):
            resources.append(await make())
        yield resources
    finally:
        async with asyncio.TaskGroup() as group:
            for resource in resources:
                group.create_task(close(resource))
