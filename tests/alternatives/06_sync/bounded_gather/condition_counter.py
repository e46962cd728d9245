"""Correct in another style: a counter of running coroutines guarded by an asyncio.Condition;
each waits for `running < limit` and notifies one waiter when it ends."""

import asyncio


async def bounded_gather(coros, limit):
    condition = asyncio.Condition()
    running = 0

    async def guarded(coro):
        nonlocal running
        async with condition:
            await condition.wait_for(lambda: running < limit)
            running += 1
        try:
            return await coro
        except Exception as exc:  # noqa: BLE001 - errors take their place
            return exc
        finally:
            async with condition:
                running -= 1
                condition.notify()

    return [await task for task in [asyncio.ensure_future(guarded(c)) for c in coros]]
