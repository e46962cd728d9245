"""Wrong: a task feeds the urls into a bounded fetch queue while pipeline already awaits its
join(): when the steps finish at once, join() returns as soon as the urls put so far are
done, and the rest are never fetched."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "it returned having read only"


async def pipeline(
    urls: Iterable[str],
    fetch: Callable[[str], Awaitable[Any]],
    parse: Callable[[Any], Awaitable[Any]],
    store: Callable[[Any], Awaitable[Any]],
    widths: tuple[int, int, int],
) -> None:
    to_fetch: asyncio.Queue[Any] = asyncio.Queue(widths[0])
    to_parse: asyncio.Queue[Any] = asyncio.Queue()
    to_store: asyncio.Queue[Any] = asyncio.Queue()

    async def feeder() -> None:
        for url in urls:
            await to_fetch.put(url)

    async def worker(inbox, step, outbox) -> None:
        while True:
            item = await inbox.get()
            try:
                result = await step(item)
                if outbox is not None:
                    await outbox.put(result)
            finally:
                inbox.task_done()

    stages = [(to_fetch, fetch, to_parse), (to_parse, parse, to_store), (to_store, store, None)]
    tasks = [asyncio.create_task(feeder())] + [
        asyncio.create_task(worker(i, s, o))
        for (i, s, o), w in zip(stages, widths)
        for _ in range(w)
    ]
    await asyncio.sleep(0)
    try:
        for queue in (to_fetch, to_parse, to_store):
            await queue.join()
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
