"""Correct in another style: await the request, read, and release the response in `finally`."""

import aiohttp


async def get_json(session: aiohttp.ClientSession, url: str) -> dict:
    response = await session.get(url)
    try:
        response.raise_for_status()
        return await response.json()
    finally:
        response.release()
