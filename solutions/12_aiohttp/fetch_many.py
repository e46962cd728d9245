"""Many URLs, one session, at most `limit` requests in flight (reference solution)."""

import asyncio

import aiohttp


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

        # gather returns results in the order of its arguments, not of completion.
        return await asyncio.gather(*(fetch(url) for url in urls))
