"""Two sleepers: run two waits at the same time.

Write `two_sleepers(a, b)`. It starts two tasks with `asyncio.create_task`: one sleeps
`a` seconds, the other `b` seconds. Then it awaits both and returns how long that took,
measured on the event loop's clock (`asyncio.get_running_loop().time()`).

Because both tasks sleep at the same time, `two_sleepers(10, 5)` takes 10 seconds, not 15.

    >>> asyncio.run(two_sleepers(2, 1))   # after about 2 s
    2.0

Grade it: nox -s grade -- two_sleepers
"""

import asyncio  # noqa: F401 - the stub, as handed out


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    """Sleep `a` and `b` seconds in two concurrent tasks; return the elapsed loop time."""
    raise NotImplementedError("start two tasks, await both, return the elapsed loop time")
