"""A pool as an async context manager: whatever happens inside, everything gets closed."""

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any


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
            await close(resource)
