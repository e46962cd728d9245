"""A call with a deadline: give up after `seconds`, and really stop the work.

Write `with_deadline(fn, seconds)`. `fn` is a zero-argument async callable. Await `fn()`
under `asyncio.timeout(seconds)`:

- if it finishes in time, return its result;
- if the deadline passes, `fn()` must be cancelled (it sees `CancelledError`) and you return
  `None`;
- an error raised by `fn()` itself is not a timeout: let it propagate (a `TimeoutError`
  of fn()'s own too: the timeout's `expired()` tells the two apart);
- if the caller of `with_deadline` is cancelled, that cancellation must propagate too.

Calls may run at the same time, each with its own deadline.

Example, with `slow()` needing 10 s:

    >>> await with_deadline(slow, 2)   # after 2 s; slow() was cancelled
    None

`asyncio.wait([task], timeout=2)` only stops *waiting*: the task keeps running in the
background. `async with asyncio.timeout(2):` cancels the work inside the block when the
deadline passes and turns that cancellation into a `TimeoutError` when the block exits.

Key API: `async with asyncio.timeout(seconds) as deadline:`, `except TimeoutError:`,
`deadline.expired()`.

Grade it: nox -s grade -- with_deadline
"""

from collections.abc import Awaitable, Callable
from typing import Any


async def with_deadline(fn: Callable[[], Awaitable[Any]], seconds: float) -> Any:
    """Return `await fn()`, or None if it takes longer than `seconds` (and cancel it)."""
    raise NotImplementedError("await fn() inside `async with asyncio.timeout(seconds):`")
