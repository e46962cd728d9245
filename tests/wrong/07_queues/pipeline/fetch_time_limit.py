"""Wrong: each fetch gets a time limit of a minute (asyncio.timeout) "a network call must
never wait forever": a slow fetch raises TimeoutError, its worker dies, and that url is never
stored."""

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

EXPECT = "however long its steps take"


async def pipeline(
    urls: Iterable[str],
    fetch: Callable[[str], Awaitable[Any]],
    parse: Callable[[Any], Awaitable[Any]],
    store: Callable[[Any], Awaitable[Any]],
    widths: tuple[int, int, int],
) -> None:
    """Fetch, parse and store every url, with widths[i] workers on stage i."""
    to_fetch: asyncio.Queue[Any] = asyncio.Queue()
    to_parse: asyncio.Queue[Any] = asyncio.Queue()
    to_store: asyncio.Queue[Any] = asyncio.Queue()
    for url in urls:
        to_fetch.put_nowait(url)

    async def worker(
        inbox: asyncio.Queue[Any],
        step: Callable[[Any], Awaitable[Any]],
        outbox: asyncio.Queue[Any] | None,
    ) -> None:
        while True:  # until cancelled
            item = await inbox.get()
            try:
                result = await step(item)
                if outbox is not None:
                    await outbox.put(result)  # before task_done: join() then implies "passed on"
            finally:
                inbox.task_done()

    async def fetch_with_limit(url: str) -> Any:
        async with asyncio.timeout(60):  # a network call: never wait forever
            return await fetch(url)

    stages = [(to_fetch, fetch_with_limit, to_parse), (to_parse, parse, to_store), (to_store, store, None)]
    tasks = [
        asyncio.create_task(worker(inbox, step, outbox))
        for (inbox, step, outbox), width in zip(stages, widths, strict=True)
        for _ in range(width)
    ]
    try:
        # Join in stage order: once a stage's inbox is done, everything it will ever pass
        # on is already in the next queue.
        for queue in (to_fetch, to_parse, to_store):
            await queue.join()
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
