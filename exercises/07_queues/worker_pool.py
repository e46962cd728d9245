"""A pool of workers: a fixed number of tasks share one queue of work.

Write `process_all(items, handler, workers)`. Put every item in an `asyncio.Queue`, start
exactly `workers` worker tasks, and let each worker loop: take an item with
`await queue.get()`, run `await handler(item)`, keep the result, and call
`queue.task_done()`. Wait with `await queue.join()` until every item is done, then stop
the workers (they wait on `get()` forever otherwise): cancel them and await them.
Return the list of results, in any order.

- At most `workers` handler calls run at once, and with enough items exactly `workers`.
- If `handler(item)` raises, the pool keeps going: put the exception object in the results
  in that item's place (like `gather(..., return_exceptions=True)`). Call
  `queue.task_done()` in a `finally:` so a failed item is still counted as done.
- No worker task may be left running when `process_all` returns, nor when it is
  cancelled: then it cancels its workers, awaits them, and lets the CancelledError out.
- `items` may be any iterable (a generator too: go through it once), may be empty, and may
  hold repeated items and `None`: every item is handled, each repeat too.

    >>> await process_all([1, 2, 3, 4], double_slowly, workers=2)   # 1 s each: takes 2 s
    [2, 4, 6, 8]   # in any order

Key API: asyncio.Queue, get, put_nowait, task_done, join, create_task, Task.cancel, gather.

Grade it: nox -s grade -- worker_pool
"""

from collections.abc import Awaitable, Callable, Iterable
from typing import Any


async def process_all(
    items: Iterable[Any], handler: Callable[[Any], Awaitable[Any]], workers: int
) -> list[Any]:
    """Run `handler` on every item with `workers` worker tasks; return all results."""
    raise NotImplementedError("fill a queue, start `workers` workers, join, stop the workers")
