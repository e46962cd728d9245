"""Correct in another style: tasks and asyncio.wait, cancelled and awaited in a finally;
each outcome read from its task (a BaseException that is not an Exception is re-raised)."""

import asyncio
from dataclasses import dataclass
from typing import Any


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws):
    tasks = [asyncio.ensure_future(aw) for aw in aws]
    try:
        if tasks:
            await asyncio.wait(tasks)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    outcomes = []
    for task in tasks:
        error = task.exception()
        if error is None:
            outcomes.append(Ok(task.result()))
        elif isinstance(error, Exception):
            outcomes.append(Err(error))
        else:
            raise error
    return outcomes
