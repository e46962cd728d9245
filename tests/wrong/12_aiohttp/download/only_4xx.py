"""Wrong: raises only on a 4xx status: a 500 error page is written to disk as the download."""

from pathlib import Path

import aiohttp

EXPECT = "a 5xx is an error status too"

CHUNK = 64 * 1024


async def download(session: aiohttp.ClientSession, url: str, path: Path) -> int:
    async with session.get(url) as resp:
        if 400 <= resp.status < 500:  # the file is missing / forbidden
            resp.raise_for_status()
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
