"""Start gate: n workers wait for one signal, then all start at once (reference solution)."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


async def start_gate(
    n: int, go: asyncio.Event, work: Callable[[int], Awaitable[Any]]
) -> list[float]:
    """Run n workers that wait for `go`, then await work(i); return their start times."""
    loop = asyncio.get_running_loop()

    async def worker(i: int) -> float:
        await go.wait()  # sleeps until go.set(); every waiter wakes in the same instant
        started = loop.time()
        await work(i)
        return started

    return list(await asyncio.gather(*(worker(i) for i in range(n))))
