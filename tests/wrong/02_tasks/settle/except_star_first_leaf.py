"""Wrong: catches with except* and keeps eg.exceptions[0]: an awaitable that raises an ExceptionGroup gets Err(its first member), not Err(the group it raised)."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "is one member of the ExceptionGroup it raised"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def _outcome(aw):
    try:
        return Ok(await aw)
    except* Exception as eg:
        error = eg.exceptions[0]  # (return is not allowed inside except*)
    return Err(error)


async def settle(aws):
    return list(await asyncio.gather(*(_outcome(aw) for aw in aws)))
