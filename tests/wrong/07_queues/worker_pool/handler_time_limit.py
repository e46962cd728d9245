"""Wrong: each handler call gets a time limit of a minute (asyncio.wait_for) "so one stuck
item cannot hold a worker": a slow item's result becomes a TimeoutError."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "a TimeoutError of your own took its result"


async def process_all(
    items: Iterable[Any], handler: Callable[[Any], Awaitable[Any]], workers: int
) -> list[Any]:
    """Run `handler` on every item with `workers` worker tasks; return all results."""
    queue: asyncio.Queue[Any] = asyncio.Queue()
    for item in items:
        queue.put_nowait(item)  # unbounded queue: never blocks
    results: list[Any] = []

    async def worker() -> None:
        while True:  # runs until cancelled
            item = await queue.get()
            try:
                results.append(await asyncio.wait_for(handler(item), 60))
            except Exception as exc:  # noqa: BLE001 - a failed item's exception is its result
                results.append(exc)
            finally:
                queue.task_done()  # always, or join() waits forever

    tasks = [asyncio.create_task(worker()) for _ in range(workers)]
    try:
        await queue.join()  # every item got its task_done()
    finally:
        # The workers are idle in queue.get() now: cancel them and wait until they are gone.
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return results
