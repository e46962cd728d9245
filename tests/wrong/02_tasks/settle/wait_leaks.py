"""Wrong: asyncio.wait does not cancel its tasks when the caller is cancelled: they run on."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "kept running in the background"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws) -> list:
    tasks = [asyncio.ensure_future(aw) for aw in aws]
    if tasks:
        await asyncio.wait(tasks)
    return [Err(t.exception()) if t.exception() else Ok(t.result()) for t in tasks]
