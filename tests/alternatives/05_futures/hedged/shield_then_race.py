"""Correct in another style: wait_for on a shielded task, then as_completed over both."""

import asyncio


async def hedged(primary, backup, after):
    first = asyncio.ensure_future(primary())
    tasks = [first]
    try:
        try:
            return await asyncio.wait_for(asyncio.shield(first), after)
        except TimeoutError:
            pass
        tasks.append(asyncio.ensure_future(backup()))
        for next_done in asyncio.as_completed(tasks):
            return await next_done
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
