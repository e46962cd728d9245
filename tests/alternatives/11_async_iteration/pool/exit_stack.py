"""Correct in another style: an AsyncExitStack registers each close as soon as it is made."""

from contextlib import AsyncExitStack, asynccontextmanager


@asynccontextmanager
async def pool(n, make, close):
    async with AsyncExitStack() as stack:
        resources = []
        for _ in range(n):
            resource = await make()
            stack.push_async_callback(close, resource)
            resources.append(resource)
        yield resources
