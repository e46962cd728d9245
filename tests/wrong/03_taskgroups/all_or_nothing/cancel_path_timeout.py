"""Wrong: wait(FIRST_EXCEPTION) by hand; when the caller cancels it, waits for the cancelled
fetches at most 5 s, so a fetch with a longer cleanup still runs when the call ends."""

import asyncio

EXPECT = "it stopped waiting for them before they had finished"


async def fetch_all_or_fail(ids, fetch):
    tasks = [asyncio.ensure_future(fetch(i)) for i in ids]
    if not tasks:
        return []
    try:
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    except asyncio.CancelledError:
        for t in tasks:
            t.cancel()
        await asyncio.wait(tasks, timeout=5)
        raise
    errors = [t.exception() for t in done if not t.cancelled() and t.exception() is not None]
    if errors:
        for t in pending:
            t.cancel()
        if pending:
            await asyncio.wait(pending)
        raise ExceptionGroup("unhandled errors in a TaskGroup", errors)
    return [t.result() for t in tasks]
