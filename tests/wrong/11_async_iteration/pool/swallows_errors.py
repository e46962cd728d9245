"""Wrong: catches the block's exception and does not re-raise it, so it silently disappears."""

from contextlib import asynccontextmanager

EXPECT = "swallowed the exception"


@asynccontextmanager
async def pool(n, make, close):
    resources = []
    try:
        for _ in range(n):
            resources.append(await make())
        yield resources
    except Exception:
        pass
    finally:
        for resource in resources:
            await close(resource)
