"""Wrong: starts each close() as a task and does not await it: the block's exit does not wait
for the resources to be closed."""

import asyncio
from contextlib import asynccontextmanager

EXPECT = "were still running"


@asynccontextmanager
async def pool(n, make, close):
    resources = []
    try:
        for _ in range(n):
            resources.append(await make())
        yield resources
    finally:
        for r in resources:
            asyncio.ensure_future(close(r))
