"""Wrong: keeps one backoff counter for error statuses and another for connection errors, so after a mix of failures the exponent is too small: `attempt` numbers every retry."""

import asyncio
import random
from collections.abc import Callable

import aiohttp

EXPECT = "it counted connection errors and error statuses apart"


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
    server_failures = 0
    dropped = 0
    for attempt in range(tries):
        try:
            async with session.get(url) as response:
                response.raise_for_status()  # 4xx/5xx -> ClientResponseError (with headers)
                return await response.json()
        except aiohttp.ClientResponseError as error:
            if not is_retryable(error) or attempt == tries - 1:
                raise
            delay = retry_after(error)
            if delay is None:
                delay = rng() * min(cap, base * 2**server_failures)
            server_failures += 1
        except aiohttp.ClientConnectionError:
            if attempt == tries - 1:
                raise
            delay = rng() * min(cap, base * 2**dropped)
            dropped += 1
        await asyncio.sleep(delay)
    raise ValueError(f"tries must be at least 1, not {tries}")
