"""Settle them all, like Promise.allSettled (reference solution)."""

import asyncio
from collections.abc import Awaitable, Iterable
from dataclasses import dataclass
from typing import Any


@dataclass
class Ok:
    """An awaitable that returned `value`."""

    value: Any


@dataclass
class Err:
    """An awaitable that raised `error`."""

    error: BaseException


async def _outcome(aw: Awaitable[Any]) -> Ok | Err:
    """Await one awaitable and wrap what happened."""
    try:
        return Ok(await aw)
    except Exception as exc:  # noqa: BLE001 - not BaseException: CancelledError must propagate
        return Err(exc)


async def settle(aws: Iterable[Awaitable[Any]]) -> list[Ok | Err]:
    """Await all of `aws` concurrently; return Ok(value) or Err(error) for each, in order."""
    # Each wrapper returns instead of raising, so gather never stops early; gather keeps
    # argument order, and cancelling settle cancels every wrapper (and so every awaitable).
    return list(await asyncio.gather(*(_outcome(aw) for aw in aws)))
