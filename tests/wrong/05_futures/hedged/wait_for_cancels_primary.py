"""Wrong: wait_for cancels the primary on timeout, so it can never win after `after`."""

import asyncio

EXPECT = "wait_for"


async def hedged(primary, backup, after):
    try:
        return await asyncio.wait_for(primary(), after)
    except TimeoutError:
        return await backup()
