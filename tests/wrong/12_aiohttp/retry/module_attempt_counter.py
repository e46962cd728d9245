"""Wrong: the attempt number is a counter at module level, never reset: a second call waits
as if it had already retried as often as every call before it."""

import asyncio
import random

import aiohttp

EXPECT = "each call counts its own attempts"

_attempt = 0


def is_retryable(error):
    if isinstance(error, aiohttp.ClientResponseError):
        return error.status == 429 or error.status >= 500
    return isinstance(error, aiohttp.ClientConnectionError)


def retry_after(error):
    headers = getattr(error, "headers", None) or {}
    value = headers.get("Retry-After", "")
    return float(value) if value.isascii() and value.isdigit() else None


async def get_with_retry(session, url, *, tries=5, base=0.5, cap=8.0, rng=random.random):
    global _attempt
    for n in range(tries):
        attempt = _attempt
        _attempt += 1
        try:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.json()
        except (aiohttp.ClientResponseError, aiohttp.ClientConnectionError) as error:
            if not is_retryable(error) or n == tries - 1:
                raise
            delay = retry_after(error)
            if delay is None:
                delay = rng() * min(cap, base * 2**attempt)
        await asyncio.sleep(delay)
    raise ValueError(f"tries must be at least 1, not {tries}")
