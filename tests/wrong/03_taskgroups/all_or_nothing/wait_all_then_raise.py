"""Wrong: waits for every fetch to finish, then raises an ExceptionGroup of the errors."""

import asyncio

EXPECT = "Did you wait for every fetch before raising?"


async def fetch_all_or_fail(ids, fetch):
    results = await asyncio.gather(*(fetch(i) for i in ids), return_exceptions=True)
    errors = [r for r in results if isinstance(r, Exception)]
    if errors:
        raise ExceptionGroup("some fetches failed", errors)
    return results
