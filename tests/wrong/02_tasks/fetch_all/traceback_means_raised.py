"""Wrong: gather(return_exceptions=True), then raises any result that is an exception with a traceback, so a fetch that returns an exception it caught earlier makes fetch_all raise."""

import asyncio

EXPECT = "returns (not raises) a FetchError it caught earlier"


async def fetch_all(ids, fetch):
    results = await asyncio.gather(*(fetch(i) for i in ids), return_exceptions=True)
    for r in results:
        if isinstance(r, BaseException) and r.__traceback__ is not None:
            raise r  # it was raised, so it is a failure
    return list(results)
