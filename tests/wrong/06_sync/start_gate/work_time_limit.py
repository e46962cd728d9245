"""Wrong: each worker gives its work(i) at most an hour (asyncio.wait_for) "so a stuck worker
cannot hold the others": a longer work is cut short with TimeoutError."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

EXPECT = "with no time limit of your own"


async def start_gate(
    n: int, go: asyncio.Event, work: Callable[[int], Awaitable[Any]]
) -> list[float]:
    """Run n workers that wait for `go`, then await work(i); return their start times."""
    loop = asyncio.get_running_loop()

    async def worker(i: int) -> float:
        await go.wait()  # sleeps until go.set(); every waiter wakes in the same instant
        started = loop.time()
        await asyncio.wait_for(work(i), 3600)
        return started

    return list(await asyncio.gather(*(worker(i) for i in range(n))))
