"""Correct in another style: the docstring's sentinel exception, caught with `except*` (on
Python 3.11 and 3.12 CPython's TaskGroup then swallows a cancellation of the caller that
arrives while the group stops; the grader checks that case from 3.13 on)."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any


class _Found(Exception):  # noqa: N818 - a sentinel, not an error
    """Raised by the task that finds a match, to make the TaskGroup stop the others."""

    def __init__(self, value: Any) -> None:
        super().__init__(value)
        self.value = value


async def first_match(
    sources: Iterable[Callable[[], Awaitable[Any]]], pred: Callable[[Any], bool]
) -> Any:
    """Return the first value (by time) that satisfies `pred`, cancelling the other sources."""

    async def ask(source: Callable[[], Awaitable[Any]]) -> None:
        value = await source()
        if pred(value):
            # An exception in one task makes the TaskGroup cancel (and await) all the others.
            raise _Found(value)

    found: BaseException | None = None
    try:
        async with asyncio.TaskGroup() as group:
            for source in sources:
                group.create_task(ask(source))
    except* _Found as matches:
        # Normally one match; if two sources matched in the same loop step, take the first.
        found = matches.exceptions[0]
    # Reaching here without a match means every source answered and none satisfied pred.
    return found.value if isinstance(found, _Found) else None
