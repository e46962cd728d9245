"""Correct in another style: a `done` flag; try/finally removes the file unless it is set."""

from pathlib import Path

import aiohttp


async def download(session: aiohttp.ClientSession, url: str, path: Path) -> int:
    async with session.get(url) as resp:
        resp.raise_for_status()
        written = 0
        done = False
        try:
            with open(path, "wb") as file:  # noqa: ASYNC230 - small local writes
                async for chunk in resp.content.iter_chunked(64 * 1024):
                    file.write(chunk)
                    written += len(chunk)
            done = True
        finally:
            if not done:  # broken, timed out or cancelled: no half file
                path.unlink()  # noqa: ASYNC240
    return written
