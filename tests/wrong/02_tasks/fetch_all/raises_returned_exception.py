"""Wrong: gathers with return_exceptions=True, then raises any exception found in the list,
so a fetch that *returns* an exception object makes fetch_all raise."""

import asyncio

EXPECT = "goes in the list"


async def fetch_all(ids, fetch):
    results = await asyncio.gather(*(fetch(i) for i in ids), return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results
