"""Fan out, keep the order (reference solution)."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any


async def fetch_all(ids: Iterable[Any], fetch: Callable[[Any], Awaitable[Any]]) -> list[Any]:
    """Run `fetch(i)` for every id concurrently; return the results in the order of `ids`."""
    # gather wraps each coroutine in a task (so they all run at once) and returns the
    # results in the order of its arguments, not the order they finished in.
    return list(await asyncio.gather(*(fetch(i) for i in ids)))
