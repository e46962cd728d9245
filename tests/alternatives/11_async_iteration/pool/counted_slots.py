"""Correct in another style: a list of n slots and a count of how many make() calls succeeded."""

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any


@asynccontextmanager
async def pool(
    n: int, make: Callable[[], Awaitable[Any]], close: Callable[[Any], Awaitable[Any]]
) -> AsyncIterator[list[Any]]:
    slots: list[Any] = [None] * n
    made = 0  # slots[:made] hold resources; a resource may itself be None or falsy
    try:
        for i in range(n):
            slots[i] = await make()
            made += 1
        yield slots
    finally:
        for resource in slots[:made]:
            await close(resource)
