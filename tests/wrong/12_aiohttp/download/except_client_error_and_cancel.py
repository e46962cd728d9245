"""Wrong: removes the partial file only on an aiohttp.ClientError or a CancelledError: the
session's total timeout, which raises a plain TimeoutError half way, leaves half a file."""

import asyncio
from pathlib import Path

import aiohttp

EXPECT = "That timeout is a plain TimeoutError, not an aiohttp.ClientError"

CHUNK = 64 * 1024


async def download(session: aiohttp.ClientSession, url: str, path: Path) -> int:
    async with session.get(url) as resp:
        resp.raise_for_status()
        written = 0
        try:
            with open(path, "wb") as file:
                async for chunk in resp.content.iter_chunked(CHUNK):
                    file.write(chunk)
                    written += len(chunk)
        except (aiohttp.ClientError, asyncio.CancelledError):
            path.unlink(missing_ok=True)
            raise
    return written
