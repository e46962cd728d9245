"""Wrong: looks at aws with list() first, then gathers aws itself: a generator is empty by then."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "which can be walked only once"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws) -> list:
    if not list(aws):
        return []
    results = await asyncio.gather(*aws, return_exceptions=True)
    return [Err(r) if isinstance(r, Exception) else Ok(r) for r in results]
