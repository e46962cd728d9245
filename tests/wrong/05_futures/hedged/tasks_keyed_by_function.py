"""Wrong: keeps its tasks in a dict keyed by id() of the request function: hedged(fetch, fetch,
after), the classic hedge of the same request, overwrites the primary's entry with the
backup's, so the losing primary is never cancelled nor awaited, and cannot win either."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

EXPECT = "primary and backup may be the same function"


async def hedged(
    primary: Callable[[], Awaitable[Any]], backup: Callable[[], Awaitable[Any]], after: float
) -> Any:
    """Return the first result of primary, or of backup started after `after` seconds."""
    running: dict[int, asyncio.Future[Any]] = {id(primary): asyncio.ensure_future(primary())}
    try:
        done, _ = await asyncio.wait(running.values(), timeout=after)
        if not done:
            running[id(backup)] = asyncio.ensure_future(backup())
            done, _ = await asyncio.wait(running.values(), return_when=asyncio.FIRST_COMPLETED)
        return done.pop().result()
    finally:
        for task in running.values():
            task.cancel()
        await asyncio.wait(running.values())
