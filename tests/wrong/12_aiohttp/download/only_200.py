"""Wrong: treats every status but 200 as an error: a 204 or 206 success raises ClientResponseError."""

from pathlib import Path

import aiohttp

EXPECT = "only an error status (4xx, 5xx) raises"

CHUNK = 64 * 1024


async def download(session: aiohttp.ClientSession, url: str, path: Path) -> int:
    async with session.get(url) as resp:
        if resp.status != 200:
            raise aiohttp.ClientResponseError(
                resp.request_info, resp.history, status=resp.status, message=resp.reason or ""
            )
        written = 0
        try:
            with open(path, "wb") as file:
                async for chunk in resp.content.iter_chunked(CHUNK):
                    file.write(chunk)
                    written += len(chunk)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
    return written
