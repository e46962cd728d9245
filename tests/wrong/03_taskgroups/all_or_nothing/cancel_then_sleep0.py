"""Wrong: wait(FIRST_EXCEPTION), cancels the other fetches, then `await asyncio.sleep(0)`
instead of awaiting them: a fetch with an `await` in its cleanup is still running at the raise."""

import asyncio

EXPECT = "were still cleaning up"


async def fetch_all_or_fail(ids, fetch):
    tasks = [asyncio.create_task(fetch(i)) for i in ids]
    if not tasks:
        return []
    try:
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    except asyncio.CancelledError:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    errors = [t.exception() for t in done if not t.cancelled() and t.exception() is not None]
    if errors:
        for task in pending:
            task.cancel()
        await asyncio.sleep(0)  # "give them a moment to see it"
        raise ExceptionGroup("some fetches failed", errors)
    return [task.result() for task in tasks]
