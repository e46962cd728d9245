"""Wrong: removes the partial file only on ClientPayloadError or CancelledError: a read timeout (or
a disk error) leaves half a file.
"""

import asyncio
from pathlib import Path

import aiohttp

EXPECT = "A timeout interrupts the stream too"

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
        except (aiohttp.ClientPayloadError, asyncio.CancelledError):
            path.unlink(missing_ok=True)
            raise
    return written
