"""Settle them all: wait for every awaitable and report each outcome, like Promise.allSettled.

Write `settle(aws)`. `aws` is an iterable of awaitables (e.g. a list of coroutines). Run
them all at once and, when every one has finished, return one outcome per awaitable, in the
order of `aws`:
`Ok(value)` for one that returned `value`, `Err(error)` for one that raised the exception
`error`. One failure must not stop or hide the others. A value may itself be an exception
object (returned, not raised): that is `Ok(value)`, so tell outcomes apart by how each
awaitable ended, not by the type of what it gave.

    >>> await settle([fetch(1), fails(), fetch(3)])       # as long as the slowest one
    [Ok(value=data_1), Err(error=ValueError('bad')), Ok(value=data_3)]

A plain `gather` raises the first error and loses the other outcomes. Catch `Exception`,
never `BaseException`: asyncio cancels a task by raising `CancelledError` (a BaseException)
inside it. If the task running `settle` is cancelled, settle must stop and let that
CancelledError propagate, not turn it into an `Err`.

Key names: `asyncio.gather`, `asyncio.TaskGroup`, `try` / `except Exception` (around each
await), `asyncio.CancelledError`.

Grade it: nox -s grade -- settle
"""

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


async def settle(aws: Iterable[Awaitable[Any]]) -> list[Ok | Err]:
    """Await all of `aws` concurrently; return Ok(value) or Err(error) for each, in order."""
    raise NotImplementedError("run them all; wrap each outcome in Ok or Err, in input order")
