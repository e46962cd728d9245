"""Wrong: waits on tasks and makes an Err of whatever `task.exception()` gives, so a BaseException that is not an Exception (KeyboardInterrupt and the like) becomes an outcome instead of going through."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "if you read `task.exception()`, make an Err only of an `Exception`"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws) -> list:
    tasks = [asyncio.ensure_future(aw) for aw in aws]
    try:
        if tasks:
            await asyncio.wait(tasks)
    except asyncio.CancelledError:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    return [
        Err(task.exception()) if task.exception() is not None else Ok(task.result())
        for task in tasks
    ]
