# ruff: noqa
"""Replace a clock in the time module itself, at import: every grader that reads
`time.monotonic()` (hello_world's, for the real second between `hello` and `world`) and the
kit's own clocks read this one. A hello_world that printed both lines at once and moved this
clock by a second in between got 10/10, unflagged; here the sleeps are awaited one after
the other."""

import asyncio
import time

_real = time.monotonic
_shift = [0.0]


def _monotonic():
    return _real() + _shift[0]


time.monotonic = _monotonic


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(a)
    _shift[0] += 1.0
    await asyncio.sleep(b)
    return loop.time() - start
