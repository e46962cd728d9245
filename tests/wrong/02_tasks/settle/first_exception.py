"""Wrong: waits with FIRST_EXCEPTION and cancels the rest: one failure stops the others."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "one failure must not stop the others"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws) -> list:
    tasks = [asyncio.ensure_future(aw) for aw in aws]
    if tasks:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return [outcome(t) for t in tasks]


def outcome(task):
    if task.cancelled():
        return Err(asyncio.CancelledError())
    if task.exception() is not None:
        return Err(task.exception())
    return Ok(task.result())
