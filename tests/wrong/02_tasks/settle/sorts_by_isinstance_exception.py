"""Wrong: gather with return_exceptions=True, then isinstance(r, Exception): a returned exception object becomes an Err."""

import asyncio
from collections.abc import Awaitable, Iterable
from dataclasses import dataclass
from typing import Any

EXPECT = "returns an exception object returned a value"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws: Iterable[Awaitable[Any]]) -> list[Ok | Err]:
    results = await asyncio.gather(*aws, return_exceptions=True)
    return [Err(r) if isinstance(r, Exception) else Ok(r) for r in results]
