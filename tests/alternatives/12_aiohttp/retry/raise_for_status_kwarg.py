"""Correct in another style: raise_for_status=True, one except clause, a helper for the wait."""

import asyncio
import random
from collections.abc import Callable

import aiohttp


def wait_for(error: Exception, attempt: int, base: float, cap: float, rng) -> float:
    headers = getattr(error, "headers", None)
    if headers and "Retry-After" in headers:
        try:
            return float(headers["Retry-After"])
        except ValueError:
            pass
    return rng() * min(cap, base * 2**attempt)


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
        try:
            async with session.get(url, raise_for_status=True) as response:
                return await response.json()
        except aiohttp.ClientError as error:
            status = getattr(error, "status", None)
            transient = (
                status == 429 or status >= 500
                if isinstance(error, aiohttp.ClientResponseError)
                else isinstance(error, aiohttp.ClientConnectionError)
            )
            if not transient or attempt == tries - 1:
                raise
            delay = wait_for(error, attempt, base, cap, rng)
        await asyncio.sleep(delay)
        attempt += 1
