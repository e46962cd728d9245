"""Wrong: a task feeds the items into a bounded queue while process_all already awaits its
join(): when the handler finishes at once, join() returns as soon as the items put so far
are done, and the rest are never handled."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "it returned having read only"


async def process_all(
    items: Iterable[Any], handler: Callable[[Any], Awaitable[Any]], workers: int
) -> list[Any]:
    # a bounded queue fed by a task: the items are never all in memory at once
    queue: asyncio.Queue[Any] = asyncio.Queue(workers)
    results: list[Any] = []

    async def feeder() -> None:
        for item in items:
            await queue.put(item)

    async def worker() -> None:
        while True:
            item = await queue.get()
            try:
                results.append(await handler(item))
            except Exception as exc:
                results.append(exc)
            finally:
                queue.task_done()

    tasks = [asyncio.create_task(feeder())]
    tasks += [asyncio.create_task(worker()) for _ in range(workers)]
    await asyncio.sleep(0)
    try:
        await queue.join()
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return results
