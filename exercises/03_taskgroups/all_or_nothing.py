"""All or nothing: fetch everything, or fail fast and cancel the rest.

Write `fetch_all_or_fail(ids, fetch)`. It calls `await fetch(i)` for every id in `ids`, all at
the same time, and returns the results in the order of `ids`. Use `asyncio.TaskGroup`:

- if every fetch succeeds, return `[result_for_ids[0], result_for_ids[1], ...]` (a result of
  `None`, `0` or `''` is a result like any other);
- if one fetch fails, the TaskGroup cancels every other fetch at once (they see
  `CancelledError`) and raises an `ExceptionGroup` holding the error. Let that group
  propagate: do not catch it, do not unwrap it. It raises once the cancelled fetches have
  finished (a fetch may await in its cleanup).

If the task running `fetch_all_or_fail` is cancelled, every fetch is cancelled too and the
`CancelledError` propagates.

Example, with fetches taking 3 s, 1 s and 2 s:

    >>> await fetch_all_or_fail(["a", "b", "c"], fetch)   # after 3 s of loop time
    [fetch_result_a, fetch_result_b, fetch_result_c]

If `fetch("b")` raises `ValueError` after 1 s, the call raises
`ExceptionGroup("unhandled errors in a TaskGroup", [ValueError(...)])` after 1 s, and the
fetches of "a" and "c" were cancelled at that moment. (`asyncio.gather` would raise the bare
error and leave "a" and "c" running in the background.)

Key API: `async with asyncio.TaskGroup() as tg:`, `tg.create_task(coro)`, `task.result()`.

Grade it: nox -s grade -- all_or_nothing
"""

from collections.abc import Awaitable, Callable, Iterable
from typing import Any


async def fetch_all_or_fail(ids: Iterable[Any], fetch: Callable[[Any], Awaitable[Any]]) -> list:
    """Fetch every id at once in a TaskGroup; results in input order; the first error wins."""
    raise NotImplementedError("create one task per id in an asyncio.TaskGroup, return results")
