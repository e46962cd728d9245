"""Wrong: wraps the block's exception in a RuntimeError of its own instead of letting it
propagate unchanged."""

from contextlib import asynccontextmanager

EXPECT = "instead of the block's own ValueError"


@asynccontextmanager
async def pool(n, make, close):
    resources = []
    try:
        for _ in range(n):
            resources.append(await make())
        yield resources
    except Exception as exc:
        raise RuntimeError("the pool's block failed") from exc
    finally:
        for resource in reversed(resources):
            await close(resource)
