"""Wrong: retries only the connection errors it names (refused, server disconnected): a reset
connection (ClientOSError) or a read timeout (ServerTimeoutError), also ClientConnectionErrors,
is raised at once."""

import asyncio
import random
from collections.abc import Callable

import aiohttp

EXPECT = "not only some of its subclasses"

RETRIED = (
    aiohttp.ClientResponseError,
    aiohttp.ClientConnectorError,
    aiohttp.ServerDisconnectedError,
)


def is_retryable(error: Exception) -> bool:
    if isinstance(error, aiohttp.ClientResponseError):
        return error.status == 429 or error.status >= 500
    return True


def retry_after(error: Exception) -> float | None:
    headers = getattr(error, "headers", None) or {}
    value = headers.get("Retry-After")
    if value is not None and value.strip().isdigit():
        return float(value)
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
    for attempt in range(tries):
        try:
            async with session.get(url) as response:
                response.raise_for_status()
                return await response.json()
        except RETRIED as error:
            if not is_retryable(error) or attempt == tries - 1:
                raise
            delay = retry_after(error)
            if delay is None:
                delay = rng() * min(cap, base * 2**attempt)
        await asyncio.sleep(delay)
    raise ValueError("tries must be at least 1")
