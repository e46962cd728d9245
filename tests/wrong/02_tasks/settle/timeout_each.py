"""Wrong: gives each awaitable at most 60 s (wait_for) "to be safe", so a slow one that would
have returned becomes Err(TimeoutError)."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "instead of waiting for it"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws):
    async def one(aw):
        try:
            return Ok(await asyncio.wait_for(aw, timeout=60))
        except Exception as exc:
            return Err(exc)

    return list(await asyncio.gather(*(one(aw) for aw in aws)))
