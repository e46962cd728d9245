"""Correct in another style: a while loop reading response.status, raising only at the end."""

import asyncio
import random
from collections.abc import Callable

import aiohttp

RETRY_STATUSES = {429} | set(range(500, 600))


async def get_with_retry(
    session: aiohttp.ClientSession,
    url: str,
    *,
    tries: int = 5,
    base: float = 0.5,
    cap: float = 8.0,
    rng: Callable[[], float] = random.random,
) -> dict:
    attempt = 0
    while True:
        last_try = attempt + 1 >= tries
        retry_after: str | None = None
        try:
            async with session.get(url) as response:
                if response.status < 400:
                    return await response.json()
                if response.status not in RETRY_STATUSES or last_try:
                    response.raise_for_status()
                retry_after = response.headers.get("Retry-After")
        except aiohttp.ClientConnectionError:
            if last_try:
                raise
        if retry_after is not None and retry_after.replace(".", "", 1).isdigit():
            delay = float(retry_after)
        else:
            delay = rng() * min(cap, base * 2**attempt)
        await asyncio.sleep(delay)
        attempt += 1
