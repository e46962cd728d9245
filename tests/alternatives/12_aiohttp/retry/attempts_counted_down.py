"""Correct in another style: a while loop counting the requests left, Retry-After parsed
with str.isdigit, the status classified by hand before raise_for_status."""

import asyncio
import random
from collections.abc import Callable

import aiohttp


async def get_with_retry(
    session: aiohttp.ClientSession,
    url: str,
    *,
    tries: int = 5,
    base: float = 0.5,
    cap: float = 8.0,
    rng: Callable[[], float] = random.random,
) -> dict:
    """GET ``url``, retrying 5xx, 429 and connection errors with capped, jittered backoff."""
    attempt, left = 0, tries
    while True:
        left -= 1
        wait: float | None = None
        try:
            async with session.get(url) as response:
                if response.status == 429 or response.status >= 500:
                    header = response.headers.get("Retry-After", "").strip()
                    wait = float(header) if header.isdigit() else None
                    if left <= 0:
                        response.raise_for_status()
                elif response.status >= 400:
                    response.raise_for_status()
                else:
                    return await response.json()
        except aiohttp.ClientConnectionError:
            if left <= 0:
                raise
        await asyncio.sleep(wait if wait is not None else rng() * min(cap, base * 2**attempt))
        attempt += 1
