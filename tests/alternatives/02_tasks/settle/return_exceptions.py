"""Correct in another style: gather with return_exceptions=True, then sort results from errors."""

import asyncio
from dataclasses import dataclass
from typing import Any


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def settle(aws) -> list[Ok | Err]:
    results = await asyncio.gather(*aws, return_exceptions=True)
    return [Err(r) if isinstance(r, BaseException) else Ok(r) for r in results]
