"""Wrong: an async generator without @asynccontextmanager cannot be used in `async with`."""

EXPECT = "@asynccontextmanager"


async def pool(n, make, close):
    resources = []
    try:
        for _ in range(n):
            resources.append(await make())
        yield resources
    finally:
        for resource in resources:
            await close(resource)
