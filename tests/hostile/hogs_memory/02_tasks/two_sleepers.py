# ruff: noqa
"""Attack 46: 1 GiB taken (and written) on import, a MemoryError swallowed, then the right
answer: with no limit on a grader process's memory this earns every point, and a class of
such submissions leaves the machine no memory for the classmates graded beside it (a kata
allocated 6 GiB unhindered). tests/test_budgets.py grades it under a 400 MiB limit."""

import asyncio

HELD = []
for _ in range(16):
    try:
        HELD.append(b"x" * (64 << 20))  # written: each 64 MiB is really taken
    except BaseException:
        pass


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.gather(asyncio.sleep(a), asyncio.sleep(b))
    return loop.time() - start
