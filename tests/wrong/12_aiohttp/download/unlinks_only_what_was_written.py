"""Wrong: removes the file on an error only when some bytes were written: a stream that
breaks before its first byte leaves an empty file, which looks like an empty download."""

from pathlib import Path

import aiohttp

EXPECT = "A file that holds none of the body is partial too"


async def download(session: aiohttp.ClientSession, url: str, path: Path) -> int:
    async with session.get(url) as resp:
        resp.raise_for_status()
        written = 0
        try:
            with open(path, "wb") as file:  # noqa: ASYNC230
                async for chunk in resp.content.iter_chunked(64 * 1024):
                    file.write(chunk)
                    written += len(chunk)
        except BaseException:
            if written:  # nothing written: nothing to clean up, or so it seems
                path.unlink(missing_ok=True)  # noqa: ASYNC240
            raise
    return written
