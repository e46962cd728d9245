"""Wrong: Err holds the error's message, not the exception object."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "the very exception the awaitable raised"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws) -> list:
    results = await asyncio.gather(*aws, return_exceptions=True)
    return [Err(str(r)) if isinstance(r, Exception) else Ok(r) for r in results]
