"""Wrong: cleans up, then raises a new CancelledError of its own instead of the one hedged was
cancelled with: the caller's cancel message (task.cancel("why")) is lost."""

import asyncio

EXPECT = "not the one it was cancelled with"


async def hedged(primary, backup, after):
    tasks = {asyncio.ensure_future(primary())}
    try:
        done, _ = await asyncio.wait(tasks, timeout=after)
        if not done:
            tasks.add(asyncio.ensure_future(backup()))
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        return done.pop().result()
    except asyncio.CancelledError:
        for t in tasks:
            t.cancel()
        await asyncio.wait(tasks)
        raise asyncio.CancelledError("hedged request cancelled") from None
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.wait(tasks)
