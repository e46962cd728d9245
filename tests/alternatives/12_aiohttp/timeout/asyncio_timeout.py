"""Correct in another style: asyncio.timeout() around the whole request, body included."""

import asyncio

import aiohttp


async def fetch_with_timeout(session: aiohttp.ClientSession, url: str, total: float) -> dict | None:
    try:
        async with asyncio.timeout(total), session.get(url) as response:
            response.raise_for_status()
            return await response.json()
    except TimeoutError:
        return None
