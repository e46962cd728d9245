"""Correct in another style: each worker yields once with `asyncio.sleep(0)` after `go`
opens, a harmless extra step (no time passes, so no polling)."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


async def start_gate(
    n: int, go: asyncio.Event, work: Callable[[int], Awaitable[Any]]
) -> list[float]:
    """Run n workers that wait for `go`, then await work(i); return their start times."""
    loop = asyncio.get_running_loop()

    async def worker(i: int) -> float:
        await go.wait()
        await asyncio.sleep(0)  # give the other workers woken with this one a turn first
        started = loop.time()
        await work(i)
        return started

    return list(await asyncio.gather(*(worker(i) for i in range(n))))
