"""Wrong: wraps every awaitable that is not already a future with asyncio.create_task: an
awaitable that is neither a coroutine nor a future makes create_task raise TypeError."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "aws may hold any awaitable"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws):
    tasks = [aw if isinstance(aw, asyncio.Future) else asyncio.create_task(aw) for aw in aws]
    if not tasks:
        return []
    try:
        await asyncio.wait(set(tasks))
    except asyncio.CancelledError:
        for task in tasks:
            task.cancel()
        raise
    out = []
    for t in tasks:
        exc = t.exception()
        if exc is None:
            out.append(Ok(t.result()))
        elif isinstance(exc, Exception):
            out.append(Err(exc))
        else:
            raise exc
    return out
