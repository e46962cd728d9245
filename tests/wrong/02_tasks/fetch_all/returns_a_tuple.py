"""Wrong: returns a tuple of the results, not a list (only the empty case was caught)."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "a tuple; expected a list"


async def fetch_all(ids: Iterable[Any], fetch: Callable[[Any], Awaitable[Any]]) -> list[Any]:
    tasks = [asyncio.ensure_future(fetch(i)) for i in ids]
    if tasks:
        await asyncio.wait(tasks)
    return tuple(task.result() for task in tasks)
