"""Wrong: keeps every body in a dict given as a default argument: that dict lives on between
calls, so a second call returns the first call's bodies without asking the server again."""

import asyncio

import aiohttp

EXPECT = "each call GETs every URL afresh"


async def fetch_many(urls: list[str], limit: int = 5, _seen: dict = {}) -> list[dict]:  # noqa: B006
    semaphore = asyncio.Semaphore(limit)
    async with aiohttp.ClientSession() as session:

        async def fetch(url: str) -> dict:
            if url in _seen:
                return _seen[url]  # already fetched once: why ask again?
            async with semaphore, session.get(url) as response:
                response.raise_for_status()
                _seen[url] = await response.json()
                return _seen[url]

        return list(await asyncio.gather(*(fetch(url) for url in urls)))
