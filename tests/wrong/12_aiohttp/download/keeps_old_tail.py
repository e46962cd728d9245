"""Wrong: writes over the file in place ('r+b') without emptying it first.

When the older file at `path` is longer than the new body, its tail is still there after the
download: the file looks complete and is corrupt. 'wb' truncates the file first.
"""

import aiohttp

EXPECT = "the last 102400 bytes of the older file"


async def download(session, url, path):
    async with session.get(url) as resp:
        resp.raise_for_status()
        written = 0
        try:
            path.touch()
            with open(path, "r+b") as file:
                async for chunk in resp.content.iter_chunked(64 * 1024):
                    file.write(chunk)
                    written += len(chunk)
        except aiohttp.ClientPayloadError:
            path.unlink(missing_ok=True)
            raise
    return written
