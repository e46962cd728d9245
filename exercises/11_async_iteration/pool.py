"""A pool as an async context manager: whatever happens inside, everything gets closed.

Write `pool(n, make, close)`, an `@asynccontextmanager` function, used as:

    async with pool(3, make, close) as resources:
        ...   # resources is a list of 3 objects made by `await make()`

- On the way in, make `n` resources with `await make()`, one after another, and yield the
  list (`n` may be 0: then the list is empty).
- On the way out, `await close(r)` every resource that was made, exactly once, however
  the block ends: normally, by an exception (which must then propagate unchanged), or by
  the task being cancelled (the CancelledError must propagate too).
- If `make()` fails part-way, close the resources already made, then let the error out.
- `make()` may return any object, a falsy one or None included: it is a resource all the
  same, to be closed like the others.

Put the cleanup in `try: ... finally:` around the `yield`: `except Exception` does not see
a cancellation (CancelledError is a BaseException), and code after a bare `yield` never runs
when the block raises.

Key API: contextlib.asynccontextmanager, try/finally around yield, asyncio.CancelledError.

Grade it: nox -s grade -- pool
"""

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any


@asynccontextmanager
async def pool(
    n: int, make: Callable[[], Awaitable[Any]], close: Callable[[Any], Awaitable[Any]]
) -> AsyncIterator[list[Any]]:
    """Make `n` resources, yield them, close every one of them on the way out."""
    raise NotImplementedError("make n resources, yield the list, close them in a finally")
    yield []  # makes this an async generator (remove when you write yours)
