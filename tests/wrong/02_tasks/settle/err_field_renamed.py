"""Wrong: renames Err's field from `error` to `exception`, so code reading `outcome.error`, as the stub's Err promises, breaks."""

import asyncio
from collections.abc import Awaitable, Iterable
from dataclasses import dataclass
from typing import Any

EXPECT = "Err(x) has no `error`"


@dataclass
class Ok:
    """An awaitable that returned `value`."""

    value: Any


@dataclass
class Err:
    """An awaitable that raised `exception`."""

    exception: BaseException


async def _outcome(aw: Awaitable[Any]) -> Ok | Err:
    try:
        return Ok(await aw)
    except Exception as exc:  # noqa: BLE001
        return Err(exc)


async def settle(aws: Iterable[Awaitable[Any]]) -> list[Ok | Err]:
    """Await all of `aws` concurrently; return Ok(value) or Err(error) for each, in order."""
    return list(await asyncio.gather(*(_outcome(aw) for aw in aws)))
