"""Wrong: one module-level list of outcomes, extended by every call and never emptied, so a second call returns the first call's outcomes too."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "the second call"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


_outcomes = []


async def settle(aws):
    async def one(aw):
        try:
            return Ok(await aw)
        except Exception as error:
            return Err(error)

    _outcomes.extend(await asyncio.gather(*(one(aw) for aw in aws)))
    return _outcomes
