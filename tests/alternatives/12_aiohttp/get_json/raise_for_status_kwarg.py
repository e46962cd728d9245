"""Correct in another style: `raise_for_status=True` makes aiohttp raise for 4xx/5xx itself."""

import aiohttp


async def get_json(session: aiohttp.ClientSession, url: str) -> dict:
    async with session.get(url, raise_for_status=True) as response:
        return await response.json()
