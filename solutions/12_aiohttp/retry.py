"""Retry with backoff and jitter (reference solution)."""

import asyncio
import random
from collections.abc import Callable

import aiohttp


def is_retryable(error: Exception) -> bool:
    """5xx and 429 may pass by themselves, and so may a broken connection; other 4xx won't."""
    if isinstance(error, aiohttp.ClientResponseError):
        return error.status == 429 or error.status >= 500
    return isinstance(error, aiohttp.ClientConnectionError)


def retry_after(error: Exception) -> float | None:
    """The seconds a Retry-After header asks for, if it holds delay-seconds (digits only)."""
    headers = getattr(error, "headers", None) or {}
    value = headers.get("Retry-After", "")
    # Absent, an HTTP date, or no whole number ("2.5", "-1", "inf"): fall back to backoff.
    return float(value) if value.isascii() and value.isdigit() else None


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
    for attempt in range(tries):
        try:
            async with session.get(url) as response:
                response.raise_for_status()  # 4xx/5xx -> ClientResponseError (with headers)
                return await response.json()
        except (aiohttp.ClientResponseError, aiohttp.ClientConnectionError) as error:
            if not is_retryable(error) or attempt == tries - 1:
                raise  # not worth retrying, or out of tries: the caller gets the last error
            delay = retry_after(error)
            if delay is None:
                # Full jitter: anywhere between 0 and a ceiling that doubles, up to `cap`.
                delay = rng() * min(cap, base * 2**attempt)
        await asyncio.sleep(delay)
    raise ValueError(f"tries must be at least 1, not {tries}")
