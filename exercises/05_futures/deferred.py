"""Deferred: a value that many coroutines can wait for, settled once.

Write the class `Deferred`:

- `resolve(value)` settles it with a value (any value, `None` included); `reject(exc)`
  settles it with an exception. Both are plain methods (not async). Only the first
  settlement counts: later calls to `resolve` or `reject` do nothing (they must not raise),
  and a settled Deferred stays settled for every later waiter.
- `await d.wait()` returns the value (or raises the exception) once it is settled, however
  long that takes (put no time limit of your own on it), and at once if it already is. Any
  number of coroutines may wait: all of them wake at the same loop time, the moment it is
  settled. No polling with `asyncio.sleep`.
- A cancelled waiter ends with that CancelledError, and cancelling one waiter must not
  disturb the others.

Build it on a future (`asyncio.get_running_loop().create_future()`; create a `Deferred`
inside a running loop) or on an `asyncio.Event`. Careful: `await future` in a waiter that
gets cancelled cancels the shared future itself; `asyncio.shield(future)` protects it.

    >>> d = Deferred()
    >>> waiters = [asyncio.create_task(d.wait()) for _ in range(3)]
    >>> d.resolve("ready"); d.resolve("ignored")
    >>> await asyncio.gather(*waiters)
    ['ready', 'ready', 'ready']

Key API: `loop.create_future()`, `future.done()`, `future.set_result()`,
`future.set_exception()`, `asyncio.shield()`.

Grade it: nox -s grade -- deferred
"""

from typing import Any


class Deferred:
    """A one-shot value: resolved or rejected once, awaited by any number of waiters."""

    def __init__(self) -> None:
        raise NotImplementedError("set up a future (or an Event) to hold the outcome")

    def resolve(self, value: Any) -> None:
        """Settle with ``value`` (only the first settlement counts)."""
        raise NotImplementedError("set the result unless already settled")

    def reject(self, exc: BaseException) -> None:
        """Settle with the exception ``exc`` (only the first settlement counts)."""
        raise NotImplementedError("set the exception unless already settled")

    async def wait(self) -> Any:
        """Return the value (or raise the exception) once settled."""
        raise NotImplementedError("await the outcome without polling")
