"""Correct in another style: wait(FIRST_EXCEPTION), cancel and await the rest, raise a group."""

import asyncio


async def fetch_all_or_fail(ids, fetch):
    tasks = [asyncio.create_task(fetch(i)) for i in ids]
    if not tasks:
        return []
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    errors = [t.exception() for t in done if not t.cancelled() and t.exception() is not None]
    if errors:
        raise ExceptionGroup("a fetch failed", errors)
    return [task.result() for task in tasks]
