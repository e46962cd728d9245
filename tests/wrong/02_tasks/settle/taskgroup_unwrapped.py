"""Wrong: a TaskGroup of the bare awaitables: the first error cancels every other one."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "in a TaskGroup one failure cancels all the others"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws) -> list:
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(aw) for aw in aws]
    return [Ok(task.result()) for task in tasks]
