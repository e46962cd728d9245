"""Start gate: n workers wait for one signal, then all start at once.

Write `start_gate(n, go, work)`. Start `n` workers (tasks), numbered 0 to n-1. Each worker
waits until the `asyncio.Event` `go` is set, then notes the loop time
(`asyncio.get_running_loop().time()`) and awaits `work(i)`. `start_gate` returns when every
worker is done, with the list of the workers' start times, in worker order.

Somebody else sets `go` (maybe now, maybe in an hour, maybe it is already set); your code
only waits for it, and never clears it. All workers must start the very moment it is set:
`await go.wait()` sleeps until then, at no cost. With `n = 0` there is no worker: return
`[]` at once. Polling a flag (`while not go.is_set(): await asyncio.sleep(0.01)`) wakes up late,
and burns CPU meanwhile.

    >>> go = asyncio.Event()
    >>> asyncio.get_running_loop().call_later(2.0, go.set)
    >>> await start_gate(3, go, work)     # work takes 1 s
    [2.0, 2.0, 2.0]                        # (loop times; returns at 3.0)

Key API: `asyncio.Event`, `await event.wait()`, `asyncio.gather()` or `asyncio.TaskGroup`.

Grade it: nox -s grade -- start_gate
"""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any


async def start_gate(
    n: int, go: asyncio.Event, work: Callable[[int], Awaitable[Any]]
) -> list[float]:
    """Run n workers that wait for `go`, then await work(i); return their start times."""
    raise NotImplementedError("start n workers that `await go.wait()`, then work(i)")
