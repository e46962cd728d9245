"""Wrong: Err holds the root cause (error.__cause__) rather than the exception the awaitable raised."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "is its __cause__"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def _outcome(aw):
    try:
        return Ok(await aw)
    except Exception as exc:
        root = exc
        while root.__cause__ is not None:
            root = root.__cause__
        return Err(root)


async def settle(aws):
    return list(await asyncio.gather(*(_outcome(aw) for aw in aws)))
