"""Wrong: keeps the requests in one module-level set and cancels every task in it on the way out, so the first call to return also cancels the requests of another call running at the same time."""

import asyncio

EXPECT = "the second call ended with"

_tasks = set()


async def hedged(primary, backup, after):
    first = asyncio.ensure_future(primary())
    _tasks.add(first)
    try:
        done, _ = await asyncio.wait({first}, timeout=after)
        if not done:
            second = asyncio.ensure_future(backup())
            _tasks.add(second)
            done, _ = await asyncio.wait({first, second}, return_when=asyncio.FIRST_COMPLETED)
        return done.pop().result()
    finally:
        mine = set(_tasks)
        for task in mine:
            task.cancel()
        await asyncio.wait(mine)
        _tasks.difference_update(mine)
