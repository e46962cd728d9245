"""Hello, world — with a pause: your first coroutine.

Write `hello_world()` as a coroutine function (`async def`). It prints `hello`, waits one
second without blocking the event loop, then prints `world`.

Waiting inside a coroutine is done with `await asyncio.sleep(seconds)`: it pauses this
coroutine and lets the event loop run other work meanwhile. `time.sleep` would freeze the
whole loop, and `asyncio.sleep(1)` without `await` only creates a coroutine object that never
runs (so there is no pause at all).

    >>> asyncio.run(hello_world())
    hello
    world            <- one second later

Key names: `async def`, `await`, `asyncio.sleep`, `asyncio.run`.

Grade it: nox -s grade -- hello_world
"""

import asyncio


async def hello_world() -> None:
    """Print `hello`, await a one-second sleep, print `world`."""
    raise NotImplementedError("print hello, await asyncio.sleep(1), print world")
