"""Correct in another style: session.request("GET", ...), `response.ok`, json.loads of the text."""

import json

import aiohttp


async def get_json(session: aiohttp.ClientSession, url: str) -> dict:
    async with session.request("GET", url) as response:
        if not response.ok:
            response.raise_for_status()
        return json.loads(await response.text())
