"""Wrong: gather with return_exceptions=True, then sorts outcomes by type: an exception object
returned as a value becomes an Err (and BaseExceptions that are not Exceptions are caught)."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "returns an exception object returned a value"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws) -> list[Ok | Err]:
    results = await asyncio.gather(*aws, return_exceptions=True)
    return [Err(r) if isinstance(r, BaseException) else Ok(r) for r in results]
