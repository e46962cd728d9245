"""The first k to finish: race many jobs, keep the k fastest, stop the rest.

Write `first_k(factories, k)`. Each item of `factories` is a zero-argument callable that
returns an awaitable (call it once to start that job: `factory()`). Start every job at once
and return the results of the first `k` jobs to finish, in the order they finished. Then the
other jobs are no longer needed: cancel them, and await them so they have really stopped
before you return (a cancelled task only stops the next time it runs).
If the caller cancels `first_k` itself, the same goes for every job still running: cancel
and await them, then let the `CancelledError` out.

    >>> # jobs taking 5, 1, 4, 2 and 3 seconds
    >>> await first_k(factories, 2)     # after 2 s, not 5 s
    [result_of_the_1s_job, result_of_the_2s_job]

Waiting for every job (`gather`) and then picking is as slow as the slowest job. Breaking
out of a loop early leaves the slower jobs running in the background.

Key names: `asyncio.ensure_future` / `asyncio.create_task`, `asyncio.as_completed`,
`asyncio.wait(..., return_when=asyncio.FIRST_COMPLETED)`, `Task.cancel()`,
`asyncio.gather(*tasks, return_exceptions=True)`.

Grade it: nox -s grade -- first_k
"""

from collections.abc import Awaitable, Callable, Iterable
from typing import Any


async def first_k(factories: Iterable[Callable[[], Awaitable[Any]]], k: int) -> list[Any]:
    """Return the first `k` results by completion order; cancel and await the other jobs."""
    raise NotImplementedError("start all jobs, keep the first k results, cancel the rest")
