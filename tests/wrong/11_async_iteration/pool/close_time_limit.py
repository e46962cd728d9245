"""Wrong: each close() gets a time limit of a minute (asyncio.wait_for) "so a stuck close
cannot hang the exit": a slow close() is cut short, raises TimeoutError, and the resources
after it are never closed."""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

EXPECT = "await make() and close() however long they take"


@asynccontextmanager
async def pool(
    n: int, make: Callable[[], Awaitable[Any]], close: Callable[[Any], Awaitable[Any]]
) -> AsyncIterator[list[Any]]:
    """Make `n` resources, yield them, close every one of them on the way out."""
    resources: list[Any] = []
    try:
        # Inside the try: if the 3rd make() fails, the first two are still closed.
        for _ in range(n):
            resources.append(await make())
        # An exception or a cancellation in the `async with` block is raised right here...
        yield resources
    finally:
        # ...so this runs in every case, and the exception carries on afterwards.
        for resource in reversed(resources):
            await asyncio.wait_for(close(resource), 60)
