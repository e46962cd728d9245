"""Wrong: awaits the awaitables through a Semaphore(100), so with more than a hundred of them
the rest wait for a free slot instead of all running at once."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "awaitables in flight at once; expected all 300"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws):
    sem = asyncio.Semaphore(100)

    async def one(aw):
        async with sem:
            try:
                return Ok(await aw)
            except Exception as exc:
                return Err(exc)

    return list(await asyncio.gather(*(one(aw) for aw in aws)))
