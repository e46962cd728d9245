"""Wrong: wrappers catch Exception, and the gather also has return_exceptions=True "to be safe": a BaseException (not an Exception) comes back as a bare exception object in the list instead of propagating."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "instead of propagating"


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
        return Err(exc)


async def settle(aws):
    return list(await asyncio.gather(*(_outcome(aw) for aw in aws), return_exceptions=True))
