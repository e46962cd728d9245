"""First match: ask every source at once, stop at the first good answer.

Write `first_match(sources, pred)`. `sources` is a list of zero-argument async callables:
`await source()` returns one value. Ask all of them at the same time. As soon as one value
satisfies `pred(value)`, return that value and stop every other source at once: they must be
cancelled, and must have finished (seen their `CancelledError`) before you return. If no value
satisfies `pred`, return `None` once every source has answered. If the task running
`first_match` is cancelled, the sources are cancelled too and the `CancelledError` propagates.

Example, with sources answering 30 after 3 s, 10 after 1 s and 20 after 2 s:

    >>> await first_match(sources, lambda v: v >= 20)   # after 2 s: 10 came first but fails
    20

A TaskGroup has no "stop now" method before Python 3.14, so use one of:
- a small exception of your own (a sentinel) raised by the task that finds the match: the
  TaskGroup then cancels the others, and `except* YourSentinel as group:` gets the value back
  (on Python 3.11 and 3.12, such a group swallows a cancellation of `first_match` that comes
  while it stops: a CPython bug, fixed in 3.13);
- or the task that finds the match cancels its siblings (`task.cancel()`) itself;
- or `asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)` in a loop, then cancel the
  pending tasks and await them.

Key API: `asyncio.TaskGroup`, `except*`, `asyncio.wait`, `task.cancel()`.

Grade it: nox -s grade -- first_match
"""

from collections.abc import Awaitable, Callable, Iterable
from typing import Any


async def first_match(
    sources: Iterable[Callable[[], Awaitable[Any]]], pred: Callable[[Any], bool]
) -> Any:
    """Return the first value (by time) that satisfies `pred`, cancelling the other sources."""
    raise NotImplementedError("run the sources at once; stop the others at the first match")
