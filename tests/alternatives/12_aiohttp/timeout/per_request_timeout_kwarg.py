"""Correct in another style: the ClientTimeout built inline, the body read after a status check."""

import asyncio

import aiohttp


async def fetch_with_timeout(session: aiohttp.ClientSession, url: str, total: float) -> dict | None:
    try:
        response = await session.get(url, timeout=aiohttp.ClientTimeout(total))
        async with response:
            if response.status >= 400:
                response.raise_for_status()
            return await response.json()
    except asyncio.TimeoutError:  # noqa: UP041 - the older spelling, same class
        return None
