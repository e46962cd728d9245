"""Wrong: gather(return_exceptions=True), then takes an exception with a traceback as raised:
an exception that was caught and then returned is made an Err."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "can still be a value"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws):
    results = await asyncio.gather(*aws, return_exceptions=True)
    return [
        Err(r) if isinstance(r, Exception) and r.__traceback__ is not None else Ok(r)
        for r in results
    ]
