"""Wrong: checks for the last try only on the backoff path, so when the last answer carries a Retry-After it still waits those seconds before raising."""

import asyncio
import random
from collections.abc import Callable

import aiohttp

EXPECT = "It waited the seconds Retry-After asked for after the last try had failed"


def is_retryable(error: Exception) -> bool:
    """5xx and 429 may pass by themselves, and so may a broken connection; other 4xx won't."""
    if isinstance(error, aiohttp.ClientResponseError):
        return error.status == 429 or error.status >= 500
    return isinstance(error, aiohttp.ClientConnectionError)


def retry_after(error: Exception) -> float | None:
    """The seconds a Retry-After header asks for, if the error carries a numeric one."""
    headers = getattr(error, "headers", None) or {}
    try:
        return float(headers["Retry-After"])
    except (KeyError, ValueError):  # absent, or an HTTP date: fall back to backoff
        return None


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
    last: Exception = ValueError(f"tries must be at least 1, not {tries}")
    for attempt in range(tries):
        try:
            async with session.get(url) as response:
                response.raise_for_status()  # 4xx/5xx -> ClientResponseError (with headers)
                return await response.json()
        except (aiohttp.ClientResponseError, aiohttp.ClientConnectionError) as err:
            error = err
            if not is_retryable(error):
                raise
            delay = retry_after(error)
            if delay is None:
                if attempt == tries - 1:
                    raise
                # Full jitter: anywhere between 0 and a ceiling that doubles, up to `cap`.
                delay = rng() * min(cap, base * 2**attempt)
        await asyncio.sleep(delay)
        last = error
    raise last
