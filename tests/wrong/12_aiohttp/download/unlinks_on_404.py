"""Wrong: wraps the whole request, status check included, in the try/except that removes
the partial file: a 404 unlinks the file that was already at path, though it never wrote it."""

from pathlib import Path

import aiohttp

EXPECT = "its content untouched"


async def download(session: aiohttp.ClientSession, url: str, path: Path) -> int:
    written = 0
    try:
        async with session.get(url) as resp:
            resp.raise_for_status()
            with open(path, "wb") as file:
                async for chunk in resp.content.iter_chunked(64 * 1024):
                    file.write(chunk)
                    written += len(chunk)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return written
