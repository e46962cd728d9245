"""Wrong: awaits the awaitables through a Semaphore(8), so with more than eight of them the
rest wait for a free slot instead of all running at once."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "awaitables in flight at once; expected all 30"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws) -> list:
    limit = asyncio.Semaphore(8)

    async def one(aw):
        async with limit:
            try:
                return Ok(await aw)
            except Exception as error:
                return Err(error)

    return list(await asyncio.gather(*(one(aw) for aw in aws)))
