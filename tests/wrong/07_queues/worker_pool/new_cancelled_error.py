"""Wrong: cancelled, it cancels and awaits its workers, then raises a new
CancelledError() of its own instead of the caller's: the cancel message is lost."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "not the one it was cancelled with"


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
                results.append(await handler(item))
            except Exception as exc:  # noqa: BLE001 - a failed item's exception is its result
                results.append(exc)
            finally:
                queue.task_done()  # always, or join() waits forever

    tasks = [asyncio.create_task(worker()) for _ in range(workers)]
    try:
        await queue.join()  # every item got its task_done()
    except asyncio.CancelledError:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise asyncio.CancelledError() from None  # "pass the cancellation on"
    finally:
        # The workers are idle in queue.get() now: cancel them and wait until they are gone.
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return results
