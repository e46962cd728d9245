"""Wrong: opens the file only when the first chunk arrives: an empty body writes no file (and keeps
the older one).
"""

from pathlib import Path

import aiohttp

EXPECT = "left the older file at path as it was"

CHUNK = 64 * 1024


async def download(session: aiohttp.ClientSession, url: str, path: Path) -> int:
    async with session.get(url) as resp:
        resp.raise_for_status()
        written = 0
        file = None
        try:
            async for chunk in resp.content.iter_chunked(CHUNK):
                if file is None:
                    file = open(path, "wb")  # only once there is something to write
                file.write(chunk)
                written += len(chunk)
        except BaseException:
            if file is not None:
                file.close()
                file = None
            path.unlink(missing_ok=True)
            raise
        finally:
            if file is not None:
                file.close()
    return written
