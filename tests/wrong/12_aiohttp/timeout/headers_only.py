"""Wrong: times out waiting for the headers only; reading the body has no deadline."""

import asyncio

EXPECT = "the timeout must cover reading the body too"


async def fetch_with_timeout(session, url, total):
    try:
        response = await asyncio.wait_for(session.get(url), total)
    except TimeoutError:
        return None
    async with response:
        return await response.json()
