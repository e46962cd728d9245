"""Wrong: wait(FIRST_EXCEPTION), cancels the other fetches and raises at once, before they
have finished."""

import asyncio

EXPECT = "had been cancelled but had not finished yet"


async def fetch_all_or_fail(ids, fetch):
    tasks = [asyncio.create_task(fetch(i)) for i in ids]
    if not tasks:
        return []
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    finally:
        for task in tasks:
            task.cancel()
    errors = [t.exception() for t in done if not t.cancelled() and t.exception() is not None]
    if errors:
        raise ExceptionGroup("some fetches failed", errors)
    return [task.result() for task in tasks]
