"""Wrong: stores each body at `urls.index(url)`, the first place of its URL, so a URL listed twice fills its first place twice and leaves the second None."""

import asyncio

import aiohttp

EXPECT = "urls.index(url)"


async def fetch_many(urls: list[str], limit: int = 5) -> list[dict]:
    """GET every URL on one session, at most ``limit`` at once; JSON bodies in input order."""
    # The semaphore bounds requests in flight; the connector's limit would only bound
    # connections, and requests waiting for one would already be running their timeouts.
    semaphore = asyncio.Semaphore(limit)

    # One session for the whole batch, closed by `async with` however the batch ends.
    async with aiohttp.ClientSession() as session:

        async def fetch(url: str) -> dict:
            async with semaphore, session.get(url) as response:
                response.raise_for_status()
                return await response.json()

        results: list = [None] * len(urls)

        async def fetch_into(url: str) -> None:
            results[urls.index(url)] = await fetch(url)

        await asyncio.gather(*(fetch_into(url) for url in urls))
        return results
