"""Wrong: wait(FIRST_EXCEPTION), cancels the other fetches and waits for them at most 30 s
("so a stuck fetch cannot hang us"): a longer cleanup is still running when it raises."""

import asyncio

EXPECT = "stopped waiting for them too soon"


async def fetch_all_or_fail(ids, fetch):
    tasks = [asyncio.ensure_future(fetch(i)) for i in ids]
    if not tasks:
        return []
    try:
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        errors = [t.exception() for t in tasks if t.done() and not t.cancelled() and t.exception()]
        if errors:
            for t in pending:
                t.cancel()
            await asyncio.wait(pending, timeout=30) if pending else None
            raise ExceptionGroup("unhandled errors in a TaskGroup", errors)
        return [t.result() for t in tasks]
    finally:
        for t in tasks:
            t.cancel()
