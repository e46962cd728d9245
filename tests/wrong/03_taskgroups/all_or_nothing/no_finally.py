"""Wrong: wait(FIRST_EXCEPTION) with no try/finally: when the caller is cancelled, the fetches
run on in the background."""

import asyncio

EXPECT = "were still running as it ended"


async def fetch_all_or_fail(ids, fetch):
    tasks = [asyncio.create_task(fetch(i)) for i in ids]
    if not tasks:
        return []
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    errors = [t.exception() for t in done if not t.cancelled() and t.exception() is not None]
    if errors:
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending)
        raise ExceptionGroup("some fetches failed", errors)
    return [task.result() for task in tasks]
