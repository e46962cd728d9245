# ruff: noqa
"""Attack 21: empty the kit's list of checks of a finished run (``kit.running.CHECKS``, a
list: its identity stays), so that the one that notices a changed clock never runs; then
sleep one after the other and wind the clock back, as attack 12 does."""

import asyncio

asyncio.events.sys.modules["kit.running"].CHECKS.clear()


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.create_task(asyncio.sleep(a))
    await asyncio.create_task(asyncio.sleep(b))
    loop._LoopTimeEventLoop__now -= round(min(a, b) * 1e6)
    return loop.time() - start
