"""Wrong: puts the sentinels before starting the consumers: on a full bounded queue put() waits for ever."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

EXPECT = "start the consumer tasks first, then put the sentinels"

_STOP = object()


async def drain_and_stop(
    queue: asyncio.Queue[Any], consumers: int, handle: Callable[[Any], Awaitable[Any]]
) -> None:
    async def consumer() -> None:
        while True:
            item = await queue.get()
            try:
                if item is _STOP:
                    return
                await handle(item)
            finally:
                queue.task_done()

    for _ in range(consumers):
        await queue.put(_STOP)
    tasks = [asyncio.create_task(consumer()) for _ in range(consumers)]
    await asyncio.gather(*tasks)
