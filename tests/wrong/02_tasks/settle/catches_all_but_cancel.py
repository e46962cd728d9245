"""Wrong: catches every BaseException but CancelledError, so a KeyboardInterrupt or SystemExit becomes an Err."""

import asyncio
from collections.abc import Awaitable, Iterable
from dataclasses import dataclass
from typing import Any

EXPECT = "caught a BaseException that is not an Exception"


@dataclass
class Ok:
    value: Any


@dataclass
class Err:
    error: BaseException


async def _one(aw: Awaitable[Any]) -> Ok | Err:
    try:
        return Ok(await aw)
    except asyncio.CancelledError:
        raise  # cancellation is not an outcome
    except BaseException as exc:
        return Err(exc)


async def settle(aws: Iterable[Awaitable[Any]]) -> list[Ok | Err]:
    return list(await asyncio.gather(*(_one(aw) for aw in aws)))
