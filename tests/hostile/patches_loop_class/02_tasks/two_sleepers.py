# ruff: noqa
"""Attack 22: sleep one after the other, and start the second sleep while the loop class's
``call_later`` is replaced for a moment (asyncio's public class, restored at once: no
snapshot sees it), so that its timer is due at once."""

import asyncio

Loop = asyncio.base_events.BaseEventLoop


async def two_sleepers(a: float = 10.0, b: float = 5.0) -> float:
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.create_task(asyncio.sleep(max(a, b)))
    honest = Loop.call_later
    Loop.call_later = lambda self, delay, *args, **kw: honest(self, 0, *args, **kw)
    try:
        task = asyncio.create_task(asyncio.sleep(min(a, b)))
        step = loop.create_future()
        loop.call_soon(step.set_result, None)
        await step
    finally:
        Loop.call_later = honest
    await task
    return loop.time() - start
