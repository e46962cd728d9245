"""Wrong: when its task is cancelled, settle cancels and awaits its tasks, then raises a new CancelledError of its own: the caller's message is lost."""

import asyncio
from dataclasses import dataclass
from typing import Any

EXPECT = "not the one it was cancelled with"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def _o(aw):
    try:
        return Ok(await aw)
    except Exception as e:
        return Err(e)


async def settle(aws):
    tasks = [asyncio.ensure_future(_o(aw)) for aw in aws]
    try:
        return list(await asyncio.gather(*tasks))
    except asyncio.CancelledError:
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise asyncio.CancelledError("settle cancelled")
