"""Fan out, keep the order: run many fetches at once, return results in input order.

Write `fetch_all(ids, fetch)`. `fetch` is a coroutine function: `await fetch(i)` returns the
data for id `i` after some I/O. Start `fetch(i)` for every id at the same time and return the
list of results in the same order as `ids`, whichever fetch finishes first. If a fetch
raises, fetch_all lets that exception out (a TaskGroup's ExceptionGroup holding it is fine);
it never returns it in the list.

Awaiting them one by one in a `for` loop makes each fetch wait for the previous one: 3
fetches of 1 s take 3 s instead of 1 s. `asyncio.as_completed` runs them concurrently but
gives results in the order they finish, not the order you asked in.

    >>> asyncio.run(fetch_all([3, 1, 2], fetch))   # about as long as the slowest fetch
    [data_3, data_1, data_2]

Key names: `asyncio.gather(*aws)` (results in argument order), `asyncio.create_task`,
`asyncio.TaskGroup`.

Grade it: nox -s grade -- fetch_all
"""

from collections.abc import Awaitable, Callable, Iterable
from typing import Any


async def fetch_all(ids: Iterable[Any], fetch: Callable[[Any], Awaitable[Any]]) -> list[Any]:
    """Run `fetch(i)` for every id concurrently; return the results in the order of `ids`."""
    raise NotImplementedError("start every fetch at once, return the results in input order")
